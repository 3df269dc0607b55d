package org.custody.eum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitoringAssessorTest {

    static final LocalDate AS_OF = LocalDate.of(2018, 6, 30);
    final MonitoringAssessor assessor = new MonitoringAssessor(MonitoringPolicy.DEFAULT);

    static ItemHistory item(long id, boolean enhanced, LocalDate delivered, ItemEvent... events) {
        return new ItemHistory(id, "S" + id, "an-pvs-14", "AN/PVS-14", enhanced, "IQ-1", Optional.of("U1"),
                Optional.ofNullable(delivered), List.of(events));
    }

    static ItemEvent.Observed seen(LocalDate d, ObservationStatus s) {
        return new ItemEvent.Observed(d, 1, "Taji", "inspector A", s, s == ObservationStatus.DESTROYED ? "photo" : "");
    }

    @Test
    void statesFollowTheLatestFacts() {
        LocalDate del = LocalDate.of(2016, 1, 1);
        assertThat(assessor.assess(item(1, true, del, seen(LocalDate.of(2018, 1, 5), ObservationStatus.SEEN)), AS_OF)
                .state()).isEqualTo(ItemState.VERIFIED);
        assertThat(assessor.assess(item(2, true, del, seen(LocalDate.of(2017, 1, 5), ObservationStatus.SEEN)), AS_OF)
                .state()).isEqualTo(ItemState.DELINQUENT);
        assertThat(assessor.assess(item(3, true, LocalDate.of(2018, 3, 1)), AS_OF).state())
                .isEqualTo(ItemState.NOT_YET_DUE);
        assertThat(assessor.assess(item(4, true, del), AS_OF).explanation()).contains("never verified");
        ItemAssessment notSeen = assessor.assess(item(5, true, del,
                seen(LocalDate.of(2017, 9, 1), ObservationStatus.SEEN),
                seen(LocalDate.of(2018, 2, 1), ObservationStatus.NOT_SEEN)), AS_OF);
        assertThat(notSeen.state()).isEqualTo(ItemState.UNACCOUNTED);
        assertThat(notSeen.explanation()).contains("2018-02-01").contains("Taji");
        assertThat(assessor.assess(item(6, true, del, seen(LocalDate.of(2018, 2, 1), ObservationStatus.NOT_SEEN),
                new ItemEvent.FollowedUp(LocalDate.of(2018, 3, 1), 9, FollowUpOutcome.LOCATED, "found in depot")), AS_OF)
                .state()).isEqualTo(ItemState.VERIFIED);
        assertThat(assessor.assess(item(7, true, del, seen(LocalDate.of(2018, 2, 1), ObservationStatus.NOT_SEEN),
                new ItemEvent.FollowedUp(LocalDate.of(2018, 3, 1), 9, FollowUpOutcome.CONFIRMED_MISSING,
                        "captured at Mosul")), AS_OF).state()).isEqualTo(ItemState.MISSING);
        assertThat(assessor.assess(item(8, true, del, seen(LocalDate.of(2018, 2, 1), ObservationStatus.DESTROYED)),
                AS_OF).state()).isEqualTo(ItemState.DESTROYED);
    }

    @Test
    void laterEventsAreIgnoredWhenAssessingAnEarlierDay() {
        ItemHistory h = item(1, true, LocalDate.of(2016, 1, 1), seen(LocalDate.of(2018, 1, 5), ObservationStatus.SEEN));
        assertThat(assessor.assess(h, LocalDate.of(2017, 6, 1)).state()).isEqualTo(ItemState.DELINQUENT);
    }

    @Test
    void figuresCountEnhancedItemsAndNameTheProblemItems() {
        LocalDate del = LocalDate.of(2016, 1, 1);
        List<ItemHistory> items = List.of(
                item(1, true, del, seen(LocalDate.of(2018, 1, 5), ObservationStatus.SEEN)),
                item(2, true, del, seen(LocalDate.of(2018, 1, 5), ObservationStatus.DAMAGED)),
                item(3, true, del),
                item(4, true, del, seen(LocalDate.of(2018, 1, 5), ObservationStatus.NOT_SEEN)),
                item(5, false, del));
        MonitoringFigures f = assessor.figures("case IQ-1", items, AS_OF);
        assertThat(f.enhancedItems()).isEqualTo(4);
        assertThat(f.enhancedVerified()).isEqualTo(2);
        assertThat(f.enhancedVerifiedShare()).isEqualTo(0.5);
        assertThat(f.delinquent()).extracting(a -> a.item().serialId()).containsExactly(3L);
        assertThat(f.unaccounted()).extracting(a -> a.item().serialId()).containsExactly(4L);
        assertThat(f.explanation()).contains("2 of 4").contains("50%");
    }
}
