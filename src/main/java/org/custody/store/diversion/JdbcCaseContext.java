package org.custody.store.diversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custody.diversion.Actor;
import org.custody.diversion.CandidateTransfer;
import org.custody.diversion.CaseContextView;
import org.custody.diversion.InventoryGap;
import org.custody.diversion.Stance;
import org.custody.diversion.Statement;

/**
 * {@link CaseContextView} over the ledger, end-use monitoring and evidence tables, read once per run on
 * the caller's connection. A lot's serial is missing when its latest inventory observation is NOT_SEEN
 * with no later LOCATED follow-up, or a follow-up confirmed it missing. Statements are the evidence claims
 * whose stance is a denial, whatever article they name ("U.S.-supplied weapons" included).
 */
public final class JdbcCaseContext implements CaseContextView {

    private final Map<String, InventoryGap> byTransfer = new HashMap<>();
    private final List<Statement> statements = new ArrayList<>();

    private JdbcCaseContext() {}

    public static JdbcCaseContext load(Connection c) throws SQLException {
        JdbcCaseContext x = new JdbcCaseContext();
        record Item(String transfer, String serial, String lastStatus, LocalDate lastCheck, String followUp, LocalDate followUpDate) {}
        List<Item> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.case_id || '#' || l.lot_no, s.serial,
                       (SELECT o.status FROM eum_observation o JOIN eum_check ch ON ch.id = o.check_id
                         WHERE o.serial_id = s.id ORDER BY ch.check_date DESC, ch.id DESC LIMIT 1),
                       (SELECT max(ch.check_date) FROM eum_observation o JOIN eum_check ch ON ch.id = o.check_id
                         WHERE o.serial_id = s.id),
                       (SELECT f.outcome FROM eum_follow_up f WHERE f.serial_id = s.id ORDER BY f.follow_up_date DESC, f.id DESC LIMIT 1),
                       (SELECT max(f.follow_up_date) FROM eum_follow_up f WHERE f.serial_id = s.id)
                FROM ledger_serial s JOIN ledger_lot l ON l.id = s.lot_id JOIN ledger_transfer t ON t.id = l.transfer_id
                ORDER BY s.id""")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getString(5), rs.getObject(6, LocalDate.class)));
                }
            }
        }
        Map<String, int[]> counts = new HashMap<>(); // serials, checked
        Map<String, List<String>> missing = new HashMap<>();
        Map<String, LocalDate> last = new HashMap<>();
        for (Item i : items) {
            int[] n = counts.computeIfAbsent(i.transfer(), k -> new int[2]);
            n[0]++;
            if (i.lastStatus() != null) n[1]++;
            if (i.lastCheck() != null) last.merge(i.transfer(), i.lastCheck(), (a, b) -> a.isAfter(b) ? a : b);
            boolean followedLater = i.followUpDate() != null && (i.lastCheck() == null || !i.followUpDate().isBefore(i.lastCheck()));
            boolean isMissing = "CONFIRMED_MISSING".equals(i.followUp()) && followedLater
                    || "NOT_SEEN".equals(i.lastStatus()) && !(followedLater && ("LOCATED".equals(i.followUp())
                    || "CONFIRMED_DESTROYED".equals(i.followUp())));
            if (isMissing) missing.computeIfAbsent(i.transfer(), k -> new ArrayList<>()).add(i.serial());
        }
        counts.forEach((t, n) -> x.byTransfer.put(t, new InventoryGap(t, n[0], n[1], missing.getOrDefault(t, List.of()),
                last.get(t))));
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT cl.document_id || '#' || cl.seq, cl.document_id, cl.holder_id, cl.holder_name, cl.holder_text,
                       cl.attributed_to, cl.sentence, COALESCE(cl.claim_date, d.published)
                FROM evidence_claim cl JOIN evidence_document d ON d.id = cl.document_id
                WHERE cl.stance = 'denied' ORDER BY d.ingested_at, cl.document_id, cl.seq""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(4) != null ? rs.getString(4) : rs.getString(5);
                x.statements.add(new Statement(rs.getString(1), rs.getString(2), new Actor(rs.getString(3), name),
                        Stance.DENIED, rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class)));
            }
        }
        return x;
    }

    @Override
    public InventoryGap inventory(CandidateTransfer t) {
        InventoryGap g = byTransfer.get(t.transferId());
        return g != null ? g : new InventoryGap(t.transferId(), 0, 0, List.of(), null);
    }

    @Override
    public List<Statement> statements() {
        return List.copyOf(statements);
    }
}
