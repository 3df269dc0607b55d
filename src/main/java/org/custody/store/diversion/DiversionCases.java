package org.custody.store.diversion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.custody.catalog.ArticleCatalog;
import org.custody.diversion.DiversionDetector;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.Finding;
import org.custody.diversion.InMemoryLedger;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.SuspicionModel;
import org.custody.evidence.extract.ActorRegistry;
import org.custody.notify.WebhookConfig;
import org.custody.screening.Screener;
import org.custody.store.Database;
import org.custody.store.ledger.ArticleStore;

/**
 * The diversion use cases both doors share (the {@code detect}, {@code case update} and {@code unit-risk}
 * commands and the server's handlers): settings read once from custody.properties, then one call each.
 */
public final class DiversionCases {

    private final Database db;
    private final ScoringConfig scoring;
    private final WebhookConfig webhook;

    public DiversionCases(Database db, ScoringConfig scoring, WebhookConfig webhookOrNull) {
        this.db = db;
        this.scoring = scoring;
        this.webhook = webhookOrNull;
    }

    /** From custody.properties' {@code diversion.*} and {@code notify.webhook.*} keys; a bad value names the file. */
    public static DiversionCases fromProperties(Database db, Properties p, String fileName) {
        ScoringConfig scoring;
        try {
            scoring = ScoringConfig.fromProperties(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
        }
        return new DiversionCases(db, scoring, WebhookConfig.fromProperties(p));
    }

    public ScoringConfig scoring() {
        return scoring;
    }

    public DiversionRunner runner() {
        return new DiversionRunner(db, scoring, webhook, new VettingRequeueFeedback());
    }

    /** What a detection run found and, unless a dry run, what it changed. */
    public record Detection(int claims, int transfers, int serials, List<Finding> findings, String summary, boolean screened) {}

    /**
     * Detection over the evidence store's claims (unless {@code fromStore} is false) plus {@code extraClaims},
     * against the ledger, with holders screened by {@code screenerOrNull} when lists are loaded.
     */
    public Detection detect(Collection<EvidenceClaim> extraClaims, boolean fromStore, Screener screenerOrNull,
                            LocalDate when, boolean dryRun, String actor) {
        List<EvidenceClaim> claims = new ArrayList<>(extraClaims);
        if (fromStore) {
            ArticleCatalog catalog = db.inTransaction(ArticleStore::catalog);
            claims.addAll(db.read(c -> JdbcEvidenceClaims.load(c, catalog)));
        }
        InMemoryLedger ledger = db.inTransaction(c -> JdbcLedgerSnapshot.load(c, scoring.get("distance.area_radius_km")));
        ScreeningDesignations designations = new ScreeningDesignations(screenerOrNull, db, when);
        ActorIdentities identities = new ActorIdentities(ActorRegistry.bundled(), screenerOrNull);
        JdbcCaseContext caseContext = db.read(JdbcCaseContext::load);
        List<Finding> findings;
        String summary;
        if (dryRun) {
            findings = new DiversionDetector(ledger, designations, new SuspicionModel(scoring), identities, caseContext)
                    .detect(claims, when);
            summary = "dry run: no case changed";
        } else {
            DiversionRunner.Report r = runner().detect(ledger, designations, identities, caseContext, claims, when, actor);
            findings = r.findings();
            summary = "cases opened %d, rescored %d (escalated %d), annotated %d; notifications sent %d, failed %d, queued %d"
                    .formatted(r.applied().opened(), r.applied().rescored(), r.applied().escalated(), r.applied().annotated(),
                            r.dispatch().sent(), r.dispatch().failed(), r.dispatch().pending());
        }
        return new Detection(claims.size(), ledger.transferCount(), ledger.serialCount(), findings, summary, screenerOrNull != null);
    }
}
