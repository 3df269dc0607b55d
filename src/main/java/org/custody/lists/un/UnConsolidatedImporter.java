package org.custody.lists.un;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.custody.lists.Address;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.Identifier;
import org.custody.lists.ListEntity;
import org.custody.lists.ListFormatException;
import org.custody.lists.ListSummary;
import org.custody.lists.ParsedList;
import org.custody.lists.Schema;
import org.custody.lists.SourceFiles;
import org.custody.lists.xml.XmlNode;
import org.custody.lists.xml.XmlRecords;

/**
 * Imports the UN Security Council Consolidated List ({@code consolidated.xml}, schema sc-sanctions.xsd):
 * INDIVIDUAL records become persons, ENTITY records organisations. Alias quality "Good" and "a.k.a." are
 * strong, "Low" and "f.k.a." weak; the name in original script is a strong alias.
 */
public final class UnConsolidatedImporter {

    public static final String LIST_ID = "un-sc";
    private static final List<String> NAME_PARTS = List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME");

    private UnConsolidatedImporter() {}

    /** True when the file's root element is the UN's CONSOLIDATED_LIST (checked cheaply by callers). */
    public static boolean looksLikeUn(String head) {
        return head.contains("<CONSOLIDATED_LIST");
    }

    public static ParsedList read(Path file) {
        List<ListEntity> entities = new ArrayList<>();
        return stream(file, entities::add).withEntities(SourceFiles.contentHash(List.of(file)), entities);
    }

    /**
     * Reads the file one record at a time, handing each entity to {@code sink}; only the reference
     * numbers seen so far (to refuse duplicates) and the counts stay in memory.
     */
    public static ListSummary stream(Path file, Consumer<ListEntity> sink) {
        String name = file.getFileName().toString();
        Set<String> refs = new HashSet<>();
        long[] counts = new long[4]; // individuals, entities, strong, weak
        XmlRecords.Header header;
        try {
            header = XmlRecords.stream(file, Set.of("INDIVIDUAL", "ENTITY"), node -> {
                ListEntity e = entity(name, node);
                if (!refs.add(e.sourceId())) {
                    throw new ListFormatException(name, node.line(), "REFERENCE_NUMBER",
                            "duplicate reference number " + e.sourceId());
                }
                counts[e.schema() == Schema.PERSON ? 0 : 1]++;
                for (Alias a : e.aliases()) counts[a.strength() == AliasStrength.WEAK ? 3 : 2]++;
                sink.accept(e);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"CONSOLIDATED_LIST".equals(header.root())) {
            throw new ListFormatException(name, 1, "", "root element is <" + header.root()
                    + ">, expected <CONSOLIDATED_LIST> (UN Security Council consolidated list)");
        }
        Map<String, Long> c = new TreeMap<>();
        c.put("entities", counts[0] + counts[1]);
        c.put("individuals", counts[0]);
        c.put("organizations", counts[1]);
        c.put("strongAliases", counts[2]);
        c.put("weakAliases", counts[3]);
        String generated = header.rootAttributes().get("dateGenerated");
        return new ListSummary(LIST_ID, generated, c, List.of());
    }

    private static ListEntity entity(String file, XmlNode n) {
        boolean individual = n.name().equals("INDIVIDUAL");
        String ref = n.text("REFERENCE_NUMBER");
        if (ref.isEmpty()) throw new ListFormatException(file, n.line(), "REFERENCE_NUMBER", "missing reference number");
        List<String> parts = new ArrayList<>();
        for (String p : NAME_PARTS) if (!n.text(p).isEmpty()) parts.add(n.text(p));
        if (parts.isEmpty()) {
            throw new ListFormatException(file, n.line(), "FIRST_NAME", "record " + ref + " has no name");
        }
        String primary = String.join(" ", parts);

        List<Alias> aliases = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(primary.toUpperCase(Locale.ROOT));
        String original = n.text("NAME_ORIGINAL_SCRIPT");
        if (!original.isEmpty() && seen.add(original.toUpperCase(Locale.ROOT))) {
            aliases.add(new Alias(original, AliasStrength.STRONG, "original script"));
        }
        for (XmlNode a : n.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String an = a.text("ALIAS_NAME");
            if (an.isEmpty()) continue;
            String quality = a.text("QUALITY");
            AliasStrength strength = switch (quality.toLowerCase(Locale.ROOT)) {
                case "good", "a.k.a.", "" -> AliasStrength.STRONG;
                case "low", "f.k.a." -> AliasStrength.WEAK;
                default -> throw new ListFormatException(file, a.line(), "QUALITY", "unknown alias quality '"
                        + quality + "' (expected Good, Low, a.k.a. or f.k.a.)");
            };
            if (seen.add(an.toUpperCase(Locale.ROOT))) {
                aliases.add(new Alias(an, strength, quality.isEmpty() ? "alias" : quality));
            }
        }

        List<String> programs = new ArrayList<>();
        if (!n.text("UN_LIST_TYPE").isEmpty()) programs.add(n.text("UN_LIST_TYPE"));

        List<String> dobs = new ArrayList<>();
        for (XmlNode d : n.all("INDIVIDUAL_DATE_OF_BIRTH")) {
            String dob = birthDate(d);
            if (!dob.isEmpty()) dobs.add(dob);
        }

        List<Address> addresses = new ArrayList<>();
        for (XmlNode a : n.all(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
            String city = join(", ", a.text("CITY"), a.text("STATE_PROVINCE"), a.text("ZIP_CODE"));
            Address addr = new Address(a.text("STREET"), city, a.text("COUNTRY"), a.text("NOTE"));
            if (!(addr.street().isEmpty() && city.isEmpty() && addr.country().isEmpty())) addresses.add(addr);
        }

        List<Identifier> ids = new ArrayList<>();
        for (XmlNode d : n.all("INDIVIDUAL_DOCUMENT")) {
            String number = d.text("NUMBER");
            if (number.isEmpty()) continue;
            String type = join(" / ", d.text("TYPE_OF_DOCUMENT"), d.text("TYPE_OF_DOCUMENT2"));
            String country = d.text("ISSUING_COUNTRY").isEmpty() ? d.text("COUNTRY_OF_ISSUE") : d.text("ISSUING_COUNTRY");
            ids.add(new Identifier(type.isEmpty() ? "Document" : type, number, country));
        }

        StringBuilder remarks = new StringBuilder();
        List<String> titles = n.texts("TITLE", "VALUE");
        if (!titles.isEmpty()) remarks.append("Title: ").append(String.join(", ", titles)).append("; ");
        List<String> designations = n.texts("DESIGNATION", "VALUE");
        if (!designations.isEmpty()) remarks.append("Designation: ").append(String.join(", ", designations)).append("; ");
        if (!n.text("LISTED_ON").isEmpty()) remarks.append("Listed on: ").append(n.text("LISTED_ON")).append("; ");
        remarks.append(n.text("COMMENTS1"));

        return new ListEntity(LIST_ID + ":" + ref, LIST_ID, ref, individual ? Schema.PERSON : Schema.ORGANIZATION,
                primary, aliases, programs, dobs, n.texts("NATIONALITY", "VALUE"), addresses, ids,
                remarks.toString().strip());
    }

    /** EXACT "1971-05-02" or "1971"; APPROXIMATELY "circa 1971"; BETWEEN "1960 to 1962"; else the note. */
    private static String birthDate(XmlNode d) {
        String type = d.text("TYPE_OF_DATE").toUpperCase(Locale.ROOT);
        String date = d.text("DATE");
        String year = d.text("YEAR");
        String value;
        if (!d.text("FROM_YEAR").isEmpty() || !d.text("TO_YEAR").isEmpty()) {
            value = d.text("FROM_YEAR") + " to " + d.text("TO_YEAR");
        } else if (!date.isEmpty()) {
            value = date.length() > 10 ? date.substring(0, 10) : date;
        } else if (!year.isEmpty()) {
            value = year;
        } else {
            value = d.text("NOTE");
        }
        if (!value.isEmpty() && type.equals("APPROXIMATELY") && !value.contains(" to ")) value = "circa " + value;
        return value.strip();
    }

    private static String join(String sep, String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) if (p != null && !p.isEmpty()) kept.add(p);
        return String.join(sep, kept);
    }
}
