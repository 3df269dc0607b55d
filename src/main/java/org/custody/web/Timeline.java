package org.custody.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A case's timeline as a small server-rendered SVG: one lane each for deliveries, inventory checks and
 * sightings, dated marks with their labels as tooltips, year ticks below. Plain Java (no chart library);
 * every text is XML-escaped here because the page embeds the SVG as markup.
 */
public final class Timeline {

    public enum Lane {
        DELIVERY("Deliveries", "#1f6feb"), INVENTORY("Inventory checks", "#8250df"), SIGHTING("Sightings", "#cf222e");

        final String label;
        final String colour;

        Lane(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }
    }

    /** A dated event on one lane. */
    public record Event(LocalDate date, Lane lane, String label) {}

    private static final int WIDTH = 640;
    private static final int LEFT = 120;
    private static final int RIGHT = 20;
    private static final int LANE_HEIGHT = 36;
    private static final int TOP = 12;

    private final List<Event> events;

    public Timeline(List<Event> events) {
        this.events = events.stream().filter(e -> e.date() != null)
                .sorted(Comparator.comparing(Event::date).thenComparing(Event::lane)).toList();
    }

    public List<Event> events() {
        return events;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** The SVG markup, or "" without events. */
    public String svg() {
        if (events.isEmpty()) return "";
        LocalDate first = events.get(0).date().withDayOfYear(1);
        LocalDate last = events.get(events.size() - 1).date().withDayOfYear(1).plusYears(1);
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        Lane[] lanes = Lane.values();
        int height = TOP + lanes.length * LANE_HEIGHT + 28;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"Timeline of ").append(events.size())
                .append(" events from ").append(events.get(0).date()).append(" to ")
                .append(events.get(events.size() - 1).date()).append("\">");
        for (int i = 0; i < lanes.length; i++) {
            int y = TOP + i * LANE_HEIGHT + LANE_HEIGHT / 2;
            b.append("<text x=\"0\" y=\"").append(y + 4).append("\" class=\"lane\">").append(esc(lanes[i].label)).append("</text>");
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#d0d7de\"/>");
        }
        int axis = TOP + lanes.length * LANE_HEIGHT;
        int years = (int) ChronoUnit.YEARS.between(first, last);
        int step = Math.max(1, (int) Math.ceil(years / 12.0));
        for (LocalDate y = first; !y.isAfter(last); y = y.plusYears(step)) {
            double x = x(y, first, span);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#8c959f\"/>", x, x, TOP, axis + 4));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%d</text>", x, axis + 18, y.getYear()));
        }
        for (Event e : events) {
            int y = TOP + e.lane().ordinal() * LANE_HEIGHT + LANE_HEIGHT / 2;
            double x = x(e.date(), first, span);
            b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"6\" fill=\"%s\" fill-opacity=\"0.75\" stroke=\"#fff\">", x, y, e.lane().colour));
            b.append("<title>").append(esc(e.date() + " " + e.label())).append("</title></circle>");
        }
        return b.append("</svg>").toString();
    }

    private static double x(LocalDate d, LocalDate first, long span) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(first, d) / span;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
