package org.custody.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.custody.cli.CliContext;
import org.custody.cli.CustodyCommand;
import org.custody.cli.Json;

/** Runs {@code custody} commands in a scenario as a user types them, on the scenario's own home and database. */
final class Commands {

    private Commands() {}

    /** Standard output of one command, which must succeed (its output is shown when it does not). */
    static String run(CliContext ctx, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = CustodyCommand.execute(ctx, args);
            assertThat(code).as(String.join(" ", args) + "\n" + out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The records of a command's JSON Lines output. */
    static List<JsonNode> jsonLines(String output) {
        List<JsonNode> records = new ArrayList<>();
        try {
            for (String l : output.strip().split("\n")) if (!l.isBlank()) records.add(Json.MAPPER.readTree(l));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
