package org.custody.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custody.cli.CliContext;
import org.custody.cli.Json;
import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence nobody here wrote, end to end through the command line: the test writes its own ledger (140
 * M1A1 Abrams under one FMS case to an armoured division, serials on record, 20 hulls NOT_SEEN at an enhanced
 * inventory), a field report whose item names the M1A1 and its serial while its prose fits no extraction
 * pattern, three re-publications of one invented wire story (one with a rewritten lead and a misspelt
 * outlet), a parade post of the approved division as a control, and a later official denial about "Shia
 * militias". It then asserts one open case for the group, keyed by its identity, with the serial decisive,
 * the re-publications counted as one origin, the inventory gap and the denial shown.
 */
@Tag("db")
class UnseenEvidenceScenarioTest {

    static Database db;
    static CliContext ctx;
    @TempDir
    static Path dir;
    static List<JsonNode> cases = new ArrayList<>();
    static String detectOut;

    @BeforeAll
    static void build() throws Exception {
        db = TestDatabases.fresh();
        ctx = new CliContext(new CustodyHome(dir.resolve("home")), db);
        Path ledger = dir.resolve("ledger.json");
        Files.writeString(ledger, ledgerJson());
        Path check = dir.resolve("inventory.csv");
        StringBuilder csv = new StringBuilder("serial,status,evidence\n");
        for (int i = 1; i <= 140; i++) {
            boolean missing = i >= 121; // hulls 0121-0140 were not presented
            csv.append(serial(i)).append(missing ? ",NOT_SEEN,not presented at the inventory\n" : ",SEEN,\n");
        }
        Files.writeString(check, csv);
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(evidence.resolve("field-report.json"), FIELD_REPORT);
        Files.writeString(evidence.resolve("wire.txt"), WIRE);
        Files.writeString(evidence.resolve("syndicated.txt"), SYNDICATED);
        Files.writeString(evidence.resolve("rewritten.txt"), REWRITTEN);
        Files.writeString(evidence.resolve("parade-post.json"), PARADE_POST);
        Files.writeString(evidence.resolve("denial.txt"), DENIAL);

        run("lists", "import", "--bundled");
        run("ledger", "import", ledger.toString());
        run("eum", "check", "record", "--date", "2017-02-01", "--place", "Besmaya", "--inspector", "EEUM team 2",
                "--unit", "T-34AD", "--items", check.toString());
        run("ingest", evidence.toString());
        detectOut = run("detect", "--as-of", "2018-06-01");
        for (String l : run("cases", "--json").strip().split("\n")) {
            if (!l.isBlank()) cases.add(Json.MAPPER.readTree(l));
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static String serial(int i) {
        return "IQ-M1A1-%04d".formatted(i);
    }

    static String run(String... args) {
        return Commands.run(ctx, args);
    }

    static String ledgerJson() {
        StringBuilder serials = new StringBuilder();
        for (int i = 1; i <= 140; i++) serials.append(i > 1 ? "," : "").append('"').append(serial(i)).append('"');
        return """
                {"units": [
                  {"code": "T-MOD", "name": "Ministry of Defence", "echelon": "MINISTRY", "country": "Iraq"},
                  {"code": "T-ARMY", "name": "Iraqi Army", "echelon": "SERVICE", "country": "Iraq", "parent": "T-MOD"},
                  {"code": "T-34AD", "name": "34th Armoured Division", "echelon": "DIVISION", "country": "Iraq",
                   "parent": "T-ARMY", "aliases": ["34th Division"], "area": {"place": "Besmaya", "lat": 33.17, "lon": 44.63}}
                 ],
                 "transfers": [
                  {"caseId": "IQ-T-ABR", "supplier": "United States", "recipientCountry": "Iraq", "programme": "FMS",
                   "notificationDate": "2009-03-01", "endUsers": ["T-34AD"],
                   "endUseTerms": ["No re-transfer without the prior written consent of the United States Government",
                                   "Enhanced end-use monitoring: serial-number inventory of every hull"],
                   "lots": [{"lot": "1", "article": "M1A1 Abrams", "quantity": 140, "deliveryDate": "2011-05-01",
                             "deliveredTo": "T-34AD", "overrideJustification": "historical delivery recorded for the test",
                             "serials": [%s]}]}
                 ]}
                """.formatted(serials);
    }

    static final String FIELD_REPORT = """
            {"format": "custody-field-report/1", "reportId": "FR-T-0031", "organisation": "Babil monitoring team",
             "author": "Monitor 7", "observedOn": "2018-01-20", "reportedOn": "2018-01-22",
             "location": {"name": "Jurf al-Sakhar", "latitude": 32.88, "longitude": 44.12},
             "title": "Abrams at a Kata'ib Hizballah checkpoint near Jurf al-Sakhar",
             "summary": "An M1A1 Abrams tank was photographed at a checkpoint manned by Kata'ib Hizballah fighters near Jurf al-Sakhar.",
             "observations": [{"text": "Hull number legible on the photograph.",
               "items": [{"description": "M1A1 Abrams", "quantity": 1, "serials": ["IQ-M1A1-0127"]}]}]}
            """;

    static final String WIRE = """
            Title: U.S.-made Abrams tank seen flying the flag of an Iraqi militia
            Outlet: Bloomberg
            Published: 2018-01-24
            Author: Dana Keller

            An American-made M1A1 Abrams tank was filmed flying the yellow banner of Kataib Hizbollah, an Iran-backed \
            Shia militia, on a highway south of Baghdad, Bloomberg's Dana Keller and Omar Haddad report.

            "We have seen the footage and we are asking the Iraqi government for an explanation," a State Department \
            official said, speaking on condition of anonymity.

            "The tank is ours now and it will stay with the brigades," a commander of the group told reporters in \
            Jurf al-Sakhar.

            The militia fields the tank near Jurf al-Sakhar, according to local officials.
            """;

    static final String SYNDICATED = """
            Title: Abrams tank seen flying Iraqi militia flag
            Outlet: Gulf Evening Courier
            Published: 2018-01-25

            An American-made M1A1 Abrams tank was filmed flying the yellow banner of Kataib Hizbollah, an Iran-backed \
            Shia militia, on a highway south of Baghdad, according to Bloomberg.

            "We have seen the footage and we are asking the Iraqi government for an explanation," a State Department \
            official said, speaking on condition of anonymity.

            "The tank is ours now and it will stay with the brigades," a commander of the group told reporters in \
            Jurf al-Sakhar.
            """;

    static final String REWRITTEN = """
            Title: Militia parades American tank, Washington asks Baghdad for answers
            Outlet: Levant Daily Ledger
            Published: 2018-01-26

            WASHINGTON — Washington wants answers from Baghdad after footage showed an Iraqi militia driving a \
            U.S.-built battle tank, Bloomerg is reporting. Kata'ib Hizballah fighters have an M1A1 Abrams tank, \
            according to the report by Dana Keller and Omar Haddad.

            "We have seen the footage and we are asking the Iraqi government for an explanation," a State Department \
            official said.

            "The tank is ours now and it will stay with the brigades," a commander of the group said.

            The Washington Post reported last year that militias had acquired Humvees.
            """;

    static final String PARADE_POST = """
            {"platform": "twitter", "author": "@iraqi_army_news", "postedAt": "2018-01-06",
             "text": "The 34th Armoured Division paraded its M1A1 Abrams tanks at Besmaya on Army Day.",
             "media": [{"type": "photo", "caption": "M1A1 Abrams tanks of the 34th Armoured Division at Besmaya"}]}
            """;

    static final String DENIAL = """
            Title: Pentagon: no sign Iraq handed U.S. weapons to militias
            Outlet: Defense Desk
            Published: 2018-02-10

            A Pentagon spokesman said on Friday that there was no reason to believe the Iraqi government had made any \
            effort to transfer U.S.-supplied weapons to Shia militias.
            """;

    @Test
    void oneOpenCaseForTheGroup() {
        List<JsonNode> kh = cases.stream().filter(UnseenEvidenceScenarioTest::aboutKh).toList();
        assertThat(kh).as(detectOut).hasSize(1);
        assertThat(kh.getFirst().get("status").asText()).isEqualTo("open");
    }

    static boolean aboutKh(JsonNode n) {
        return n.get("holder").get("name").asText().toLowerCase().matches(".*kata.?ib.*");
    }

    static JsonNode khCase() {
        return cases.stream().filter(UnseenEvidenceScenarioTest::aboutKh).findFirst().orElseThrow(() -> new AssertionError(detectOut));
    }

    static JsonNode factor(JsonNode c, String name) {
        for (JsonNode f : c.get("factors")) if (f.get("name").asText().equals(name)) return f;
        throw new AssertionError("no factor " + name + " in " + c);
    }

    @Test
    void theSerialIsDecisiveAndNamesTheTransferAndLot() {
        JsonNode c = khCase();
        assertThat(c.get("transfers")).hasSize(1);
        JsonNode t = c.get("transfers").get(0);
        assertThat(t.get("id").asText()).isEqualTo("IQ-T-ABR#1");
        assertThat(t.get("serialsMatched").toString()).contains("IQ-M1A1-0127");
        assertThat(factor(c, "serial_match").get("value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theRepublicationsCountAsOneOriginAndTheFieldTeamAsAnother() {
        JsonNode c = khCase();
        assertThat(factor(c, "corroboration").get("explanation").asText()).startsWith("2 independent origin(s)");
    }

    @Test
    void theInventoryGapIsShownAndWeighed() {
        JsonNode t = khCase().get("transfers").get(0);
        assertThat(t.get("inventory").get("notSeenOrMissing")).hasSize(20);
        assertThat(t.get("inventory").get("sightedAmongThem").asBoolean()).isTrue();
        JsonNode f = factor(khCase(), "inventory_gap");
        assertThat(f.get("value").asDouble()).isEqualTo(1.0);
        assertThat(f.get("explanation").asText()).contains("20 of 140", "IQ-M1A1-0127 is one of them");
    }

    @Test
    void theDenialAboutShiaMilitiasIsAttachedAndWeighed() {
        JsonNode c = khCase();
        assertThat(c.get("evidence").toString()).contains("\"context\":\"denial\"", "Shia militias");
        assertThat(factor(c, "stance").get("explanation").asText()).contains("official denial");
    }

    @Test
    void theThreeRepublicationsAreOneStory() throws Exception {
        List<JsonNode> stories = new ArrayList<>();
        for (String l : run("stories", "--json").strip().split("\n")) if (!l.isBlank()) stories.add(Json.MAPPER.readTree(l));
        assertThat(stories).as(stories.toString()).anySatisfy(s -> {
            assertThat(s.get("documents")).hasSize(3);
            assertThat(s.get("independentSources").asInt()).isEqualTo(1);
        });
    }

    @Test
    void theCaseIsKeyedByTheListedIdentityAndNoIdentityHasTwoCases() {
        JsonNode holder = khCase().get("holder");
        assertThat(holder.get("id").asText()).as(holder.toString()).startsWith("ofac-sdn:");
        assertThat(holder.get("designation").asText()).contains("KATA'IB HIZBALLAH");
        assertThat(cases.stream().map(n -> n.get("holder").get("id").asText() + "|" + n.get("article").get("family").asText()))
                .doesNotHaveDuplicates();
    }

    @Test
    void noCaseFromTheControl() {
        assertThat(cases).as(detectOut).noneSatisfy(n -> assertThat(n.get("holder").get("name").asText()).contains("34th"));
        assertThat(cases).as(detectOut).allSatisfy(n -> assertThat(aboutKh(n)).isTrue());
    }
}
