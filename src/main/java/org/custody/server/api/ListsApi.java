package org.custody.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.accounts.Capability;
import org.custody.config.CustodyProperties;
import org.custody.lists.ListSource;
import org.custody.lists.ListVersion;
import org.custody.lists.download.Progress;
import org.custody.server.ApiException;
import org.custody.server.Bodies;
import org.custody.server.Jobs;
import org.custody.server.Routes;
import org.custody.server.ServerApp;
import org.custody.server.Services;
import org.custody.server.Uploads;
import org.custody.store.lists.ListImports;
import org.custody.store.lists.WatchlistStore;

/** Watchlists: versions and history, import of uploaded files, update from the publishers (as {@code custody lists}). */
public final class ListsApi {

    private final Services services;

    public ListsApi(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("lists")
                .get("/api/lists", Capability.READ, "Each list's current version and its version history").to(this::show)
                .post("/api/lists/import", Capability.MANAGE_LISTS, "Import uploaded list files (multipart field 'file', repeatable); all or nothing")
                .query("list", "string", "list id for FtM JSON files").query("allowShrink", "boolean", "accept a version that drops many entities")
                .body("multipart/form-data: file (OFAC CSV set, sdn.xml, UN consolidated.xml, FtM .json)").to(this::importFiles)
                .post("/api/lists/update", Capability.MANAGE_LISTS, "Fetch the configured feeds and import them (a job: poll GET /api/jobs/{id})")
                .body("{sources?: [\"[list=]URL\"], allowShrink?: boolean, timeoutSeconds?: 1-600}").to(this::update);
    }

    private static Map<String, Object> version(ListVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("publishedAt", v.publishedAt());
        m.put("importedAt", v.importedAt() == null ? null : v.importedAt().toString());
        m.put("entities", v.entityCount());
        m.put("contentHash", v.contentHash());
        m.put("source", v.source());
        return m;
    }

    private void show(Context ctx) {
        WatchlistStore store = new WatchlistStore(services.database());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : store.listIds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("list", id);
            List<Map<String, Object>> history = new ArrayList<>();
            for (WatchlistStore.VersionPeriod p : store.history(id)) {
                Map<String, Object> h = version(p.version());
                h.put("validFrom", p.validFrom() == null ? null : p.validFrom().toString());
                h.put("validTo", p.validTo() == null ? null : p.validTo().toString());
                h.put("current", p.current());
                h.put("counts", p.counts());
                if (p.current()) m.put("current", h);
                history.add(h);
            }
            m.put("history", history);
            out.add(m);
        }
        ctx.json(Map.of("lists", out, "screening", Map.of("entities", services.screener().entityCount())));
    }

    private ListImports imports() {
        return new ListImports(services.database(), ListImports.shrinkGuard(CustodyProperties.load(services.home()),
                CustodyProperties.file(services.home()).toString()), services::dropScreener);
    }

    private static List<Map<String, Object>> outcomes(List<WatchlistStore.ImportOutcome> os) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WatchlistStore.ImportOutcome o : os) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("list", o.listId());
            m.put("version", o.version().version());
            m.put("unchanged", o.unchanged());
            m.put("entities", o.version().entityCount());
            m.put("replaced", o.replaced() == null ? null : o.replaced().version());
            out.add(m);
        }
        return out;
    }

    private void importFiles(Context ctx) {
        String list = ctx.queryParam("list");
        boolean allowShrink = "true".equalsIgnoreCase(ctx.queryParam("allowShrink"));
        try (Uploads up = Uploads.of(ctx, "file")) {
            List<ListSource> sources;
            try {
                sources = ListSource.detect(List.of(up.folder()), list == null || list.isBlank() ? null : list.strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage(), "file");
            }
            List<WatchlistStore.ImportOutcome> os;
            try {
                os = imports().parseAndImport(sources, "upload by " + ServerApp.principal(ctx).username() + ": "
                        + String.join(" ", up.files().stream().map(p -> p.getFileName().toString()).toList()), allowShrink);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage(), "file");
            }
            services.reloadScreener();
            ctx.status(201).json(Map.of("imported", outcomes(os), "screening", Map.of("entities", services.screener().entityCount())));
        }
    }

    private void update(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        List<String> sources = Bodies.texts(b, "sources");
        boolean allowShrink = Boolean.TRUE.equals(Bodies.bool(b, "allowShrink"));
        int timeout = 60;
        if (b.has("timeoutSeconds")) {
            if (!b.get("timeoutSeconds").canConvertToInt() || b.get("timeoutSeconds").asInt() < 1 || b.get("timeoutSeconds").asInt() > 600) {
                throw ApiException.badRequest("timeoutSeconds must be a whole number from 1 to 600", "timeoutSeconds");
            }
            timeout = b.get("timeoutSeconds").asInt();
        }
        var props = CustodyProperties.load(services.home());
        int feeds;
        try {
            feeds = org.custody.lists.download.Feed.resolve(sources, props).stream().mapToInt(f -> f.urls().size()).sum();   // a malformed source is the caller's error, now
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "sources");
        }
        Duration t = Duration.ofSeconds(timeout);
        Jobs.Job job = services.jobs().start("lists.update", ServerApp.principal(ctx).username(), progress -> {
            progress.total(feeds);
            List<WatchlistStore.ImportOutcome> os = imports().update(sources, props, services.home().resolve("downloads"), t,
                    new JobProgress(progress), allowShrink);
            services.reloadScreener();
            return Map.of("imported", outcomes(os));
        });
        ctx.status(202).header("Location", "/api/jobs/" + job.id()).json(job.view());
    }

    /**
     * Download progress as the job shows it: one step per file fetched, and while a file downloads its bytes
     * so far as the job's activity (at most every 64 KiB, so a fast download does not write it per buffer).
     */
    private static final class JobProgress implements Progress {
        private final Jobs.Progress job;
        private String label = "";
        private long total;
        private long done;
        private long shown;

        JobProgress(Jobs.Progress job) {
            this.job = job;
        }

        @Override
        public void start(String label, long totalBytes) {
            this.label = label;
            this.total = totalBytes;
            this.done = 0;
            this.shown = 0;
            job.activity("downloading " + label);
        }

        @Override
        public void advance(long bytes) {
            done += bytes;
            if (done - shown >= 65_536) {
                shown = done;
                job.activity("downloading " + label + ": " + done / 1024 + (total > 0 ? " of " + total / 1024 : "") + " KiB");
            }
        }

        @Override
        public void finish() {
            job.step(Map.of("file", label, "bytes", done));
            job.activity("importing");
        }
    }
}
