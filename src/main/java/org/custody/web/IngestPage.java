package org.custody.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custody.catalog.ArticleCatalog;
import org.custody.evidence.Analysis;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.server.ApiException;
import org.custody.server.ServerApp;
import org.custody.store.StoreException;
import org.custody.store.evidence.EvidenceStore;
import org.custody.store.ledger.ArticleStore;

/**
 * Evidence upload: files sent from the browser are read, analysed and stored as {@code custody ingest}
 * does (each file in one transaction, a refused file leaves nothing behind), as a background job whose
 * progress the page polls.
 */
final class IngestPage {

    static final int MAX_FILES = 200;

    private final WebAreas areas;
    private final Jobs jobs;

    IngestPage(WebAreas areas, Jobs jobs) {
        this.areas = areas;
        this.jobs = jobs;
    }

    void form(Context ctx) {
        WebSupport.render(ctx, "ingest.jte", Chrome.of(ctx, "Ingest evidence", "dashboard"), Map.of());
    }

    void upload(Context ctx) {
        List<UploadedFile> files = ctx.uploadedFiles("files");
        if (files.isEmpty()) {
            WebSupport.back(ctx, "/evidence/upload", "error", "choose at least one file (text, HTML, JSON post or field report)");
            return;
        }
        if (files.size() > MAX_FILES) {
            WebSupport.back(ctx, "/evidence/upload", "error", "at most " + MAX_FILES + " files at once, not " + files.size());
            return;
        }
        List<Map.Entry<String, byte[]>> contents = new ArrayList<>();
        for (UploadedFile f : files) {
            try (InputStream in = f.content()) {
                contents.add(Map.entry(f.filename(), in.readAllBytes()));
            } catch (IOException e) {
                throw ApiException.badRequest("cannot read the upload of " + f.filename() + ": " + e.getMessage(), "files");
            }
        }
        Jobs.Job job = jobs.start("ingest " + contents.size() + " file(s)", ServerApp.principal(ctx).username(), contents.size(),
                progress -> ingest(contents, progress));
        ctx.redirect("/jobs/" + job.id, HttpStatus.SEE_OTHER);
    }

    /** One line per file, as {@code custody ingest} prints them; the summary line last. */
    private String ingest(List<Map.Entry<String, byte[]>> files, Jobs.Progress progress) {
        ArticleCatalog catalog = areas.db().inTransaction(ArticleStore::catalog);
        var engine = areas.services().screener();
        EvidenceAnalyzer analyzer = EvidenceAnalyzer.standard(new CatalogArticleResolver(catalog), engine.entityCount() == 0 ? null : engine);
        EvidenceStore store = new EvidenceStore(areas.db());
        int stored = 0;
        int unchanged = 0;
        int refused = 0;
        Instant now = Instant.now();
        for (Map.Entry<String, byte[]> f : files) {
            List<String> lines = new ArrayList<>();
            int[] counts = new int[2];
            try {
                List<SourceDocument> docs = Intake.read(f.getKey(), f.getValue(), now);
                store.storeFile(sink -> {
                    for (SourceDocument d : docs) {
                        Analysis a = analyzer.analyze(d);
                        EvidenceStore.Stored s = sink.store(a);
                        counts[s.created() ? 0 : 1]++;
                        lines.add(f.getKey() + ": " + d.id() + " " + (s.created() ? "new" : "unchanged") + ", "
                                + a.mentions().size() + " mentions, " + a.claims().size() + " claims");
                    }
                });
                stored += counts[0];
                unchanged += counts[1];
                progress.step(lines.isEmpty() ? f.getKey() + ": no document in it" : String.join("; ", lines));
            } catch (IntakeRefusal | StoreException e) {
                refused++;
                progress.step(f.getKey() + ": refused: " + e.getMessage());
            } catch (RuntimeException e) {
                // as custody ingest: a fault in one file is that file's refusal, the batch goes on
                refused++;
                progress.step(f.getKey() + ": not ingested (nothing of it stored): " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        return files.size() + " file(s), " + stored + " document(s) stored, " + unchanged + " unchanged, " + refused + " refused"
                + (stored > 0 ? "; run detection (custody detect) to join new claims to the ledger" : "");
    }

    void jobPage(Context ctx) {
        Jobs.Job job = job(ctx);
        WebSupport.render(ctx, "job.jte", Chrome.of(ctx, job.title, "dashboard"), Map.of("job", job.snapshot()));
    }

    void jobJson(Context ctx) {
        ctx.json(job(ctx).snapshot());
    }

    private Jobs.Job job(Context ctx) {
        long id = WebSupport.id(ctx, "id", "job");
        return jobs.get(id).orElseThrow(() -> ApiException.notFound("no job " + id + " (jobs are kept until the server stops)"));
    }
}
