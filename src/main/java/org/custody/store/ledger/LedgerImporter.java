package org.custody.store.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custody.audit.AuditLog;
import org.custody.catalog.Article;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.Category;
import org.custody.catalog.Resolution;

import org.custody.ledger.Clearance;
import org.custody.ledger.CommandPost;
import org.custody.ledger.DeliveryClearance;
import org.custody.ledger.DeliveryRefusedException;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.LedgerFormatException;
import org.custody.ledger.AreaOfOperation;
import org.custody.ledger.NewOrgUnit;
import org.custody.ledger.OrgUnit;
import org.custody.ledger.Person;
import org.custody.ledger.SerialKey;
import org.custody.ledger.Where;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Records a {@link LedgerBatch} on the caller's connection; the caller runs it in one transaction, so a
 * malformed row, an unknown reference or a refused delivery leaves nothing behind. Serial numbers are
 * streamed into a staging table with COPY, checked there in bulk (unknown lot, duplicates, more serials
 * than the lot's quantity, serials already recorded) and then moved into {@code ledger_serial}.
 */
public final class LedgerImporter {

    private static final int COPY_BUFFER = 1 << 20;

    private final Connection c;
    private final DeliveryClearance clearance;
    private final String actor;
    private final ArticleCatalog catalog;
    private final Map<String, Long> transferIds = new HashMap<>();
    private final List<ImportReport.Override> overrides = new ArrayList<>();

    private LedgerImporter(Connection c, DeliveryClearance clearance, String actor) throws SQLException {
        this.c = c;
        this.clearance = clearance;
        this.actor = actor;
        this.catalog = ArticleStore.catalog(c);
    }

    public static ImportReport importBatch(Connection c, LedgerBatch batch, DeliveryClearance clearance, String actor)
            throws SQLException {
        return new LedgerImporter(c, clearance, actor).run(batch);
    }

    private ImportReport run(LedgerBatch b) throws SQLException {
        int units = units(b.units());
        for (LedgerBatch.PersonRow p : b.persons()) {
            try {
                PersonStore.insert(c, p.person());
            } catch (IllegalArgumentException e) {
                throw new LedgerFormatException(p.where(), "code", e.getMessage());
            }
        }
        for (LedgerBatch.PostRow p : b.posts()) post(p);
        for (LedgerBatch.TransferRow t : b.transfers()) transfer(t);
        List<DeliveryRefusedException.Refusal> refusals = new ArrayList<>();
        for (LedgerBatch.LotRow l : b.lots()) lot(l, refusals);
        if (!refusals.isEmpty()) throw new DeliveryRefusedException(refusals);
        long serials = 0;
        if (!b.serials().isEmpty()) serials = serials(b.serials());
        ImportReport report = new ImportReport(b.source(), units, b.persons().size(), b.posts().size(),
                b.transfers().size(), b.lots().size(), serials, overrides);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("source", b.source());
        detail.put("units", units);
        detail.put("transfers", b.transfers().size());
        detail.put("lots", b.lots().size());
        detail.put("serials", serials);
        detail.put("overrides", overrides.size());
        AuditLog.append(c, actor, "ledger.import", "ledger:" + b.source(), Details.json(detail));
        return report;
    }

    private int units(List<LedgerBatch.UnitRow> rows) throws SQLException {
        // parents may come after their children in a file: insert whatever has its parent recorded, repeat
        List<LedgerBatch.UnitRow> pending = new ArrayList<>(rows);
        Set<String> seen = new HashSet<>();
        for (LedgerBatch.UnitRow r : rows) {
            if (!seen.add(r.unit().code())) {
                throw new LedgerFormatException(r.where(), "code", "unit code '" + r.unit().code() + "' appears twice");
            }
        }
        while (!pending.isEmpty()) {
            List<LedgerBatch.UnitRow> next = new ArrayList<>();
            for (LedgerBatch.UnitRow r : pending) {
                Optional<String> parent = r.unit().parentCode();
                if (parent.isPresent() && OrgUnitStore.byCode(c, parent.get()).isEmpty()) {
                    next.add(r);
                    continue;
                }
                Optional<OrgUnit> recorded = OrgUnitStore.byCode(c, r.unit().code());
                if (recorded.isPresent()) {
                    // the same unit in another file (a shared hierarchy): recognised, not recorded twice
                    String diff = difference(recorded.get(), r.unit());
                    if (diff.isEmpty()) continue;
                    throw new LedgerFormatException(r.where(), diff.substring(0, diff.indexOf(' ')), "unit code '"
                            + r.unit().code() + "' is already recorded with a different " + diff
                            + "; an import does not change a recorded unit");
                }
                try {
                    OrgUnitStore.insert(c, r.unit());
                } catch (IllegalArgumentException e) {
                    throw new LedgerFormatException(r.where(), "code", e.getMessage());
                }
            }
            if (next.size() == pending.size()) {
                LedgerBatch.UnitRow r = next.get(0);
                throw new LedgerFormatException(r.where(), "parent_code", "parent unit '"
                        + r.unit().parentCode().orElse("") + "' is neither recorded nor in this import (or forms a cycle)");
            }
            pending = next;
        }
        return rows.size();
    }

    /** The first field in which a recorded unit differs from the same code in a file, or "" when they agree. */
    private String difference(OrgUnit recorded, NewOrgUnit unit) throws SQLException {
        String parent = recorded.parentId().isEmpty() ? ""
                : OrgUnitStore.byId(c, recorded.parentId().get()).map(OrgUnit::code).orElse("");
        List<String[]> fields = List.of(
                new String[] {"name", recorded.name(), unit.name()},
                new String[] {"echelon", recorded.echelon().name(), unit.echelon().name()},
                new String[] {"country", recorded.country(), unit.country()},
                new String[] {"parent_code", parent, unit.parentCode().orElse("")},
                new String[] {"area_place", recorded.area().map(AreaOfOperation::place).orElse(""),
                    unit.area().map(AreaOfOperation::place).orElse("")},
                new String[] {"aliases", String.join(";", new java.util.TreeSet<>(recorded.aliases())),
                    String.join(";", new java.util.TreeSet<>(unit.aliases()))});
        for (String[] f : fields) {
            if (!f[1].equals(f[2])) return f[0] + " (recorded '" + f[1] + "', this file '" + f[2] + "')";
        }
        return "";
    }

    private void post(LedgerBatch.PostRow p) throws SQLException {
        Person person = PersonStore.byCode(c, p.personCode()).orElseThrow(() ->
                new LedgerFormatException(p.where(), "person_code", "person '" + p.personCode() + "' is not recorded"));
        OrgUnit unit = unit(p.unitCode(), p.where(), "unit_code");
        try {
            new CommandPost(0, person.id(), unit.id(), p.title(), p.start(), p.end());
        } catch (IllegalArgumentException e) {
            throw new LedgerFormatException(p.where(), "end_date", e.getMessage());
        }
        CommandPostStore.insert(c, person.id(), unit.id(), p.title(), p.start(), p.end());
    }

    private OrgUnit unit(String code, Where where, String field) throws SQLException {
        return OrgUnitStore.byCode(c, code).orElseThrow(() ->
                new LedgerFormatException(where, field, "unit '" + code + "' is not recorded"));
    }

    private void transfer(LedgerBatch.TransferRow t) throws SQLException {
        if (transferId(t.caseId()).isPresent()) {
            throw new LedgerFormatException(t.where(), "case_id", "case '" + t.caseId() + "' is already recorded");
        }
        List<Long> endUsers = new ArrayList<>();
        for (String code : t.endUserCodes()) endUsers.add(unit(code, t.where(), "end_users").id());
        long id = TransferStore.insert(c, t.caseId(), t.supplier(), t.recipientCountry(), t.programme(),
                t.notificationDate(), endUsers, t.endUseTerms(), sourceOf(t.where()), t.notes());
        transferIds.put(t.caseId(), id);
    }

    private static String sourceOf(Where w) {
        return w.file();
    }

    private Optional<Long> transferId(String caseId) throws SQLException {
        Long known = transferIds.get(caseId);
        if (known != null) return Optional.of(known);
        Optional<Long> id = TransferStore.idOf(c, caseId);
        id.ifPresent(v -> transferIds.put(caseId, v));
        return id;
    }

    private void lot(LedgerBatch.LotRow l, List<DeliveryRefusedException.Refusal> refusals) throws SQLException {
        long transferId = transferId(l.caseId()).orElseThrow(() ->
                new LedgerFormatException(l.where(), "case_id", "case '" + l.caseId() + "' is not recorded"));
        Optional<Article> article = catalog.byId(l.article());
        Category category;
        Optional<Resolution> resolution = Optional.empty();
        if (article.isEmpty()) {
            resolution = catalog.resolve(l.article());
            article = resolution.flatMap(Resolution::articleIfAny);
        }
        if (article.isPresent()) {
            category = article.get().category();
        } else if (l.articleRequired()) {
            throw new LedgerFormatException(l.where(), "article", "'" + l.article()
                    + "' is not a catalogue article id or designation"
                    + resolution.map(r -> " (" + r.explanation() + ")").orElse("")
                    + "; add it with 'custody ledger catalog add'");
        } else {
            category = l.categoryHint().orElse(resolution.map(Resolution::category).orElse(Category.OTHER));
        }
        Optional<OrgUnit> unit = Optional.empty();
        if (l.deliveredTo().isPresent()) {
            unit = Optional.of(unit(l.deliveredTo().get(), l.where(), "delivered_to"));
            if (l.deliveryDate().isEmpty()) {
                throw new LedgerFormatException(l.where(), "delivery_date",
                        "a delivery to a unit needs a delivery date (clearance is checked on that date)");
            }
        }
        long lotId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_lot(transfer_id, lot_no, article_id, "
                + "designation, category, quantity, quantity_estimated, delivery_date, delivery_year, unit_id) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (transfer_id, lot_no) DO NOTHING RETURNING id")) {
            ps.setLong(1, transferId);
            ps.setString(2, l.lotNo());
            ps.setString(3, article.map(Article::id).orElse(null));
            ps.setString(4, article.isPresent() && catalog.byId(l.article()).isPresent()
                    ? article.get().designation() : l.article());
            ps.setString(5, category.name());
            ps.setInt(6, l.quantity());
            ps.setBoolean(7, l.quantityEstimated());
            ps.setDate(8, l.deliveryDate().map(Date::valueOf).orElse(null));
            ps.setObject(9, l.deliveryYear().or(() -> l.deliveryDate().map(d -> d.getYear())).orElse(null),
                    Types.INTEGER);
            ps.setObject(10, unit.map(OrgUnit::id).orElse(null), Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LedgerFormatException(l.where(), "lot", "lot '" + l.lotNo() + "' of case '"
                            + l.caseId() + "' is already recorded");
                }
                lotId = rs.getLong(1);
            }
        }
        if (unit.isPresent()) clear(l, lotId, transferId, unit.get(), refusals);
    }

    private void clear(LedgerBatch.LotRow l, long lotId, long transferId, OrgUnit unit,
                       List<DeliveryRefusedException.Refusal> refusals) throws SQLException {
        List<String> reasons = new ArrayList<>();
        List<Long> endUsers = TransferStore.endUserIds(c, transferId);
        if (!endUsers.isEmpty()) {
            Set<Long> approved = new HashSet<>();
            for (long eu : endUsers) OrgUnitStore.subtree(c, eu).forEach(u -> approved.add(u.id()));
            if (!approved.contains(unit.id())) {
                reasons.add("unit " + unit.code() + " is not an approved end user of case " + l.caseId()
                        + " (nor under one)");
            }
        }
        String basis = "";
        switch (clearance.check(unit.id(), l.deliveryDate().orElseThrow())) {
            case Clearance.Cleared ok -> basis = ok.basis();
            case Clearance.Refused no -> reasons.add(no.reason());
        }
        if (reasons.isEmpty()) {
            insertClearance(lotId, unit.id(), l, "CLEARED", basis, null, null);
            return;
        }
        String refusal = String.join("; ", reasons);
        if (l.overrideJustification().isEmpty()) {
            refusals.add(new DeliveryRefusedException.Refusal(l.where(), l.caseId(), l.lotNo(), unit.code(), refusal));
            return;
        }
        String justification = l.overrideJustification().get();
        insertClearance(lotId, unit.id(), l, "OVERRIDDEN", basis, refusal, justification);
        overrides.add(new ImportReport.Override(l.caseId(), l.lotNo(), unit.code(), refusal, justification));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("case", l.caseId());
        detail.put("lot", l.lotNo());
        detail.put("unit", unit.code());
        detail.put("deliveryDate", l.deliveryDate().get().toString());
        detail.put("refusal", refusal);
        detail.put("justification", justification);
        AuditLog.append(c, actor, "ledger.delivery.override", "unit:" + unit.id(), Details.json(detail));
    }

    private void insertClearance(long lotId, long unitId, LedgerBatch.LotRow l, String outcome, String basis,
                                 String refusal, String justification) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_delivery_clearance(lot_id, unit_id, "
                + "delivery_date, outcome, basis, refusal_reason, justification, actor) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, lotId);
            ps.setLong(2, unitId);
            ps.setDate(3, Date.valueOf(l.deliveryDate().orElseThrow()));
            ps.setString(4, outcome);
            ps.setString(5, basis == null ? "" : basis);
            ps.setString(6, refusal);
            ps.setString(7, justification);
            ps.setString(8, actor);
            ps.executeUpdate();
        }
    }

    // ---- serials -------------------------------------------------------------------------------------

    private long serials(List<LedgerBatch.SerialFeed> feeds) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE ledger_serial_staging (file TEXT NOT NULL, line BIGINT NOT NULL, "
                    + "case_id TEXT NOT NULL, lot_no TEXT NOT NULL, serial TEXT NOT NULL, serial_key TEXT NOT NULL)"
                    + " ON COMMIT DROP");
        }
        // No other statement may run on this connection while COPY is open: lots are resolved afterwards in SQL.
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY ledger_serial_staging(file, line, case_id, lot_no, serial, serial_key) FROM STDIN");
        long[] count = {0};
        StringBuilder buf = new StringBuilder(COPY_BUFFER + 4096);
        try {
            for (LedgerBatch.SerialFeed feed : feeds) {
                feed.feed(row -> {
                    // every format checks its fields; this guard keeps a control character out of COPY whatever the source
                    org.custody.ledger.FieldLimits.problem("serial", row.serial()).ifPresent(p -> {
                        throw new LedgerFormatException(row.where(), "serial", p);
                    });
                    org.custody.ledger.FieldLimits.problem("case_id", row.caseId()).ifPresent(p -> {
                        throw new LedgerFormatException(row.where(), "case_id", p);
                    });
                    String key = SerialKey.of(row.serial());
                    if (key.isEmpty()) {
                        throw new LedgerFormatException(row.where(), "serial", "'" + row.serial()
                                + "' has no letters or digits");
                    }
                    escape(buf, row.where().file()).append('\t').append(row.where().line()).append('\t');
                    escape(buf, row.caseId()).append('\t');
                    escape(buf, row.lotNo()).append('\t');
                    escape(buf, row.serial()).append('\t');
                    escape(buf, key).append('\n');
                    count[0]++;
                    if (buf.length() >= COPY_BUFFER) flush(copy, buf);
                });
            }
            flush(copy, buf);
            copy.endCopy();
        } catch (IOException e) {
            cancel(copy);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            cancel(copy);
            throw e;
        }
        checkStaging();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO ledger_serial(lot_id, article_id, serial, serial_key) "
                    + "SELECT lot_id, article_id, serial, serial_key FROM ledger_serial_resolved");
            s.execute("DROP TABLE ledger_serial_resolved");
            s.execute("DROP TABLE ledger_serial_staging");
        }
        return count[0];
    }

    private static void cancel(CopyIn copy) {
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException ignored) {
            // the transaction rolls back anyway
        }
    }

    private void checkStaging() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE ledger_serial_resolved ON COMMIT DROP AS "
                    + "SELECT s.file, s.line, s.case_id, s.lot_no, s.serial, s.serial_key, l.id AS lot_id, "
                    + "l.article_id FROM ledger_serial_staging s "
                    + "LEFT JOIN ledger_transfer t ON t.case_id = s.case_id "
                    + "LEFT JOIN ledger_lot l ON l.transfer_id = t.id AND l.lot_no = s.lot_no");
            try (ResultSet rs = s.executeQuery("SELECT file, line, case_id, lot_no, lot_id FROM ledger_serial_resolved "
                    + "WHERE lot_id IS NULL OR article_id IS NULL ORDER BY line LIMIT 1")) {
                if (rs.next()) {
                    rs.getLong(5);
                    boolean noLot = rs.wasNull();
                    throw new LedgerFormatException(new Where(rs.getString(1), rs.getLong(2)), "lot", "lot '"
                            + rs.getString(4) + "' of case '" + rs.getString(3) + "' " + (noLot
                            ? "is neither recorded nor in this import"
                            : "has no catalogue article, so it cannot carry serial numbers"));
                }
            }
            s.execute("CREATE INDEX ON ledger_serial_resolved(article_id, serial_key)");
            s.execute("ANALYZE ledger_serial_resolved");
            try (ResultSet rs = s.executeQuery("SELECT file, min(line), max(line), min(serial) FROM ledger_serial_resolved "
                    + "GROUP BY file, article_id, serial_key HAVING count(*) > 1 ORDER BY 2 LIMIT 1")) {
                if (rs.next()) {
                    throw new LedgerFormatException(new Where(rs.getString(1), rs.getLong(3)), "serial", "serial '"
                            + rs.getString(4) + "' of the same article already appears on line " + rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT s.file, s.line, s.serial, l.lot_id FROM ledger_serial_resolved s "
                    + "JOIN ledger_serial l ON l.article_id = s.article_id AND l.serial_key = s.serial_key "
                    + "ORDER BY s.line LIMIT 1")) {
                if (rs.next()) {
                    throw new LedgerFormatException(new Where(rs.getString(1), rs.getLong(2)), "serial", "serial '"
                            + rs.getString(3) + "' of this article is already recorded (lot id " + rs.getLong(4) + ")");
                }
            }
            try (ResultSet rs = s.executeQuery("WITH n AS (SELECT lot_id, count(*) AS k, max(line) AS line, "
                    + "min(file) AS file FROM ledger_serial_resolved GROUP BY lot_id), "
                    + "m AS (SELECT n.*, n.k + (SELECT count(*) FROM ledger_serial x WHERE x.lot_id = n.lot_id) AS total "
                    + "FROM n) SELECT m.file, m.line, l.lot_no, l.quantity, m.total FROM m "
                    + "JOIN ledger_lot l ON l.id = m.lot_id WHERE m.total > l.quantity ORDER BY m.line LIMIT 1")) {
                if (rs.next()) {
                    throw new LedgerFormatException(new Where(rs.getString(1), rs.getLong(2)), "serial", "lot '"
                            + rs.getString(3) + "' has quantity " + rs.getInt(4) + " but " + rs.getLong(5)
                            + " serial numbers");
                }
            }
        }
    }

    private static void flush(CopyIn copy, StringBuilder buf) {
        if (buf.isEmpty()) return;
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of serial numbers failed: " + e.getMessage(), e);
        }
        buf.setLength(0);
    }

    private static StringBuilder escape(StringBuilder sb, String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }
}
