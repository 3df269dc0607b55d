package org.custody.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.evidence.Analysis;
import org.custody.evidence.Claim;
import org.custody.evidence.Mention;
import org.custody.evidence.Origin;
import org.custody.evidence.Quote;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.Story;
import org.custody.store.evidence.EvidenceStore;

/**
 * The JSON shapes of {@code custody ingest --json} and {@code custody stories --json}. The ingest shape
 * is a published contract: {"document", "mentions" [type, text, start, end, resolved {id, name} | null],
 * "claims" [kind, article, holder, stance, attributedTo, sentence, start, end], "quotes", "origins",
 * "storyId"}. Keep it stable.
 */
final class EvidenceJson {

    private EvidenceJson() {}

    /** {@link #ingest(Analysis, EvidenceStore.Stored)} with the document's pictures and intake notes. */
    static Map<String, Object> ingest(Analysis a, EvidenceStore.Stored stored, List<org.custody.store.photo.PhotoStore.Attached> photos,
                                      List<String> notes) {
        Map<String, Object> out = ingest(a, stored);
        List<Object> ps = new ArrayList<>();
        for (var p : photos) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("sha256", p.sha256());
            pm.put("file", p.fileName());
            pm.put("newImage", p.newImage());
            pm.put("family", p.family());
            pm.put("familyDistance", p.familyDistance());
            pm.put("earliestDocument", p.earliestDocument());
            pm.put("earliestPoster", p.earliestPoster());
            pm.put("flags", p.flags());
            ps.add(pm);
        }
        out.put("photos", ps);
        out.put("notes", notes);
        return out;
    }

    static Map<String, Object> ingest(Analysis a, EvidenceStore.Stored stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("document", document(a.document(), stored));
        List<Object> mentions = new ArrayList<>();
        for (Mention m : a.mentions()) mentions.add(mention(m));
        out.put("mentions", mentions);
        List<Object> claims = new ArrayList<>();
        for (Claim c : a.claims()) claims.add(claim(c));
        out.put("claims", claims);
        List<Object> quotes = new ArrayList<>();
        for (Quote q : a.quotes()) {
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("text", q.text());
            qm.put("speaker", q.speaker());
            qm.put("start", q.start());
            qm.put("end", q.end());
            quotes.add(qm);
        }
        out.put("quotes", quotes);
        List<Object> origins = new ArrayList<>();
        for (Origin o : a.origins()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("outlet", o.outlet());
            om.put("reporters", o.reporters());
            om.put("credited", o.credited());
            origins.add(om);
        }
        out.put("origins", origins);
        out.put("storyId", stored == null ? null : stored.storyId());
        return out;
    }

    static Map<String, Object> document(SourceDocument d, EvidenceStore.Stored stored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("kind", d.kind().label());
        m.put("source", d.sourceName());
        m.put("outlet", d.outlet());
        m.put("url", d.url());
        m.put("title", d.title());
        m.put("author", d.author());
        m.put("platform", d.platform());
        m.put("published", d.published() == null ? null : d.published().toString());
        m.put("retrieved", d.retrieved() == null ? null : d.retrieved().toString());
        m.put("contentHash", d.contentHash());
        m.put("length", d.text().length());
        if (stored != null) {
            m.put("stored", stored.created() ? "new" : "unchanged");
            m.put("nearDuplicateOf", stored.nearDuplicateOf());
            m.put("storyReasons", stored.storyReasons());
        }
        return m;
    }

    static Map<String, Object> mention(Mention m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", m.type().label());
        out.put("text", m.text());
        out.put("start", m.start());
        out.put("end", m.end());
        out.put("resolved", resolved(m));
        return out;
    }

    private static Map<String, Object> resolved(Mention m) {
        if (m == null || m.resolved() == null) return null;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", m.resolved().id());
        r.put("name", m.resolved().name());
        return r;
    }

    /** An article or holder inside a claim: its text and span, and the resolution ({@code id}/{@code name}, null when unresolved). */
    private static Map<String, Object> party(Mention m) {
        if (m == null) return null;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("text", m.text());
        r.put("start", m.start());
        r.put("end", m.end());
        r.put("id", m.resolved() == null ? null : m.resolved().id());
        r.put("name", m.resolved() == null ? null : m.resolved().name());
        return r;
    }

    static Map<String, Object> claim(Claim c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", c.kind().label());
        out.put("article", party(c.article()));
        out.put("holder", party(c.holder()));
        out.put("stance", c.stance().label());
        out.put("attributedTo", c.attributedTo());
        out.put("sentence", c.sentence());
        out.put("start", c.start());
        out.put("end", c.end());
        return out;
    }

    static Map<String, Object> story(Story s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("independentSources", s.independentSources());
        out.put("origins", s.origins());
        List<Object> docs = new ArrayList<>();
        for (Story.StoryDocument d : s.documents()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("id", d.id());
            dm.put("title", d.title());
            dm.put("outlet", d.outlet());
            dm.put("published", d.published());
            dm.put("nearDuplicateOf", d.nearDuplicateOf());
            docs.add(dm);
        }
        out.put("documents", docs);
        return out;
    }
}
