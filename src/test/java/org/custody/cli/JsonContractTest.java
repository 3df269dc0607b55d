package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command with a {@code --json} option has its record type in docs/json (checked against its output by
 * the README walkthrough test, {@link JsonSchemas#checkAll}) and is listed in docs/json/README.md.
 */
class JsonContractTest {

    /** Commands whose output cannot be produced offline in a test, and the run that checks the same renderer. */
    static final Map<String, String> SAME_RENDERER = Map.of("lists update", "lists import");

    @Test
    void everyJsonOutputHasASchemaCheckedAgainstItAndIsDocumented() throws IOException {
        Set<String> withJson = new TreeSet<>();
        for (CommandLine leaf : ExitCodeWalkTest.leaves(CustodyCommand.commandLine(null))) {
            if (leaf.getCommandSpec().findOption("--json") != null) {
                withJson.add(String.join(" ", ExitCodeWalkTest.path(leaf)));
            }
        }
        assertThat(withJson).hasSizeGreaterThan(20);
        Set<String> checked = JsonSchemas.documentedCommands();
        List<String> missing = new ArrayList<>();
        for (String c : withJson) {
            if (!checked.contains(SAME_RENDERER.getOrDefault(c, c))) missing.add(c);
        }
        assertThat(missing).as("--json outputs without a schema checked by JsonSchemas.COMMANDS").isEmpty();
        String doc = Files.readString(JsonSchemas.DIR.resolve("README.md"));
        for (String c : withJson) assertThat(doc).as("docs/json/README.md names `custody %s`", c).contains("custody " + c);
        for (JsonSchemas.Run r : JsonSchemas.COMMANDS) {
            assertThat(doc).as("docs/json/README.md lists %s.schema.json", r.type()).contains(r.type() + ".schema.json");
        }
    }
}
