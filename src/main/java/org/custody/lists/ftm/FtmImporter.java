package org.custody.lists.ftm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

/**
 * Imports FollowTheMoney entities, one JSON object per line (OpenSanctions' export format). Person,
 * Organization, Company, LegalEntity, PublicBody, Vessel and Airplane become list entities; Sanction
 * records attach their programs to the entity they name; Address records fill in {@code addressEntity}
 * references; every other schema (Ownership, Family, Directorship, Passport, ...) is counted and skipped.
 * Entities with {@code "target": false} (relatives, owners, addresses of targets) are not screened.
 */
public final class FtmImporter {

    public static final String DEFAULT_LIST_ID = "opensanctions";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Map<String, Schema> TARGET_SCHEMAS = Map.of(
            "Person", Schema.PERSON, "Organization", Schema.ORGANIZATION, "Company", Schema.ORGANIZATION,
            "LegalEntity", Schema.ORGANIZATION, "PublicBody", Schema.ORGANIZATION, "Vessel", Schema.VESSEL,
            "Airplane", Schema.AIRCRAFT);
    /** Identifier-like FtM properties, in the order they are reported. */
    private static final List<String> IDENTIFIER_PROPS = List.of("registrationNumber", "taxNumber", "idNumber",
            "passportNumber", "innCode", "ogrnCode", "kppCode", "leiCode", "swiftBic", "imoNumber", "mmsi",
            "callSign", "permId", "uniqueEntityId", "vatCode", "dunsCode", "okpoCode", "bikCode",
            "email", "website", "phone");

    private FtmImporter() {}

    public static ParsedList read(Path file) {
        return read(file, DEFAULT_LIST_ID);
    }

    public static ParsedList read(Path file, String listId) {
        List<ListEntity> entities = new ArrayList<>();
        return stream(file, listId, entities::add).withEntities(SourceFiles.contentHash(List.of(file)), entities);
    }

    /**
     * Reads the file twice, handing each target entity to {@code sink} during the second pass. The first
     * pass checks every line and keeps only what later lines may need when an earlier one is built: the
     * ids of targets (to refuse duplicates), each target's Sanction programs and each Address record as a
     * finished {@link Address}. No JSON tree outlives its line, so memory grows with those ids and short
     * texts, not with the file.
     */
    public static ListSummary stream(Path file, String listId, Consumer<ListEntity> sink) {
        String name = file.getFileName().toString();
        Set<String> targetIds = new HashSet<>();
        Map<String, Address> addresses = new HashMap<>();
        Map<String, Set<String>> programsOf = new HashMap<>();
        Map<String, Long> skipped = new TreeMap<>();
        long[] nonTarget = {0};
        String[] lastSeen = {null};
        long lines = eachLine(file, (lineNo, node) -> {
            String id = requiredText(name, lineNo, node, "id");
            String schema = requiredText(name, lineNo, node, "schema");
            JsonNode props = node.get("properties");
            if (props == null || !props.isObject()) {
                throw new ListFormatException(name, lineNo, "properties", "missing or not an object");
            }
            String seen = node.path("last_seen").asText("");
            if (!seen.isEmpty() && (lastSeen[0] == null || seen.compareTo(lastSeen[0]) > 0)) lastSeen[0] = seen;
            Schema target = TARGET_SCHEMAS.get(schema);
            if (target != null) {
                if (!isTarget(node)) {
                    nonTarget[0]++;
                    return;
                }
                if (values(props, "name").isEmpty()) {
                    throw new ListFormatException(name, lineNo, "properties.name", schema + " " + id + " has no name");
                }
                if (!targetIds.add(id)) {
                    throw new ListFormatException(name, lineNo, "id", "duplicate entity id " + id);
                }
            } else if (schema.equals("Sanction")) {
                List<String> programs = values(props, "programId");
                if (programs.isEmpty()) programs = values(props, "program");
                for (String ref : values(props, "entity")) {
                    Set<String> ps = programsOf.computeIfAbsent(ref, k -> new LinkedHashSet<>());
                    for (String prog : programs) ps.add(prog.intern());
                }
            } else if (schema.equals("Address")) {
                addresses.put(id, address(props));
            } else {
                skipped.merge(schema, 1L, Long::sum);
            }
        });
        programsOf.keySet().retainAll(targetIds);

        long[] counts = new long[5]; // entities, strong, weak, linked sanctions, unlinked sanctions
        eachLine(file, (lineNo, node) -> {
            String schema = node.get("schema").asText();
            if (schema.equals("Sanction")) {
                boolean linked = values(node.get("properties"), "entity").stream().anyMatch(targetIds::contains);
                counts[linked ? 3 : 4]++;
                return;
            }
            Schema target = TARGET_SCHEMAS.get(schema);
            if (target == null || !isTarget(node)) return;
            String id = node.get("id").asText();
            ListEntity e = toEntity(listId, id, target, node, programsOf.getOrDefault(id, Set.of()), addresses);
            counts[0]++;
            for (Alias a : e.aliases()) counts[a.strength() == AliasStrength.WEAK ? 2 : 1]++;
            sink.accept(e);
        });
        Map<String, Long> c = new TreeMap<>();
        c.put("lines", lines);
        c.put("entities", counts[0]);
        c.put("nonTargetSkipped", nonTarget[0]);
        c.put("sanctionsLinked", counts[3]);
        c.put("sanctionsUnlinked", counts[4]);
        c.put("addresses", (long) addresses.size());
        c.put("strongAliases", counts[1]);
        c.put("weakAliases", counts[2]);
        List<String> warnings = new ArrayList<>();
        if (!skipped.isEmpty()) warnings.add(name + ": skipped records of schemas not screened: " + skipped);
        if (counts[4] > 0) {
            warnings.add(name + ": " + counts[4] + " Sanction records name no entity in this file");
        }
        return new ListSummary(listId, lastSeen[0], c, warnings);
    }

    private static boolean isTarget(JsonNode node) {
        return !(node.has("target") && !node.get("target").asBoolean());
    }

    /** One JSON object per line, handed on with its line number; returns the number of lines. */
    private static long eachLine(Path file, LineHandler handler) {
        String name = file.getFileName().toString();
        long lineNo = 0;
        try (BufferedReader r = SourceFiles.utf8(file)) {
            String line;
            while (true) {
                try {
                    line = r.readLine();
                } catch (CharacterCodingException e) {
                    throw new ListFormatException(name, lineNo + 1, "", "not valid UTF-8 text", e);
                }
                if (line == null) break;
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new ListFormatException(name, lineNo, "", "invalid JSON: " + e.getOriginalMessage(), e);
                }
                if (node == null || !node.isObject()) {
                    throw new ListFormatException(name, lineNo, "", "expected one JSON object per line");
                }
                handler.line(lineNo, node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lineNo;
    }

    @FunctionalInterface
    private interface LineHandler {
        void line(long lineNo, JsonNode node);
    }

    private static String requiredText(String file, long line, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ListFormatException(file, line, field, "missing or not a string");
        }
        return v.asText();
    }

    /** A property's values as strings; nested entity objects (FtM "nested" exports) give their id. */
    static List<String> values(JsonNode props, String prop) {
        JsonNode v = props == null ? null : props.get(prop);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isArray()) {
            for (JsonNode x : v) add(out, x);
        } else {
            add(out, v);
        }
        return out;
    }

    private static void add(List<String> out, JsonNode x) {
        String s = x.isObject() ? x.path("id").asText("") : x.asText("");
        if (!s.isBlank()) out.add(s.strip());
    }

    /** ISO 3166 alpha-2 codes as English names, so nationalities read like those of other lists. */
    static String country(String code) {
        if (code.length() == 2) {
            String n = Locale.of("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
            if (!n.isEmpty() && !n.equalsIgnoreCase(code)) return n;
        }
        return code;
    }

    private static Address address(JsonNode ap) {
        String street = String.join(", ", values(ap, "street"));
        if (street.isEmpty()) street = String.join(", ", values(ap, "full"));
        String city = String.join(", ", concat(values(ap, "city"), values(ap, "region"), values(ap, "postalCode")));
        List<String> countries = values(ap, "country").stream().map(FtmImporter::country).toList();
        return new Address(street, city, String.join(", ", countries), "");
    }

    private static ListEntity toEntity(String listId, String id, Schema schema, JsonNode node,
                                       Set<String> sanctionPrograms, Map<String, Address> addressEntities) {
        JsonNode p = node.get("properties");
        List<String> names = values(p, "name");
        String caption = node.path("caption").asText("");
        String primary = names.contains(caption) ? caption : names.getFirst();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(primary);
        List<Alias> aliases = new ArrayList<>();
        for (String n : names) if (seen.add(n)) aliases.add(new Alias(n, AliasStrength.STRONG, "name"));
        for (String n : values(p, "alias")) if (seen.add(n)) aliases.add(new Alias(n, AliasStrength.STRONG, "alias"));
        for (String n : values(p, "previousName")) {
            if (seen.add(n)) aliases.add(new Alias(n, AliasStrength.WEAK, "previousName"));
        }
        for (String n : values(p, "weakAlias")) if (seen.add(n)) aliases.add(new Alias(n, AliasStrength.WEAK, "weakAlias"));
        for (String n : values(p, "abbreviation")) {
            if (seen.add(n)) aliases.add(new Alias(n, AliasStrength.WEAK, "abbreviation"));
        }

        Set<String> programs = new LinkedHashSet<>(values(p, "programId"));
        programs.addAll(sanctionPrograms);

        Set<String> nats = new LinkedHashSet<>();
        for (String c : values(p, "nationality")) nats.add(country(c));
        for (String c : values(p, "citizenship")) nats.add(country(c));
        if (schema == Schema.VESSEL) for (String c : values(p, "flag")) nats.add(country(c));

        List<Address> addresses = new ArrayList<>();
        for (String full : values(p, "address")) addresses.add(new Address(full, "", "", ""));
        for (String ref : values(p, "addressEntity")) {
            Address a = addressEntities.get(ref);
            if (a != null) addresses.add(a);
        }

        List<Identifier> ids = new ArrayList<>();
        Set<String> idSeen = new LinkedHashSet<>();
        List<String> countries = values(p, "country");
        String country = countries.size() == 1 ? country(countries.getFirst()) : "";
        for (String prop : IDENTIFIER_PROPS) {
            for (String v : values(p, prop)) {
                if (idSeen.add(prop + "\u0000" + v)) ids.add(new Identifier(prop, v, country));
            }
        }

        List<String> remarks = new ArrayList<>();
        List<String> topics = values(p, "topics");
        if (!topics.isEmpty()) remarks.add("Topics: " + String.join(", ", topics));
        List<String> positions = values(p, "position");
        if (!positions.isEmpty()) remarks.add("Position: " + String.join("; ", positions));
        List<String> datasets = new ArrayList<>();
        node.path("datasets").forEach(d -> datasets.add(d.asText()));
        if (!datasets.isEmpty()) remarks.add("Datasets: " + String.join(", ", datasets));
        remarks.addAll(values(p, "notes"));
        remarks.addAll(values(p, "summary"));

        return new ListEntity(listId + ":" + id, listId, id, schema, primary, aliases, List.copyOf(programs),
                values(p, "birthDate"), List.copyOf(nats), addresses, ids, String.join("; ", remarks));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) out.addAll(l);
        return out;
    }
}
