package org.custody.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.custody.lists.Schema;

/**
 * The rows of a {@code --batch FILE}: either one value per line, or a CSV whose header names its columns
 * (case-insensitive; {@code name} for screen, {@code name1,name2[,schema]} for compare). Each row keeps
 * its line number so a bad row can be named. Rows are read one at a time ({@link #forEach}), so a file of
 * any size is never held in memory.
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

    /** Every row of {@code file} in memory (small files: compare batches); see {@link #forEach}. */
    static BatchInput read(Path file, String requiredColumn, List<String> plainColumns) {
        List<Row> rows = new ArrayList<>();
        forEach(file, requiredColumn, plainColumns, rows::add);
        return new BatchInput(rows);
    }

    /**
     * Streams the rows of {@code file} to {@code action}, in file order, and returns how many there were.
     * When its first line holds {@code requiredColumn} as a CSV header it is read as CSV; otherwise every
     * non-blank line is one row whose {@code plainColumns} are split by commas (for screen, a plain line
     * is the whole name). Only the current row is held.
     */
    static long forEach(Path file, String requiredColumn, List<String> plainColumns, Consumer<Row> action) {
        boolean csv;
        try (BufferedReader r = open(file)) {
            String first = r.readLine();
            List<String> header = new ArrayList<>();
            for (String h : (first == null ? "" : first).split(",")) {
                header.add(h.strip().replace("\"", "").toLowerCase(Locale.ROOT));
            }
            csv = header.contains(requiredColumn);
            if (!csv) return plainLines(first, r, plainColumns, action);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).build();
        long count = 0;
        try (BufferedReader r = open(file); CSVParser p = CSVParser.parse(r, fmt)) {
            for (CSVRecord rec : p) {
                Map<String, String> m = new TreeMap<>();
                rec.toMap().forEach((k, v) -> m.put(k.strip().toLowerCase(Locale.ROOT), v));
                action.accept(new Row(rec.getRecordNumber() + 1, m));
                count++;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(file + ": not a readable CSV: " + e.getMessage(), e);
        }
        return count;
    }

    private static long plainLines(String first, BufferedReader r, List<String> plainColumns, Consumer<Row> action)
            throws IOException {
        long n = 0, count = 0;
        for (String line = first; line != null; line = r.readLine()) {
            n++;
            if (line.isBlank()) continue;
            Map<String, String> m = new TreeMap<>();
            if (plainColumns.size() == 1) {
                m.put(plainColumns.getFirst(), line.strip());
            } else {
                String[] parts = line.split(",", plainColumns.size());
                for (int i = 0; i < parts.length; i++) m.put(plainColumns.get(i), parts[i].strip());
            }
            action.accept(new Row(n, m));
            count++;
        }
        return count;
    }

    /** A reader positioned after the byte-order mark, if the file has one. */
    private static BufferedReader open(Path file) throws IOException {
        BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        r.mark(1);
        if (r.read() != '\uFEFF') r.reset();
        return r;
    }
}
