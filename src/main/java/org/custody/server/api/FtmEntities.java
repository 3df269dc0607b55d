package org.custody.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.countries.Countries;
import org.custody.lists.Address;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.Identifier;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;
import org.custody.lists.Schema;

/**
 * A listed entity as a FollowTheMoney entity (the shape yente and its clients read): id, caption, schema,
 * properties (each a list of strings), datasets, plus the list and list version it was read from.
 */
public final class FtmEntities {

    private FtmEntities() {}

    public static String schema(Schema s) {
        return switch (s) {
            case PERSON -> "Person";
            case ORGANIZATION -> "Organization";
            case VESSEL -> "Vessel";
            case AIRCRAFT -> "Airplane";
            case OTHER -> "LegalEntity";
        };
    }

    /** The FtM schema names a query may use, mapped onto Custody's kinds (null: screen every kind). */
    public static Schema parseSchema(String ftm) {
        return switch (ftm) {
            case "Person" -> Schema.PERSON;
            case "Organization", "Company", "PublicBody" -> Schema.ORGANIZATION;
            case "Vessel" -> Schema.VESSEL;
            case "Airplane" -> Schema.AIRCRAFT;
            case "LegalEntity", "Thing" -> null;
            default -> throw new IllegalArgumentException("unsupported schema '" + ftm
                    + "' (Person, Organization, Company, PublicBody, LegalEntity, Vessel, Airplane or Thing)");
        };
    }

    public static Map<String, Object> entity(ListEntity e, ListVersion version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("caption", e.primaryName());
        m.put("schema", schema(e.schema()));
        m.put("properties", properties(e));
        m.put("datasets", List.of(e.listId()));
        m.put("referents", List.of());
        m.put("target", true);
        m.put("first_seen", null);
        m.put("last_seen", version == null || version.importedAt() == null ? null : version.importedAt().toString());
        m.put("last_change", null);
        m.put("list", e.listId());
        m.put("list_version", version == null ? null : version.version());
        m.put("list_published", version == null ? null : version.publishedAt());
        List<Map<String, Object>> ids = new ArrayList<>();
        for (Identifier id : e.identifiers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("type", id.type());
            x.put("value", id.value());
            x.put("country", id.country());
            ids.add(x);
        }
        m.put("identifiers", ids);
        return m;
    }

    static Map<String, List<String>> properties(ListEntity e) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        add(p, "name", e.primaryName());
        for (Alias a : e.aliases()) add(p, a.strength() == AliasStrength.WEAK ? "weakAlias" : "alias", a.name());
        boolean person = e.schema() == Schema.PERSON;
        for (String d : e.birthDates()) add(p, person ? "birthDate" : "incorporationDate", d);
        Countries countries = Countries.standard();
        for (String n : e.nationalities()) {
            add(p, person ? "nationality" : "country", countries.code(n).map(c -> c.toLowerCase(Locale.ROOT)).orElse(n));
        }
        for (Address a : e.addresses()) {
            String full = String.join(", ", nonBlank(a.street(), a.cityStateProvince(), a.country()));
            if (!full.isEmpty()) add(p, "address", full);
            if (a.country() != null && !a.country().isBlank()) {
                add(p, "country", countries.code(a.country()).map(c -> c.toLowerCase(Locale.ROOT)).orElse(a.country()));
            }
        }
        for (Identifier id : e.identifiers()) add(p, identifierProperty(id, e.schema()), id.value());
        for (String prog : e.programs()) add(p, "program", prog);
        if (!e.remarks().isBlank()) add(p, "notes", e.remarks());
        return p;
    }

    private static String identifierProperty(Identifier id, Schema schema) {
        String t = id.type() == null ? "" : id.type().toLowerCase(Locale.ROOT);
        if (t.contains("passport")) return "passportNumber";
        if (t.contains("imo")) return "imoNumber";
        if (t.contains("mmsi")) return "mmsi";
        if (t.contains("swift") || t.contains("bic")) return "swiftBic";
        if (t.contains("tax") || t.contains("tin") || t.contains("inn")) return "taxNumber";
        if (schema != Schema.PERSON && (t.contains("registration") || t.contains("company number"))) return "registrationNumber";
        return "idNumber";
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String s : parts) if (s != null && !s.isBlank()) out.add(s.strip());
        return out;
    }

    private static void add(Map<String, List<String>> p, String prop, String value) {
        if (value == null || value.isBlank()) return;
        List<String> l = p.computeIfAbsent(prop, k -> new ArrayList<>());
        if (!l.contains(value)) l.add(value);
    }
}
