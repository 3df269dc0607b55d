package org.custody.lists.ofac;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Imports OFAC's {@code sdn.xml} (and the consolidated non-SDN list in the same schema, sdnList.xsd):
 * one {@code sdnEntry} per entity, with structured aliases (type a.k.a./f.k.a./n.k.a., category
 * strong/weak), ids, nationalities, citizenships, dates of birth, addresses and vessel details. Aliases
 * get the same strengths as from the legacy CSV set: weak when OFAC says so or when a former name.
 */
public final class OfacXmlImporter {

    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private OfacXmlImporter() {}

    public static boolean looksLikeSdnXml(String head) {
        return head.contains("<sdnList");
    }

    public static ParsedList read(Path file, String listId) {
        List<ListEntity> entities = new ArrayList<>();
        return stream(file, listId, entities::add).withEntities(SourceFiles.contentHash(List.of(file)), entities);
    }

    /**
     * Reads the file one {@code sdnEntry} at a time, handing each entity to {@code sink}; only the uids
     * seen so far (to refuse duplicates) and the counts stay in memory.
     */
    public static ListSummary stream(Path file, String listId, Consumer<ListEntity> sink) {
        String name = file.getFileName().toString();
        Set<String> uids = new HashSet<>();
        long[] counts = new long[3]; // entities, strong, weak
        XmlRecords.Header header;
        try {
            header = XmlRecords.stream(file, Set.of("sdnEntry"), node -> {
                ListEntity e = entity(name, listId, node);
                if (!uids.add(e.sourceId())) {
                    throw new ListFormatException(name, node.line(), "uid", "duplicate uid " + e.sourceId());
                }
                counts[0]++;
                for (Alias a : e.aliases()) counts[a.strength() == AliasStrength.WEAK ? 2 : 1]++;
                sink.accept(e);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"sdnList".equals(header.root())) {
            throw new ListFormatException(name, 1, "", "root element is <" + header.root() + ">, expected <sdnList>");
        }
        Map<String, Long> c = new TreeMap<>();
        c.put("entities", counts[0]);
        c.put("strongAliases", counts[1]);
        c.put("weakAliases", counts[2]);
        List<String> warnings = new ArrayList<>();
        String declared = header.texts().get("Record_Count");
        if (declared != null && !declared.equals(Long.toString(counts[0]))) {
            warnings.add(name + ": Record_Count says " + declared + " but the file holds " + counts[0]
                    + " sdnEntry records");
        }
        String published = header.texts().get("Publish_Date");
        if (published != null) {
            Matcher m = US_DATE.matcher(published);
            if (m.matches()) {
                published = "%s-%02d-%02d".formatted(m.group(3), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)));
            }
        }
        return new ListSummary(listId, published, c, warnings);
    }

    private static ListEntity entity(String file, String listId, XmlNode n) {
        String uid = n.text("uid");
        if (!uid.matches("\\d+")) {
            throw new ListFormatException(file, n.line(), "uid", uid.isEmpty() ? "missing uid" : "'" + uid
                    + "' is not a whole number");
        }
        String type = n.text("sdnType");
        Schema schema = switch (type.toLowerCase(Locale.ROOT)) {
            case "individual" -> Schema.PERSON;
            case "entity" -> Schema.ORGANIZATION;
            case "vessel" -> Schema.VESSEL;
            case "aircraft" -> Schema.AIRCRAFT;
            default -> throw new ListFormatException(file, n.line(), "sdnType", "unknown sdnType '" + type
                    + "' (expected Individual, Entity, Vessel or Aircraft)");
        };
        String primary = name(n);
        if (primary.isEmpty()) throw new ListFormatException(file, n.line(), "lastName", "entry " + uid + " has no name");

        List<Alias> aliases = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(primary.toUpperCase(Locale.ROOT));
        for (XmlNode list : n.all("akaList")) {
            for (XmlNode a : list.all("aka")) {
                String an = name(a);
                if (an.isEmpty()) throw new ListFormatException(file, a.line(), "aka.lastName", "alias without a name");
                String kind = a.text("type");
                String category = a.text("category").toLowerCase(Locale.ROOT);
                if (!category.isEmpty() && !category.equals("strong") && !category.equals("weak")) {
                    throw new ListFormatException(file, a.line(), "aka.category", "unknown alias category '"
                            + a.text("category") + "' (expected strong or weak)");
                }
                boolean weak = category.equals("weak") || kind.equalsIgnoreCase("f.k.a.");
                if (seen.add(an.toUpperCase(Locale.ROOT))) {
                    aliases.add(new Alias(an, weak ? AliasStrength.WEAK : AliasStrength.STRONG, kind));
                }
            }
        }
        String remarks = n.text("remarks");
        OfacRemarks parsed = OfacRemarks.parse(remarks);
        for (Alias w : parsed.weakAliases()) if (seen.add(w.name().toUpperCase(Locale.ROOT))) aliases.add(w);

        List<String> programs = new ArrayList<>();
        for (XmlNode list : n.all("programList")) {
            for (XmlNode p : list.all("program")) if (!p.text().isEmpty()) programs.add(p.text());
        }
        List<String> dobs = new ArrayList<>();
        for (XmlNode list : n.all("dateOfBirthList")) {
            for (XmlNode d : list.all("dateOfBirthItem")) {
                String v = d.text("dateOfBirth");
                if (!v.isEmpty()) dobs.add(OfacRemarks.isoDates(v));
            }
        }
        if (dobs.isEmpty()) dobs.addAll(parsed.birthDates());

        Set<String> nats = new LinkedHashSet<>();
        for (XmlNode list : n.all("nationalityList")) for (XmlNode x : list.all("nationality")) add(nats, x.text("country"));
        for (XmlNode list : n.all("citizenshipList")) for (XmlNode x : list.all("citizenship")) add(nats, x.text("country"));
        if (nats.isEmpty()) nats.addAll(parsed.nationalities());

        List<Address> addresses = new ArrayList<>();
        for (XmlNode list : n.all("addressList")) {
            for (XmlNode a : list.all("address")) {
                String street = join(", ", a.text("address1"), a.text("address2"), a.text("address3"));
                String city = join(", ", a.text("city"), a.text("stateOrProvince"), a.text("postalCode"));
                if (!(street.isEmpty() && city.isEmpty() && a.text("country").isEmpty())) {
                    addresses.add(new Address(street, city, a.text("country"), ""));
                }
            }
        }

        List<Identifier> ids = new ArrayList<>();
        XmlNode vessel = n.child("vesselInfo");
        if (vessel != null) {
            addId(ids, "Call Sign", vessel.text("callSign"));
            addId(ids, "Vessel Type", vessel.text("vesselType"));
            addId(ids, "Tonnage", vessel.text("tonnage"));
            addId(ids, "GRT", vessel.text("grossRegisteredTonnage"));
            addId(ids, "Vessel Flag", vessel.text("vesselFlag"));
            addId(ids, "Vessel Owner", vessel.text("vesselOwner"));
        }
        for (XmlNode list : n.all("idList")) {
            for (XmlNode i : list.all("id")) {
                if (!i.text("idNumber").isEmpty()) {
                    ids.add(new Identifier(i.text("idType"), i.text("idNumber"), i.text("idCountry")));
                }
            }
        }
        String title = n.text("title");
        String fullRemarks = title.isEmpty() ? remarks : "Title: " + title + (remarks.isEmpty() ? "" : "; " + remarks);
        return new ListEntity(listId + ":" + uid, listId, uid, schema, primary, aliases, programs, dobs,
                List.copyOf(nats), addresses, ids, fullRemarks);
    }

    /** OFAC writes individuals as "LAST, First", the same as in sdn.csv. */
    private static String name(XmlNode n) {
        String last = n.text("lastName");
        String first = n.text("firstName");
        if (last.isEmpty()) return first;
        return first.isEmpty() ? last : last + ", " + first;
    }

    private static void add(Set<String> set, String v) {
        if (!v.isEmpty()) set.add(v);
    }

    private static void addId(List<Identifier> ids, String type, String v) {
        if (!v.isEmpty()) ids.add(new Identifier(type, v, ""));
    }

    private static String join(String sep, String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) if (!p.isEmpty()) kept.add(p);
        return String.join(sep, kept);
    }
}
