package org.custody.store.photo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading stored pictures for people: the pictures of a set of documents (a case's evidence), each with its
 * metadata facts, the claims it supports, its re-post family with the earliest poster, the flags raised on
 * its documents and the text read from it.
 */
public final class PhotoReads {

    private PhotoReads() {}

    /**
     * The pictures carried by the documents of {@code claimsByDocument} (document id to the claim refs the
     * caller cares about), in document order, each picture once.
     */
    public static List<Map<String, Object>> forClaims(Connection c, Map<String, List<String>> claimsByDocument) throws SQLException {
        Map<String, Map<String, Object>> bySha = new LinkedHashMap<>();
        if (claimsByDocument.isEmpty()) return List.of();
        try (PreparedStatement ps = c.prepareStatement("SELECT di.document_id, di.file_name, di.caption, i.sha256, i.format, i.width,"
                + " i.height, i.taken, i.taken_offset, i.latitude, i.longitude, i.camera, i.software, i.edits::text, i.family"
                + " FROM evidence_document_image di JOIN evidence_image i ON i.sha256 = di.image_sha"
                + " WHERE di.document_id = ANY(?) ORDER BY di.document_id, di.position")) {
            ps.setArray(1, c.createArrayOf("text", claimsByDocument.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String doc = rs.getString(1);
                    Map<String, Object> m = bySha.computeIfAbsent(rs.getString(4), k -> new LinkedHashMap<>());
                    if (m.isEmpty()) {
                        m.put("sha256", rs.getString(4));
                        m.put("file", rs.getString(2));
                        m.put("caption", rs.getString(3));
                        m.put("format", rs.getString(5));
                        m.put("width", rs.getInt(6));
                        m.put("height", rs.getInt(7));
                        Timestamp t = rs.getTimestamp(8);
                        m.put("taken", t == null ? null : t.toLocalDateTime().toString());
                        m.put("takenOffset", rs.getString(9));
                        double lat = rs.getDouble(10);
                        m.put("latitude", rs.wasNull() ? null : lat);
                        double lon = rs.getDouble(11);
                        m.put("longitude", rs.wasNull() ? null : lon);
                        m.put("camera", rs.getString(12));
                        m.put("software", rs.getString(13));
                        m.put("edits", rs.getString(14));
                        m.put("family", rs.getString(15));
                        m.put("documents", new ArrayList<String>());
                        m.put("claims", new ArrayList<String>());
                    }
                    @SuppressWarnings("unchecked") List<String> docs = (List<String>) m.get("documents");
                    @SuppressWarnings("unchecked") List<String> claims = (List<String>) m.get("claims");
                    if (!docs.contains(doc)) docs.add(doc);
                    for (String cl : claimsByDocument.getOrDefault(doc, List.of())) if (!claims.contains(cl)) claims.add(cl);
                }
            }
        }
        for (Map<String, Object> m : bySha.values()) {
            String family = (String) m.get("family");
            List<String> posters = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT d.id, d.published, d.ingested_at,"
                    + " " + PhotoStore.POSTER
                    + " FROM evidence_document d JOIN evidence_document_image di ON di.document_id = d.id"
                    + " JOIN evidence_image i ON i.sha256 = di.image_sha WHERE i.family = ? ORDER BY d.published NULLS LAST, d.ingested_at, d.id")) {
                ps.setString(1, family);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (posters.isEmpty()) {
                            m.put("earliestDocument", rs.getString(1));
                            m.put("earliestPoster", rs.getString(4));
                            m.put("earliestPosted", rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate().toString());
                        }
                        posters.add(rs.getString(1));
                    }
                }
            }
            m.put("familyDocuments", posters);
            @SuppressWarnings("unchecked") List<String> docs = (List<String>) m.get("documents");
            List<String> flags = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, detail FROM evidence_document_flag WHERE image_sha = ?"
                    + " AND document_id = ANY(?) ORDER BY document_id, seq")) {
                ps.setString(1, (String) m.get("sha256"));
                ps.setArray(2, c.createArrayOf("text", docs.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) flags.add(rs.getString(1) + ": " + rs.getString(2));
                }
            }
            m.put("flags", flags);
            List<String> texts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT text FROM evidence_image_text WHERE image_sha = ? ORDER BY seq")) {
                ps.setString(1, (String) m.get("sha256"));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) texts.add(rs.getString(1));
                }
            }
            m.put("text", texts);
        }
        return new ArrayList<>(bySha.values());
    }

    /** A stored picture's thumbnail (JPEG), or null. */
    public static byte[] thumbnail(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT thumbnail FROM evidence_image WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }
}
