package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custody.config.CustodyHome;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.CandidateTransfer;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.Designation;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.InMemoryLedger;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.Stance;
import org.custody.diversion.UnitRef;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.diversion.DiversionRunner;
import org.custody.store.diversion.VettingRequeueFeedback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class CaseCommandsTest {

    @TempDir
    Path home;
    Database db;
    CliContext ctx;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh();
        ctx = new CliContext(new CustodyHome(home), db);
        UnitRef div = new UnitRef("u9", "9th Armoured Division", null, new GeoPoint(33.52, 44.26), 60);
        ArticleRef m1a1 = new ArticleRef("M1A1 Abrams", "M1 Abrams", "main battle tank");
        InMemoryLedger ledger = new InMemoryLedger().addUnit(div);
        ledger.addTransfer(new CandidateTransfer("T-1", "IQ-B-UAL", "FMS", "Iraq", LocalDate.of(2010, 8, 1), m1a1,
                List.of(div), true, 140), List.of("AB-1"));
        Actor kh = new Actor("ofac-11462", "Kata'ib Hizballah");
        List<EvidenceClaim> claims = new ArrayList<>();
        for (String origin : List.of("ap", "reuters", "car")) {
            claims.add(new EvidenceClaim("claim-" + origin, ClaimKind.POSSESSION, m1a1, kh, null, "Al-Qa'im",
                    new GeoPoint(34.37, 41.09), "Iraq", LocalDate.of(2015, 6, 1), Stance.ASSERTED, Set.of(origin),
                    "story-" + origin, "doc-" + origin, "An M1A1 Abrams under the Kata'ib Hizballah flag", origin));
        }
        new DiversionRunner(db, ScoringConfig.defaults(), (org.custody.notify.WebhookConfig) null, new VettingRequeueFeedback())
                .detect(ledger, h -> Optional.of(new Designation(Designation.Path.SELF, h.name(), "ofac-11462",
                        "KATA'IB HIZBALLAH", List.of("us-ofac-sdn"), 0.97, "exact")), claims, LocalDate.of(2016, 1, 1), "t");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        CliRun r = CliRun.run(ctx, args);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    @Test
    void casesJsonHasTheStableShape() throws Exception {
        Run r = run("cases", "--json");
        assertThat(r.code()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode n = Json.MAPPER.readTree(lines[0]);
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) keys.add(it.next());
        assertThat(keys).containsExactly("id", "status", "score", "holder", "article", "transfers", "evidence", "factors");
        assertThat(n.get("status").asText()).isEqualTo("open");
        assertThat(n.get("holder").get("name").asText()).isEqualTo("Kata'ib Hizballah");
        assertThat(n.get("article").get("designation").asText()).isEqualTo("M1A1 Abrams");
        assertThat(n.get("transfers").get(0).get("id").asText()).isEqualTo("T-1");
        assertThat(n.get("evidence")).hasSize(3);
        assertThat(n.get("factors")).hasSize(org.custody.diversion.SuspicionModel.FEATURES.size());
        for (JsonNode f : n.get("factors")) {
            List<String> fk = new ArrayList<>();
            f.fieldNames().forEachRemaining(fk::add);
            assertThat(fk).containsExactly("name", "value", "weight", "explanation");
            assertThat(f.get("explanation").asText()).contains("of the score");
        }
    }

    @Test
    void caseWorkFromTheCommandLine() throws Exception {
        long id = Json.MAPPER.readTree(run("cases", "--json").out().strip()).get("id").asLong();
        Run bad = run("case", "update", Long.toString(id), "--status", "confirmed", "--reason", "sure");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("cannot go from open to confirmed");
        assertThat(run("case", "update", Long.toString(id), "--status", "under_review", "--reason", "triage",
                "--assignee", "maria", "--note", "geolocated", "--link-vetting", "req-3").code()).isZero();
        Run dismissed = run("case", "update", Long.toString(id), "--status", "dismissed", "--reason", "parade footage from 2014");
        assertThat(dismissed.code()).isZero();
        assertThat(run("cases", "--status", "dismissed").out()).contains("Kata'ib Hizballah holds M1A1 Abrams");
        assertThat(run("cases", "--status", "open").out()).contains("no diversion cases");
        Run show = run("case", "show", Long.toString(id));
        assertThat(show.out()).contains("score breakdown", "holder_designated", "serial_match", "req-3", "history:",
                "maria", "dismissed");
        // the human view is prose: no JSON objects spliced into it (--json keeps the structure)
        assertThat(show.out().lines().filter(l -> l.contains("{\"") || l.contains("\":")).toList()).isEmpty();
        JsonNode j = Json.MAPPER.readTree(run("case", "show", Long.toString(id), "--json").out());
        List<String> actions = new ArrayList<>();
        j.get("history").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("opened", "assigned", "note", "linked", "status", "status");
        assertThat(run("case", "show", "999").err()).contains("no diversion case 999");
        assertThat(run("case", "update", Long.toString(id)).err()).contains("nothing to update");
    }

    @Test
    void badScoringConfigIsNamed() throws Exception {
        Files.writeString(home.resolve("custody.properties"), "diversion.weight.serial=0.3\n");
        Run r = run("case", "update", "1", "--note", "x");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("custody.properties", "unknown scoring parameter 'diversion.weight.serial'");
    }

    @Test
    void unitRiskListsUnitsConcernedByCases() throws Exception {
        Run r = run("unit-risk", "--json");
        assertThat(r.code()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out().strip().split("\n")[0]);
        assertThat(n.get("unit").asText()).isEqualTo("u9");
        assertThat(n.get("factors")).hasSize(4);
        assertThat(n.get("factors").get(1).get("explanation").asText()).contains("1 open");
        assertThat(run("unit-risk").out()).contains("open_cases", "vetting");
    }
}
