package org.custody.lists.ofac;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.custody.lists.ListFormatException;

/**
 * Reader for OFAC's legacy CSV files: no header, comma separated, fields optionally in double quotes
 * ({@code ""} escapes a quote), CRLF or LF line ends (also inside quoted fields), {@code -0- } for a
 * null field, and a trailing {@code 0x1A} end-of-file byte. Every row must have exactly the declared
 * columns; anything else is refused with the file, line and column named.
 */
public final class LegacyCsv {

    /** OFAC's marker for an absent value. */
    static final String NULL_MARKER = "-0-";
    private static final int EOF_BYTE = 0x1A;

    /** One row: its fields (null where OFAC wrote {@code -0- }) and the line it started on. */
    public record Row(long line, List<String> fields) {
        public String get(int i) {
            return fields.get(i);
        }
    }

    private final Reader in;
    private final String file;
    private final List<String> columns;
    private long line = 1;
    private int pushback = -2;

    public LegacyCsv(Reader in, String file, List<String> columns) {
        this.in = in;
        this.file = file;
        this.columns = List.copyOf(columns);
    }

    /** Reads every row; blank lines and the EOF byte are skipped. */
    public static List<Row> readAll(Reader in, String file, List<String> columns) throws IOException {
        LegacyCsv csv = new LegacyCsv(in, file, columns);
        List<Row> rows = new ArrayList<>();
        Row r;
        while ((r = csv.next()) != null) rows.add(r);
        return rows;
    }

    private int read() throws IOException {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        try {
            return in.read();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ListFormatException(file, line, "", "not valid UTF-8 text", e);
        }
    }

    /** The next row, or null at the end of the file. */
    public Row next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) return null;
            if (c == EOF_BYTE) {
                expectOnlyEnd();
                return null;
            }
            if (c == '\r' || c == '\n') {
                consumeLineEnd(c);
                continue;
            }
            pushback = c;
            return row();
        }
    }

    private void expectOnlyEnd() throws IOException {
        int c;
        while ((c = read()) != -1) {
            if (c != '\r' && c != '\n' && c != EOF_BYTE) {
                throw new ListFormatException(file, line, "", "data after the end-of-file byte 0x1A");
            }
        }
    }

    private void consumeLineEnd(int c) throws IOException {
        if (c == '\r') {
            int n = read();
            if (n != '\n') pushback = n;
        }
        line++;
    }

    private Row row() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>(columns.size());
        StringBuilder sb = new StringBuilder();
        while (true) {
            int col = fields.size();
            sb.setLength(0);
            int c = read();
            boolean quoted = false;
            if (c == '"') {
                quoted = true;
                long quoteLine = line;
                while (true) {
                    c = read();
                    if (c == -1 || c == EOF_BYTE) {
                        throw new ListFormatException(file, quoteLine, columnName(col),
                                "quoted field is not closed before the end of the file");
                    }
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            sb.append('"');
                            continue;
                        }
                        c = n;
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        if (c == '\r') {
                            int n = read();
                            if (n != '\n') pushback = n;
                        }
                        line++;
                        sb.append('\n');
                        continue;
                    }
                    sb.append((char) c);
                }
                // after the closing quote only blanks may precede the separator
                while (c == ' ' || c == '\t') c = read();
                if (c != ',' && c != '\r' && c != '\n' && c != -1 && c != EOF_BYTE) {
                    throw new ListFormatException(file, line, columnName(col),
                            "unexpected character '" + (char) c + "' after a closing quote");
                }
            } else {
                while (c != ',' && c != '\r' && c != '\n' && c != -1 && c != EOF_BYTE) {
                    if (c == '"') {
                        throw new ListFormatException(file, line, columnName(col),
                                "stray double quote inside an unquoted field");
                    }
                    sb.append((char) c);
                    c = read();
                }
            }
            fields.add(value(sb, quoted));
            if (c == ',') continue;
            // end of row
            if (c == '\r' || c == '\n') consumeLineEnd(c);
            else if (c == EOF_BYTE) pushback = c;
            if (fields.size() != columns.size()) {
                throw new ListFormatException(file, start, fields.size() > columns.size()
                        ? columnName(columns.size()) : columnName(fields.size()),
                        "expected " + columns.size() + " columns (" + String.join(",", columns) + ") but found "
                                + fields.size());
            }
            return new Row(start, fields);
        }
    }

    private static String value(StringBuilder sb, boolean quoted) {
        String s = quoted ? sb.toString() : sb.toString().strip();
        if (s.strip().equals(NULL_MARKER)) return null;
        return s;
    }

    private String columnName(int index) {
        return index < columns.size() ? columns.get(index) : "column " + (index + 1);
    }
}
