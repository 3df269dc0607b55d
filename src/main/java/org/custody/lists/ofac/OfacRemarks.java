package org.custody.lists.ofac;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.Identifier;

/**
 * What OFAC packs into the free-text Remarks field: "DOB 11 Mar 1957; POB Qom, Iran; nationality Iran;
 * citizen Iran; Passport 008827 (Iran) issued 1999; a.k.a. 'AAH'; Linked To: ...". The remarks stay
 * verbatim on the entity; this pulls out the parts screening can use. The a.k.a.s OFAC writes in
 * remarks (rather than in alt.csv) are its weak aliases.
 */
public record OfacRemarks(List<String> birthDates, List<String> nationalities, List<Identifier> identifiers,
                          List<Alias> weakAliases) {

    /** a.k.a. 'NAME' where NAME may itself hold apostrophes: it ends at a quote followed by ; . or end. */
    private static final Pattern AKA = Pattern.compile(
            "\\b([afn])\\.k\\.a\\.,?\\s+'(.+?)'(?=\\s*(?:;|\\.\\s*;|\\.?\\s*$|,\\s*[afn]\\.k\\.a\\.))");
    private static final Pattern DOB = Pattern.compile("^(?:alt\\.\\s+)?DOB\\s+(.+)$");
    private static final Pattern NATIONALITY = Pattern.compile("^(?:alt\\.\\s+)?(?:nationality|citizen)\\s+(.+)$");
    /** "TYPE VALUE (COUNTRY) ..." where VALUE is one token holding a digit and TYPE names a document. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "^(?:alt\\.\\s+)?(?<type>[^:;]+?)\\s+(?<value>[^\\s()]*\\d[^\\s()]*)(?:\\s+\\((?<country>[^)]+)\\))?(?:\\s.*)?$");
    private static final Pattern DOCUMENT_TYPE = Pattern.compile(
            "(?i).*(passport|\\bno\\.?|number|\\bid|identification(?: imo)?|swift/bic|card|#|code|mmsi"
                    + "|licen[cs]e|address - [a-z0-9]+|\\(msn\\)|c\\.u\\.r\\.p\\.|r\\.f\\.c\\.|ssn|cedula|imo)$");
    private static final Pattern TEXT_IDENTIFIER = Pattern.compile("^(Email Address|Website)\\s+(\\S+)$");

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\\d{4})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\\d{4})\\b");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec");

    /**
     * OFAC's "11 Mar 1957", "Mar 1957", "circa 1957", "1957 to 1959" as ISO-8601 prefixes ("1957-03-11",
     * "1957-03", "circa 1957", "1957 to 1959"), the form every Custody importer gives birth dates in.
     */
    static String isoDates(String text) {
        String out = DAY_MONTH_YEAR.matcher(text).replaceAll(m -> "%s-%02d-%02d".formatted(m.group(3),
                MONTHS.indexOf(m.group(2)) + 1, Integer.parseInt(m.group(1))));
        return MONTH_YEAR.matcher(out).replaceAll(m -> "%s-%02d".formatted(m.group(2), MONTHS.indexOf(m.group(1)) + 1));
    }

    public static OfacRemarks parse(String remarks) {
        List<String> dobs = new ArrayList<>();
        Set<String> nats = new LinkedHashSet<>();
        List<Identifier> ids = new ArrayList<>();
        List<Alias> weak = new ArrayList<>();
        if (remarks == null || remarks.isBlank()) return new OfacRemarks(dobs, List.copyOf(nats), ids, weak);

        Matcher m = AKA.matcher(remarks);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String name = m.group(2).strip();
            // OFAC sometimes quotes a nickname twice: a.k.a. ''FOOPIE''
            if (name.length() > 2 && name.startsWith("'") && name.endsWith("'")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            if (!name.isEmpty()) {
                weak.add(new Alias(name, AliasStrength.WEAK, m.group(1).toLowerCase(Locale.ROOT) + ".k.a."));
            }
            rest.append(remarks, last, m.start());
            last = m.end();
        }
        rest.append(remarks, last, remarks.length());

        for (String raw : rest.toString().split(";")) {
            String seg = raw.strip();
            if (seg.endsWith(".") && !seg.endsWith("No.") && !seg.endsWith("Co.")) {
                seg = seg.substring(0, seg.length() - 1).strip();
            }
            if (seg.isEmpty()) continue;
            Matcher d = DOB.matcher(seg);
            if (d.matches()) {
                dobs.add(isoDates(d.group(1).strip()));
                continue;
            }
            Matcher n = NATIONALITY.matcher(seg);
            if (n.matches()) {
                nats.add(n.group(1).strip());
                continue;
            }
            Matcher t = TEXT_IDENTIFIER.matcher(seg);
            if (t.matches()) {
                ids.add(new Identifier(t.group(1), t.group(2), ""));
                continue;
            }
            Matcher i = IDENTIFIER.matcher(seg);
            if (i.matches() && DOCUMENT_TYPE.matcher(i.group("type")).matches()
                    && !i.group("type").startsWith("Linked To")) {
                String country = i.group("country");
                ids.add(new Identifier(i.group("type").strip(), i.group("value"), country == null ? "" : country));
            }
        }
        return new OfacRemarks(List.copyOf(dobs), List.copyOf(nats), List.copyOf(ids), List.copyOf(weak));
    }
}
