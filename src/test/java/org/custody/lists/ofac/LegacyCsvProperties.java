package org.custody.lists.ofac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custody.lists.ListFormatException;

class LegacyCsvProperties {

    private static final List<String> COLS = List.of("a", "b", "c", "d");

    /** Field values as OFAC writes them: anything (quotes, commas, line breaks, any script) or null. */
    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\r', 'é', 'ق', 'Ж')
                .ofMaxLength(12)
                .map(s -> s.strip().equals("-0-") ? s + "x" : s);
        Arbitrary<String> field = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, text), net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<List<String>> row = field.list().ofSize(COLS.size());
        return row.list().ofMaxSize(8);
    }

    @Property
    void writtenRowsReadBackIdentically(@ForAll("tables") List<List<String>> table, @ForAll boolean crlf,
                                        @ForAll boolean eofByte) throws IOException {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder();
        for (List<String> row : table) {
            List<String> cells = new ArrayList<>();
            for (String v : row) {
                cells.add(v == null ? "-0- " : "\"" + v.replace("\"", "\"\"") + "\"");
            }
            sb.append(String.join(",", cells)).append(eol);
        }
        if (eofByte) sb.append('\u001a');
        List<LegacyCsv.Row> rows = LegacyCsv.readAll(new StringReader(sb.toString()), "t.csv", COLS);
        assertThat(rows).hasSize(table.size());
        for (int i = 0; i < table.size(); i++) {
            List<String> expected = table.get(i).stream()
                    .map(v -> v == null ? null : v.replace("\r\n", "\n").replace('\r', '\n')).toList();
            assertThat(rows.get(i).fields()).isEqualTo(expected);
        }
        // line numbers count physical lines, so a row starts one line after the previous row's last line
        long line = 1;
        for (int i = 0; i < table.size(); i++) {
            assertThat(rows.get(i).line()).isEqualTo(line);
            line += 1 + table.get(i).stream().filter(v -> v != null)
                    .mapToLong(v -> v.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count())
                    .sum();
        }
    }

    /** Arbitrary text is either read or refused with a ListFormatException naming a line; nothing else. */
    @Property(tries = 2000)
    void arbitraryInputIsReadOrRefusedCleanly(@ForAll("noise") String input) {
        try {
            List<LegacyCsv.Row> rows = LegacyCsv.readAll(new StringReader(input), "n.csv", COLS);
            assertThat(rows).allSatisfy(r -> assertThat(r.fields()).hasSize(COLS.size()));
        } catch (ListFormatException e) {
            assertThat(e.file()).isEqualTo("n.csv");
            assertThat(e.line()).isBetween(1L, input.chars().filter(c -> c == '\n' || c == '\r').count() + 1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars('"', ',', '\n', '\r', ' ', 'a', '1', '-', '0', '\u001a').ofMaxLength(60);
    }

    @Property
    void wrongColumnCountIsAlwaysRefused(@ForAll @IntRange(min = 1, max = 9) int n) {
        String row = String.join(",", java.util.Collections.nCopies(n, "\"x\"")) + "\r\n";
        if (n == COLS.size()) return;
        assertThatThrownBy(() -> LegacyCsv.readAll(new StringReader(row), "w.csv", COLS))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("w.csv:1")
                .hasMessageContaining("expected 4 columns");
    }

    @Property
    void truncatingAQuotedFieldIsRefused(@ForAll("tables") List<List<String>> table) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : table) {
            List<String> cells = new ArrayList<>();
            for (String v : row) cells.add(v == null ? "-0- " : "\"" + v.replace("\"", "\"\"") + "\"");
            sb.append(String.join(",", cells)).append("\r\n");
        }
        sb.append("\"cut off here");
        assertThatThrownBy(() -> LegacyCsv.readAll(new StringReader(sb.toString()), "t.csv", COLS))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("not closed");
    }
}
