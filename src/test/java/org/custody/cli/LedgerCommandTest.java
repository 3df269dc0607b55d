package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code custody ledger ...} and {@code custody eum ...} end to end on the demo ledger and real SIPRI data. */
@Tag("db")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerCommandTest {

    static final Path DEMO = Path.of("data", "demo", "ledger");
    static Database db;
    static CliContext context;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        context = new CliContext(new CustodyHome(tmp.resolve("home")), db);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static CliRun run(String... args) {
        return CliRun.run(context, args);
    }

    static JsonNode json(String line) throws IOException {
        return Json.MAPPER.readTree(line);
    }

    @Test
    @Order(1)
    void unvettedUnitsRefuseDeliveriesUnlessOverridden() throws IOException {
        assertThat(run("ledger", "import", DEMO.resolve("units").toString()).exitCode()).isZero();
        CliRun refused = run("ledger", "import", DEMO.resolve("cases").toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("refused").contains("lots.csv:3").contains("nothing imported");
        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, "ledger:cases"));
        assertThat(audit).extracting(AuditEntry::action).contains("ledger.delivery.refused");
        assertThat(run("ledger", "transfers", "--json").lines()).isEmpty();

        Path cases = tmp.resolve("cases");
        Files.createDirectories(cases);
        for (String f : List.of("transfers.csv", "serials.csv")) {
            Files.copy(DEMO.resolve("cases").resolve(f), cases.resolve(f));
        }
        List<String> lots = Files.readAllLines(DEMO.resolve("cases/lots.csv"));
        StringBuilder sb = new StringBuilder(lots.get(0)).append('\n');
        for (String l : lots.subList(1, lots.size())) {
            // lots without a justification get one (the demo's historical lot already has its own)
            sb.append(l).append(l.endsWith(",") ? "\"Delivered before vetting, approved by the chief of mission (test)\"" : "")
                    .append('\n');
        }
        Files.writeString(cases.resolve("lots.csv"), sb);
        CliRun ok = run("ledger", "import", cases.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("3 lots, 10 serials, 3 override(s)").contains("OVERRIDE");
        CliRun json = run("ledger", "import", DEMO.resolve("case.json").toString(), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json(json.lines().get(0)).get("serials").asLong()).isEqualTo(3);
    }

    @Test
    @Order(2)
    void queriesAnswerWhereASerialIsAndWhatWentWhere() throws IOException {
        CliRun serial = run("ledger", "serial", "dnv 14 1001", "--json");
        JsonNode chain = json(serial.lines().get(0));
        assertThat(chain.at("/items/0/caseId").asText()).isEqualTo("DEMO-ITEF-NVD");
        assertThat(chain.at("/items/0/unitCode").asText()).isEqualTo("IQ-35BDE-1");
        assertThat(run("ledger", "serial", "DNV-14-1001").out()).contains("AN/PVS-14").contains("OVERRIDDEN");
        assertThat(run("ledger", "delivered-to", "IQ-9AD", "--json").lines()).hasSize(3);
        assertThat(run("ledger", "delivered-to", "IQ-35BDE-1", "--json").lines()).hasSize(2);
        CliRun tanks = run("ledger", "by-article", "tank", "--country", "Iraq");
        assertThat(tanks.out()).contains("category MAIN_BATTLE_TANK").contains("M1A1 Abrams").contains("1 lot(s), 4 item(s)");
        assertThat(run("ledger", "by-article", "Humvee", "--country", "Iraq", "--json").lines()).hasSize(1);
        assertThat(run("ledger", "units").out()).contains("IQ-35BDE").contains("Taji");
        assertThat(run("ledger", "units", "--under", "IQ-9AD", "--json").lines()).hasSize(4);
        assertThat(run("ledger", "transfers", "--case", "DEMO-FMS-TANKS").out()).contains("lot L1: 4 x M1A1 Abrams");
        CliRun missing = run("ledger", "delivered-to", "IQ-NOPE");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("IQ-NOPE");
    }

    @Test
    @Order(3)
    void inventoryChecksAndFollowUpsFeedTheMonitoringStatus() throws IOException {
        CliRun check = run("eum", "check", "record", "--date", "2017-03-01", "--place", "Camp Taji",
                "--inspector", "J. Smith", "--unit", "IQ-35BDE-1", "--items",
                DEMO.resolve("check-2017-03.csv").toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(run("eum", "follow-up", "DNV-14-1004", "--date", "2017-04-01", "--outcome", "CONFIRMED_MISSING",
                "--note", "checkpoint overrun, device not recovered").exitCode()).isZero();
        JsonNode status = json(run("eum", "status", "--case", "DEMO-ITEF-NVD", "--as-of", "2017-06-30", "--json")
                .lines().get(0));
        assertThat(status.get("enhancedItems").asInt()).isEqualTo(6);
        assertThat(status.get("enhancedVerified").asInt()).isEqualTo(4); // 3 seen + 1 damaged
        assertThat(status.get("missing")).hasSize(1);
        assertThat(status.get("destroyed")).hasSize(1);
        CliRun later = run("eum", "status", "--unit", "IQ-9AD", "--as-of", "2018-06-30");
        assertThat(later.out()).contains("delinquent").contains("DNV-14-1001");
        CliRun bad = run("eum", "check", "record", "--date", "2017-03-01", "--place", "Taji", "--inspector", "x",
                "--item", "DNV-14-1001=SEEN", "--item", "DNV-14-1002=LOST");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("LOST");
        CliRun destroyedNoEvidence = run("eum", "check", "record", "--date", "2017-03-01", "--place", "Taji",
                "--inspector", "x", "--item", "DNV-14-1001=DESTROYED");
        assertThat(destroyedNoEvidence.err()).contains("evidence");
    }

    @Test
    @Order(100)
    void aUnitRecordedIdenticallyIsRecognisedAndOneRecordedDifferentlyIsRefused() throws IOException {
        List<String> units = Files.readAllLines(DEMO.resolve("units/units.csv"));
        Path same = Files.createDirectories(tmp.resolve("same-hierarchy"));
        Files.write(same.resolve("units.csv"), List.of(units.get(0), units.get(3),
                "IQ-9AD-HQ,Headquarters Company,company,Iraq,IQ-9AD,,,,"));
        CliRun ok = run("ledger", "import", same.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(run("ledger", "units", "--under", "IQ-9AD", "--json").lines()).hasSize(5);

        Path other = Files.createDirectories(tmp.resolve("other-hierarchy"));
        Files.write(other.resolve("units.csv"), List.of(units.get(0), units.get(3).replace("9th Armoured", "9th Mechanised")));
        CliRun refused = run("ledger", "import", other.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("units.csv:2").contains("name")
                .contains("recorded '9th Armoured Division', this file '9th Mechanised Division'");
    }

    @Test
    @Order(4)
    void theCatalogueIsListedExtendedAndResolves() throws IOException {
        assertThat(run("ledger", "catalog", "list", "--category", "MRAP", "--json").lines()).hasSizeGreaterThan(4);
        CliRun add = run("ledger", "catalog", "add", "--id", "lav-25", "--category", "INFANTRY_FIGHTING_VEHICLE",
                "--designation", "LAV-25", "--family", "LAV", "--alias", "LAV 25", "--origin", "Canada");
        assertThat(add.exitCode()).as(add.err()).isZero();
        JsonNode r = json(run("ledger", "catalog", "resolve", "two LAV25s and a Humvee", "--json").lines().get(0));
        assertThat(r.get("article").asText()).isEqualTo("lav-25");
        assertThat(run("ledger", "catalog", "add", "--id", "lav-25", "--category", "OTHER", "--designation", "x")
                .err()).contains("already");
    }

    @Test
    @Order(5)
    void sipriRowsImportAsCountryLevelTransfers() throws IOException {
        String env = System.getenv("CUSTODY_SHARED_DATA");
        Path shared = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
        Path sipri = shared.resolve("sipri-deliveries/trade-register.csv");
        CliRun imp = run("ledger", "import", "--sipri", "--recipient", "Iraq", sipri.toString(), "--json");
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(json(imp.lines().get(0)).get("lots").asInt()).isEqualTo(318);
        CliRun abrams = run("ledger", "transfers", "--case", "SIPRI-50354");
        assertThat(abrams.out()).contains("United States -> Iraq").contains("lot 2010: 63 x M-1A1 Abrams [m1a1-abrams]")
                .contains("lot 2012: 9? x");
        List<String> tanks = run("ledger", "by-article", "M1 Abrams", "--country", "Iraq", "--json").lines();
        assertThat(tanks.stream().filter(l -> l.contains("SIPRI-50354")).count()).isEqualTo(3);
        CliRun again = run("ledger", "import", "--sipri", "--recipient", "Iraq", sipri.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("unchanged");
        assertThat(run("ledger", "by-article", "M1 Abrams", "--country", "Iraq", "--json").lines().stream()
                .filter(l -> l.contains("SIPRI-50354")).count()).as("identical re-import adds nothing").isEqualTo(3);
        CliRun otherRecipients = run("ledger", "import", "--sipri", sipri.toString());
        assertThat(otherRecipients.exitCode()).as("different material that repeats a recorded deal is refused").isEqualTo(1);
        assertThat(otherRecipients.err()).contains("already recorded");
    }

    @Test
    @Order(6)
    void malformedFilesAreRefusedWithFileLineAndField() throws IOException {
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("units.csv"), "code,name,echelon,country\nX-1,Unit,brigade,Iraq\nX-2,,brigade,Iraq\n");
        CliRun r = run("ledger", "import", bad.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("units.csv:3").contains("'name'");
        assertThat(run("ledger", "units", "--json").out()).doesNotContain("X-1");
        Path sipri = tmp.resolve("sipri.csv");
        Files.writeString(sipri, "preamble\n" + String.join(",", org.custody.ledger.sipri.SipriDeliveriesTestAccess.header())
                + "\n1,United States,Iraq,M-1A1 Abrams,tank,Armoured vehicles,2008,No,lots,No,2010,No,New,,,,No\n");
        CliRun s = run("ledger", "import", "--sipri", sipri.toString());
        assertThat(s.err()).contains("sipri.csv:3").contains("'Numbers delivered'");
    }
}
