package org.custody.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.lists.Schema;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a {@code --batch FILE}: either one value per line, or a CSV whose header names its columns
 * (case-insensitive; {@code name} for screen, {@code name1,name2[,schema]} for compare). Each row keeps
 * its line number so a bad row can be named.
 */
record BatchInput(List<Row> rows) {

    record Row(long line, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }

        /** The row's schema column, or {@code fallback} when empty; a bad value names file, line and field. */
        Schema schema(Path file, Schema fallback) {
            if (get("schema").isEmpty()) return fallback;
            try {
                return Schema.parse(get("schema"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + line + ": field schema: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads {@code file}. When its first line holds {@code requiredColumn} as a CSV header it is read as
     * CSV; otherwise every non-blank line is one row whose {@code plainColumns} are split by commas (for
     * screen, a plain line is the whole name).
     */
    static BatchInput read(Path file, String requiredColumn, List<String> plainColumns) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String first = text.lines().findFirst().orElse("");
        List<String> header = new ArrayList<>();
        for (String h : first.split(",")) header.add(h.strip().replace("\"", "").toLowerCase(Locale.ROOT));
        List<Row> rows = new ArrayList<>();
        if (header.contains(requiredColumn)) {
            CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).build();
            try (Reader r = new java.io.StringReader(text); CSVParser p = CSVParser.parse(r, fmt)) {
                for (CSVRecord rec : p) {
                    Map<String, String> m = new TreeMap<>();
                    rec.toMap().forEach((k, v) -> m.put(k.strip().toLowerCase(Locale.ROOT), v));
                    rows.add(new Row(rec.getRecordNumber() + 1, m));
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                throw new IllegalArgumentException(file + ": not a readable CSV: " + e.getMessage(), e);
            }
            return new BatchInput(rows);
        }
        long n = 0;
        for (String line : text.lines().toList()) {
            n++;
            if (line.isBlank()) continue;
            Map<String, String> m = new TreeMap<>();
            if (plainColumns.size() == 1) {
                m.put(plainColumns.getFirst(), line.strip());
            } else {
                String[] parts = line.split(",", plainColumns.size());
                for (int i = 0; i < parts.length; i++) m.put(plainColumns.get(i), parts[i].strip());
            }
            rows.add(new Row(n, m));
        }
        return new BatchInput(rows);
    }
}
