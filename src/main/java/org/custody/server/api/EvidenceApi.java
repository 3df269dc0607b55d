package org.custody.server.api;

import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.accounts.Capability;
import org.custody.evidence.Story;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.screening.ScreeningEngine;
import org.custody.photo.ocr.tesseract.TesseractReader;
import org.custody.server.ApiException;
import org.custody.server.Jobs;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.ServerApp;
import org.custody.server.Services;
import org.custody.server.Uploads;
import org.custody.store.evidence.EvidenceIntake;
import org.custody.store.evidence.EvidenceReads;
import org.custody.store.evidence.EvidenceStore;

/** Evidence: upload and ingest (a job with progress), documents with mentions and claims, stories. */
public final class EvidenceApi {

    private final Services services;

    public EvidenceApi(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("evidence")
                .post("/api/evidence", Capability.INGEST_EVIDENCE, "Upload evidence files to ingest (a job: poll GET /api/jobs/{id} for progress)")
                .body("multipart/form-data: file (repeatable; text, HTML, social-post JSON, field-report JSON)").to(this::ingest)
                .get("/api/evidence/documents", Capability.READ, "Evidence documents, newest first").paged().to(this::documents)
                .get("/api/evidence/documents/{id}", Capability.READ, "A document: text, mentions and claims with offsets, origins")
                .to(this::document)
                .get("/api/evidence/stories", Capability.READ, "Stories: documents grouped, with their independent origins").paged()
                .to(this::stories)
                .get("/api/jobs/{id}", Capability.READ, "Progress and outcome of a job started by this account").to(this::job);
    }

    private void ingest(Context ctx) {
        Uploads up = Uploads.of(ctx, "file");
        ScreeningEngine engine = services.screener();
        Jobs.Job job = services.jobs().start("evidence.ingest", ServerApp.principal(ctx).username(), progress -> {
            try (up) {
                progress.total(up.files().size());
                EvidenceIntake intake = new EvidenceIntake(services.database(), engine.entityCount() == 0 ? null : engine,
                        TesseractReader.ifInstalled().orElse(null));
                int stored = 0;
                int unchanged = 0;
                for (Path f : up.files()) {
                    String name = f.getFileName().toString();
                    try {
                        List<Map<String, Object>> docs = new ArrayList<>();
                        for (EvidenceIntake.Ingested in : intake.ingest(f)) {
                            Map<String, Object> d = new LinkedHashMap<>();
                            d.put("id", in.document().id());
                            d.put("created", in.stored().created());
                            d.put("story", in.stored().storyId());
                            d.put("nearDuplicateOf", in.stored().nearDuplicateOf());
                            d.put("mentions", in.analysis().mentions().size());
                            d.put("claims", in.analysis().claims().size());
                            docs.add(d);
                            if (in.stored().created()) stored++;
                            else unchanged++;
                        }
                        progress.step(Map.of("file", name, "documents", docs));
                    } catch (IntakeRefusal e) {
                        progress.refused(name + ": " + e.getMessage());
                    } catch (RuntimeException e) {
                        progress.refused(name + ": not ingested (nothing of it stored): " + e.getMessage());
                    }
                }
                return Map.of("files", up.files().size(), "stored", stored, "unchanged", unchanged);
            }
        });
        ctx.status(202).header("Location", "/api/jobs/" + job.id()).json(job.view());
    }

    private void documents(Context ctx) {
        Pagination p = Pagination.of(ctx);
        long total = services.database().read(EvidenceReads::documentCount);
        List<Map<String, Object>> items = services.database().read(c -> EvidenceReads.documents(c, p.limit(), p.offset()));
        ctx.json(new Pagination.Page<>(items, total, p.limit(), p.offset()));
    }

    private void document(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(services.database().read(c -> EvidenceReads.document(c, id))
                .orElseThrow(() -> ApiException.notFound("no evidence document '" + id + "'")));
    }

    private void stories(Context ctx) {
        List<Story> all = new EvidenceStore(services.database()).stories();
        ctx.json(Pagination.of(ctx).page(all));
    }

    private void job(Context ctx) {
        long id = ApiSupport.id(ctx, "id");
        Jobs.Job job = services.jobs().get(id).orElseThrow(() -> ApiException.notFound("no job " + id));
        String me = ServerApp.principal(ctx).username();
        if (!job.owner().equals(me) && !ServerApp.principal(ctx).account().role().equals(org.custody.accounts.Role.ADMIN)) {
            throw ApiException.notFound("no job " + id);
        }
        ctx.json(job.view());
    }

}
