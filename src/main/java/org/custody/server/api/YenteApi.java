package org.custody.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.custody.accounts.Capability;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;
import org.custody.lists.Schema;
import org.custody.screening.Explanation;
import org.custody.screening.Hit;
import org.custody.screening.ScoringModel;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;
import org.custody.server.ApiException;
import org.custody.server.Bodies;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.ServerApp;
import org.custody.server.Services;

/**
 * Screening in the dialect of OpenSanctions' yente, so its clients work unchanged: {@code POST
 * /match/{dataset}} (query-by-example with FollowTheMoney entities), {@code GET /search/{dataset}},
 * {@code GET /entities/{id}}, {@code GET /catalog}. Datasets are the list ids ({@code ofac-sdn},
 * {@code un-sc}) and {@code default} (every list). Scores come from the one {@link ScreeningEngine};
 * differences from yente are listed in docs/api.md.
 */
public final class YenteApi {

    /** At most this many queries in one match request (yente's MAX_BATCH default is 100 too). */
    static final int MAX_BATCH = 100;
    static final int MAX_LIMIT = 100;
    static final double DEFAULT_CUTOFF = 0.5;
    static final String DEFAULT_DATASET = "default";
    static final String ALGORITHM = "custody-v1";

    private final Services services;
    private volatile Directory directory;

    public YenteApi(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("screening (yente-compatible)")
                .post("/match/{dataset}", Capability.READ, "Match FollowTheMoney entity examples against a dataset (yente's query-by-example)")
                .query("limit", "integer", "results per query (default 5, at most " + MAX_LIMIT + ")")
                .query("threshold", "number", "score from which a result is a match (default: the engine's alert threshold)")
                .query("cutoff", "number", "lowest score returned at all (default " + DEFAULT_CUTOFF + ", never above threshold)")
                .query("algorithm", "string", "accepted for compatibility; Custody has one scorer (" + ALGORITHM + ")")
                .body("{queries: {key: {schema, properties: {name, alias, birthDate, nationality, country}}}}").to(this::match)
                .get("/search/{dataset}", Capability.READ, "Search a dataset by name")
                .query("q", "string", "the name to search for").query("schema", "string", "FtM schema to restrict to")
                .query("limit", "integer", "results (default 10, at most " + MAX_LIMIT + ")").query("offset", "integer", "results to skip")
                .to(this::search)
                .get("/entities/{id}", Capability.READ, "One listed entity as a FollowTheMoney entity").to(this::entity)
                .get("/catalog", Capability.READ, "The datasets (lists) in the index, with their versions").to(this::catalog)
                .get("/algorithms", Capability.READ, "The scoring algorithm and its features").to(this::algorithms);
    }

    /**
     * The entities of the engine in memory by id, with each list's version; rebuilt when the engine is
     * replaced (a list import or update), so everything cached here belongs to one set of list versions.
     * Each entity's FtM JSON is rendered once, on first use, as a fragment of UTF-8 bytes that a match
     * answer copies as it is; the matcher's feature documentation likewise.
     */
    private record Directory(ScreeningEngine engine, Map<String, ListEntity> byId, Map<String, ListVersion> versions,
                             Map<String, Map<String, Object>> rendered, Map<String, SerializedString> fragments,
                             SerializedString matcher) {
        static Directory of(ScreeningEngine engine) {
            Map<String, ListEntity> byId = new HashMap<>(engine.entityCount() * 2);
            for (ListEntity e : engine.entities()) byId.put(e.id(), e);
            Map<String, ListVersion> versions = new LinkedHashMap<>();
            for (ListVersion v : engine.listVersions()) versions.put(v.listId(), v);
            return new Directory(engine, byId, versions, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                    new SerializedString(toJson(matcherDocs(engine))));
        }

        /** The entity as FtM (rendered once per engine: entities and versions do not change under it), as a fresh copy. */
        Map<String, Object> ftm(String id) {
            Map<String, Object> base = rendered.computeIfAbsent(id, k -> {
                ListEntity e = byId.get(k);
                return e == null ? null : FtmEntities.entity(e, versions.get(e.listId()));
            });
            return base == null ? null : new LinkedHashMap<>(base);
        }

        /** The entity's FtM fields as JSON without the enclosing braces ({@code "id":…,"identifiers":[…]}). */
        SerializedString fragment(String id) {
            return fragments.computeIfAbsent(id, k -> {
                ListEntity e = byId.get(k);
                if (e == null) throw new IllegalStateException("the engine returned an entity it does not hold: " + k);
                String json = toJson(FtmEntities.entity(e, versions.get(e.listId())));
                return new SerializedString(json.substring(1, json.length() - 1));
            });
        }

        private static String toJson(Object value) {
            try {
                return ServerApp.JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not render " + value.getClass().getSimpleName() + " as JSON", e);
            }
        }
    }

    private Directory directory() {
        ScreeningEngine engine = services.screener();
        Directory d = directory;
        if (d == null || d.engine() != engine) {
            d = Directory.of(engine);
            directory = d;
        }
        return d;
    }

    /** Null for {@code default} (every list); a list id otherwise; 404 for anything else. */
    private static String dataset(Directory d, String name) {
        if (name.equals(DEFAULT_DATASET)) return null;
        if (d.versions().containsKey(name)) return name;
        throw ApiException.notFound("no dataset '" + name + "' (datasets: " + DEFAULT_DATASET
                + (d.versions().isEmpty() ? "" : ", " + String.join(", ", d.versions().keySet())) + ")");
    }

    private static double number(Context ctx, String name, double defaultValue) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return defaultValue;
        double x;
        try {
            x = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number from 0 to 1, not '" + v + "'", name);
        }
        if (!(x >= 0 && x <= 1)) throw ApiException.badRequest(name + " must be a number from 0 to 1, not " + v, name);
        return x;
    }

    /** One query of a match request, screened: its key, the example as sent, and the results above the cutoff. */
    private record Answer(String key, String id, String schema, JsonNode properties, List<Hit> results, int total) {}

    private void match(Context ctx) throws IOException {
        Directory d = directory();
        String list = dataset(d, ctx.pathParam("dataset"));
        int limit = Pagination.intParam(ctx, "limit", 5, 1, MAX_LIMIT);
        double threshold = number(ctx, "threshold", d.engine().config().alertThreshold());
        double cutoff = Math.min(number(ctx, "cutoff", DEFAULT_CUTOFF), threshold);
        String algorithm = ctx.queryParam("algorithm");
        JsonNode body = Bodies.object(ctx);
        JsonNode queries = body.get("queries");
        if (queries == null || !queries.isObject()) throw ApiException.badRequest("the body needs a 'queries' object", "queries");
        if (queries.size() > MAX_BATCH) {
            throw ApiException.badRequest("too many queries in one batch (limit: " + MAX_BATCH + ")", "queries");
        }
        if (queries.isEmpty()) throw ApiException.badRequest("no queries provided", "queries");
        // every query is checked and screened before the first byte is written, so an error is a clean 400
        List<Answer> answers = new ArrayList<>(queries.size());
        Iterator<Map.Entry<String, JsonNode>> it = queries.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> q = it.next();
            answers.add(matchOne(d, list, q.getKey(), q.getValue(), limit, threshold, cutoff));
        }
        ctx.header("x-batch-size", Integer.toString(answers.size()));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096 + 4096 * limit * answers.size());
        try (JsonGenerator g = ServerApp.JSON.getFactory().createGenerator(buffer)) {
            g.writeStartObject();
            g.writeObjectFieldStart("responses");
            for (Answer a : answers) writeAnswer(g, d, a, threshold);
            g.writeEndObject();
            g.writeFieldName("matcher");
            g.writeRawValue(d.matcher());
            g.writeNumberField("limit", limit);
            if (algorithm != null && !algorithm.isBlank()) g.writeStringField("algorithm", ALGORITHM);
            g.writeEndObject();
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(buffer.toByteArray());
    }

    private Answer matchOne(Directory d, String list, String key, JsonNode example, int limit,
                            double threshold, double cutoff) {
        String at = "queries." + key;
        if (example == null || !example.isObject()) throw ApiException.badRequest(at + " must be an entity object", at);
        String schemaName = Bodies.text(example, "schema", true);
        Schema schema;
        try {
            schema = FtmEntities.parseSchema(schemaName);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), at + ".schema");
        }
        JsonNode props = example.get("properties");
        if (props == null || !props.isObject()) throw ApiException.badRequest(at + " needs a 'properties' object", at + ".properties");
        List<String> names = new ArrayList<>();
        List<String> birthDates;
        List<String> countries = new ArrayList<>();
        try {
            names.addAll(Bodies.texts(props, "name"));
            names.addAll(Bodies.texts(props, "alias"));
            birthDates = Bodies.texts(props, "birthDate");
            countries.addAll(Bodies.texts(props, "nationality"));
            countries.addAll(Bodies.texts(props, "country"));
            countries.addAll(Bodies.texts(props, "jurisdiction"));
        } catch (ApiException e) {
            throw ApiException.badRequest(at + ".properties: " + e.detail(), at + ".properties." + e.field());
        }
        names.removeIf(String::isBlank);
        if (names.isEmpty()) {
            throw ApiException.badRequest(at + " has no name: Custody matches by name (properties.name)", at + ".properties.name");
        }
        String birthDate = birthDates.isEmpty() ? null : birthDates.getFirst();
        String nationality = countries.isEmpty() ? null : String.join(";", countries);
        List<Scored> scored = screen(d, list, names, schema, birthDate, nationality, threshold);
        List<Hit> results = new ArrayList<>(limit);
        int total = 0;
        for (Scored s : scored) {
            if (s.hit().score() < cutoff) continue;
            total++;
            if (results.size() < limit) results.add(s.hit());
        }
        String id = example.hasNonNull("id") ? example.get("id").asText() : null;
        return new Answer(key, id, schemaName, props, results, total);
    }

    /** {@code key: {status, results, total, query}}: yente's EntityMatchResponse. */
    private static void writeAnswer(JsonGenerator g, Directory d, Answer a, double threshold) throws IOException {
        g.writeObjectFieldStart(a.key());
        g.writeNumberField("status", 200);
        g.writeArrayFieldStart("results");
        for (Hit h : a.results()) writeResult(g, d, h, threshold);
        g.writeEndArray();
        g.writeObjectFieldStart("total");
        g.writeNumberField("value", a.total());
        g.writeStringField("relation", "eq");
        g.writeEndObject();
        g.writeObjectFieldStart("query");
        g.writeStringField("id", a.id());
        g.writeStringField("schema", a.schema());
        g.writeFieldName("properties");
        g.writeTree(a.properties());
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * One result: the entity's pre-rendered FtM fields, then its score, {@code match}, each feature's value
     * ({@code features}) and sentence ({@code explanations}), and Custody's {@code explanation}.
     */
    private static void writeResult(JsonGenerator g, Directory d, Hit h, double threshold) throws IOException {
        g.writeStartObject();
        g.writeNumberField("score", h.score());
        g.writeRaw(',');
        g.writeRaw(d.fragment(h.entityId()));
        g.writeBooleanField("match", h.score() >= threshold);
        Explanation x = h.explanation();
        g.writeObjectFieldStart("features");
        for (Explanation.FeatureScore f : x.features()) g.writeNumberField(f.name(), f.value());
        g.writeEndObject();
        g.writeObjectFieldStart("explanations");
        for (Explanation.FeatureScore f : x.features()) g.writeStringField(f.name(), f.explanation());
        g.writeEndObject();
        g.writeObjectFieldStart("explanation");
        g.writeStringField("matched_alias", x.matchedAlias());
        g.writeStringField("alias_strength", x.aliasStrength());
        g.writeArrayFieldStart("tokens");
        for (Explanation.TokenMatch t : x.tokens()) {
            g.writeStartObject();
            g.writeStringField("query", t.queryToken());
            g.writeStringField("listed", t.listedToken());
            g.writeNumberField("similarity", t.similarity());
            g.writeNumberField("weight", t.weight());
            g.writeStringField("how", t.how());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("normalisations");
        for (String step : x.normalisations()) g.writeString(step);
        g.writeEndArray();
        g.writeStringField("summary", x.summary());
        g.writeEndObject();
        g.writeEndObject();
    }

    private record Scored(Hit hit) {}

    /**
     * Every name of the example is screened (limit: the engine's candidate count) and each entity keeps
     * its best hit, so an example with a name and aliases is one query, as in yente.
     */
    private static List<Scored> screen(Directory d, String list, List<String> names, Schema schema, String birthDate,
                                       String nationality, double threshold) {
        int k = Math.max(1, d.engine().config().candidates());
        Map<String, Hit> best = new LinkedHashMap<>();
        for (String name : names) {
            ScreeningQuery q = new ScreeningQuery(name, schema, k, threshold, birthDate, nationality);
            for (Hit h : d.engine().screen(q).hits()) {
                if (list != null && !h.lists().contains(list)) continue;
                Hit prev = best.get(h.entityId());
                if (prev == null || h.score() > prev.score()) best.put(h.entityId(), h);
            }
        }
        List<Scored> out = new ArrayList<>();
        for (Hit h : best.values()) out.add(new Scored(h));
        out.sort((a, b) -> {
            int c = Double.compare(b.hit().score(), a.hit().score());
            return c != 0 ? c : a.hit().entityId().compareTo(b.hit().entityId());
        });
        return out;
    }

    private static Map<String, Object> matcherDocs(ScreeningEngine engine) {
        Map<String, Object> docs = new LinkedHashMap<>();
        for (ScoringModel.Feature f : engine.config().model().features()) {
            Map<String, Object> fd = new LinkedHashMap<>();
            fd.put("description", f.description());
            fd.put("coefficient", f.weight());
            fd.put("url", null);
            docs.put(f.name(), fd);
        }
        return docs;
    }

    private void search(Context ctx) {
        Directory d = directory();
        String list = dataset(d, ctx.pathParam("dataset"));
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) throw ApiException.badRequest("q (the name to search for) is required", "q");
        int limit = Pagination.intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        int offset = Pagination.intParam(ctx, "offset", 0, 0, MAX_LIMIT);
        String schemaText = ctx.queryParam("schema");
        Schema schema;
        try {
            schema = schemaText == null || schemaText.isBlank() ? null : FtmEntities.parseSchema(schemaText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "schema");
        }
        double threshold = d.engine().config().alertThreshold();
        List<Scored> all = screen(d, list, List.of(q), schema, null, null, threshold);
        all.removeIf(s -> s.hit().score() < DEFAULT_CUTOFF);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = offset; i < all.size() && results.size() < limit; i++) {
            Hit h = all.get(i).hit();
            Map<String, Object> m = d.ftm(h.entityId());
            m.put("score", h.score());
            m.put("match", h.alert());
            results.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("limit", limit);
        out.put("offset", offset);
        out.put("total", Map.of("value", all.size(), "relation", "eq"));
        out.put("results", results);
        out.put("facets", Map.of());
        ctx.json(out);
    }

    private void entity(Context ctx) {
        Directory d = directory();
        String id = ctx.pathParam("id");
        Map<String, Object> e = d.ftm(id);
        if (e == null) throw ApiException.notFound("no entity '" + id + "' in the current lists");
        ctx.json(e);
    }

    private void catalog(Context ctx) {
        Directory d = directory();
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (ListVersion v : d.versions().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.listId());
            m.put("title", title(v.listId()));
            m.put("summary", v.entityCount() + " entities, published " + v.publishedAt() + ", imported " + v.importedAt());
            m.put("url", null);
            m.put("load", true);
            m.put("entities_url", null);
            m.put("version", Long.toString(v.version()));
            m.put("index_version", v.contentHash());
            m.put("index_current", true);
            m.put("children", List.of());
            m.put("published", v.publishedAt());
            m.put("entity_count", v.entityCount());
            datasets.add(m);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", DEFAULT_DATASET);
        all.put("title", "Every list in the index");
        all.put("summary", d.engine().entityCount() + " entities");
        all.put("url", null);
        all.put("load", true);
        all.put("entities_url", null);
        all.put("version", String.join("+", d.versions().values().stream().map(v -> v.listId() + "@" + v.version()).toList()));
        all.put("index_version", null);
        all.put("index_current", true);
        all.put("children", List.copyOf(d.versions().keySet()));
        datasets.add(all);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("datasets", datasets);
        List<String> current = new ArrayList<>(d.versions().keySet());
        current.add(DEFAULT_DATASET);
        out.put("current", current);
        out.put("outdated", List.of());
        out.put("index_stale", false);
        ctx.json(out);
    }

    private void algorithms(Context ctx) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", ALGORITHM);
        a.put("description", "Custody's screening engine: analysed-name alignment plus the declared features below");
        a.put("features", matcherDocs(directory().engine()));
        ctx.json(Map.of("algorithms", List.of(a), "default", ALGORITHM, "best", ALGORITHM));
    }

    private static String title(String listId) {
        return switch (listId) {
            case "ofac-sdn" -> "US OFAC Specially Designated Nationals (SDN) List";
            case "un-sc" -> "UN Security Council Consolidated List";
            default -> listId;
        };
    }
}
