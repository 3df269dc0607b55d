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
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.server.ApiException;
import org.custody.server.ServerApp;
import org.custody.store.StoreException;
import org.custody.store.evidence.EvidenceIntake;

/**
 * Evidence upload: files sent from the browser go through {@link EvidenceIntake}, the use case
 * {@code custody ingest} and the API's upload use (each file in one transaction, a refused file leaves
 * nothing behind), as a background job whose progress the page polls.
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
            throw ApiException.badRequest("send at least one file as the multipart field 'files' (text, HTML, JSON post or field report)", "files");
        }
        if (files.size() > MAX_FILES) {
            throw ApiException.badRequest("at most " + MAX_FILES + " files at once, not " + files.size(), "files");
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
        var engine = areas.services().screener();
        EvidenceIntake intake = new EvidenceIntake(areas.db(), engine.entityCount() == 0 ? null : engine);
        int stored = 0;
        int unchanged = 0;
        int refused = 0;
        Instant now = Instant.now();
        for (Map.Entry<String, byte[]> f : files) {
            try {
                List<String> lines = new ArrayList<>();
                for (EvidenceIntake.Ingested i : intake.ingest(f.getKey(), f.getValue(), now)) {
                    if (i.stored().created()) stored++;
                    else unchanged++;
                    lines.add(i.document().id() + " " + (i.stored().created() ? "new" : "unchanged") + ", "
                            + i.analysis().mentions().size() + " mentions, " + i.analysis().claims().size() + " claims");
                }
                progress.step(f.getKey() + ": " + (lines.isEmpty() ? "no document in it" : String.join("; ", lines)));
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
