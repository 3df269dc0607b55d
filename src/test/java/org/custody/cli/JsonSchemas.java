package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The JSON Lines contract: one JSON Schema per record type under {@code docs/json/}, and the commands whose
 * {@code --json} output is each type. {@link #checkAll} runs every command and validates every line.
 */
final class JsonSchemas {

    static final Path DIR = Path.of("docs/json");

    /** Record type (schema file docs/json/TYPE.schema.json) → commands printing it. */
    static final Map<String, List<List<String>>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("case", List.of(List.of("cases", "--json")));
        COMMANDS.put("unit-risk", List.of(List.of("unit-risk", "--json"), List.of("unit-risk", "IQ-9AD", "--json")));
        COMMANDS.put("custody-chain", List.of(List.of("ledger", "serial", "DNV-14-1001", "--json"),
                List.of("ledger", "serial", "AB1A-10042", "--json")));
        COMMANDS.put("monitoring-status", List.of(List.of("eum", "status", "--case", "DEMO-ITEF-NVD", "--as-of", "2017-06-30",
                "--json"), List.of("eum", "status", "--unit", "IQ-9AD", "--json")));
        COMMANDS.put("clearance", List.of(List.of("vet", "clearance", "--unit", "IQ-35BDE-1", "--date", "2016-05-01", "--json"),
                List.of("vet", "clearance", "--unit", "IQ-34BDE", "--json")));
        COMMANDS.put("list-history", List.of(List.of("lists", "show", "--json")));
        COMMANDS.put("delivered-item", List.of(List.of("ledger", "delivered-to", "IQ-9AD", "--json"),
                List.of("ledger", "by-article", "M1 Abrams", "--country", "Iraq", "--json")));
    }

    private JsonSchemas() {}

    static JsonSchema schema(String type) {
        Path file = DIR.resolve(type + ".schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static void checkAll(CliContext ctx) throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(DIR)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .forEach(n -> files.add(n.substring(0, n.length() - ".schema.json".length())));
        }
        assertThat(files).as("every schema in docs/json is checked against a command").isEqualTo(new TreeSet<>(COMMANDS.keySet()));
        for (Map.Entry<String, List<List<String>>> e : COMMANDS.entrySet()) {
            JsonSchema schema = schema(e.getKey());
            for (List<String> args : e.getValue()) {
                CliRun run = CliRun.run(ctx, args.toArray(String[]::new));
                String cmd = "custody " + String.join(" ", args);
                assertThat(run.exitCode()).as(cmd + "\n" + run.err()).isZero();
                assertThat(run.lines()).as(cmd + " prints records").isNotEmpty();
                for (String line : run.lines()) {
                    JsonNode node = Json.MAPPER.readTree(line);
                    Set<ValidationMessage> errors = schema.validate(node);
                    assertThat(errors).as("%s: a line does not match docs/json/%s.schema.json:%n%s", cmd, e.getKey(), line)
                            .isEmpty();
                }
            }
        }
    }
}
