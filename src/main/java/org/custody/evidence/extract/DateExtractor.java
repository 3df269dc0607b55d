package org.custody.evidence.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.Resolution;

/**
 * Dates, absolute ("Jan. 5, 2015", "5 January 2015", "2015-01-05", "October 2016", "in 2014") and relative
 * to the publication date ("Dec. 4" and "in October" take the most recent such day or month not after
 * publication; "last month", "yesterday", "two weeks ago", "earlier this year", weekday names). A
 * resolution's id is the ISO value at the precision the text gives: {@code date:2014-10} for a month,
 * {@code date:2016-12-04} for a day, an ISO interval {@code date:2016-11-21/2016-11-27} for "last week".
 * Without a publication date relative dates stay unresolved.
 */
public final class DateExtractor {

    private static final String MONTH = "(?<month>January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String WEEKDAY = "(?:(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<iso>\\b(?<iy>(?:19|20)\\d{2})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\\d|3[01])\\b)"
                    + "|(?<mdy>\\b" + WEEKDAY + MONTH + "\\s+(?<day>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\b(?:,?\\s+(?<year>(?:19|20)\\d{2})\\b)?)"
                    + "|(?<dmy>\\b(?<day2>[1-9]|[12]\\d|3[01])\\s+(?<month2>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?(?:,?\\s+(?<year2>(?:19|20)\\d{2}))?\\b)"
                    + "|(?<my>\\b(?<month3>January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\\s+(?<year3>(?:19|20)\\d{2}))?\\b)"
                    + "|(?<yr>\\b(?i:in|since|during|by|until|of|early|late|mid-?)\\s+(?<year4>(?:19|20)\\d{2})\\b(?!-\\d))"
                    + "|(?<rel>\\b(?i:(?<relword>yesterday|today|last\\s+(?:week|month|year|weekend)|this\\s+(?:week|month|year)"
                    + "|earlier\\s+this\\s+(?:week|month|year)|(?:earlier|later)\\s+(?:this|last)\\s+(?:week|month|year)"
                    + "|(?:a|one|two|three|four|five|six|several|\\d{1,2})\\s+(?:days?|weeks?|months?|years?)\\s+ago"
                    + "|recent\\s+(?:days|weeks|months)))\\b)"
                    + "|(?<wday>\\b(?:(?i:on|last)\\s+)(?<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b(?!,?\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))");

    private static final java.util.Set<String> LOWER_STARTS = java.util.Set.of("in", "since", "during", "by", "until", "of",
            "early", "late", "mid", "yesterday", "today", "last", "this", "earlier", "later", "a", "one", "two", "three",
            "four", "five", "six", "several", "recent", "on");

    /** Whether a date may start at {@code i}: a word start that is a digit, a capital, or one of the lead words. */
    private static boolean candidate(String text, int i) {
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) return false;
        char c = text.charAt(i);
        if (Character.isDigit(c) || (c >= 'A' && c <= 'Z')) return true;
        if (c < 'a' || c > 'z') return false;
        int e = i;
        while (e < text.length() && e - i < 10 && Character.isLetter(text.charAt(e))) e++;
        String w = text.substring(i, e);
        return LOWER_STARTS.contains(w) || w.startsWith("mid");
    }

    /** Detail key set on a date that starts a period the text counts from ("since … on January 20th"). */
    public static final String ROLE = "role";
    public static final String PERIOD_START = "period start";

    /** "since" earlier in the same clause (no , ; : . between): the date anchors a period, it is not the event's day. */
    private static final Pattern SINCE_CLAUSE = Pattern.compile("(?i)\\bsince\\b[^,;:.!?()]{0,60}$");
    /** Words after a month that make it part of a name ("18th March Division", "17 February Revolution"). */
    private static final Pattern NAMED_AFTER = Pattern.compile("^\\s+(?:Division|Brigade|Brigades|Battalion|Regiment|Movement"
            + "|Revolution|Front|Group|Forces|Army|Corps|Coalition|Alliance|Gathering|Martyrs|Operations?\\s+Room|Street|Square|Bridge)\\b");

    /** Whether the date at {@code start..end} is part of a name rather than a date: a month followed by a unit word. */
    private static boolean partOfName(String text, int end) {
        return NAMED_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 24))).lookingAt();
    }

    public List<Mention> extract(String text, LocalDate published) {
        List<Mention> out = new ArrayList<>();
        Matcher m = PATTERN.matcher(text);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        while (true) {
            boolean found = false;
            for (int i = from; i < text.length(); i++) {
                if (!candidate(text, i)) continue;
                m.region(i, Math.min(text.length(), i + 48));
                if (m.lookingAt()) {
                    found = true;
                    break;
                }
            }
            if (!found) break;
            from = m.end();
            int start = m.start();
            int end = m.end();
            String id = null;
            String how;
            if (m.group("iso") != null) {
                id = safeDate(Integer.parseInt(m.group("iy")), Month.of(Integer.parseInt(m.group("im"))),
                        Integer.parseInt(m.group("id")));
                how = "ISO date";
            } else if (m.group("mdy") != null || m.group("dmy") != null) {
                boolean mdy = m.group("mdy") != null;
                Month month = month(mdy ? m.group("month") : m.group("month2"));
                int day = Integer.parseInt(mdy ? m.group("day") : m.group("day2"));
                String y = mdy ? m.group("year") : m.group("year2");
                if (y != null) {
                    id = safeDate(Integer.parseInt(y), month, day);
                    how = "day with year";
                } else if (published != null) {
                    LocalDate d = dayOnOrBefore(published, month, day);
                    id = d == null ? null : d.toString();
                    how = "day without year: most recent not after publication " + published;
                } else {
                    how = "day without year and no publication date";
                }
            } else if (m.group("my") != null) {
                Month month = month(m.group("month3"));
                String y = m.group("year3");
                // "May" alone is too often the verb: take it only with a year or "in May"
                boolean modalMay = month == Month.MAY && y == null;
                String before = text.substring(Math.max(0, start - 6), start).toLowerCase(Locale.ROOT);
                boolean introduced = before.matches(".*\\b(in|since|during|by|until|of|early|late|mid-?|last|this|from|through)\\s+$");
                if (modalMay && !introduced) continue;
                if (y != null) {
                    id = YearMonth.of(Integer.parseInt(y), month).toString();
                    how = "month with year";
                } else if (published != null) {
                    YearMonth p = YearMonth.from(published);
                    YearMonth ym = YearMonth.of(p.getYear(), month);
                    if (ym.isAfter(p)) ym = ym.minusYears(1);
                    id = ym.toString();
                    how = "month without year: most recent not after publication " + published;
                } else {
                    how = "month without year and no publication date";
                }
            } else if (m.group("yr") != null) {
                start = m.start("year4");
                id = m.group("year4");
                how = "year";
            } else if (m.group("rel") != null) {
                String w = m.group("relword").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                id = published == null ? null : relative(w, published);
                how = published == null ? "relative date and no publication date" : "relative to publication " + published;
            } else {
                start = m.start("wd2");
                if (published != null) {
                    DayOfWeek dow = DayOfWeek.valueOf(m.group("wd2").toUpperCase(Locale.ROOT));
                    id = published.minusDays(1).with(TemporalAdjusters.previousOrSame(dow)).toString();
                }
                how = published == null ? "weekday and no publication date" : "weekday before publication " + published;
            }
            if ((m.group("my") != null || m.group("dmy") != null) && partOfName(text, end)) continue;
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("how", how);
            if (SINCE_CLAUSE.matcher(text.substring(Math.max(0, start - 70), start)).find()) {
                detail.put(ROLE, PERIOD_START);
                detail.put("how", how + "; the start of a period counted \"since\" it, not the day of what is reported");
            }
            Resolution r = id == null ? null : new Resolution("date:" + id, id, "calendar", how);
            if (id != null) detail.put("value", id);
            out.add(new Mention(MentionType.DATE, text.substring(start, end), start, end, r, detail));
        }
        return out;
    }

    private static String safeDate(int y, Month m, int d) {
        if (d > m.length(java.time.Year.isLeap(y))) return YearMonth.of(y, m).toString();
        return LocalDate.of(y, m, d).toString();
    }

    private static LocalDate dayOnOrBefore(LocalDate pub, Month month, int day) {
        for (int y = pub.getYear(); y >= pub.getYear() - 1; y--) {
            if (day > month.length(java.time.Year.isLeap(y))) continue;
            LocalDate d = LocalDate.of(y, month, day);
            if (!d.isAfter(pub.plusDays(1))) return d;
        }
        return null;
    }

    static Month month(String s) {
        String k = s.replace(".", "").toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (full.startsWith(k.length() >= 3 ? k.substring(0, 3) : k)) return m;
        }
        throw new IllegalArgumentException("not a month: " + s);
    }

    static String relative(String w, LocalDate p) {
        YearMonth pm = YearMonth.from(p);
        LocalDate weekStart = p.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        switch (w) {
            case "yesterday": return p.minusDays(1).toString();
            case "today": return p.toString();
            case "last week": return weekStart.minusWeeks(1) + "/" + weekStart.minusDays(1);
            case "last weekend": {
                LocalDate sat = p.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                return sat + "/" + sat.plusDays(1);
            }
            case "this week", "earlier this week": return weekStart + "/" + p;
            case "last month": return pm.minusMonths(1).toString();
            case "this month", "earlier this month": return pm.toString();
            case "last year": return Integer.toString(p.getYear() - 1);
            case "this year", "earlier this year": return Integer.toString(p.getYear());
            case "recent days": return p.minusDays(7) + "/" + p;
            case "recent weeks": return p.minusWeeks(6) + "/" + p;
            case "recent months": return p.minusMonths(6) + "/" + p;
            default: break;
        }
        if (w.startsWith("earlier last ") || w.startsWith("later last ")) return relative("last " + w.substring(w.lastIndexOf(' ') + 1), p);
        if (w.startsWith("later this ")) return relative("this " + w.substring(w.lastIndexOf(' ') + 1), p);
        Matcher ago = Pattern.compile("(\\w+) (day|week|month|year)s? ago").matcher(w);
        if (ago.matches()) {
            String n = ago.group(1);
            int k = switch (n) {
                case "a", "one" -> 1;
                case "two" -> 2;
                case "three" -> 3;
                case "four" -> 4;
                case "five" -> 5;
                case "six" -> 6;
                case "several" -> -1;
                default -> Integer.parseInt(n);
            };
            if (k < 0) return null;
            return switch (ago.group(2)) {
                case "day" -> p.minusDays(k).toString();
                case "week" -> p.minus(k, ChronoUnit.WEEKS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) + "/"
                        + p.minus(k, ChronoUnit.WEEKS).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case "month" -> pm.minusMonths(k).toString();
                default -> Integer.toString(p.getYear() - k);
            };
        }
        return null;
    }
}
