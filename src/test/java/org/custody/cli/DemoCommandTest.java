package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, end to end on a fresh database, and again on the same one. */
@Tag("db")
class DemoCommandTest {

    @TempDir
    Path home;

    @Test
    void demoRunsThePipelineFromListsToExplainedCasesAndIsRepeatable() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(home), db);
            CliRun first = CliRun.run(ctx, "demo");
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("ofac-sdn:11462").contains("ofac-sdn:10481");
            // the stories step shows the wire story and its syndicated copy as one origin (data/demo/README.md)
            assertThat(first.out()).as(first.out()).containsPattern("2 document\\(s\\), 1 independent source\\(s\\)  origins: "
                    + "[^\\n]*Wire Agency A");

            List<JsonNode> cases = casesJson(ctx);
            assertThat(cases).as("the militia's Abrams tanks open a case").isNotEmpty();
            JsonNode abrams = cases.stream()
                    .filter(c -> c.toString().contains("Abrams") && c.toString().toLowerCase().contains("hizballah"))
                    .findFirst().orElseThrow(() -> new AssertionError("no Abrams case held by Kata'ib Hizballah: " + cases));
            assertThat(abrams.get("score").asDouble()).isPositive();
            assertThat(abrams.get("transfers")).as("candidate deliveries named").isNotEmpty();
            assertThat(abrams.get("evidence")).as("sources named").isNotEmpty();
            assertThat(abrams.get("factors")).allSatisfy(f -> assertThat(f.get("explanation").asText()).isNotBlank());

            CliRun again = CliRun.run(ctx, "demo");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("ofac-sdn: unchanged").contains("unchanged: identical to the import of");
            assertThat(casesJson(ctx)).as("re-running changes no case count").hasSameSizeAs(cases);
        }
    }

    private static List<JsonNode> casesJson(CliContext ctx) throws Exception {
        CliRun run = CliRun.run(ctx, "cases", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String l : run.lines()) out.add(Json.MAPPER.readTree(l));
        return out;
    }
}
