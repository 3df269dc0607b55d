package org.custody.spark;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The records of one input file: the whole file; for a JSON Lines file of posts ({@code .jsonl}, {@code .ndjson})
 * each non-blank line, named {@code FILE:LINE} and read as the JSON record it is; for a WARC file ({@code .warc},
 * {@code .warc.gz}, {@link WarcReader}) each HTML or text document it holds, named {@code FILE@OFFSET.html} or
 * {@code FILE@OFFSET.txt} (the record's byte offset; the ending tells the reader the content type the record
 * declared) and retrieved at the record's {@code WARC-Date}. The order key sorts records by file and position.
 */
public final class IngestRecords {

    private IngestRecords() {}

    /**
     * One input record: a whole file, one line of a JSON Lines file (named FILE:LINE) or one document of a WARC
     * file; {@code retrieved} is null when the file's modification time stands for it.
     */
    public record Record(String name, byte[] bytes, boolean json, String order, Instant retrieved) {

        public Instant retrievedOr(Instant fileTime) {
            return retrieved == null ? fileTime : retrieved;
        }
    }

    /** The records of file {@code name}; a malformed WARC file is a {@link WarcReader.Malformed}. */
    public static List<Record> of(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (WarcReader.isWarc(name)) {
            List<Record> out = new ArrayList<>();
            for (WarcReader.Document d : WarcReader.read(name, bytes)) {
                out.add(new Record(name + "@" + d.offset() + (d.html() ? ".html" : ".txt"), d.payload(), false,
                        name + String.format(Locale.ROOT, "@%015d", d.offset()),
                        d.date() == null ? null : d.date().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            }
            return out;
        }
        if (!lower.endsWith(".jsonl") && !lower.endsWith(".ndjson")) return List.of(new Record(name, bytes, false, name, null));
        List<Record> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                out.add(new Record(name + ":" + n, line.getBytes(StandardCharsets.UTF_8), true,
                        name + String.format(Locale.ROOT, ":%09d", n), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

}
