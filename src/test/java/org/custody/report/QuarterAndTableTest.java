package org.custody.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarterAndTableTest {

    @Test
    void quartersParseAndSpanTheirMonths() {
        Quarter q = Quarter.parse("2017-q1");
        assertThat(q.start()).isEqualTo(LocalDate.of(2017, 1, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2017, 3, 31));
        assertThat(Quarter.parse("2016-Q4").end()).isEqualTo(LocalDate.of(2016, 12, 31));
        assertThat(Quarter.parse("2020-Q1").contains(LocalDate.of(2020, 3, 31))).isTrue();
        assertThat(Quarter.parse("2020-Q1").contains(LocalDate.of(2020, 4, 1))).isFalse();
        assertThat(q).hasToString("2017-Q1");
        for (String bad : List.of("2017-Q5", "2017Q1", "17-Q1", "", "2017-Q0")) {
            assertThatThrownBy(() -> Quarter.parse(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("YYYY-Qn");
        }
    }

    @Test
    void csvQuotesOnlyWhereNeeded() {
        ReportTable t = new ReportTable("t", "T", "basis", List.of("a", "b"),
                List.of(List.of("plain", "with, comma"), List.of("say \"no\"", "two\nlines")));
        assertThat(new String(t.csv(), StandardCharsets.UTF_8))
                .isEqualTo("a,b\nplain,\"with, comma\"\n\"say \"\"no\"\"\",\"two\nlines\"\n");
    }

    @Test
    void refusesRaggedRowsAndBadIds() {
        assertThatThrownBy(() -> new ReportTable("t", "T", "", List.of("a", "b"), List.of(List.of("1"))))
                .hasMessageContaining("table t").hasMessageContaining("1 cells for 2 columns");
        assertThatThrownBy(() -> new ReportTable("Bad Id", "T", "", List.of("a"), List.of()))
                .hasMessageContaining("Bad Id");
    }

    @Test
    void formatsParseAsASubset() {
        assertThat(ReportFormat.parse("csv, pdf")).containsExactlyInAnyOrder(ReportFormat.CSV, ReportFormat.PDF);
        assertThatThrownBy(() -> ReportFormat.parse("pdf,docx")).hasMessageContaining("docx");
    }
}
