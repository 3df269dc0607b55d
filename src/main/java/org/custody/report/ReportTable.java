package org.custody.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One table of a report: an id (also its CSV file and XLSX sheet name), a title, the sentence saying how
 * it was computed, and its rows as text. Rows are written exactly as they will be printed, so the CSV of
 * the same table is the same bytes every time.
 */
public record ReportTable(String id, String title, String basis, List<String> columns, List<List<String>> rows) {

    public ReportTable {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9-]{1,31}")) throw new IllegalArgumentException("table id '" + id + "' must be 1-31 of a-z 0-9 -");
        columns = List.copyOf(columns);
        int width = columns.size();
        String name = id;
        rows = rows.stream().map(r -> {
            if (r.size() != width) {
                throw new IllegalArgumentException("table " + name + ": a row has " + r.size() + " cells for " + width + " columns");
            }
            return r.stream().map(v -> v == null ? "" : v).toList();
        }).toList();
    }

    /** RFC 4180 CSV (header line, LF line ends, UTF-8 without BOM; quoted only where needed). */
    public byte[] csv() {
        StringBuilder sb = new StringBuilder();
        line(sb, columns);
        for (List<String> r : rows) line(sb, r);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String v = cells.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        sb.append('\n');
    }

    /** Writes the CSV into {@code out} (used to fingerprint a report's data). */
    void csvTo(ByteArrayOutputStream out) {
        out.writeBytes(csv());
    }
}
