package org.custody.store.ledger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.Category;
import org.custody.catalog.Resolution;
import org.custody.eum.FollowUpOutcome;
import org.custody.eum.ItemEvent;
import org.custody.eum.ObservationStatus;
import org.custody.ledger.CustodyChain;
import org.custody.ledger.DeliveredItem;
import org.custody.ledger.Programme;
import org.custody.ledger.SerialKey;

/** The ledger's questions: where is serial S supposed to be; what went to unit U; what of type T went to a country. */
public final class LedgerQueries {

    private LedgerQueries() {}

    static final String CHAIN_SQL = "SELECT s.id, s.serial, s.article_id, a.designation, a.enhanced_monitoring, "
            + "t.case_id, t.supplier, t.recipient_country, t.programme, "
            + "ARRAY(SELECT term FROM ledger_transfer_term x WHERE x.transfer_id = t.id ORDER BY ordinal) AS terms, "
            + "l.lot_no, l.delivery_date, u.code AS unit_code, u.name AS unit_name, l.unit_id, "
            + "(SELECT outcome || ': ' || CASE WHEN outcome = 'CLEARED' THEN basis ELSE refusal_reason "
            + "|| ' / override: ' || justification END FROM ledger_delivery_clearance dc WHERE dc.lot_id = l.id) "
            + "AS clearance, "
            + "ARRAY(WITH RECURSIVE up(id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM ledger_org_unit "
            + "WHERE id = l.unit_id UNION ALL SELECT p.id, p.parent_id, up.depth + 1 FROM ledger_org_unit p "
            + "JOIN up ON p.id = up.parent_id WHERE up.depth < 32) SELECT o.name || ' [' || o.code || ']' FROM up "
            + "JOIN ledger_org_unit o ON o.id = up.id WHERE up.depth > 0 ORDER BY up.depth) AS parents "
            + "FROM ledger_serial s JOIN ledger_article a ON a.id = s.article_id JOIN ledger_lot l ON l.id = s.lot_id "
            + "JOIN ledger_transfer t ON t.id = l.transfer_id LEFT JOIN ledger_org_unit u ON u.id = l.unit_id "
            + "WHERE s.serial_key = ? ORDER BY s.id";

    /** The custody chain of every item whose serial reads as {@code serial} (separators and case ignored). */
    public static CustodyChain custodyChain(Connection c, String serial) throws SQLException {
        String key = SerialKey.of(serial);
        List<CustodyChain.Item> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CHAIN_SQL)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date d = rs.getDate("delivery_date");
                    items.add(new CustodyChain.Item(rs.getLong("id"), rs.getString("serial"), rs.getString("article_id"),
                            rs.getString("designation"), rs.getBoolean("enhanced_monitoring"), rs.getString("case_id"),
                            rs.getString("supplier"), rs.getString("recipient_country"),
                            Programme.valueOf(rs.getString("programme")), OrgUnitStore.strings(rs.getArray("terms")),
                            rs.getString("lot_no"), Optional.ofNullable(d).map(Date::toLocalDate),
                            Optional.ofNullable(rs.getString("unit_code")), Optional.ofNullable(rs.getString("unit_name")),
                            OrgUnitStore.strings(rs.getArray("parents")), Optional.ofNullable(rs.getString("clearance")),
                            List.of()));
                }
            }
        }
        if (!items.isEmpty()) {
            Map<Long, List<ItemEvent>> events = events(c, items.stream().map(CustodyChain.Item::serialId).toList());
            items.replaceAll(it -> new CustodyChain.Item(it.serialId(), it.serial(), it.articleId(), it.designation(),
                    it.enhancedMonitoring(), it.caseId(), it.supplier(), it.recipientCountry(), it.programme(),
                    it.endUseTerms(), it.lotNo(), it.deliveryDate(), it.unitCode(), it.unitName(), it.unitParents(),
                    it.clearance(), events.getOrDefault(it.serialId(), List.of())));
        }
        return new CustodyChain(serial, key, items);
    }

    /** Observations and follow-ups of the given items, oldest first. */
    public static Map<Long, List<ItemEvent>> events(Connection c, List<Long> serialIds) throws SQLException {
        Map<Long, List<ItemEvent>> out = new LinkedHashMap<>();
        Long[] ids = serialIds.toArray(Long[]::new);
        try (PreparedStatement ps = c.prepareStatement("SELECT o.serial_id, k.check_date AS d, k.id, k.place, "
                + "k.inspector, o.status, o.evidence, 0 AS kind FROM eum_observation o JOIN eum_check k "
                + "ON k.id = o.check_id WHERE o.serial_id = ANY (?) "
                + "UNION ALL SELECT serial_id, follow_up_date, id, NULL, NULL, outcome, note, 1 FROM eum_follow_up "
                + "WHERE serial_id = ANY (?) ORDER BY 2, 8, 3")) {
            java.sql.Array array = c.createArrayOf("bigint", ids);
            ps.setArray(1, array);
            ps.setArray(2, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ItemEvent e = rs.getInt(8) == 0
                            ? new ItemEvent.Observed(rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getString(4),
                                    rs.getString(5), ObservationStatus.valueOf(rs.getString(6)), rs.getString(7))
                            : new ItemEvent.FollowedUp(rs.getDate(2).toLocalDate(), rs.getLong(3),
                                    FollowUpOutcome.valueOf(rs.getString(6)), rs.getString(7));
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(e);
                }
            }
        }
        return out;
    }

    private static final String DELIVERED = "SELECT t.case_id, t.supplier, t.recipient_country, t.programme, l.lot_no, "
            + "l.article_id, l.designation, l.category, l.quantity, l.quantity_estimated, l.delivery_date, "
            + "l.delivery_year, u.code AS unit_code, (SELECT count(*) FROM ledger_serial s WHERE s.lot_id = l.id) AS serials "
            + "FROM ledger_lot l JOIN ledger_transfer t ON t.id = l.transfer_id "
            + "LEFT JOIN ledger_org_unit u ON u.id = l.unit_id "
            + "LEFT JOIN ledger_article a ON a.id = l.article_id ";

    /** Every lot delivered to the unit or any unit below it. */
    public static List<DeliveredItem> deliveredTo(Connection c, long unitId) throws SQLException {
        return delivered(c, "WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM ledger_org_unit WHERE id = ? "
                + "UNION ALL SELECT u.id, sub.depth + 1 FROM ledger_org_unit u JOIN sub ON u.parent_id = sub.id "
                + "WHERE sub.depth < 32) " + DELIVERED + "WHERE l.unit_id IN (SELECT id FROM sub) "
                + "ORDER BY l.delivery_date NULLS LAST, t.case_id, l.lot_no", unitId);
    }

    /**
     * Every lot of an article type delivered to a country: {@code type} is a catalogue article id, a family
     * name or a category (e.g. {@code m1a1-abrams}, {@code "M1 Abrams"}, {@code MAIN_BATTLE_TANK}).
     */
    public static List<DeliveredItem> byArticle(Connection c, ArticleType type, String country) throws SQLException {
        String where = switch (type) {
            case ArticleType.ById id -> "l.article_id = ?";
            case ArticleType.ByFamily f -> "lower(a.family) = lower(?)";
            case ArticleType.ByCategory cat -> "l.category = ?";
        };
        String value = switch (type) {
            case ArticleType.ById id -> id.id();
            case ArticleType.ByFamily f -> f.family();
            case ArticleType.ByCategory cat -> cat.category().name();
        };
        return delivered(c, DELIVERED + "WHERE " + where + " AND lower(t.recipient_country) = lower(?) "
                + "ORDER BY coalesce(l.delivery_year, EXTRACT(YEAR FROM l.delivery_date)::int) NULLS LAST, t.case_id, l.lot_no",
                value, country);
    }

    /**
     * What {@code type} names, for {@link #byArticle}: a catalogue article id ({@code m1a1-abrams}), a
     * category ({@code MAIN_BATTLE_TANK}), a family ({@code "M1 Abrams"}), or any mention the catalogue
     * resolves ({@code "Humvee"}, {@code "tank"}). Refuses (IllegalArgumentException) anything else.
     */
    public static ArticleType articleType(ArticleCatalog catalog, String type) {
        if (catalog.byId(type).isPresent()) return new ArticleType.ById(type);
        try {
            return new ArticleType.ByCategory(Category.parse(type));
        } catch (IllegalArgumentException notACategory) {
            // fall through to resolution
        }
        if (!catalog.family(type).isEmpty()) return new ArticleType.ByFamily(type);
        Resolution r = catalog.resolve(type).orElseThrow(() -> new IllegalArgumentException("'" + type
                + "' is no catalogue article, family or category"));
        return switch (r) {
            case Resolution.OfArticle a -> new ArticleType.ById(a.article().id());
            case Resolution.OfFamily f -> new ArticleType.ByFamily(f.family());
            case Resolution.OfCategory cat -> new ArticleType.ByCategory(cat.category());
        };
    }

    /** What a by-article query asks for. */
    public sealed interface ArticleType {
        record ById(String id) implements ArticleType {}

        record ByFamily(String family) implements ArticleType {}

        record ByCategory(Category category) implements ArticleType {}
    }

    private static List<DeliveredItem> delivered(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<DeliveredItem> out = new ArrayList<>();
                while (rs.next()) {
                    Date d = rs.getDate("delivery_date");
                    int y = rs.getInt("delivery_year");
                    Optional<Integer> year = rs.wasNull() ? Optional.empty() : Optional.of(y);
                    out.add(new DeliveredItem(rs.getString("case_id"), rs.getString("supplier"),
                            rs.getString("recipient_country"), Programme.valueOf(rs.getString("programme")),
                            rs.getString("lot_no"), Optional.ofNullable(rs.getString("article_id")),
                            rs.getString("designation"), Category.valueOf(rs.getString("category")), rs.getInt("quantity"),
                            rs.getBoolean("quantity_estimated"), Optional.ofNullable(d).map(Date::toLocalDate), year,
                            Optional.ofNullable(rs.getString("unit_code")), rs.getLong("serials")));
                }
                return out;
            }
        }
    }
}
