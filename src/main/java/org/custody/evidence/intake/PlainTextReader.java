package org.custody.evidence.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.evidence.SourceKind;

/**
 * Plain text. An optional header block of {@code Key: value} lines (Title, Outlet, URL, Published,
 * Author, Retrieved) followed by a blank line carries metadata; otherwise the first line is the title
 * when it is short and has no final full stop, and a closing "© YEAR Outlet" line names the outlet.
 */
final class PlainTextReader {

    private static final Pattern HEADER = Pattern.compile("^(Title|Outlet|URL|Url|Published|Author|Retrieved|Date):\\s*(.*)$");
    private static final Pattern COPYRIGHT = Pattern.compile("(?:©|\\(c\\)|Copyright)\\s*(?:\\d{4}\\s+)?([A-Z][\\w&.' -]{1,60}?)(?:\\.|,|\\s+All rights reserved|$)",
            Pattern.MULTILINE);

    private PlainTextReader() {}

    static Draft read(String source, String text, Instant retrieved) {
        String title = null;
        String outlet = null;
        String url = null;
        String author = null;
        LocalDate published = null;
        String body = text;
        String[] lines = text.split("\n", -1);
        int i = 0;
        boolean header = false;
        while (i < lines.length && i < 12) {
            Matcher m = HEADER.matcher(lines[i].trim());
            if (!m.matches()) break;
            header = true;
            String v = m.group(2).trim();
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "title" -> title = v;
                case "outlet" -> outlet = v;
                case "url" -> url = v;
                case "published", "date" -> published = MetaDates.parse(v);
                case "author" -> author = v;
                case "retrieved" -> {
                    LocalDate d = MetaDates.parse(v);
                    if (d != null) retrieved = d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                }
                default -> { }
            }
            i++;
        }
        if (header && i < lines.length && lines[i].isBlank()) {
            body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
        } else if (header) {
            body = String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length));
        }
        if (title == null) {
            String first = body.strip().lines().findFirst().orElse("").strip();
            if (!first.isEmpty() && first.length() <= 160 && !first.endsWith(".") && !first.endsWith(",")) title = first;
        }
        if (outlet == null) {
            Matcher m = COPYRIGHT.matcher(body);
            String last = null;
            while (m.find()) last = m.group(1).trim();
            outlet = last;
        }
        return new Draft(SourceKind.TEXT, outlet, url, title, author, null, published, retrieved, body, null);
    }
}
