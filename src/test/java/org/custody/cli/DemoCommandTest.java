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

@Tag("db")
class DemoCommandTest {

    @TempDir
    Path home;

    @Test
    void demoImportsTheBundledListsOnceAndScreensTheExamples() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(home), db);
            CliRun r = CliRun.run(ctx, "demo", "--json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<JsonNode> lines = new ArrayList<>();
            for (String l : r.lines()) lines.add(Json.MAPPER.readTree(l));
            assertThat(lines).hasSize(DemoCommand.NAMES.size());
            assertThat(lines.getFirst().get("query").asText()).isEqualTo("Kataib Hezbollah");
            assertThat(lines.getFirst().get("hits").get(0).get("entityId").asText()).isEqualTo("ofac-sdn:11462");
            assertThat(lines.getFirst().get("listVersions")).hasSize(2);
            JsonNode badr = lines.get(DemoCommand.NAMES.indexOf(new DemoCommand.Example("Badr Organization",
                    org.custody.lists.Schema.ORGANIZATION)));
            for (JsonNode h : badr.get("hits")) assertThat(h.get("alert").asBoolean()).isFalse();

            CliRun again = CliRun.run(ctx, "demo", "Qasem Soleimani");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.err()).contains("ofac-sdn: unchanged").contains("un-sc: unchanged");
            assertThat(again.out()).contains("ofac-sdn:10481");
        }
    }
}
