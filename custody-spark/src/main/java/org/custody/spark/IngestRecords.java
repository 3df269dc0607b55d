package org.custody.spark;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The records of one input file: the whole file, or for a JSON Lines file of posts ({@code .jsonl}, {@code .ndjson})
 * each non-blank line, named {@code FILE:LINE} and read as the JSON record it is. The order key sorts records by
 * file and line.
 */
public final class IngestRecords {

    private IngestRecords() {}

    /** One input record: a whole file, or one line of a JSON Lines file (named FILE:LINE). */
    public record Record(String name, byte[] bytes, boolean json, String order) {}

    public static List<Record> of(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".jsonl") && !lower.endsWith(".ndjson")) return List.of(new Record(name, bytes, false, name));
        List<Record> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                out.add(new Record(name + ":" + n, line.getBytes(StandardCharsets.UTF_8), true,
                        name + String.format(Locale.ROOT, ":%09d", n)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

}
