package org.custody.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void eventsAreSortedDrawnOnTheirLanesAndTheirLabelsEscaped() {
        Timeline t = new Timeline(List.of(
                new Timeline.Event(LocalDate.of(2015, 6, 4), Timeline.Lane.SIGHTING, "seen <near> \"Al-Qa'im\" & more"),
                new Timeline.Event(LocalDate.of(2010, 8, 1), Timeline.Lane.DELIVERY, "delivery IQ-B-UAL#1"),
                new Timeline.Event(null, Timeline.Lane.INVENTORY, "undated: left out")));
        assertThat(t.events()).extracting(Timeline.Event::label).containsExactly("delivery IQ-B-UAL#1", "seen <near> \"Al-Qa'im\" & more");
        String svg = t.svg();
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("aria-label=\"Timeline of 2 events from 2010-08-01 to 2015-06-04\"");
        assertThat(svg).contains("seen &lt;near&gt; &quot;Al-Qa&#39;im&quot; &amp; more").doesNotContain("<near>");
        assertThat(svg).contains(">2010<").contains(">2016<");   // year ticks cover the span
        // the delivery sits left of the sighting and above it (lanes: deliveries, inventories, sightings)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"(\\d+)\" r=\"6\" fill=\"(#[0-9a-f]+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        double x1 = Double.parseDouble(m.group(1));
        int y1 = Integer.parseInt(m.group(2));
        assertThat(m.group(3)).isEqualTo("#1f6feb");
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(x1);
        assertThat(Integer.parseInt(m.group(2))).isGreaterThan(y1);
        assertThat(m.group(3)).isEqualTo("#cf222e");
        assertThat(m.find()).isFalse();
    }

    @Test
    void noEventsNoSvg() {
        Timeline t = new Timeline(List.of());
        assertThat(t.isEmpty()).isTrue();
        assertThat(t.svg()).isEmpty();
    }
}
