package org.custody.store.diversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collection;
import org.custody.ledger.SerialKey;
import org.custody.store.evidence.EvidenceStore;
import org.custody.catalog.Article;
import org.custody.catalog.ArticleCatalog;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.Stance;

/**
 * Reads the evidence store's claims (V40: {@code evidence_claim}, mentions, documents) as detection's
 * {@link EvidenceClaim}s. Per claim: the article from its catalogue resolution (article id, {@code family:},
 * {@code category:}), the holder as resolved (else as written), the claim's origin key (story grouping's
 * independent origin), the document's story; the place is the first resolved place mentioned in the
 * claim's sentence (else in the document), the date the first resolved date in the sentence (else the
 * document's publication date).
 */
public final class JdbcEvidenceClaims {

    private JdbcEvidenceClaims() {}

    record Place(String name, GeoPoint point, String country, int start) {}

    record DateMention(LocalDate date, int start) {}

    public static List<EvidenceClaim> load(Connection c, ArticleCatalog catalog) throws SQLException {
        Map<String, List<Place>> places = new HashMap<>();
        Map<String, List<DateMention>> dates = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT document_id, type, resolved_name, start_offset, detail::text FROM evidence_mention
                WHERE type IN ('place', 'date') AND resolved_id IS NOT NULL ORDER BY document_id, start_offset""")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> d = detail(rs.getString(5));
                    if (rs.getString(2).equals("place")) {
                        GeoPoint p = null;
                        try {
                            Object lat = d.get("latitude");
                            Object lon = d.get("longitude");
                            if (lat != null && lon != null) p = new GeoPoint(Double.parseDouble(lat.toString()), Double.parseDouble(lon.toString()));
                        } catch (IllegalArgumentException ignored) {
                            // a malformed coordinate is treated as unknown
                        }
                        places.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Place(rs.getString(3), p,
                                countryName(d.get("country")), rs.getInt(4)));
                    } else {
                        LocalDate date = parseDate(d.get("value"));
                        if (date != null) dates.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DateMention(date, rs.getInt(4)));
                    }
                }
            }
        }
        Map<String, Set<String>> credited = new HashMap<>();
        Set<String> knownOrigins = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT document_id, origin_key, credited FROM evidence_origin ORDER BY document_id, credited DESC, position, origin_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                knownOrigins.add(rs.getString(2));
                // a claim that credits no outlet itself counts under the document's primary (first credited) origin
                if (rs.getBoolean(3)) credited.putIfAbsent(rs.getString(1), Set.of(rs.getString(2)));
            }
        }
        Map<String, List<SerialItem>> serialItems = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, body FROM evidence_document WHERE kind = 'field-report' AND body LIKE '%(serials:%'")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) serialItems.put(rs.getString(1), serialItems(rs.getString(2), catalog));
            }
        }
        Map<String, List<SerialItem>> ledgerSerials = ledgerSerialsInText(c);
        List<EvidenceClaim> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT cl.document_id, cl.seq, cl.kind, cl.article_id, cl.article_name, cl.article_text, cl.holder_id,
                       cl.holder_name, cl.holder_text, cl.stance, cl.attributed_to, cl.origin_key, cl.sentence,
                       cl.start_offset, cl.end_offset, d.story_id, d.published, cl.serials, cl.place_name, cl.latitude,
                       cl.longitude, cl.country, cl.claim_date
                FROM evidence_claim cl JOIN evidence_document d ON d.id = cl.document_id
                WHERE cl.kind IN ('possession', 'use', 'transfer') ORDER BY cl.document_id, cl.seq""")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String doc = rs.getString(1);
                    Optional<ArticleRef> article = article(catalog, rs.getString(4), rs.getString(5), rs.getString(6));
                    if (article.isEmpty()) continue; // "U.S. weapons" in general: nothing to join to a delivery
                    String holderName = rs.getString(8) != null ? rs.getString(8) : rs.getString(9);
                    int start = rs.getInt(14);
                    int end = rs.getInt(15);
                    Place place = ownPlace(rs);
                    if (place == null) place = pick(places.get(doc), start, end);
                    LocalDate date = pickDate(dates.get(doc), start, end);
                    if (date == null) date = rs.getObject(23, LocalDate.class);
                    if (date == null) date = rs.getObject(17, LocalDate.class);
                    java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
                    java.sql.Array own = rs.getArray(18);
                    if (own != null) for (String x : (String[]) own.getArray()) found.add(x);
                    for (SerialItem item : serialItems.getOrDefault(doc, List.of())) {
                        if (sameArticle(item.article(), article.get())) found.addAll(item.serials());
                    }
                    // serials anywhere in the document that the ledger delivered as this article
                    for (SerialItem item : ledgerSerials.getOrDefault(doc, List.of())) {
                        if (sameArticle(item.article(), article.get())) found.addAll(item.serials());
                    }
                    List<String> serials = dedupeByKey(found);
                    if (serials.isEmpty()) serials.add(null);
                    String id = doc + "#" + rs.getInt(2);
                    for (String serial : serials) {
                        out.add(new EvidenceClaim(serial == null || serials.size() == 1 ? id : id + "/" + serial,
                                ClaimKind.parse(rs.getString(3)), article.get(),
                                new Actor(rs.getString(7), holderName), serial, place == null ? null : place.name(),
                                place == null ? null : place.point(), place == null ? null : place.country(), date,
                                Stance.parse(rs.getString(10)), origins(rs.getString(11), rs.getString(12), credited.get(doc), knownOrigins),
                                rs.getString(16), doc,
                                rs.getString(13), rs.getString(11)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The independent origins of a claim: the outlet its sentence credits when that outlet is itself an origin
     * in the store ("…, Wire Agency A reported" in a syndicated copy), else the outlets the document credits,
     * else the claim's own origin.
     */
    static Set<String> origins(String attributedTo, String originKey, Set<String> creditedByDocument, Set<String> known) {
        if (attributedTo != null) {
            String k = attributedTo.toLowerCase(Locale.ROOT).strip().replaceAll("^the\\s+", "");
            if (known.contains(k)) return Set.of(k);
        }
        if (creditedByDocument != null && !creditedByDocument.isEmpty()) return creditedByDocument;
        return Set.of(originKey);
    }

    /** An item line of a field report, "- 2 M16A4 rifle (serials: W1, W2)", resolved against the catalogue. */
    record SerialItem(ArticleRef article, List<String> serials) {}

    private static final java.util.regex.Pattern ITEM =
            java.util.regex.Pattern.compile("(?m)^- \\d+ (.+?) \\(serials: ([^)]+)\\)\\s*$");

    static List<SerialItem> serialItems(String body, ArticleCatalog catalog) {
        List<SerialItem> out = new ArrayList<>();
        java.util.regex.Matcher m = ITEM.matcher(body);
        while (m.find()) {
            Optional<org.custody.catalog.Resolution> r = catalog.resolve(m.group(1).trim());
            if (r.isEmpty()) continue;
            ArticleRef a = switch (r.get()) {
                case org.custody.catalog.Resolution.OfArticle x -> new ArticleRef(x.article().designation(), x.article().family(),
                        x.article().category().label());
                case org.custody.catalog.Resolution.OfFamily f -> new ArticleRef(null, f.family(), f.category().label());
                case org.custody.catalog.Resolution.OfCategory k -> new ArticleRef(null, null, k.category().label());
            };
            List<String> serials = new ArrayList<>();
            for (String s : m.group(2).split("[,;]")) if (!s.isBlank()) serials.add(s.trim());
            out.add(new SerialItem(a, serials));
        }
        return out;
    }

    private static boolean sameArticle(ArticleRef a, ArticleRef b) {
        return a.familyKey() != null && a.familyKey().equals(b.familyKey())
                || a.designationKey() != null && a.designationKey().equals(b.designationKey());
    }

    private static List<String> dedupeByKey(Collection<String> serials) {
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String x : serials) if (x != null && !x.isBlank()) byKey.putIfAbsent(SerialKey.of(x), x.strip());
        return new ArrayList<>(byKey.values());
    }

    /** The place stored with the claim itself (a structured sighting's reported location), when it has one. */
    private static Place ownPlace(ResultSet rs) throws SQLException {
        String name = rs.getString(19);
        if (name == null) return null;
        double lat = rs.getDouble(20);
        boolean noLat = rs.wasNull();
        double lon = rs.getDouble(21);
        boolean noLon = rs.wasNull();
        GeoPoint p = noLat || noLon ? null : new GeoPoint(lat, lon);
        return new Place(name, p, countryName(rs.getString(22)), rs.getInt(14));
    }

    /**
     * Serials found anywhere in any stored document with claims (prose included: "hull number IQ-M1A1-0127")
     * that are keys of the ledger's serials, per document, with the article the ledger delivered under each:
     * the tokens indexed at ingest ({@code evidence_serial_token}) joined to {@code ledger_serial}, after
     * indexing any document stored before that index existed.
     */
    static Map<String, List<SerialItem>> ledgerSerialsInText(Connection c) throws SQLException {
        EvidenceStore.indexPendingSerials(c);
        Map<String, List<SerialItem>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT t.document_id, s.serial, a.designation, a.family, a.category
                FROM evidence_serial_token t
                JOIN ledger_serial s ON s.serial_key = t.serial_key
                JOIN ledger_article a ON a.id = s.article_id
                WHERE EXISTS (SELECT 1 FROM evidence_claim cl WHERE cl.document_id = t.document_id)""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), x -> new ArrayList<>()).add(new SerialItem(
                        new ArticleRef(rs.getString(3), rs.getString(4), rs.getString(5)), List.of(rs.getString(2))));
            }
        }
        return out;
    }

    static Optional<ArticleRef> article(ArticleCatalog catalog, String id, String name, String text) {
        if (id != null) {
            if (id.startsWith("family:")) {
                String family = id.substring("family:".length());
                List<Article> members = catalog.family(family);
                String category = members.isEmpty() ? null : members.getFirst().category().label();
                return Optional.of(new ArticleRef(null, family, category));
            }
            if (id.startsWith("category:")) return Optional.of(new ArticleRef(null, null, name != null ? name : id.substring(9)));
            Optional<Article> a = catalog.byId(id);
            if (a.isPresent()) {
                return Optional.of(new ArticleRef(a.get().designation(), a.get().family(), a.get().category().label()));
            }
            if (name != null) return Optional.of(new ArticleRef(name, null, null));
        }
        return Optional.empty();
    }

    private static Place pick(List<Place> ps, int start, int end) {
        if (ps == null) return null;
        for (Place p : ps) if (p.start() >= start && p.start() < end) return p;
        return ps.getFirst();
    }

    private static LocalDate pickDate(List<DateMention> ds, int start, int end) {
        if (ds == null) return null;
        for (DateMention d : ds) if (d.start() >= start && d.start() < end) return d.date();
        return null;
    }

    static LocalDate parseDate(Object v) {
        if (v == null) return null;
        String s = v.toString().trim();
        try {
            if (s.length() >= 10) return LocalDate.parse(s.substring(0, 10));
            if (s.length() == 7) return LocalDate.parse(s + "-01");
            if (s.length() == 4) return LocalDate.of(Integer.parseInt(s), 1, 1);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Gazetteer countries may be ISO codes ("IQ"); the ledger records names ("Iraq"). */
    static String countryName(Object v) {
        if (v == null) return null;
        String s = v.toString().trim();
        if (s.length() == 2 && s.chars().allMatch(Character::isLetter)) {
            String name = Locale.of("", s.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
            if (!name.isBlank() && !name.equalsIgnoreCase(s)) return name;
        }
        return s.isEmpty() ? null : s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(String json) {
        try {
            return CaseStore.JSON.readValue(json, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }
}
