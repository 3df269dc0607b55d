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

    /** One command whose every output line is a record of {@code type} (schema file docs/json/TYPE.schema.json). */
    record Run(String type, List<String> args) {}

    /**
     * Every {@code --json} output, in the order they run at the end of the walkthrough: the read-only ones
     * first, then those that record something (a request, a decision, a dismissal...), each on the
     * walkthrough's own data.
     */
    static final List<Run> COMMANDS = List.of(
            new Run("case", List.of("cases", "--json")),
            new Run("case-detail", List.of("case", "show", "1", "--json")),
            new Run("unit-risk", List.of("unit-risk", "--json")),
            new Run("unit-risk", List.of("unit-risk", "IQ-9AD", "--json")),
            new Run("custody-chain", List.of("ledger", "serial", "DNV-14-1001", "--json")),
            new Run("custody-chain", List.of("ledger", "serial", "AB1A-10042", "--json")),
            new Run("monitoring-status", List.of("eum", "status", "--case", "DEMO-ITEF-NVD", "--as-of", "2017-06-30", "--json")),
            new Run("monitoring-status", List.of("eum", "status", "--unit", "IQ-9AD", "--json")),
            new Run("clearance", List.of("vet", "clearance", "--unit", "IQ-35BDE-1", "--date", "2016-05-01", "--json")),
            new Run("list-history", List.of("lists", "show", "--json")),
            new Run("delivered-item", List.of("ledger", "delivered-to", "IQ-9AD", "--json")),
            new Run("delivered-item", List.of("ledger", "by-article", "M1 Abrams", "--country", "Iraq", "--json")),
            new Run("ledger-unit", List.of("ledger", "units", "--json")),
            new Run("ledger-unit", List.of("ledger", "units", "--under", "IQ-35BDE", "--json")),
            new Run("transfer", List.of("ledger", "transfers", "--json")),
            new Run("transfer-detail", List.of("ledger", "transfers", "--case", "DEMO-ITEF-NVD", "--json")),
            new Run("catalog-article", List.of("ledger", "catalog", "list", "--json")),
            new Run("catalog-match", List.of("ledger", "catalog", "resolve", "two Humvees and an M-1A1", "--json")),
            new Run("screening-result", List.of("screen", "--json", "Kataib Hezbollah", "Abu Mahdi al-Muhandis")),
            new Run("screening-result", List.of("screen", "--json", "--explain", "--nationality", "IQ", "Abu Mahdi al-Muhandis")),
            new Run("comparison", List.of("compare", "--json", "--schema", "person", "Abu Mahdi al-Mohandes", "Abu Mahdi al-Muhandis")),
            new Run("story", List.of("stories", "--json")),
            new Run("story", List.of("stories", "--claims", "--json")),
            new Run("detection", List.of("detect", "--dry-run", "--as-of", "2015-08-01", "--json")),
            new Run("vetting-report", List.of("vet", "show", "4", "--json")),
            new Run("vetting-report", List.of("vet", "show", "--unit", "IQ-35BDE-1", "--json")),
            new Run("affiliation", List.of("vet", "affiliation", "list", "--json")),
            new Run("audit-entry", List.of("audit", "--json")),
            new Run("audit-verification", List.of("audit", "--verify", "--json")),
            new Run("account", List.of("users", "list", "--json")),
            // those that record something
            new Run("list-import", List.of("lists", "import", "--bundled", "--json")),
            new Run("ledger-import", List.of("ledger", "import", "data/demo/ledger/units", "--json")),
            new Run("ingest-result", List.of("ingest", "--json", "data/demo/evidence")),
            new Run("case", List.of("case", "update", "1", "--note", "schema check", "--json")),
            new Run("vetting-request", List.of("vet", "request", "--unit", "IQ-35BDE", "--purpose", "training", "--for",
                    "schema check", "--json")),
            new Run("vetting-report", List.of("vet", "check", "5", "--json")),
            new Run("vetting-report", List.of("vet", "queue", "--json")),
            new Run("vetting-decision", List.of("vet", "decide", "5", "--outcome", "restricted", "--conditions", "training only",
                    "--reason", "schema check", "--expires", "2030-01-01", "--json")),
            new Run("affiliation", List.of("vet", "affiliation", "add", "--from", "person:P-0001", "--relation", "member_of",
                    "--to-org", "Schema Check Group", "--source", "schema check", "--json")),
            new Run("dismissal", List.of("vet", "dismiss", "unit:IQ-34BDE", "--node", "org:1", "--entity", "ofac-sdn:11462",
                    "--reason", "schema check", "--json")),
            new Run("rescreen-outcome", List.of("vet", "rescreen", "--json")));

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
        Set<String> types = new TreeSet<>();
        COMMANDS.forEach(r -> types.add(r.type()));
        assertThat(files).as("every schema in docs/json is checked against a command").isEqualTo(types);
        Map<String, JsonSchema> schemas = new LinkedHashMap<>();
        for (Run r : COMMANDS) {
            JsonSchema schema = schemas.computeIfAbsent(r.type(), JsonSchemas::schema);
            CliRun run = CliRun.run(ctx, r.args().toArray(String[]::new));
            String cmd = "custody " + String.join(" ", r.args());
            assertThat(run.exitCode()).as(cmd + "\n" + run.err()).isZero();
            assertThat(run.lines()).as(cmd + " prints records").isNotEmpty();
            for (String line : run.lines()) {
                JsonNode node = Json.MAPPER.readTree(line);
                Set<ValidationMessage> errors = schema.validate(node);
                assertThat(errors).as("%s: a line does not match docs/json/%s.schema.json:%n%s", cmd, r.type(), line)
                        .isEmpty();
            }
        }
    }

    /** Every command that has a --json option, as "custody a b". */
    static Set<String> documentedCommands() {
        Set<String> out = new TreeSet<>();
        for (Run r : COMMANDS) {
            List<String> words = new java.util.ArrayList<>();
            for (String a : r.args()) {
                if (a.startsWith("-")) break;
                if (!a.matches("[a-z-]+")) break;
                words.add(a);
            }
            out.add(String.join(" ", words));
        }
        return out;
    }
}
