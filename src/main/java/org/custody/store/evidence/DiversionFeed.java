package org.custody.store.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.Stance;
import org.custody.evidence.StoredClaim;

/**
 * Stored evidence claims in the shape diversion detection reads ({@link EvidenceClaim}). A claim whose
 * article did not resolve against the catalogue (no designation, family or category) names nothing the
 * ledger could have delivered and is left out; its origin is the claim's independent origin key, so a
 * syndicated copy counts with its wire story.
 */
public final class DiversionFeed {

    private DiversionFeed() {}

    public static List<EvidenceClaim> claims(EvidenceStore store) {
        List<EvidenceClaim> out = new ArrayList<>();
        for (StoredClaim c : store.claims()) {
            EvidenceClaim e = convert(c);
            if (e != null) out.add(e);
        }
        return out;
    }

    static EvidenceClaim convert(StoredClaim c) {
        if (c.articleDesignation() == null && c.articleFamily() == null && c.articleCategory() == null) return null;
        ArticleRef article = new ArticleRef(c.articleDesignation(), c.articleFamily(), c.articleCategory());
        Actor holder = new Actor(c.holderId(), c.holderName() != null ? c.holderName() : c.holderText());
        GeoPoint where = c.latitude() == null || c.longitude() == null ? null : new GeoPoint(c.latitude(), c.longitude());
        return new EvidenceClaim(c.claimId(), ClaimKind.valueOf(c.kind().name()), article, holder,
                c.serials().isEmpty() ? null : c.serials().getFirst(), c.placeName(), where, c.country(), c.date(),
                Stance.valueOf(c.stance().name()), Set.of("origin:" + c.originKey()), c.storyId(), c.documentId(),
                c.sentence(), c.attributedTo());
    }
}
