package org.custody.lists;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.lists.ofac.LegacyCsv;
import org.custody.lists.ofac.OfacCsvImporter;

/**
 * Writes a large list in a format Custody imports, by copying a real list again and again: every copy
 * re-numbers the records (ent_num + copy * 1,000,000 for OFAC, reference number + "-G" + copy for the UN)
 * and varies the names (the family name of an individual, the first word of an organisation, swapped
 * with that of another real record chosen at random, seeded), so the copies are distinct entities with
 * realistic names, aliases, addresses and remarks. Stops at the first copy that reaches the size asked.
 *
 * Used by the bounded-memory import test (tens of MB) and by {@code bench/list-import-memory.sh} (200 MB).
 *
 * <p>Usage: LargeLists ofac-csv SDN_FOLDER OUT_FOLDER MEGABYTES
 * <br>      LargeLists un-xml UN_XML OUT_FILE MEGABYTES
 */
public final class LargeLists {

    private LargeLists() {}

    /** What each copy adds to the ent_nums of the one before. */
    public static final long ENT_STEP = 1_000_000;

    public static void main(String[] args) throws IOException {
        long target = Long.parseLong(args[3]);
        switch (args[0]) {
            case "ofac-csv" -> ofacCsv(Path.of(args[1]), Path.of(args[2]), target);
            case "un-xml" -> unXml(Path.of(args[1]), Path.of(args[2]), target);
            default -> throw new IllegalArgumentException("kind: ofac-csv or un-xml");
        }
    }

    /** Returns how many copies were written. */
    public static int ofacCsv(Path sdnFolder, Path out, long megabytes) throws IOException {
        long target = megabytes << 20;
        List<LegacyCsv.Row> prim = rows(sdnFolder.resolve("sdn.csv"), OfacCsvImporter.PRIMARY_COLUMNS);
        List<LegacyCsv.Row> alt = rows(sdnFolder.resolve("alt.csv"), OfacCsvImporter.ALIAS_COLUMNS);
        List<LegacyCsv.Row> add = rows(sdnFolder.resolve("add.csv"), OfacCsvImporter.ADDRESS_COLUMNS);
        List<LegacyCsv.Row> com = rows(sdnFolder.resolve("sdn_comments.csv"), OfacCsvImporter.COMMENT_COLUMNS);
        List<String> families = new ArrayList<>();
        for (LegacyCsv.Row r : prim) families.add(firstWord(r.get(1)));
        Files.createDirectories(out);
        Random random = new Random(12);
        long written = 0;
        int copies = 0;
        try (Writer p = writer(out.resolve("sdn.csv")); Writer a = writer(out.resolve("alt.csv"));
             Writer d = writer(out.resolve("add.csv")); Writer c = writer(out.resolve("sdn_comments.csv"))) {
            while (written < target) {
                long offset = copies * ENT_STEP;
                for (LegacyCsv.Row r : prim) {
                    List<String> f = new ArrayList<>(r.fields());
                    f.set(0, Long.toString(Long.parseLong(f.get(0).strip()) + offset));
                    if (copies > 0) f.set(1, vary(f.get(1), families.get(random.nextInt(families.size()))));
                    written += row(p, f);
                }
                for (LegacyCsv.Row r : alt) written += row(a, renumbered(r, offset, 2));
                for (LegacyCsv.Row r : add) written += row(d, renumbered(r, offset, 2));
                for (LegacyCsv.Row r : com) written += row(c, renumbered(r, offset, 1));
                copies++;
            }
        }
        System.out.printf("%s: %d copies of %d SDN records, %.1f MB%n", out, copies, prim.size(), written / 1048576.0);
        return copies;
    }

    private static final Pattern UN_RECORD = Pattern.compile("(?s)\\s*<(INDIVIDUAL|ENTITY)>.*?</\\1>");
    private static final Pattern UN_REF = Pattern.compile("<REFERENCE_NUMBER>([^<]*)</REFERENCE_NUMBER>");
    private static final Pattern UN_FIRST = Pattern.compile("<FIRST_NAME>([^<]*)</FIRST_NAME>");

    public static void unXml(Path source, Path out, long megabytes) throws IOException {
        long target = megabytes << 20;
        String xml = Files.readString(source);
        int indStart = xml.indexOf("<INDIVIDUALS>") + "<INDIVIDUALS>".length();
        int indEnd = xml.indexOf("</INDIVIDUALS>");
        int entStart = xml.indexOf("<ENTITIES>") + "<ENTITIES>".length();
        int entEnd = xml.indexOf("</ENTITIES>");
        List<String> individuals = records(xml.substring(indStart, indEnd));
        List<String> entities = records(xml.substring(entStart, entEnd));
        List<String> firsts = new ArrayList<>();
        for (String r : individuals) {
            Matcher m = UN_FIRST.matcher(r);
            if (m.find()) firsts.add(m.group(1));
        }
        Random random = new Random(12);
        long size = xml.length();
        int copies = 1;
        long perCopy = 0;
        for (String r : individuals) perCopy += r.length();
        for (String r : entities) perCopy += r.length();
        while (size < target) {
            size += perCopy;
            copies++;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = writer(out)) {
            w.write(xml, 0, indStart);
            for (int k = 0; k < copies; k++) {
                for (String r : individuals) w.write(unCopy(r, k, firsts, random));
            }
            w.write(xml, indEnd, entStart - indEnd);
            for (int k = 0; k < copies; k++) {
                for (String r : entities) w.write(unCopy(r, k, firsts, random));
            }
            w.write(xml, entEnd, xml.length() - entEnd);
        }
        System.out.printf("%s: %d copies of %d UN records, %.1f MB%n", out, copies,
                individuals.size() + entities.size(), Files.size(out) / 1048576.0);
    }

    private static String unCopy(String record, int k, List<String> firsts, Random random) {
        if (k == 0) return record;
        String r = UN_REF.matcher(record).replaceFirst("<REFERENCE_NUMBER>$1-G" + k + "</REFERENCE_NUMBER>");
        String first = Matcher.quoteReplacement(firsts.get(random.nextInt(firsts.size())));
        return UN_FIRST.matcher(r).replaceFirst("<FIRST_NAME>" + first + "</FIRST_NAME>");
    }

    private static List<String> records(String body) {
        List<String> out = new ArrayList<>();
        Matcher m = UN_RECORD.matcher(body);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** "LAST, First" gets another record's family name; an organisation another first word. */
    private static String vary(String name, String other) {
        int comma = name.indexOf(',');
        if (comma > 0) return other + name.substring(comma);
        int space = name.indexOf(' ');
        return space > 0 ? other + name.substring(space) : other + " " + name;
    }

    private static String firstWord(String name) {
        String s = name.strip();
        int cut = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',' || s.charAt(i) == ' ') {
                cut = i;
                break;
            }
        }
        return s.substring(0, cut);
    }

    private static List<String> renumbered(LegacyCsv.Row r, long offset, int alsoRenumber) {
        List<String> f = new ArrayList<>(r.fields());
        f.set(0, Long.toString(Long.parseLong(f.get(0).strip()) + offset));
        if (alsoRenumber > 1) f.set(1, Long.toString(Long.parseLong(f.get(1).strip()) + offset));
        return f;
    }

    private static List<LegacyCsv.Row> rows(Path file, List<String> columns) throws IOException {
        try (Reader r = SourceFiles.utf8(file)) {
            return LegacyCsv.readAll(r, file.getFileName().toString(), columns);
        }
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }

    /** One CSV row as OFAC writes it: -0- for null, every other field quoted. Returns the bytes written. */
    private static long row(Writer w, List<String> fields) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            String v = fields.get(i);
            if (v == null) sb.append("-0- ");
            else sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        sb.append("\r\n");
        w.write(sb.toString());
        return sb.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
