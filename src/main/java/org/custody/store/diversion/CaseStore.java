package org.custody.store.diversion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.audit.AuditLog;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.Actor;
import org.custody.diversion.CandidateTransfer;
import org.custody.diversion.CaseAction;
import org.custody.diversion.CaseEvent;
import org.custody.diversion.CaseJson;
import org.custody.diversion.CaseLink;
import org.custody.diversion.CaseSnapshot;
import org.custody.diversion.CaseStatus;
import org.custody.diversion.Designation;
import org.custody.diversion.DiversionCase;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.Factor;
import org.custody.diversion.Finding;
import org.custody.diversion.InventoryGap;
import org.custody.diversion.Statement;
import org.custody.diversion.UnitRef;

/**
 * Diversion cases in PostgreSQL. Every change writes the case row, a {@code diversion_case_event} row and
 * an {@link AuditLog} entry on the caller's connection, so they commit together or not at all. Case rows
 * are never deleted (a trigger refuses it).
 */
public final class CaseStore {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A notification the dispatcher must send. */
    public record Notification(long id, long caseId, String eventType, String body) {}

    /** What applying a detection run did. */
    public record Applied(int opened, int rescored, int escalated, int annotated) {}

    private CaseStore() {}

    public static String subject(long caseId) {
        return "diversion-case:" + caseId;
    }

    // ---------------------------------------------------------------- re-evaluation

    public static Map<String, CaseSnapshot> snapshots(Connection c) throws SQLException {
        Map<String, CaseSnapshot> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, case_key, status, score, below_threshold FROM diversion_case WHERE merged_into IS NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(2), new CaseSnapshot(rs.getLong(1), rs.getString(2),
                        CaseStatus.parse(rs.getString(3)), rs.getDouble(4), rs.getBoolean(5)));
            }
        }
        return out;
    }

    /** Applies a reconciliation plan in the caller's transaction; queues notifications for new/escalated cases. */
    public static Applied apply(Connection c, List<CaseAction> actions, String actor) throws SQLException {
        int opened = 0, rescored = 0, escalated = 0, annotated = 0;
        Instant now = now();
        for (CaseAction a : actions) {
            switch (a) {
                case CaseAction.Open o -> {
                    long id = insertCase(c, o.finding(), actor, now);
                    writeLinks(c, id, o.finding(), actor, now);
                    event(c, id, actor, "opened", Map.of("score", o.finding().score(), "reason", o.finding().reason()), now);
                    queue(c, id, "case.opened", now);
                    opened++;
                }
                case CaseAction.Rescore r -> {
                    updateScore(c, r.caseId(), r.finding(), actor, now);
                    writeLinks(c, r.caseId(), r.finding(), actor, now);
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("from", r.oldScore());
                    d.put("to", r.finding().score());
                    d.put("reason", r.finding().reason());
                    d.put("escalated", r.escalated());
                    event(c, r.caseId(), actor, "rescored", d, now);
                    if (r.escalated()) {
                        queue(c, r.caseId(), "case.escalated", now);
                        escalated++;
                    }
                    rescored++;
                }
                case CaseAction.Annotate n -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE diversion_case SET below_threshold = ?, updated_at = ? WHERE id = ?")) {
                        ps.setBoolean(1, n.belowThreshold());
                        ps.setTimestamp(2, Timestamp.from(now));
                        ps.setLong(3, n.caseId());
                        ps.executeUpdate();
                    }
                    event(c, n.caseId(), actor, "annotated", Map.of("note", n.note(), "belowThreshold", n.belowThreshold()), now);
                    annotated++;
                }
            }
        }
        return new Applied(opened, rescored, escalated, annotated);
    }

    private static long insertCase(Connection c, Finding f, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO diversion_case(case_key, status, score, holder_id, holder_name, holder_unit_id, holder_status,
                    designation, article_designation, article_family, article_category, factors, reason, below_threshold,
                    opened_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,false,?,?) RETURNING id""")) {
            ps.setString(1, f.key());
            ps.setString(2, CaseStatus.OPEN.wire());
            ps.setDouble(3, f.score());
            ps.setString(4, f.sighting().holder().id());
            ps.setString(5, f.sighting().holder().name());
            ps.setString(6, f.sighting().holderUnit().map(UnitRef::id).orElse(null));
            ps.setString(7, f.sighting().holderStatus().wire());
            ps.setString(8, f.sighting().designation().map(CaseStore::designationText).orElse(null));
            ArticleRef a = f.sighting().article();
            ps.setString(9, a.designation());
            ps.setString(10, a.family());
            ps.setString(11, a.category());
            ps.setString(12, json(f.factors()));
            ps.setString(13, f.reason());
            ps.setTimestamp(14, Timestamp.from(now));
            ps.setTimestamp(15, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                AuditLog.append(c, actor, "diversion.case.opened", subject(id),
                        json(Map.of("key", f.key(), "score", f.score(), "reason", f.reason())));
                return id;
            }
        }
    }

    private static String designationText(Designation d) {
        return d.listedName() + " (" + String.join(", ", d.lists()) + "; " + d.path().name().toLowerCase() + ")";
    }

    private static void updateScore(Connection c, long id, Finding f, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE diversion_case SET score = ?, factors = ?::jsonb, reason = ?, holder_unit_id = ?, holder_status = ?,
                    designation = ?, updated_at = ?, holder_id = ?, holder_name = ? WHERE id = ?""")) {
            ps.setDouble(1, f.score());
            ps.setString(2, json(f.factors()));
            ps.setString(3, f.reason());
            ps.setString(4, f.sighting().holderUnit().map(UnitRef::id).orElse(null));
            ps.setString(5, f.sighting().holderStatus().wire());
            ps.setString(6, f.sighting().designation().map(CaseStore::designationText).orElse(null));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setString(8, f.sighting().holder().id());
            ps.setString(9, f.sighting().holder().name());
            ps.setLong(10, id);
            ps.executeUpdate();
        }
        AuditLog.append(c, actor, "diversion.case.rescored", subject(id),
                json(Map.of("score", f.score(), "reason", f.reason())));
    }

    /** Upserts the finding's evidence, transfer and screening links; links it no longer uses become non-current. */
    private static void writeLinks(Connection c, long caseId, Finding f, String actor, Instant now) throws SQLException {
        List<CaseLink> links = new ArrayList<>();
        for (EvidenceClaim cl : f.sighting().claims()) links.add(new CaseLink(CaseLink.Kind.EVIDENCE, cl.claimId(), evidenceDetail(cl), true));
        for (CandidateTransfer t : f.sighting().candidates()) {
            Map<String, Object> d = transferDetail(t);
            List<String> serials = f.sighting().serialMatches().entrySet().stream()
                    .filter(e -> e.getValue().equals(t.transferId())).map(Map.Entry::getKey).sorted().toList();
            d.put("serialsMatched", serials);
            for (InventoryGap g : f.sighting().inventory()) {
                if (!g.transferId().equals(t.transferId())) continue;
                Map<String, Object> inv = new LinkedHashMap<>();
                inv.put("serials", g.serials());
                inv.put("checked", g.checked());
                inv.put("lastCheck", g.lastCheck() == null ? null : g.lastCheck().toString());
                inv.put("notSeenOrMissing", g.missing());
                inv.put("sightedAmongThem", serials.stream().anyMatch(x -> g.missing().stream()
                        .anyMatch(m -> org.custody.ledger.SerialKey.of(m).equals(org.custody.ledger.SerialKey.of(x)))));
                d.put("inventory", inv);
            }
            links.add(new CaseLink(CaseLink.Kind.TRANSFER, t.transferId(), d, true));
        }
        for (Statement st : f.sighting().statements()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("context", st.stance() == org.custody.diversion.Stance.DENIED ? "denial" : "statement");
            d.put("about", st.about().name());
            d.put("stance", st.stance().wire());
            d.put("document", st.documentId());
            d.put("attributedTo", st.attributedTo());
            d.put("sentence", st.sentence());
            d.put("date", st.date() == null ? null : st.date().toString());
            links.add(new CaseLink(CaseLink.Kind.EVIDENCE, st.claimId(), d, true));
        }
        f.sighting().designation().ifPresent(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", d.path().name().toLowerCase());
            m.put("via", d.viaName());
            m.put("listedName", d.listedName());
            m.put("lists", d.lists());
            m.put("matchScore", d.matchScore());
            m.put("explanation", d.explanation());
            links.add(new CaseLink(CaseLink.Kind.SCREENING, d.entityId(), m, true));
        });
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE diversion_case_link SET current = false WHERE case_id = ? AND kind IN ('evidence','transfer','screening')")) {
            ps.setLong(1, caseId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT_LINK)) {
            for (CaseLink l : links) {
                bindLink(ps, caseId, l, actor, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static final String UPSERT_LINK = """
            INSERT INTO diversion_case_link(case_id, kind, ref, detail, current, linked_at, linked_by)
            VALUES (?,?,?,?::jsonb,true,?,?)
            ON CONFLICT (case_id, kind, ref) DO UPDATE SET detail = EXCLUDED.detail, current = true""";

    private static void bindLink(PreparedStatement ps, long caseId, CaseLink l, String actor, Instant now) throws SQLException {
        ps.setLong(1, caseId);
        ps.setString(2, l.kind().wire());
        ps.setString(3, l.ref());
        ps.setString(4, json(l.detail()));
        ps.setTimestamp(5, Timestamp.from(now));
        ps.setString(6, actor);
    }

    private static void upsertLink(Connection c, long caseId, CaseLink l, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_LINK)) {
            bindLink(ps, caseId, l, actor, now);
            ps.executeUpdate();
        }
    }

    static Map<String, Object> evidenceDetail(EvidenceClaim cl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", cl.kind().wire());
        m.put("stance", cl.stance().wire());
        m.put("document", cl.documentId());
        m.put("story", cl.storyId());
        m.put("origins", cl.origins().stream().sorted().toList());
        m.put("attributedTo", cl.attributedTo());
        m.put("sentence", cl.sentence());
        m.put("place", cl.place());
        m.put("date", cl.date() == null ? null : cl.date().toString());
        m.put("serial", cl.serial());
        return m;
    }

    static Map<String, Object> transferDetail(CandidateTransfer t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseRef", t.caseRef());
        m.put("programme", t.programme());
        m.put("recipientCountry", t.recipientCountry());
        m.put("deliveryDate", t.deliveryDate() == null ? null : t.deliveryDate().toString());
        m.put("article", t.article().label());
        m.put("quantity", t.quantity());
        m.put("noReTransfer", t.noReTransfer());
        List<Map<String, Object>> units = new ArrayList<>();
        for (UnitRef u : t.approvedEndUsers()) {
            Map<String, Object> um = new LinkedHashMap<>();
            um.put("id", u.id());
            um.put("name", u.name());
            units.add(um);
        }
        m.put("approvedEndUsers", units);
        return m;
    }

    // ---------------------------------------------------------------- case work

    public static DiversionCase setStatus(Connection c, long id, CaseStatus next, String actor, String reason)
            throws SQLException {
        DiversionCase dc = lockedCase(c, id);
        dc.status().checkMove(next);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a status change needs a reason (--reason)");
        }
        Instant now = now();
        try (PreparedStatement ps = c.prepareStatement("UPDATE diversion_case SET status = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, next.wire());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        Map<String, Object> d = Map.of("from", dc.status().wire(), "to", next.wire(), "reason", reason);
        event(c, id, actor, "status", d, now);
        AuditLog.append(c, actor, "diversion.case.status", subject(id), json(d));
        return get(c, id).orElseThrow();
    }

    public static void assign(Connection c, long id, String assignee, String actor) throws SQLException {
        DiversionCase dc = lockedCase(c, id);
        Instant now = now();
        try (PreparedStatement ps = c.prepareStatement("UPDATE diversion_case SET assignee = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, assignee);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("from", dc.assignee());
        d.put("to", assignee);
        event(c, id, actor, "assigned", d, now);
        AuditLog.append(c, actor, "diversion.case.assigned", subject(id), json(d));
    }

    public static void addNote(Connection c, long id, String note, String actor) throws SQLException {
        if (note == null || note.isBlank()) throw new IllegalArgumentException("a note cannot be empty");
        lockedCase(c, id);
        Instant now = now();
        touch(c, id, now);
        event(c, id, actor, "note", Map.of("note", note), now);
        AuditLog.append(c, actor, "diversion.case.note", subject(id), json(Map.of("note", note)));
    }

    /** Links a vetting record or screening hit (or any other kind) by hand, recorded like every change. */
    public static void link(Connection c, long id, CaseLink.Kind kind, String ref, Map<String, Object> detail, String actor)
            throws SQLException {
        lockedCase(c, id);
        Instant now = now();
        upsertLink(c, id, new CaseLink(kind, ref, detail, true), actor, now);
        touch(c, id, now);
        Map<String, Object> d = Map.of("kind", kind.wire(), "ref", ref, "detail", detail);
        event(c, id, actor, "linked", d, now);
        AuditLog.append(c, actor, "diversion.case.linked", subject(id), json(d));
    }

    /** Records that the confirmed diversion was fed back (re-vetting, held deliveries). */
    public static void recordFlowBack(Connection c, long id, Map<String, Object> detail, String actor) throws SQLException {
        Instant now = now();
        event(c, id, actor, "flowback", detail, now);
        AuditLog.append(c, actor, "diversion.case.flowback", subject(id), json(detail));
    }

    private static void touch(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE diversion_case SET updated_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static DiversionCase lockedCase(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM diversion_case WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no diversion case " + id);
            }
        }
        return get(c, id).orElseThrow();
    }

    private static void event(Connection c, long caseId, String actor, String action, Map<String, Object> detail,
                              Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO diversion_case_event(case_id, at, actor, action, detail) VALUES (?,?,?,?,?::jsonb)")) {
            ps.setLong(1, caseId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, json(detail));
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- notifications

    /** Ledger unit codes by unit id, read on the caller's connection (cached per call site). */
    public static CaseJson.UnitCodes unitCodes(Connection c) {
        Map<String, String> cache = new java.util.HashMap<>();
        return id -> cache.computeIfAbsent(id, k -> {
            Long n = k.chars().allMatch(Character::isDigit) && !k.isEmpty() && k.length() < 19 ? Long.parseLong(k) : null;
            if (n == null) return null;
            try {
                return org.custody.store.ledger.OrgUnitStore.byId(c, n).map(u -> u.code()).orElse(null);
            } catch (SQLException e) {
                throw new org.custody.store.StoreException("cannot read unit " + k + ": " + e.getMessage(), e);
            }
        });
    }

    private static void queue(Connection c, long caseId, String type, Instant now) throws SQLException {
        DiversionCase dc = get(c, caseId).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", type);
        body.put("case", CaseJson.of(dc, unitCodes(c)));
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO diversion_notification(case_id, event_type, body, created_at) VALUES (?,?,?,?)")) {
            ps.setLong(1, caseId);
            ps.setString(2, type);
            ps.setString(3, json(body));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** Queues a case.escalated notification for a case (a status change that raises the stakes). */
    public static void queueEscalation(Connection c, long caseId) throws SQLException {
        queue(c, caseId, "case.escalated", now());
    }

    public static List<Notification> pendingNotifications(Connection c) throws SQLException {
        List<Notification> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, case_id, event_type, body FROM diversion_notification WHERE delivered_at IS NULL ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
        }
        return out;
    }

    public static void markDelivered(Connection c, long notificationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE diversion_notification SET delivered_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now()));
            ps.setLong(2, notificationId);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- identity merges

    /** A stored case's key and holder, for re-keying by identity. */
    public record KeyedCase(long id, String key, String holderId, String holderName) {}

    public static List<KeyedCase> keyedCases(Connection c) throws SQLException {
        List<KeyedCase> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, case_key, holder_id, holder_name FROM diversion_case WHERE merged_into IS NULL ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new KeyedCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
        return out;
    }

    /**
     * Gives a case the key of its holder's identity, and the identity's id and display name as its holder
     * (recorded as an event and in the audit log).
     */
    public static void rekey(Connection c, long id, String oldKey, String newKey, org.custody.diversion.Actor holder, String why,
                             String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE diversion_case SET case_key = ?, holder_id = ?, holder_name = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, newKey);
            ps.setString(2, holder.id());
            ps.setString(3, holder.name());
            ps.setTimestamp(4, Timestamp.from(now()));
            ps.setLong(5, id);
            ps.executeUpdate();
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("from", oldKey);
        d.put("to", newKey);
        d.put("holder", holder.name());
        d.put("why", why);
        event(c, id, actor, "rekeyed", d, now());
        AuditLog.append(c, actor, "diversion.case.rekeyed", subject(id), json(d));
    }

    /**
     * Merges case {@code from} into {@code into}: its links are copied (kept non-current unless the next
     * evaluation uses them), its history is copied as one "merged" event on the surviving case, and the
     * merged case points at the survivor. Both cases and the audit log record it.
     */
    public static void merge(Connection c, long into, long from, String why, String actor) throws SQLException {
        Instant now = now();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO diversion_case_link(case_id, kind, ref, detail, current, linked_at, linked_by)
                SELECT ?, kind, ref, detail, false, linked_at, linked_by FROM diversion_case_link WHERE case_id = ?
                ON CONFLICT DO NOTHING""")) {
            ps.setLong(1, into);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (CaseEvent e : events(c, from)) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("at", e.at().toString());
            h.put("actor", e.actor());
            h.put("action", e.action());
            try {
                h.put("detail", JSON.readTree(e.detail()));
            } catch (JsonProcessingException ex) {
                h.put("detail", e.detail());
            }
            history.add(h);
        }
        DiversionCase merged = get(c, from).orElseThrow();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE diversion_case SET merged_into = ?, case_key = case_key || '#merged-' || id, updated_at = ? WHERE id = ?")) {
            ps.setLong(1, into);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, from);
            ps.executeUpdate();
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mergedCase", from);
        d.put("mergedKey", merged.key());
        d.put("mergedHolder", merged.holder().name());
        d.put("mergedStatus", merged.status().wire());
        d.put("why", why);
        d.put("history", history);
        event(c, into, actor, "merged", d, now);
        event(c, from, actor, "merged_into", Map.of("case", into, "why", why), now);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("into", into);
        audit.put("from", from);
        audit.put("why", why);
        AuditLog.append(c, actor, "diversion.case.merged", subject(into), json(audit));
    }

    // ---------------------------------------------------------------- reads

    public static List<DiversionCase> list(Connection c, CaseStatus statusOrNull) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM diversion_case WHERE merged_into IS NULL"
                + (statusOrNull == null ? "" : " AND status = ?") + " ORDER BY score DESC, id")) {
            if (statusOrNull != null) ps.setString(1, statusOrNull.wire());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
        }
        List<DiversionCase> out = new ArrayList<>();
        for (long id : ids) out.add(get(c, id).orElseThrow());
        return out;
    }

    public static Optional<DiversionCase> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, case_key, status, score, holder_id, holder_name, holder_unit_id, holder_status, designation,
                       article_designation, article_family, article_category, factors, reason, below_threshold,
                       assignee, opened_at, updated_at
                FROM diversion_case WHERE id = ?""")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                List<Factor> factors = JSON.readValue(rs.getString(13), new TypeReference<List<Factor>>() {});
                return Optional.of(new DiversionCase(rs.getLong(1), rs.getString(2), CaseStatus.parse(rs.getString(3)),
                        rs.getDouble(4), new Actor(rs.getString(5), rs.getString(6)), rs.getString(7), rs.getString(8),
                        rs.getString(9), new ArticleRef(rs.getString(10), rs.getString(11), rs.getString(12)), factors,
                        rs.getString(14), rs.getBoolean(15), rs.getString(16), rs.getTimestamp(17).toInstant(),
                        rs.getTimestamp(18).toInstant(), links(c, id)));
            } catch (JsonProcessingException e) {
                throw new SQLException("case " + id + " has unreadable factors: " + e.getMessage(), e);
            }
        }
    }

    private static List<CaseLink> links(Connection c, long id) throws SQLException {
        List<CaseLink> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind, ref, detail, current FROM diversion_case_link WHERE case_id = ? ORDER BY kind, linked_at, ref")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> detail = JSON.readValue(rs.getString(3), new TypeReference<Map<String, Object>>() {});
                    out.add(new CaseLink(CaseLink.Kind.parse(rs.getString(1)), rs.getString(2), detail, rs.getBoolean(4)));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("case " + id + " has an unreadable link: " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static List<CaseEvent> events(Connection c, long id) throws SQLException {
        List<CaseEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, case_id, at, actor, action, detail FROM diversion_case_event WHERE case_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CaseEvent(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
