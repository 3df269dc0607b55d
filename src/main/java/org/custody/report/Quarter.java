package org.custody.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2017-Q1}: the period an oversight report covers. */
public record Quarter(int year, int number) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) throw new IllegalArgumentException("quarter number must be 1-4, not " + number);
        if (year < 1900 || year > 9999) throw new IllegalArgumentException("quarter year " + year + " is out of range");
    }

    public static Quarter parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("quarter '" + text + "' is not of the form YYYY-Qn (for example 2017-Q1)");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate start() {
        return LocalDate.of(year, 3 * (number - 1) + 1, 1);
    }

    /** The last day of the quarter (inclusive); figures "as of" the quarter are computed on this day. */
    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(start()) && !day.isAfter(end());
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
