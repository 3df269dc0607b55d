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
import org.custody.diversion.CaseLink;
import org.custody.diversion.DiversionCase;

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
                        m.put("names", new LinkedHashMap<String, String>());
                    }
                    @SuppressWarnings("unchecked") List<String> docs = (List<String>) m.get("documents");
                    @SuppressWarnings("unchecked") List<String> claims = (List<String>) m.get("claims");
                    if (!docs.contains(doc)) docs.add(doc);
                    @SuppressWarnings("unchecked") Map<String, String> names = (Map<String, String>) m.get("names");
                    names.putIfAbsent(doc, rs.getString(2));
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
            List<Map<String, Object>> readings = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT text, x, y, w, h, confidence FROM evidence_image_text WHERE image_sha = ? ORDER BY seq")) {
                ps.setString(1, (String) m.get("sha256"));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        texts.add(rs.getString(1));
                        readings.add(reading(null, "text", rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                                rs.getDouble(6), null));
                    }
                }
            }
            @SuppressWarnings("unchecked") Map<String, String> names = (Map<String, String>) m.remove("names");
            // what the picture reader found in it, as each carrying document recorded it under the picture's file name
            try (PreparedStatement ps = c.prepareStatement("SELECT document_id, kind, text, x, y, w, h, confidence, explanation"
                    + " FROM photo_text WHERE document_id = ? AND image = ? ORDER BY id")) {
                for (var e : names.entrySet()) {
                    if (e.getValue() == null) continue;
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (!texts.contains(rs.getString(3))) texts.add(rs.getString(3));
                            readings.add(reading(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                                    rs.getInt(6), rs.getInt(7), rs.getDouble(8), rs.getString(9)));
                        }
                    }
                }
            }
            // the two tables may hold the same line (the line reader's text is stored with the picture and with the
            // document): a plain 'text' row whose text and region a document's row repeats is shown once
            List<Map<String, Object>> fromDocuments = readings.stream().filter(r -> r.containsKey("document")).toList();
            readings.removeIf(r -> !r.containsKey("document") && fromDocuments.stream().anyMatch(d ->
                    d.get("text").equals(r.get("text")) && d.get("region").equals(r.get("region"))));
            m.put("readings", readings);
            m.put("text", texts);
        }
        return new ArrayList<>(bySha.values());
    }

    /**
     * The pictures of a case's evidence: the documents its evidence links name (the link's {@code document}, else
     * the part of the claim ref before {@code #}), each with the claim refs of the case it supports.
     */
    public static List<Map<String, Object>> forCase(Connection c, DiversionCase dc) throws SQLException {
        Map<String, List<String>> byDocument = new LinkedHashMap<>();
        for (CaseLink l : dc.links(CaseLink.Kind.EVIDENCE)) {
            Object doc = l.detail().get("document");
            String d = doc != null ? doc.toString() : l.ref().contains("#") ? l.ref().substring(0, l.ref().indexOf('#')) : null;
            if (d != null) byDocument.computeIfAbsent(d, k -> new ArrayList<>()).add(l.ref());
        }
        return forClaims(c, byDocument);
    }

    private static Map<String, Object> reading(String document, String kind, String text, int x, int y, int w, int h, double confidence,
                                               String explanation) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("text", text);
        r.put("kind", kind);
        r.put("region", Map.of("x", x, "y", y, "w", w, "h", h));
        r.put("confidence", confidence);
        if (document != null) r.put("document", document);
        if (explanation != null && !explanation.isBlank()) r.put("explanation", explanation);
        return r;
    }

    /** A stored picture's bytes (the evidence itself), or null. */
    public static byte[] original(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM evidence_image WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
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
