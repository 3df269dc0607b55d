package org.custody.store.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads stored evidence documents back as people look at them: the text with what extraction found in it
 * (mentions and claims with their character spans), and the most recently ingested documents.
 */
public final class DocumentQuery {

    private DocumentQuery() {}

    /** A document as stored, with its mentions and claims in text order. */
    public record Document(String id, String kind, String sourceName, String outlet, String url, String title,
                           String author, LocalDate published, Instant ingestedAt, String storyId,
                           String nearDuplicateOf, String body, List<Mention> mentions, List<Claim> claims) {}

    /** A span of the text that names an article, actor, place, date or amount, and what it resolved to. */
    public record Mention(int seq, String type, String text, int start, int end, String resolvedId, String resolvedName,
                          String resolvedBy) {}

    /** A claim read from one sentence (its span in the text), with who holds what and how it is said. */
    public record Claim(int seq, String kind, String stance, String holderText, String holderId, String holderName,
                        String articleText, String articleName, String attributedTo, String sentence, int start, int end,
                        String place, Double latitude, Double longitude, LocalDate date) {
        public String holder() {
            return holderName != null ? holderName : holderText;
        }

        public String article() {
            return articleName != null ? articleName : articleText;
        }
    }

    /** One line of a document list. */
    public record Summary(String id, String title, String sourceName, String outlet, LocalDate published,
                          Instant ingestedAt, int claims) {}

    public static Optional<Document> document(Connection c, String id) throws SQLException {
        Document base;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, kind, source_name, outlet, url, title, author, published, ingested_at, story_id,
                       near_duplicate_of, body FROM evidence_document WHERE id = ?""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                base = new Document(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11), rs.getString(12), List.of(), List.of());
            }
        }
        List<Mention> mentions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, type, text, start_offset, end_offset, resolved_id, resolved_name, resolved_by
                FROM evidence_mention WHERE document_id = ? ORDER BY start_offset, seq""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    mentions.add(new Mention(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        List<Claim> claims = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, kind, stance, holder_text, holder_id, holder_name, article_text, article_name, attributed_to,
                       sentence, start_offset, end_offset, place_name, latitude, longitude, claim_date
                FROM evidence_claim WHERE document_id = ? ORDER BY start_offset, seq""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claims.add(new Claim(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getInt(11), rs.getInt(12), rs.getString(13), (Double) rs.getObject(14),
                            (Double) rs.getObject(15), rs.getObject(16, LocalDate.class)));
                }
            }
        }
        return Optional.of(new Document(base.id(), base.kind(), base.sourceName(), base.outlet(), base.url(), base.title(),
                base.author(), base.published(), base.ingestedAt(), base.storyId(), base.nearDuplicateOf(), base.body(),
                mentions, claims));
    }

    /** The documents ingested last, newest first. */
    public static List<Summary> recent(Connection c, int limit) throws SQLException {
        List<Summary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT d.id, d.title, d.source_name, d.outlet, d.published, d.ingested_at,
                       (SELECT count(*) FROM evidence_claim cl WHERE cl.document_id = d.id)
                FROM evidence_document d ORDER BY d.ingested_at DESC, d.published DESC NULLS LAST, d.id LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getTimestamp(6).toInstant(), rs.getInt(7)));
                }
            }
        }
        return out;
    }
}
