package org.custody.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custody.eum.FollowUpOutcome;
import org.custody.eum.ItemEvent;
import org.custody.eum.ItemHistory;
import org.custody.eum.ItemState;
import org.custody.eum.MonitoringPolicy;
import org.custody.eum.ObservationStatus;
import org.junit.jupiter.api.Test;

class MonitoringTallyTest {

    static final LocalDate AS_OF = LocalDate.of(2017, 3, 31);

    static ItemHistory item(String serial, boolean enhanced, String unit, LocalDate delivered, ItemEvent... events) {
        return new ItemHistory(serial.hashCode(), serial, "a", enhanced ? "AN/PVS-14" : "M16A4", enhanced, "T-1",
                Optional.ofNullable(unit), Optional.ofNullable(delivered), List.of(events));
    }

    static ItemEvent seen(LocalDate d) {
        return new ItemEvent.Observed(d, 1, "Camp Taji", "J. Smith", ObservationStatus.SEEN, "");
    }

    @Test
    void countsStatesDelinquencyByUnitArticleAndAgeAndTheTrend() {
        MonitoringTally t = new MonitoringTally(MonitoringPolicy.DEFAULT, AS_OF, 12);
        LocalDate old = LocalDate.of(2015, 6, 1);
        t.add(item("V-1", true, "U1", old, seen(LocalDate.of(2017, 3, 1))));                  // verified
        t.add(item("D-1", true, "U1", old));                                                 // due 2016-06-01: 303 days overdue
        t.add(item("D-2", true, "U2", LocalDate.of(2016, 2, 1)));                            // due 2017-02-01: 58 days overdue
        t.add(item("M-1", true, "U2", old, new ItemEvent.Observed(LocalDate.of(2017, 3, 1), 1, "Camp Taji", "J. Smith",
                ObservationStatus.NOT_SEEN, "lent out"), new ItemEvent.FollowedUp(LocalDate.of(2017, 3, 20), 9,
                FollowUpOutcome.CONFIRMED_MISSING, "not found")));
        t.add(item("R-1", false, "U1", old));                                                // routine: no obligation
        t.add(item("F-1", true, "U1", LocalDate.of(2017, 5, 1)));                            // delivered after the day: left out

        assertThat(t.items()).isEqualTo(5);
        assertThat(t.enhanced()).isEqualTo(4);
        assertThat(t.routine()).isEqualTo(1);
        assertThat(t.enhancedOnTime()).isEqualTo(1);
        assertThat(t.delinquent()).isEqualTo(2);
        assertThat(t.routineByState().get(ItemState.DELINQUENT)).isEqualTo(1);
        assertThat(t.delinquentByUnit()).containsExactly(java.util.Map.entry("U1", 1), java.util.Map.entry("U2", 1));
        assertThat(t.delinquentByArticle()).containsEntry("AN/PVS-14", 2);
        assertThat(t.delinquentByAge()).containsExactly(1, 0, 1, 0, 0);
        assertThat(t.unaccounted()).singleElement().satisfies(u -> {
            assertThat(u.serial()).isEqualTo("M-1");
            assertThat(u.state()).isEqualTo(ItemState.MISSING);
            assertThat(u.explanation()).contains("2017-03-20").contains("not found");
        });
        List<QuarterlyReport.TrendPoint> trend = t.trend();
        assertThat(trend).hasSize(12);
        assertThat(trend.get(11).day()).isEqualTo(AS_OF);
        assertThat(trend.get(0).day()).isEqualTo(LocalDate.of(2016, 4, 30));
        // on 2016-04-30 nothing was overdue yet (first checks due 2016-06-01 and 2017-02-01)
        assertThat(trend.get(0).delinquent()).isZero();
        assertThat(trend.get(0).enhanced()).isEqualTo(4);
        // on 2017-01-31, V-1 (not yet re-seen), D-1 and M-1 (both overdue since 2016-06-01) were delinquent
        assertThat(trend.get(9).day()).isEqualTo(LocalDate.of(2017, 1, 31));
        assertThat(trend.get(9).delinquent()).isEqualTo(3);
        assertThat(trend.get(11).delinquent()).isEqualTo(2);
    }
}
