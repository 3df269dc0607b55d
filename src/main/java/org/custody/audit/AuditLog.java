package org.custody.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained record of decisions. {@link #append} takes the caller's connection so
 * the entry commits or rolls back with the decision it records.
 */
public final class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private AuditLog() {}

    public static AuditEntry append(Connection c, String actor, String action, String subject, String detail)
            throws SQLException {
        try (Statement lock = c.createStatement()) {
            // Serialises appenders so two transactions never chain onto the same predecessor.
            lock.execute("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE");
        }
        String prev = GENESIS;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) prev = rs.getString(1);
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(prev, at, actor, action, subject, detail);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log(recorded_at, actor, action, subject, detail, prev_hash, hash) "
                        + "VALUES (?,?,?,?,?,?,?) RETURNING seq")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, detail);
            ps.setString(6, prev);
            ps.setString(7, hash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new AuditEntry(rs.getLong(1), at, actor, action, subject, detail, prev, hash);
            }
        }
    }

    public static List<AuditEntry> entries(Connection c, String subjectOrNull) throws SQLException {
        String sql = "SELECT seq, recorded_at, actor, action, subject, detail, prev_hash, hash FROM audit_log"
                + (subjectOrNull == null ? "" : " WHERE subject = ?") + " ORDER BY seq";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (subjectOrNull != null) ps.setString(1, subjectOrNull);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
                return out;
            }
        }
    }

    /** Recomputes the chain; returns the first entry whose hash or link does not hold, if any. */
    public static Optional<AuditEntry> firstBrokenLink(Connection c) throws SQLException {
        return firstBrokenLinkIn(entries(c, null));
    }

    /** The first of {@code entries} (the whole log, in order) whose hash or link does not hold, if any. */
    static Optional<AuditEntry> firstBrokenLinkIn(List<AuditEntry> entries) {
        String prev = GENESIS;
        for (AuditEntry e : entries) {
            String expected = hash(prev, e.recordedAt(), e.actor(), e.action(), e.subject(), e.detail());
            if (!e.prevHash().equals(prev) || !e.hash().equals(expected)) return Optional.of(e);
            prev = e.hash();
        }
        return Optional.empty();
    }

    static String hash(String prev, Instant at, String actor, String action, String subject, String detail) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prev, at.toString(), actor, action, subject, detail}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    /**
     * Makes {@code actor} the acting user of this thread until the returned scope is closed: the server
     * sets the authenticated account for each request, so every decision it records names that account
     * (and neither CUSTODY_USER nor the server's operating-system account).
     */
    public static Scope actingAs(String actor) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("an acting user needs a name");
        String before = ACTING.get();
        ACTING.set(actor);
        return () -> {
            if (before == null) ACTING.remove();
            else ACTING.set(before);
        };
    }

    /** The extent of an {@link #actingAs} call. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The acting user: the account a server request is made by (see {@link #actingAs}); on the command
     * line CUSTODY_USER, else the operating-system account.
     */
    public static String currentActor() {
        String acting = ACTING.get();
        if (acting != null) return acting;
        String u = System.getenv("CUSTODY_USER");
        return (u != null && !u.isBlank()) ? u : System.getProperty("user.name", "unknown");
    }
}
