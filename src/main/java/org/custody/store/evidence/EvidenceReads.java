package org.custody.store.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading stored evidence documents for people: the list (newest first) and one document with its text,
 * its mentions and its claims (offsets into the text, so a page can highlight them) and its origins.
 */
public final class EvidenceReads {

    private EvidenceReads() {}

    public static long documentCount(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM evidence_document"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One page of documents, newest published first: id, kind, title, outlet, published, story, counts. */
    public static List<Map<String, Object>> documents(Connection c, int limit, int offset) throws SQLException {
        return rows(c, "SELECT d.id, d.kind, d.title, d.outlet, d.source_name AS source, d.url, d.published, d.story_id AS story, "
                + "d.near_duplicate_of AS \"nearDuplicateOf\", "
                + "(SELECT count(*) FROM evidence_mention m WHERE m.document_id = d.id) AS mentions, "
                + "(SELECT count(*) FROM evidence_claim cl WHERE cl.document_id = d.id) AS claims "
                + "FROM evidence_document d ORDER BY d.published DESC NULLS LAST, d.id LIMIT ? OFFSET ?", limit, offset);
    }

    public static Optional<Map<String, Object>> document(Connection c, String id) throws SQLException {
        List<Map<String, Object>> d = rows(c, "SELECT id, kind, title, outlet, source_name AS source, url, author, platform, published, "
                + "retrieved, story_id AS story, near_duplicate_of AS \"nearDuplicateOf\", body FROM evidence_document WHERE id = ?", id);
        if (d.isEmpty()) return Optional.empty();
        Map<String, Object> m = d.getFirst();
        m.put("mentions", rows(c, "SELECT seq, type, text, start_offset AS start, end_offset AS \"end\", resolved_id AS \"resolvedId\", "
                + "resolved_name AS \"resolvedName\", resolved_by AS \"resolvedBy\", detail::text AS detail "
                + "FROM evidence_mention WHERE document_id = ? ORDER BY start_offset, seq", id));
        m.put("claims", rows(c, "SELECT seq, kind, article_text AS \"articleText\", article_id AS \"articleId\", article_name AS \"articleName\", "
                + "holder_text AS \"holderText\", holder_id AS \"holderId\", holder_name AS \"holderName\", stance, "
                + "attributed_to AS \"attributedTo\", origin_key AS \"originKey\", sentence, start_offset AS start, end_offset AS \"end\" "
                + "FROM evidence_claim WHERE document_id = ? ORDER BY start_offset, seq", id));
        m.put("origins", rows(c, "SELECT origin_key AS key, outlet, reporters::text AS reporters, credited, position "
                + "FROM evidence_origin WHERE document_id = ? ORDER BY position, origin_key", id));
        return Optional.of(m);
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof java.sql.Date d) v = d.toLocalDate().toString();
                        else if (v instanceof java.sql.Timestamp t) v = t.toInstant().toString();
                        m.put(md.getColumnLabel(i), v);
                    }
                    out.add(m);
                }
                return out;
            }
        }
    }
}
