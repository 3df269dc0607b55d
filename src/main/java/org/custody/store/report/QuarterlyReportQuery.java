package org.custody.store.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.custody.eum.FollowUpOutcome;
import org.custody.eum.ItemEvent;
import org.custody.eum.ItemHistory;
import org.custody.eum.ItemState;
import org.custody.eum.MonitoringPolicy;
import org.custody.eum.ObservationStatus;
import org.custody.evidence.extract.Gazetteer;
import org.custody.report.BasePlace;
import org.custody.report.Figure;
import org.custody.report.MapPoint;
import org.custody.report.MonitoringTally;
import org.custody.report.Quarter;
import org.custody.report.QuarterlyReport;
import org.custody.report.ReportTable;
import org.custody.report.Section;

/**
 * Builds a {@link QuarterlyReport} from the record in one read-only transaction. Nothing depends on the
 * clock: the same database state and parameters give the same report. A fact is "in the quarter" by the
 * date it is about where the record has one (delivery, inventory check, follow-up, the date a vetting
 * request is made for, the date of a case's evidence) and otherwise by the day Custody recorded it
 * (vetting decisions and dismissals, case status changes), always in UTC; states (monitoring, decisions in
 * force, case status) are those the record holds, monitoring assessed on the quarter's last day.
 */
public final class QuarterlyReportQuery {

    /** Month ends the delinquency chart covers (the last is the quarter's end). */
    static final int TREND_MONTHS = 12;
    /** Decisions expiring up to this many days after the quarter are reported as expiring. */
    static final int EXPIRY_LOOKAHEAD_DAYS = 90;

    private final Connection c;
    private final Quarter q;
    private final Optional<String> country;
    private final Date start;
    private final Date end;
    private final List<MapPoint> mapPoints = new ArrayList<>();

    private QuarterlyReportQuery(Connection c, Quarter q, Optional<String> country) {
        this.c = c;
        this.q = q;
        this.country = country.map(String::trim).filter(s -> !s.isEmpty());
        this.start = Date.valueOf(q.start());
        this.end = Date.valueOf(q.end());
    }

    /** Reads the report; the caller owns the connection (auto-commit off, so large results stream). */
    public static QuarterlyReport build(Connection c, Quarter quarter, Optional<String> country, String custodyVersion)
            throws SQLException {
        return new QuarterlyReportQuery(c, quarter, country).build(custodyVersion);
    }

    private QuarterlyReport build(String version) throws SQLException {
        List<Section> sections = new ArrayList<>();
        sections.add(vetting());
        MonitoringTally tally = monitoringTally();
        sections.add(monitoring(tally));
        Map<String, Integer> casesByStatus = new LinkedHashMap<>();
        sections.add(diversion(casesByStatus));
        Map<String, Integer> byCategory = new TreeMap<>();
        sections.add(deliveries(byCategory));
        sections.add(mapSection());
        sections.add(appendix(version));
        return new QuarterlyReport(q, country, q.end(), version, sections, tally.trend(), casesByStatus, byCategory,
                mapPoints, basePlaces());
    }

    // ---------------------------------------------------------------- vetting

    private static final String SUBJECT = "coalesce(su.code || ' ' || su.name, sp.name, r.subject_kind || ':' || r.subject_id)";
    private static final String SUBJECT_JOIN = " LEFT JOIN ledger_org_unit su ON r.subject_kind = 'unit' AND su.id = r.subject_id"
            + " LEFT JOIN ledger_person sp ON r.subject_kind = 'person' AND sp.id = r.subject_id ";
    private static final String SUBJECT_IN_COUNTRY = " (CAST(? AS text) IS NULL OR lower(coalesce(su.country, sp.nationality, '')) = lower(?)"
            + " OR EXISTS (SELECT 1 FROM ledger_command_post cp JOIN ledger_org_unit cu ON cu.id = cp.unit_id"
            + " WHERE r.subject_kind = 'person' AND cp.person_id = r.subject_id AND lower(cu.country) = lower(?))) ";

    private Section vetting() throws SQLException {
        String sql = "SELECT r.id, " + SUBJECT + ", r.purpose_kind, r.purpose, r.as_of, r.requeued, d.outcome, d.conditions,"
                + " d.reason, d.expires, d.officer, (d.decided_at AT TIME ZONE 'UTC')::date"
                + " FROM vetting_request r LEFT JOIN vetting_decision d ON d.request_id = r.id" + SUBJECT_JOIN
                + " WHERE (r.as_of BETWEEN ? AND ? OR (r.requested_at AT TIME ZONE 'UTC')::date BETWEEN ? AND ?"
                + " OR (d.decided_at AT TIME ZONE 'UTC')::date BETWEEN ? AND ?) AND" + SUBJECT_IN_COUNTRY + " ORDER BY r.id";
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        for (String o : List.of("approved", "restricted", "denied", "pending")) byOutcome.put(o, 0);
        List<List<String>> rows = new ArrayList<>();
        each(sql, 3, 3, rs -> {
            String outcome = rs.getString(7) == null ? "pending" : rs.getString(7);
            byOutcome.merge(outcome, 1, Integer::sum);
            rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3) + ": " + rs.getString(4),
                    rs.getDate(5).toString(), outcome + (rs.getBoolean(6) ? " (requeued)" : ""), text(rs.getString(8)),
                    text(rs.getString(9)), text(rs.getString(11)), day(rs.getDate(12)), day(rs.getDate(10))));
        });
        ReportTable requests = new ReportTable("vetting-requests", "Vetting requests of the quarter",
                "Requests made for a date in the quarter, or requested or decided in it (UTC), with the decision on record.",
                List.of("request", "subject", "purpose", "as of", "outcome", "conditions", "reason", "officer", "decided", "expires"),
                rows);

        String latest = "SELECT DISTINCT ON (d.subject_kind, d.subject_id) d.request_id, " + SUBJECT.replace("r.", "d.")
                + ", d.outcome, d.conditions, d.reason, d.expires, d.officer, (d.decided_at AT TIME ZONE 'UTC')::date"
                + " FROM vetting_decision d JOIN vetting_request r ON r.id = d.request_id" + SUBJECT_JOIN
                + " WHERE" + SUBJECT_IN_COUNTRY
                + " ORDER BY d.subject_kind, d.subject_id, d.decided_at DESC, d.id DESC";
        List<List<String>> expiring = new ArrayList<>();
        List<List<String>> restricted = new ArrayList<>();
        LocalDate horizon = q.end().plusDays(EXPIRY_LOOKAHEAD_DAYS);
        // the latest decision on record, whenever it was recorded (back-filled records included)
        each(latest, 0, 3, rs -> {
            LocalDate expires = rs.getDate(6).toLocalDate();
            String outcome = rs.getString(3);
            if (!expires.isBefore(q.start()) && !expires.isAfter(horizon)) {
                expiring.add(List.of(rs.getString(2), outcome, expires.toString(), rs.getString(1), rs.getString(7)));
            }
            if (!outcome.equals("approved") && !expires.isBefore(q.start())) {
                restricted.add(List.of(rs.getString(2), outcome, text(rs.getString(4)), rs.getString(5),
                        rs.getString(7), day(rs.getDate(8)), expires.toString()));
            }
        });
        expiring.sort(java.util.Comparator.comparing((List<String> r) -> r.get(2)).thenComparing(r -> r.get(0)));
        restricted.sort(java.util.Comparator.comparing((List<String> r) -> r.get(0)));

        String dism = "SELECT " + SUBJECT.replace("r.", "x.") + ", coalesce(nu.code || ' ' || nu.name, np.name, no.name, x.node_kind || ':' || x.node_id),"
                + " x.entity_id, coalesce((SELECT f.entity_name FROM vetting_finding f WHERE f.entity_id = x.entity_id"
                + " ORDER BY f.check_id DESC LIMIT 1), ''), x.reason, x.reviewer, (x.dismissed_at AT TIME ZONE 'UTC')::date"
                + " FROM vetting_dismissal x"
                + " LEFT JOIN ledger_org_unit su ON x.subject_kind = 'unit' AND su.id = x.subject_id"
                + " LEFT JOIN ledger_person sp ON x.subject_kind = 'person' AND sp.id = x.subject_id"
                + " LEFT JOIN ledger_org_unit nu ON x.node_kind = 'unit' AND nu.id = x.node_id"
                + " LEFT JOIN ledger_person np ON x.node_kind = 'person' AND np.id = x.node_id"
                + " LEFT JOIN vetting_organisation no ON x.node_kind = 'org' AND no.id = x.node_id"
                + " WHERE ((x.dismissed_at AT TIME ZONE 'UTC')::date BETWEEN ? AND ? OR EXISTS (SELECT 1 FROM vetting_request r"
                + " WHERE r.subject_kind = x.subject_kind AND r.subject_id = x.subject_id AND r.as_of BETWEEN ? AND ?))"
                + " AND (CAST(? AS text) IS NULL OR lower(coalesce(su.country, sp.nationality, '')) = lower(?))"
                + " ORDER BY x.dismissed_at, x.id";
        List<List<String>> dismissals = new ArrayList<>();
        Map<String, Integer> byReviewer = new TreeMap<>();
        each(dism, 2, 2, rs -> {
            byReviewer.merge(rs.getString(6), 1, Integer::sum);
            dismissals.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), day(rs.getDate(7))));
        });
        int total = rows.size();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Vetting requests", String.valueOf(total), "requests made for a date in " + q
                + " or requested or decided in it (UTC)" + scopeText() + "; outcome is the decision on record"));
        byOutcome.forEach((o, n) -> figures.add(new Figure("  " + o, n + share(n, total),
                "requests whose decision is " + o + (o.equals("pending") ? " (no decision recorded)" : ""))));
        figures.add(new Figure("Decisions expiring", String.valueOf(expiring.size()), "latest decision per subject expiring between "
                + q.start() + " and " + horizon + " (the quarter and " + EXPIRY_LOOKAHEAD_DAYS + " days after)"));
        figures.add(new Figure("Subjects restricted or denied", String.valueOf(restricted.size()),
                "latest decision per subject is restricted or denied and had not expired before " + q.start()));
        figures.add(new Figure("Findings dismissed as false positives", String.valueOf(dismissals.size()),
                "dismissals recorded in the quarter or for a subject vetted for a date in it; by reviewer: "
                        + (byReviewer.isEmpty() ? "none" : joinCounts(byReviewer))));
        return new Section("vetting", "Vetting of recipient units", "Vetting requests, decisions and dismissals.", figures, List.of(
                requests,
                new ReportTable("vetting-expiring", "Decisions expiring", "Latest decision per subject expiring between "
                        + q.start() + " and " + horizon + ".", List.of("subject", "outcome", "expires", "request", "officer"), expiring),
                new ReportTable("vetting-restricted", "Subjects restricted or denied, and why",
                        "Latest decision per subject, restricted or denied, not expired before " + q.start() + ".",
                        List.of("subject", "outcome", "conditions", "reason", "officer", "decided", "expires"), restricted),
                new ReportTable("vetting-dismissals", "Findings dismissed as false positives",
                        "Dismissals recorded in the quarter (UTC) or for a subject vetted for a date in it, with the reviewer.",
                        List.of("subject", "screened node", "listed entity", "listed name", "reason", "reviewer", "dismissed"),
                        dismissals)));
    }

    // ---------------------------------------------------------------- end-use monitoring

    private static final String SERIAL_SCOPE = " (CAST(? AS text) IS NULL OR lower(t.recipient_country) = lower(?)"
            + " OR lower(coalesce(u.country, '')) = lower(?)) ";

    /** What a serialised item inherits from its lot: article, transfer, unit, delivery date. */
    private record LotInfo(String articleId, String designation, boolean enhanced, String caseId, String unit,
                           LocalDate delivered) {}

    /**
     * Streams every serialised item in scope with its observations and follow-ups. Two cursors in item order
     * (serials by primary key, events sorted by item) are merged here, so the database never sorts or joins a
     * million wide rows; lots, which are few, are looked up in memory.
     */
    private MonitoringTally monitoringTally() throws SQLException {
        MonitoringTally tally = new MonitoringTally(MonitoringPolicy.DEFAULT, q.end(), TREND_MONTHS);
        Map<Long, LotInfo> lots = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.id, a.id, a.designation, a.enhanced_monitoring, t.case_id,"
                + " u.code, l.delivery_date FROM ledger_lot l JOIN ledger_article a ON a.id = l.article_id"
                + " JOIN ledger_transfer t ON t.id = l.transfer_id LEFT JOIN ledger_org_unit u ON u.id = l.unit_id"
                + " WHERE (l.delivery_date IS NULL OR l.delivery_date <= ?) AND" + SERIAL_SCOPE)) {
            ps.setDate(1, end);
            bindCountry(ps, 2, 3);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date d = rs.getDate(7);
                    lots.put(rs.getLong(1), new LotInfo(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                            rs.getString(6), d == null ? null : d.toLocalDate()));
                }
            }
        }
        if (lots.isEmpty()) return tally;
        // dates as days since 1970-01-01: half a million getDate() calls would parse half a million strings
        String eventsSql = "SELECT o.serial_id, k.check_date - DATE '1970-01-01' AS d, 0 AS kind, k.id AS ref, k.place, k.inspector,"
                + " o.status, o.evidence FROM eum_observation o JOIN eum_check k ON k.id = o.check_id WHERE k.check_date <= ?"
                + " UNION ALL SELECT serial_id, follow_up_date - DATE '1970-01-01', 1, id, NULL, NULL, outcome, note FROM eum_follow_up"
                + " WHERE follow_up_date <= ? ORDER BY 1, 2, 3, 4";
        try (PreparedStatement serials = c.prepareStatement("SELECT id, serial, lot_id FROM ledger_serial ORDER BY id");
             PreparedStatement events = c.prepareStatement(eventsSql)) {
            serials.setFetchSize(50_000);
            events.setFetchSize(50_000);
            events.setDate(1, end);
            events.setDate(2, end);
            try (ResultSet s = serials.executeQuery(); ResultSet e = events.executeQuery()) {
                boolean more = e.next();
                while (s.next()) {
                    long id = s.getLong(1);
                    while (more && e.getLong(1) < id) more = e.next();
                    List<ItemEvent> list = List.of();
                    if (more && e.getLong(1) == id) {
                        list = new ArrayList<>(2);
                        do {
                            LocalDate day = LocalDate.ofEpochDay(e.getInt(2));
                            list.add(e.getInt(3) == 0
                                    ? new ItemEvent.Observed(day, e.getLong(4), e.getString(5), e.getString(6),
                                            ObservationStatus.valueOf(e.getString(7)), e.getString(8))
                                    : new ItemEvent.FollowedUp(day, e.getLong(4), FollowUpOutcome.valueOf(e.getString(7)),
                                            e.getString(8)));
                            more = e.next();
                        } while (more && e.getLong(1) == id);
                    }
                    LotInfo lot = lots.get(s.getLong(3));
                    if (lot == null) continue;   // another country, or delivered after the quarter
                    tally.add(new ItemHistory(id, s.getString(2), lot.articleId(), lot.designation(), lot.enhanced(),
                            lot.caseId(), Optional.ofNullable(lot.unit()), Optional.ofNullable(lot.delivered()), list));
                }
            }
        }
        return tally;
    }

    private Section monitoring(MonitoringTally t) throws SQLException {
        LocalDate windowStart = q.end().minus(t.policy().interval());
        int delinquent = t.delinquent();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Serialised items delivered", String.valueOf(t.items()), "items recorded in the ledger"
                + scopeText() + " and delivered by " + q.end() + " (or with no delivery date)"));
        figures.add(new Figure("  under enhanced monitoring", String.valueOf(t.enhanced()),
                "items of articles marked for enhanced end-use monitoring (serial-number inventories)"));
        figures.add(new Figure("  under routine monitoring", String.valueOf(t.routine()), "all other delivered items"));
        figures.add(new Figure("Enhanced items inventoried on time", t.enhancedOnTime() + share(t.enhancedOnTime(), t.enhanced()),
                "seen at a check or located by follow-up between " + windowStart + " and " + q.end() + " (interval "
                        + t.policy().interval() + "), assessed on " + q.end()));
        figures.add(new Figure("Enhanced items delinquent for inventory", delinquent + share(delinquent, t.enhanced()),
                "not verified within the interval, or never verified and the first check overdue, on " + q.end()));
        int unacc = t.enhancedByState().get(ItemState.UNACCOUNTED) + t.routineByState().get(ItemState.UNACCOUNTED);
        int missing = t.enhancedByState().get(ItemState.MISSING) + t.routineByState().get(ItemState.MISSING);
        figures.add(new Figure("Items not seen (unaccounted for)", String.valueOf(unacc),
                "last reported not seen at a check, with no later sighting or follow-up, on " + q.end()));
        figures.add(new Figure("Items confirmed missing", String.valueOf(missing), "confirmed missing by a follow-up, on " + q.end()));

        List<List<String>> states = new ArrayList<>();
        for (ItemState s : ItemState.values()) {
            states.add(List.of(s.name().toLowerCase(Locale.ROOT), String.valueOf(t.enhancedByState().get(s)),
                    String.valueOf(t.routineByState().get(s))));
        }
        List<List<String>> byUnit = counts(t.delinquentByUnit());
        List<List<String>> byArticle = counts(t.delinquentByArticle());
        List<List<String>> byAge = new ArrayList<>();
        for (int i = 0; i < MonitoringTally.AGE_CLASSES.size(); i++) {
            byAge.add(List.of(MonitoringTally.AGE_CLASSES.get(i), String.valueOf(t.delinquentByAge().get(i))));
        }
        List<List<String>> unaccounted = new ArrayList<>();
        for (MonitoringTally.Unaccounted u : t.unaccounted()) {
            unaccounted.add(List.of(u.serial(), u.designation(), u.unit(), u.caseId(), u.state().name().toLowerCase(Locale.ROOT),
                    u.explanation()));
        }
        List<List<String>> trend = new ArrayList<>();
        for (QuarterlyReport.TrendPoint p : t.trend()) {
            trend.add(List.of(p.day().toString(), String.valueOf(p.delinquent()), String.valueOf(p.enhanced()), pct(p.share())));
        }
        figures.add(new Figure("Inventory checks in the quarter", String.valueOf(checksTable().rows().size()),
                "checks dated between " + q.start() + " and " + q.end() + scopeText()));
        ReportTable followUps = followUpsTable();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (List<String> r : followUps.rows()) outcomes.merge(r.get(3), 1, Integer::sum);
        figures.add(new Figure("Follow-ups in the quarter", String.valueOf(followUps.rows().size()),
                "follow-ups dated in the quarter; by outcome: " + (outcomes.isEmpty() ? "none" : joinCounts(outcomes))));
        return new Section("monitoring", "End-use monitoring", "Every serialised item assessed on " + q.end()
                + " from its delivery, checks and follow-ups (interval " + t.policy().interval() + ").", figures, List.of(
                new ReportTable("eum-states", "Items by monitoring state", "Items delivered by " + q.end() + ", assessed on "
                        + q.end() + "; only enhanced items carry an inventory obligation (delinquency).",
                        List.of("state", "enhanced items", "routine items (no inventory obligation)"), states),
                new ReportTable("eum-delinquent-by-unit", "Delinquent enhanced items by unit",
                        "Enhanced items delinquent on " + q.end() + ", by the unit the lot was delivered to.",
                        List.of("unit", "delinquent items"), byUnit),
                new ReportTable("eum-delinquent-by-article", "Delinquent enhanced items by article",
                        "Enhanced items delinquent on " + q.end() + ", by catalogue designation.", List.of("article", "delinquent items"), byArticle),
                new ReportTable("eum-delinquent-by-age", "Delinquent enhanced items by age",
                        "Days between the date a check was due (last verification or delivery plus the interval) and " + q.end() + ".",
                        List.of("overdue", "delinquent items"), byAge),
                new ReportTable("eum-not-seen", "Items not seen or missing", "Items unaccounted for or confirmed missing on "
                        + q.end() + ", each with the record that says so.",
                        List.of("serial", "article", "unit", "case", "state", "why"), unaccounted),
                checksTable(), followUps,
                new ReportTable("eum-delinquency-trend", "Delinquency over time", "Enhanced items delinquent on each month end, "
                        + "of the enhanced items delivered by then (same assessment as above, on each day).",
                        List.of("day", "delinquent", "enhanced delivered", "delinquent share"), trend)));
    }

    private ReportTable checksCache;

    private ReportTable checksTable() throws SQLException {
        if (checksCache != null) return checksCache;
        String sql = "SELECT k.id, k.check_date, k.kind, k.place, k.lat, k.lon, k.inspector, coalesce(u.code, ''),"
                + " count(*) FILTER (WHERE o.status IN ('SEEN','DAMAGED')), count(*) FILTER (WHERE o.status = 'NOT_SEEN'),"
                + " count(*) FILTER (WHERE o.status = 'DESTROYED')"
                + " FROM eum_check k LEFT JOIN ledger_org_unit u ON u.id = k.unit_id LEFT JOIN eum_observation o ON o.check_id = k.id"
                + " WHERE k.check_date BETWEEN ? AND ? AND (CAST(? AS text) IS NULL OR lower(coalesce(u.country, '')) = lower(?)"
                + " OR EXISTS (SELECT 1 FROM eum_observation o2 JOIN ledger_serial s ON s.id = o2.serial_id"
                + " JOIN ledger_lot l ON l.id = s.lot_id JOIN ledger_transfer t ON t.id = l.transfer_id"
                + " WHERE o2.check_id = k.id AND lower(t.recipient_country) = lower(?)))"
                + " GROUP BY k.id, u.code ORDER BY k.check_date, k.id";
        List<List<String>> rows = new ArrayList<>();
        each(sql, 1, 3, rs -> {
            rows.add(List.of(rs.getString(1), rs.getDate(2).toString(), rs.getString(3).toLowerCase(Locale.ROOT),
                    rs.getString(4), rs.getString(8), rs.getString(7), rs.getString(9), rs.getString(10), rs.getString(11)));
            double lat = rs.getDouble(5);
            if (!rs.wasNull()) {
                mapPoints.add(new MapPoint(lat, rs.getDouble(6), rs.getString(4) + " " + rs.getDate(2), MapPoint.Kind.CHECK));
            }
        });
        checksCache = new ReportTable("eum-checks", "Inventory checks in the quarter",
                "Checks dated in the quarter, with what they found (damaged items count as seen).",
                List.of("check", "date", "kind", "place", "unit", "inspector", "seen", "not seen", "destroyed"), rows);
        return checksCache;
    }

    private ReportTable followUpsTable() throws SQLException {
        String sql = "SELECT f.follow_up_date, s.serial, a.designation, f.outcome, f.note, f.actor"
                + " FROM eum_follow_up f JOIN ledger_serial s ON s.id = f.serial_id JOIN ledger_article a ON a.id = s.article_id"
                + " JOIN ledger_lot l ON l.id = s.lot_id JOIN ledger_transfer t ON t.id = l.transfer_id"
                + " LEFT JOIN ledger_org_unit u ON u.id = l.unit_id"
                + " WHERE f.follow_up_date BETWEEN ? AND ? AND" + SERIAL_SCOPE + " ORDER BY f.follow_up_date, f.id";
        List<List<String>> rows = new ArrayList<>();
        each(sql, 1, 3, rs -> rows.add(List.of(rs.getDate(1).toString(), rs.getString(2), rs.getString(3),
                rs.getString(4).toLowerCase(Locale.ROOT), rs.getString(5), rs.getString(6))));
        return new ReportTable("eum-follow-ups", "Follow-ups and their outcomes", "Follow-ups dated in the quarter.",
                List.of("date", "serial", "article", "outcome", "note", "by"), rows);
    }

    // ---------------------------------------------------------------- diversion

    private Section diversion(Map<String, Integer> casesByStatus) throws SQLException {
        String inScope = " (CAST(? AS text) IS NULL OR EXISTS (SELECT 1 FROM diversion_case_link tl WHERE tl.case_id = dc.id"
                + " AND tl.kind = 'transfer' AND tl.current AND lower(tl.detail->>'recipientCountry') = lower(?)) OR EXISTS (SELECT 1 FROM ledger_org_unit hu"
                + " WHERE hu.code = dc.holder_unit_id AND lower(hu.country) = lower(?))) ";
        String sql = "SELECT dc.id, dc.status, dc.score, dc.holder_name, coalesce(dc.article_designation, dc.article_family,"
                + " dc.article_category, ''), (dc.opened_at AT TIME ZONE 'UTC')::date, dc.reason, dc.holder_status,"
                + " (SELECT l.detail->>'date' || ' | ' || coalesce(l.detail->>'serial', '') || ' | ' || coalesce(l.detail->>'place', '')"
                + " || ' | ' || coalesce(l.detail->>'attributedTo', '') || ' | ' || coalesce(l.detail->>'sentence', '')"
                + " FROM diversion_case_link l WHERE l.case_id = dc.id AND l.kind = 'evidence' AND l.current"
                + " ORDER BY (l.detail->>'serial') IS NULL, (l.detail->>'stance') <> 'asserted', l.detail->>'date' DESC NULLS LAST, l.ref LIMIT 1),"
                + " (SELECT string_agg(DISTINCT l.detail->>'place', '|') FROM diversion_case_link l WHERE l.case_id = dc.id"
                + " AND l.kind = 'evidence' AND l.current AND l.detail->>'place' IS NOT NULL)"
                + " FROM diversion_case dc WHERE ((dc.opened_at AT TIME ZONE 'UTC')::date BETWEEN ? AND ?"
                + " OR EXISTS (SELECT 1 FROM diversion_case_event e WHERE e.case_id = dc.id AND (e.at AT TIME ZONE 'UTC')::date BETWEEN ? AND ?)"
                + " OR EXISTS (SELECT 1 FROM diversion_case_link l WHERE l.case_id = dc.id AND l.kind = 'evidence' AND l.current"
                + " AND l.detail->>'date' BETWEEN ? AND ?)) AND" + inScope + " ORDER BY dc.score DESC, dc.id";
        List<List<String>> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Gazetteer gazetteer = null;
        for (String s : List.of("open", "under_review", "confirmed", "dismissed", "referred")) casesByStatus.put(s, 0);
        int openedInQuarter = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindPeriod(ps, 1, 2);
            ps.setString(i++, start.toString());
            ps.setString(i++, end.toString());
            bindCountry(ps, i, 3);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    casesByStatus.merge(rs.getString(2), 1, Integer::sum);
                    LocalDate opened = rs.getDate(6).toLocalDate();
                    if (q.contains(opened)) openedInQuarter++;
                    rows.add(List.of(rs.getString(1), rs.getString(2), String.format(Locale.ROOT, "%.2f", rs.getDouble(3)),
                            rs.getString(4) + " (" + rs.getString(8) + ")", rs.getString(5), opened.toString(),
                            decisive(rs.getString(9)), rs.getString(7)));
                    String places = rs.getString(10);
                    if (places != null) {
                        if (gazetteer == null) gazetteer = Gazetteer.bundled();
                        for (String p : places.split("\\|")) {
                            Optional<Gazetteer.Place> place = gazetteer.resolve(p);
                            if (place.isPresent() && place.get().latitude() != null) {
                                mapPoints.add(new MapPoint(place.get().latitude(), place.get().longitude(),
                                        "case " + rs.getString(1) + ": " + p, MapPoint.Kind.SIGHTING));
                            }
                        }
                    }
                }
            }
        }
        Map<String, Integer> moves = new TreeMap<>();
        List<List<String>> changes = new ArrayList<>();
        if (!ids.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.case_id, (e.at AT TIME ZONE 'UTC')::date, e.actor,"
                    + " e.detail->>'from', e.detail->>'to', e.detail->>'reason' FROM diversion_case_event e"
                    + " WHERE e.action = 'status' AND e.case_id = ANY (?) AND (e.at AT TIME ZONE 'UTC')::date BETWEEN ? AND ?"
                    + " ORDER BY e.at, e.id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.setDate(2, start);
                ps.setDate(3, end);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        moves.merge(rs.getString(5), 1, Integer::sum);
                        changes.add(List.of(rs.getString(1), day(rs.getDate(2)), rs.getString(4), rs.getString(5),
                                text(rs.getString(6)), rs.getString(3)));
                    }
                }
            }
        }
        List<List<String>> held = new ArrayList<>();
        each("SELECT r.id, " + SUBJECT + ", (r.requested_at AT TIME ZONE 'UTC')::date, r.note FROM vetting_request r"
                + SUBJECT_JOIN + " WHERE r.requeued AND r.status = 'pending' AND" + SUBJECT_IN_COUNTRY + " ORDER BY r.id", 0, 3,
                rs -> held.add(List.of(rs.getString(2), "requeued for vetting (request " + rs.getString(1) + ")",
                        day(rs.getDate(3)), text(rs.getString(4)))));
        each("SELECT u.code || ' ' || u.name, 'delivered over a refusal: ' || dcl.refusal_reason, dcl.delivery_date,"
                + " dcl.justification FROM ledger_delivery_clearance dcl JOIN ledger_org_unit u ON u.id = dcl.unit_id"
                + " WHERE dcl.outcome = 'OVERRIDDEN' AND dcl.delivery_date BETWEEN ? AND ?"
                + " AND (CAST(? AS text) IS NULL OR lower(u.country) = lower(?)) ORDER BY dcl.delivery_date, dcl.id", 1, 2,
                rs -> held.add(List.of(rs.getString(1), rs.getString(2), day(rs.getDate(3)), text(rs.getString(4)))));
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Diversion cases in the quarter", String.valueOf(rows.size()), "cases opened or changed in "
                + q + " (UTC), or resting on evidence dated in it" + scopeText() + "; by current status: " + joinCounts(casesByStatus)));
        figures.add(new Figure("  opened", String.valueOf(openedInQuarter), "cases Custody opened in the quarter (UTC)"));
        for (String s : List.of("confirmed", "dismissed", "referred")) {
            figures.add(new Figure("  " + s, String.valueOf(moves.getOrDefault(s, 0)), "status changes to " + s + " recorded in the quarter (UTC)"));
        }
        figures.add(new Figure("Deliveries held", String.valueOf(held.size()), "units back in the vetting queue after a confirmed "
                + "diversion (their deliveries are refused until decided), and deliveries in the quarter recorded over a refusal"));
        return new Section("diversion", "Diversion cases", "Cases, their status changes and the deliveries they hold.", figures, List.of(
                new ReportTable("diversion-cases", "Cases of the quarter", "Highest score first; the decisive evidence is the "
                        + "current evidence with a serial first, asserted before hedged, newest first (date | serial | place | source | sentence).",
                        List.of("case", "status", "score", "holder", "article", "opened", "decisive evidence", "why"), rows),
                new ReportTable("diversion-status-changes", "Status changes in the quarter", "Status changes recorded in the quarter (UTC).",
                        List.of("case", "day", "from", "to", "reason", "by"), changes),
                new ReportTable("diversion-cases-by-status", "Cases by status", "Current status of the cases of the quarter.",
                        List.of("status", "cases"), counts(casesByStatus)),
                new ReportTable("deliveries-held", "Deliveries held", "Units requeued in vetting (pending) and deliveries in the "
                        + "quarter recorded over a refusal, with the reason.", List.of("unit", "hold", "since", "note"), held)));
    }

    private static String decisive(String line) {
        if (line == null) return "";
        String s = line.replaceAll("\\s+", " ").trim();
        return s.length() > 240 ? s.substring(0, 237) + "..." : s;
    }

    // ---------------------------------------------------------------- deliveries

    private Section deliveries(Map<String, Integer> byCategory) throws SQLException {
        String sql = "SELECT t.programme, l.category, coalesce(u.code || ' ' || u.name, '(country level)'), l.designation,"
                + " sum(l.quantity), count(*), sum((SELECT count(*) FROM ledger_serial s WHERE s.lot_id = l.id))"
                + " FROM ledger_lot l JOIN ledger_transfer t ON t.id = l.transfer_id LEFT JOIN ledger_org_unit u ON u.id = l.unit_id"
                + " WHERE l.delivery_date BETWEEN ? AND ? AND t.case_id NOT LIKE 'SIPRI-%' AND" + SERIAL_SCOPE
                + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";
        List<List<String>> rows = new ArrayList<>();
        long quantity = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindPeriod(ps, 1, 1);
            bindCountry(ps, i, 3);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byCategory.merge(rs.getString(2), rs.getInt(5), Integer::sum);
                    quantity += rs.getLong(5);
                    rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
        }
        List<List<String>> sipri = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.category, l.designation, t.supplier, sum(l.quantity),"
                + " bool_or(l.quantity_estimated), string_agg(DISTINCT t.case_id, ' ') FROM ledger_lot l"
                + " JOIN ledger_transfer t ON t.id = l.transfer_id WHERE t.case_id LIKE 'SIPRI-%' AND l.delivery_year = ?"
                + " AND (CAST(? AS text) IS NULL OR lower(t.recipient_country) = lower(?)) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")) {
            ps.setInt(1, q.year());
            bindCountry(ps, 2, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sipri.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5) ? "yes" : "no", rs.getString(6)));
                }
            }
        }
        List<Figure> figures = List.of(
                new Figure("Items delivered in the quarter", String.valueOf(quantity), "sum of lot quantities with a delivery date in "
                        + q + scopeText() + ", from the ledger (SIPRI records excluded)"),
                new Figure("SIPRI country-level rows for " + q.year(), String.valueOf(sipri.size()),
                        "imported SIPRI deliveries for the whole year (SIPRI reports by year, not by quarter), shown beside the ledger"));
        return new Section("deliveries", "Deliveries", "Deliveries recorded in the ledger, by programme, category and unit.", figures, List.of(
                new ReportTable("deliveries", "Deliveries by programme, category and recipient unit",
                        "Lots with a delivery date in the quarter (SIPRI records excluded).",
                        List.of("programme", "category", "recipient unit", "article", "quantity", "lots", "serials"), rows),
                new ReportTable("deliveries-by-category", "Deliveries by category", "Quantity delivered in the quarter by category.",
                        List.of("category", "quantity"), counts(byCategory)),
                new ReportTable("sipri-year", "SIPRI country-level deliveries in " + q.year(),
                        "SIPRI Arms Transfers Database rows imported with `ledger import --sipri`, delivered in " + q.year() + ".",
                        List.of("category", "designation", "supplier", "quantity", "estimated", "SIPRI deals"), sipri)));
    }

    // ---------------------------------------------------------------- map

    private Section mapSection() throws SQLException {
        each("SELECT u.code, u.name, u.area_place, u.area_lat, u.area_lon FROM ledger_org_unit u WHERE u.area_lat IS NOT NULL"
                + " AND (CAST(? AS text) IS NULL OR lower(u.country) = lower(?)) ORDER BY u.code", 0, 2,
                rs -> mapPoints.add(new MapPoint(rs.getDouble(4), rs.getDouble(5), rs.getString(1) + " (" + text(rs.getString(3)) + ")",
                        MapPoint.Kind.UNIT_AREA)));
        mapPoints.sort(java.util.Comparator.comparing((MapPoint p) -> p.kind()).thenComparing(MapPoint::label)
                .thenComparingDouble(MapPoint::lat).thenComparingDouble(MapPoint::lon));
        List<List<String>> rows = new ArrayList<>();
        for (MapPoint p : mapPoints) {
            rows.add(List.of(p.kind().legend(), p.label(), String.format(Locale.ROOT, "%.4f", p.lat()),
                    String.format(Locale.ROOT, "%.4f", p.lon())));
        }
        return new Section("map", "Map of sightings and units' areas", "Units' areas of operation, inventory checks of the "
                + "quarter with coordinates, and places of the evidence of the quarter's cases (resolved in the bundled gazetteer).",
                List.of(new Figure("Points on the map", String.valueOf(rows.size()), "unit areas, check places and sighting places")),
                List.of(new ReportTable("map-points", "Points on the map", "What the map draws, with coordinates.",
                        List.of("kind", "label", "latitude", "longitude"), rows)));
    }

    /** Gazetteer places (admin-1 centres and cities) of the countries the map shows, drawn under the points. */
    private List<BasePlace> basePlaces() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream("/org/custody/evidence/places/places.tsv")) {
            if (in == null) return List.of();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("id\t")) continue;
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (mapPoints.isEmpty()) return List.of();
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        for (MapPoint p : mapPoints) {
            minLat = Math.min(minLat, p.lat()); maxLat = Math.max(maxLat, p.lat());
            minLon = Math.min(minLon, p.lon()); maxLon = Math.max(maxLon, p.lon());
        }
        List<BasePlace> out = new ArrayList<>();
        for (String[] r : rows) {
            if (r.length < 8 || r[5].isBlank() || !(r[2].equals("city") || r[2].equals("admin1"))) continue;
            double lat = Double.parseDouble(r[5]);
            double lon = Double.parseDouble(r[6]);
            if (lat < minLat - 3 || lat > maxLat + 3 || lon < minLon - 3 || lon > maxLon + 3) continue;
            out.add(new BasePlace(r[1], r[2], lat, lon, r[7].isBlank() ? 0 : Long.parseLong(r[7])));
        }
        return out;
    }

    // ---------------------------------------------------------------- appendix

    private Section appendix(String version) throws SQLException {
        List<List<String>> lists = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT list_id, version, coalesce(published_at, ''), "
                + "to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), content_hash, entity_count"
                + " FROM list_version WHERE is_current ORDER BY list_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lists.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5).trim(),
                        rs.getString(6)));
            }
        }
        List<List<String>> imports = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT content_hash, source, to_char(imported_at AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), actor, summary FROM ledger_import ORDER BY imported_at, content_hash");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                imports.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        List<List<String>> counts = new ArrayList<>();
        for (String[] t : new String[][] {{"evidence documents", "evidence_document"}, {"evidence claims", "evidence_claim"},
                {"evidence stories", "evidence_story"}, {"ledger transfers", "ledger_transfer"}, {"ledger lots", "ledger_lot"},
                {"ledger serials", "ledger_serial"}, {"inventory checks", "eum_check"}, {"vetting requests", "vetting_request"},
                {"diversion cases", "diversion_case"}}) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + t[1]); ResultSet rs = ps.executeQuery()) {
                rs.next();
                counts.add(List.of(t[0], rs.getString(1)));
            }
        }
        List<List<String>> params = List.of(List.of("quarter", q.toString()), List.of("country", country.orElse("(all)")),
                List.of("as of", q.end().toString()), List.of("monitoring interval", MonitoringPolicy.DEFAULT.interval().toString()),
                List.of("Custody version", version));
        return new Section("appendix", "Appendix: data this report was built from", "The record the figures were computed from.",
                List.of(), List.of(
                new ReportTable("parameters", "Parameters", "The options the report was built with.", List.of("parameter", "value"), params),
                new ReportTable("list-versions", "Watchlist versions", "Current version of each list.",
                        List.of("list", "version", "published", "imported", "SHA-256", "entities"), lists),
                new ReportTable("ledger-imports", "Ledger imports", "Every ledger file set imported, by the SHA-256 of its bytes.",
                        List.of("SHA-256", "source", "imported", "by", "summary"), imports),
                new ReportTable("record-counts", "Record counts", "Rows in the record (all countries and dates).",
                        List.of("record", "count"), counts)));
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code periods} (start, end) pairs then {@code countries} country filters bound, row by row. */
    private void each(String sql, int periods, int countries, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindCountry(ps, bindPeriod(ps, 1, periods), countries);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) reader.read(rs);
            }
        }
    }

    /** Binds {@code pairs} (start, end) date pairs from {@code at}; returns the next index. */
    private int bindPeriod(PreparedStatement ps, int at, int pairs) throws SQLException {
        for (int i = 0; i < pairs; i++) {
            ps.setDate(at++, start);
            ps.setDate(at++, end);
        }
        return at;
    }

    /** Binds the country filter {@code times} times from {@code at} (null: every country); returns the next index. */
    private int bindCountry(PreparedStatement ps, int at, int times) throws SQLException {
        for (int i = 0; i < times; i++) ps.setString(at++, country.orElse(null));
        return at;
    }

    private String scopeText() {
        return country.map(c -> " for " + c + " (recipient country or unit country)").orElse("");
    }

    private static List<List<String>> counts(Map<String, Integer> m) {
        List<List<String>> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(List.of(k, String.valueOf(v))));
        return out;
    }

    private static String joinCounts(Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    static String share(int n, int of) {
        return of == 0 ? "" : " (" + pct((double) n / of) + ")";
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String day(Date d) {
        return d == null ? "" : d.toString();
    }
}
