package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custody.config.CustodyHome;
import org.custody.ledger.Echelon;
import org.custody.ledger.NewOrgUnit;
import org.custody.ledger.NewPerson;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.ledger.CommandPostStore;
import org.custody.store.ledger.OrgUnitStore;
import org.custody.store.ledger.PersonStore;
import org.custody.store.lists.WatchlistStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custody vet ...} end to end on a test database holding the real OFAC SDN list. */
@Tag("db")
class VetCommandTest {

    static Database db;
    static CliContext context;
    static long unit;
    static long commander;

    @BeforeAll
    static void start(@TempDir Path home) {
        db = TestDatabases.fresh();
        context = new CliContext(new CustodyHome(home), db);
        String env = System.getenv("CUSTODY_SHARED_DATA");
        Path shared = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
        Path sdn = shared.resolve("ofac-sdn");
        new WatchlistStore(db).importList(OfacCsvImporter.read(OfacCsvSet.inFolder(sdn).orElseThrow()), sdn.toString());
        db.inTransaction(c -> {
            OrgUnitStore.insert(c, new NewOrgUnit("PMC", "Popular Mobilization Commission", Echelon.COMMAND, "IQ",
                    Optional.empty(), List.of(), Optional.empty()));
            unit = OrgUnitStore.insert(c, new NewOrgUnit("B45", "Brigade 45", Echelon.BRIGADE, "IQ", Optional.of("PMC"),
                    List.of("45th Brigade"), Optional.empty())).id();
            commander = PersonStore.insert(c, new NewPerson(Optional.empty(), "Abu Mahdi al-Mohandes", Optional.empty(),
                    Optional.of("IQ"), List.of())).id();
            CommandPostStore.insert(c, commander, unit, "commander", LocalDate.of(2016, 1, 1), Optional.empty());
            return null;
        });
    }

    @AfterAll
    static void stop() {
        context.close();
        db.close();
    }

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    static Run vet(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "vet";
        System.arraycopy(args, 0, full, 1, args.length);
        return custody(full);
    }

    static Run custody(String... full) {
        CliRun r = CliRun.run(context, full);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    @Test
    void requestAffiliateCheckDismissDecideAndClearFromTheCommandLine() {
        Run add = vet("affiliation", "add", "--from", "unit:" + unit, "--relation", "part_of", "--to-org",
                "Kata'ib Hizballah", "--source", "PMF brigade numbering", "--note", "Brigades 45-47", "--json");
        assertThat(add.code()).as(add.err()).isZero();
        String org = add.json().get("to").asText();
        assertThat(vet("affiliation", "list", "--node", "unit:" + unit).out())
                .contains("Brigade 45 (unit:B45) --part_of--> Kata'ib Hizballah (" + org + ")")
                .contains("source: PMF brigade numbering");

        Run req = vet("request", "--unit", Long.toString(unit), "--purpose", "transfer", "--for", "IQ-B-UAB",
                "--as-of", "2024-06-01", "--json");
        assertThat(req.code()).as(req.err()).isZero();
        long id = req.json().get("id").asLong();
        assertThat(vet("queue").out()).contains("request " + id + "  unit:B45  transfer").contains("not checked yet");

        Run check = vet("check", Long.toString(id));
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out())
                .contains("Brigade 45 --commanded_by--> Abu Mahdi al-Mohandes matched ofac-sdn:11461 AL-MUHANDIS, Abu Mahdi")
                .contains("Brigade 45 --part_of--> Kata'ib Hizballah matched ofac-sdn:11462 KATA'IB HIZBALLAH")
                .contains("why: ")
                .contains("source: PMF brigade numbering")
                .contains("to dismiss: custody vet dismiss unit:B45 --node org:")
                .doesNotContain("unit:" + unit + " ");

        JsonNode shown = vet("show", Long.toString(id), "--json").json();
        assertThat(shown.get("request").get("subject").asText()).isEqualTo("unit:B45");
        assertThat(shown.get("check").get("screened").get(0).get("node").asText()).isEqualTo("unit:B45");
        assertThat(shown.toString()).doesNotContain("\"unit:" + unit + "\"");
        assertThat(shown.get("request").get("status").asText()).isEqualTo("pending");
        JsonNode kh = null;
        for (JsonNode f : shown.get("findings")) {
            if (f.get("entityId").asText().equals("ofac-sdn:11462")) kh = f;
        }
        assertThat(kh).isNotNull();
        assertThat(kh.get("path").asText()).isEqualTo("Brigade 45 --part_of--> Kata'ib Hizballah");
        assertThat(kh.get("edges").get(0).get("source").asText()).isEqualTo("PMF brigade numbering");
        assertThat(kh.get("explanation").get("summary").asText()).isNotBlank();
        assertThat(kh.get("status").asText()).isEqualTo("open");

        Run dismiss = vet("dismiss", "unit:" + unit, "--node", org, "--entity", "ofac-sdn:11462", "--reason",
                "test of the dismissal path", "--json");
        assertThat(dismiss.code()).as(dismiss.err()).isZero();
        assertThat(vet("show", "--unit", Long.toString(unit)).out()).contains("[dismissed]").contains("[open]");

        Run decide = vet("decide", Long.toString(id), "--outcome", "denied", "--reason", "commander is listed",
                "--expires", "2026-06-01", "--json");
        assertThat(decide.code()).as(decide.err()).isZero();
        assertThat(decide.json().get("outcome").asText()).isEqualTo("denied");
        assertThat(decide.json().get("subject").asText()).isEqualTo("unit:B45");

        Run refused = vet("clearance", "--unit", Long.toString(unit), "--date", "2024-07-01", "--json");
        assertThat(refused.code()).as("a refused clearance exits 1").isEqualTo(1);
        JsonNode clearance = refused.json();
        assertThat(clearance.get("cleared").asBoolean()).isFalse();
        assertThat(clearance.get("refusal").asText()).isEqualTo("denied");
        Run refusedText = vet("clearance", "--unit", "B45", "--date", "2024-07-01");
        assertThat(refusedText.code()).isEqualTo(1);
        assertThat(refusedText.out()).startsWith("REFUSED: unit:B45 was denied");
        assertThat(vet("queue", "--json").out()).doesNotContain("\"id\":" + id + ",");
        Run rescreen = vet("rescreen", "--as-of", "2024-06-01");
        assertThat(rescreen.out()).contains("unit:B45: unchanged");
        assertThat(custody("audit", "--subject", "unit:B45").out())
                .contains("vet.request").contains("vet.check").contains("vet.dismiss").contains("vet.decide");
    }

    @Test
    void checkingWithoutAnyListImportedIsRefusedNotPassed(@TempDir Path otherHome) {
        try (Database empty = TestDatabases.fresh(); CliContext ctx = new CliContext(new CustodyHome(otherHome), empty)) {
            long u = empty.inTransaction(c -> OrgUnitStore.insert(c, new NewOrgUnit("X1", "Some Unit", Echelon.BATTALION,
                    "IQ", Optional.empty(), List.of(), Optional.empty())).id());
            CliContext saved = context;
            context = ctx;
            try {
                long id = vet("request", "--unit", Long.toString(u), "--purpose", "training", "--for", "c", "--json")
                        .json().get("id").asLong();
                Run check = vet("check", Long.toString(id));
                assertThat(check.code()).isNotZero();
                assertThat(check.err()).contains("no watchlist imported yet");
                assertThat(vet("show", Long.toString(id)).out()).contains("not checked yet");
            } finally {
                context = saved;
            }
        }
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        Run noUnit = vet("request", "--unit", "99999", "--purpose", "transfer", "--for", "x");
        assertThat(noUnit.code()).isEqualTo(1);
        assertThat(noUnit.err()).contains("unit '99999' is not recorded");
        Run badPurpose = vet("request", "--unit", Long.toString(unit), "--purpose", "shopping", "--for", "x");
        assertThat(badPurpose.err()).contains("unknown purpose 'shopping'");
        Run both = vet("request", "--unit", "1", "--person", "1", "--purpose", "transfer", "--for", "x");
        assertThat(both.code()).isNotZero();
        assertThat(both.err()).contains("mutually exclusive");
        Run badRelation = vet("affiliation", "add", "--from", "unit:" + unit, "--relation", "commanded_by",
                "--to-org", "X", "--source", "s");
        assertThat(badRelation.err()).contains("unknown affiliation relation 'commanded_by'");
        Run badNode = vet("affiliation", "add", "--from", "brigade-45", "--relation", "part_of", "--to-org", "X",
                "--source", "s");
        assertThat(badNode.err()).contains("expected KIND:CODE or KIND:ID");
        assertThat(badNode.code()).isEqualTo(2);
        Run noSource = vet("affiliation", "add", "--from", "unit:" + unit, "--relation", "part_of", "--to-org", "X",
                "--source", " ");
        assertThat(noSource.err()).contains("needs a source");
        Run badOutcome = vet("decide", "1", "--outcome", "maybe", "--reason", "r", "--expires", "2030-01-01");
        assertThat(badOutcome.err()).contains("unknown outcome 'maybe'");
        Run noConditions = vet("decide", "1", "--outcome", "restricted", "--reason", "r", "--expires", "2030-01-01");
        assertThat(noConditions.err()).contains("needs its conditions");
        Run badDate = vet("decide", "1", "--outcome", "approved", "--reason", "r", "--expires", "next year");
        assertThat(badDate.code()).isNotZero();
        assertThat(badDate.err()).contains("--expires");
        Run unknownRequest = vet("check", "424242");
        assertThat(unknownRequest.err()).contains("no vetting request 424242");
    }
}
