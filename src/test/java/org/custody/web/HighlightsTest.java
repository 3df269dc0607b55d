package org.custody.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    @Test
    void aMentionInsideAClaimSentenceCarriesBothClassesAndTheTextIsKeptWhole() {
        String text = "Intro. Fighters held an Abrams tank near Mosul. End.";
        int s = text.indexOf("Fighters");
        int e = text.indexOf(" End.");
        int m = text.indexOf("Mosul");
        List<Highlights.Segment> segs = Highlights.segments(text, List.of(
                new Highlights.Span(m, m + 5, "mention m-place", "place: Mosul", null),
                new Highlights.Span(s, e, "claim", "claim 0", "claim-0")));
        assertThat(String.join("", segs.stream().map(Highlights.Segment::text).toList())).isEqualTo(text);
        assertThat(segs).extracting(Highlights.Segment::text)
                .containsExactly("Intro. ", "Fighters held an Abrams tank near ", "Mosul", ".", " End.");
        assertThat(segs.get(0).marked()).isFalse();
        assertThat(segs.get(1).cssClass()).isEqualTo("claim");
        assertThat(segs.get(1).anchor()).isEqualTo("claim-0");
        assertThat(segs.get(2).cssClass()).isEqualTo("claim mention m-place");
        assertThat(segs.get(2).title()).isEqualTo("claim 0 · place: Mosul");
        assertThat(segs.get(2).anchor()).isNull();
        assertThat(segs.get(3).cssClass()).isEqualTo("claim");
    }

    @Test
    void spansOutsideTheTextAreClippedAndEmptyOnesIgnored() {
        List<Highlights.Segment> segs = Highlights.segments("abc", List.of(
                new Highlights.Span(1, 99, "x", "", null), new Highlights.Span(2, 2, "y", "", null),
                new Highlights.Span(-5, 0, "z", "", null)));
        assertThat(segs).extracting(Highlights.Segment::text).containsExactly("a", "bc");
        assertThat(segs.get(1).cssClass()).isEqualTo("x");
    }
}
