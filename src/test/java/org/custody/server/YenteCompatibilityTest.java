package org.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.custody.accounts.LoginThrottle;
import org.custody.accounts.Role;
import org.custody.lists.ListSource;
import org.custody.lists.ParsedList;
import org.custody.lists.Schema;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.lists.WatchlistStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A yente client's view of the server: raw JSON requests in the shapes yente documents (EntityMatchQuery,
 * search, entities, catalog) against the bundled real lists, and the responses checked field by field
 * against yente's response models (EntityMatchResponse, EntityMatches, ScoredEntityResponse, TotalSpec,
 * SearchResponse, DataCatalogModel).
 */
@Tag("db")
class YenteCompatibilityTest {

    @TempDir
    static Path home;
    static Database db;
    static TestServer server;
    static String token;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        List<ParsedList> parsed = new ArrayList<>();
        for (ListSource s : ListSource.detect(List.of(Path.of("data/lists")), null)) parsed.add(s.read());
        new WatchlistStore(db).importAll(parsed, "data/lists");
        server = new TestServer(db, home, () -> {
            WatchlistStore.CurrentLists current = new WatchlistStore(db).loadCurrent();
            return ScreeningEngine.build(current.entities(), current.versions());
        }, new LoginThrottle(5, 20, Duration.ofMinutes(15), Clock.systemUTC()));
        token = server.token(Role.ANALYST);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return ServerApp.JSON.readTree(r.body());
    }

    static final String MATCH_BODY = """
            {
              "queries": {
                "soleimani": {
                  "schema": "Person",
                  "properties": {
                    "name": ["Qassem Soleimani"],
                    "birthDate": ["1957-03-11"],
                    "nationality": ["ir"]
                  }
                },
                "kh": {
                  "schema": "Organization",
                  "properties": {"name": ["Kataib Hezbollah"], "country": ["iq"]}
                },
                "nobody": {
                  "schema": "Person",
                  "properties": {"name": "Emma Daniels"}
                }
              }
            }
            """;

    @Test
    void matchAnswersEachQueryInYentesShape() throws Exception {
        HttpResponse<String> r = server.postJson("/match/default?algorithm=best&limit=3", MATCH_BODY, token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-batch-size")).hasValue("3");
        JsonNode body = json(r);
        assertThat(body.get("limit").asInt()).isEqualTo(3);
        assertThat(body.get("responses").size()).isEqualTo(3);
        // matcher: FeatureDocs, {feature: {description, coefficient, url}}
        JsonNode nameMatch = body.get("matcher").get("name_match");
        assertThat(nameMatch.get("description").asText()).isNotBlank();
        assertThat(nameMatch.get("coefficient").isNumber()).isTrue();
        assertThat(nameMatch.has("url")).isTrue();

        JsonNode s = body.get("responses").get("soleimani");
        assertThat(s.get("status").asInt()).isEqualTo(200);
        assertThat(s.get("total").get("value").isInt()).isTrue();
        assertThat(s.get("total").get("relation").asText()).isEqualTo("eq");
        assertThat(s.get("query").get("schema").asText()).isEqualTo("Person");
        assertThat(s.get("query").get("properties").get("name").get(0).asText()).isEqualTo("Qassem Soleimani");
        JsonNode results = s.get("results");
        assertThat(results.size()).isBetween(1, 3);
        JsonNode top = results.get(0);
        // EntityResponse fields
        for (String f : List.of("id", "caption", "schema", "properties", "datasets", "referents", "target", "first_seen",
                "last_seen", "last_change", "score", "features", "match")) {
            assertThat(top.has(f)).as(f).isTrue();
        }
        assertThat(top.get("schema").asText()).isEqualTo("Person");
        assertThat(top.get("caption").asText()).containsIgnoringCase("SOLEIMANI");
        assertThat(top.get("match").asBoolean()).isTrue();
        assertThat(top.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(top.get("datasets").get(0).asText()).isIn("ofac-sdn", "un-sc");
        // every property is a list of strings
        top.get("properties").fields().forEachRemaining(p -> {
            assertThat(p.getValue().isArray()).as(p.getKey()).isTrue();
            p.getValue().forEach(v -> assertThat(v.isTextual()).isTrue());
        });
        // the entity's details, not only its name
        assertThat(top.get("properties").get("birthDate").toString()).contains("1957");
        assertThat(top.get("properties").get("nationality").toString()).contains("ir");
        assertThat(top.get("properties").has("program")).isTrue();
        assertThat(top.get("list_version").asLong()).isPositive();
        // features are numbers, each explained
        assertThat(top.get("features").get("name_match").isNumber()).isTrue();
        assertThat(top.get("explanations").get("name_match").asText()).isNotBlank();
        assertThat(top.get("explanation").get("summary").asText()).isNotBlank();
        top.get("features").fields().forEachRemaining(f -> assertThat(f.getValue().isNumber()).isTrue());

        JsonNode kh = body.get("responses").get("kh").get("results").get(0);
        assertThat(kh.get("caption").asText()).containsIgnoringCase("HIZBALLAH");
        assertThat(kh.get("schema").asText()).isEqualTo("Organization");
        assertThat(kh.get("match").asBoolean()).isTrue();

        JsonNode nobody = body.get("responses").get("nobody");
        nobody.get("results").forEach(x -> assertThat(x.get("match").asBoolean()).isFalse());
    }

    @Test
    void theScoreIsTheEnginesScore() throws Exception {
        JsonNode top = json(server.postJson("/match/default", MATCH_BODY, token)).get("responses").get("soleimani").get("results").get(0);
        double engine = server.services.screener().screen(new ScreeningQuery("Qassem Soleimani", Schema.PERSON, 40, null,
                "1957-03-11", "ir")).hits().stream().filter(h -> h.entityId().equals(top.get("id").asText())).findFirst()
                .orElseThrow().score();
        assertThat(top.get("score").asDouble()).isEqualTo(engine);
    }

    @Test
    void thresholdLimitAndDatasetBehaveAsInYente() throws Exception {
        JsonNode strict = json(server.postJson("/match/default?threshold=1.0&limit=1", MATCH_BODY, token));
        assertThat(strict.get("limit").asInt()).isEqualTo(1);
        JsonNode kh = strict.get("responses").get("kh");
        assertThat(kh.get("results").size()).isLessThanOrEqualTo(1);
        kh.get("results").forEach(x -> assertThat(x.get("match").asBoolean()).isEqualTo(x.get("score").asDouble() >= 1.0));

        JsonNode un = json(server.postJson("/match/un-sc", MATCH_BODY, token));
        un.get("responses").forEach(resp -> resp.get("results").forEach(x -> assertThat(x.get("datasets").get(0).asText()).isEqualTo("un-sc")));

        HttpResponse<String> unknown = server.postJson("/match/no-such-list", MATCH_BODY, token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).contains("no dataset 'no-such-list'").contains("ofac-sdn");
    }

    @Test
    void malformedQueriesAre400NamingTheField() throws Exception {
        HttpResponse<String> none = server.postJson("/match/default", "{\"queries\":{}}", token);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json(none).get("field").asText()).isEqualTo("queries");
        HttpResponse<String> schema = server.postJson("/match/default",
                "{\"queries\":{\"a\":{\"schema\":\"Spaceship\",\"properties\":{\"name\":[\"X\"]}}}}", token);
        assertThat(schema.statusCode()).isEqualTo(400);
        assertThat(json(schema).get("field").asText()).isEqualTo("queries.a.schema");
        HttpResponse<String> nameless = server.postJson("/match/default",
                "{\"queries\":{\"a\":{\"schema\":\"Person\",\"properties\":{\"birthDate\":[\"1957\"]}}}}", token);
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(json(nameless).get("field").asText()).isEqualTo("queries.a.properties.name");
        HttpResponse<String> typed = server.postJson("/match/default",
                "{\"queries\":{\"a\":{\"schema\":\"Person\",\"properties\":{\"name\":[1]}}}}", token);
        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(json(typed).get("field").asText()).isEqualTo("queries.a.properties.name");
        assertThat(server.postJson("/match/default?threshold=2", MATCH_BODY, token).statusCode()).isEqualTo(400);
        assertThat(server.postJson("/match/default?limit=0", MATCH_BODY, token).statusCode()).isEqualTo(400);
    }

    @Test
    void searchEntitiesCatalogAndHealth() throws Exception {
        HttpResponse<String> sr = server.get("/search/default?q=" + URLEncoder.encode("Kata'ib Hizballah", StandardCharsets.UTF_8) + "&limit=2", token);
        assertThat(sr.statusCode()).isEqualTo(200);
        JsonNode search = json(sr);
        assertThat(search.get("limit").asInt()).isEqualTo(2);
        assertThat(search.get("offset").asInt()).isEqualTo(0);
        assertThat(search.get("total").get("value").asInt()).isPositive();
        assertThat(search.has("facets")).isTrue();
        JsonNode first = search.get("results").get(0);
        assertThat(first.get("caption").asText()).containsIgnoringCase("HIZBALLAH");

        HttpResponse<String> er = server.get("/entities/" + first.get("id").asText(), token);
        assertThat(er.statusCode()).isEqualTo(200);
        JsonNode entity = json(er);
        assertThat(entity.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(entity.get("properties").get("name").get(0).asText()).isEqualTo(first.get("caption").asText());
        assertThat(server.get("/entities/ofac-sdn:0", token).statusCode()).isEqualTo(404);

        JsonNode catalog = json(server.get("/catalog", token));
        List<String> names = new ArrayList<>();
        catalog.get("datasets").forEach(d -> {
            names.add(d.get("name").asText());
            for (String f : List.of("name", "title", "load", "version", "children", "index_current")) assertThat(d.has(f)).as(f).isTrue();
        });
        assertThat(names).contains("ofac-sdn", "un-sc", "default");
        assertThat(catalog.get("current").toString()).contains("default");
        assertThat(catalog.get("outdated").isArray()).isTrue();

        assertThat(json(server.anon("/healthz")).get("status").asText()).isEqualTo("ok");
        assertThat(server.get("/search/default", token).statusCode()).isEqualTo(400);
    }
}
