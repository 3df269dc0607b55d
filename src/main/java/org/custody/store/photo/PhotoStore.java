package org.custody.store.photo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custody.evidence.SourceDocument;
import org.custody.photo.HashIndex;
import org.custody.photo.ImageText;
import org.custody.photo.PerceptualHash;
import org.custody.photo.Photo;
import org.custody.photo.PhotoChecks;
import org.custody.photo.PhotoFacts;
import org.custody.store.Database;
import org.custody.store.story.Stories;

/**
 * Storing pictures with the documents that carry them, in the document's file transaction.
 *
 * <p>An image is stored once under the SHA-256 of its bytes, bytes included (PostgreSQL {@code bytea}: the
 * picture commits or rolls back with its file, and a database backup holds the evidence whole). On arrival
 * it joins the re-post family of the nearest stored image within {@link PerceptualHash#SAME_IMAGE} (found
 * through an in-memory {@link HashIndex} loaded from the table), else starts its own. Then, for the family:
 * the earliest poster (earliest published, then earliest stored) is credited; every other document carrying
 * the picture is marked as re-posting it ({@code image_repost_of}), joins the earliest poster's story, and
 * its own claims count under the earliest poster's origin, so stories and case corroboration count one
 * origin for the family. A picture's GPS position and capture date fill the place and date of the
 * document's claims that state none; contradictions are flagged on the document.
 */
public final class PhotoStore {

    /** SQL naming a document's poster: a post's author on its platform, else the outlet, author or file. */
    static final String POSTER = "CASE WHEN d.kind = 'social-post' THEN coalesce(d.author || ' on ' || d.platform, d.platform)"
            + " ELSE coalesce(d.outlet, d.author, d.source_name) END";

    private final HashIndex index = new HashIndex();
    private final List<String> shaById = new ArrayList<>();
    private final Map<String, Integer> idBySha = new LinkedHashMap<>();

    public PhotoStore(Database db) {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT sha256, hashes FROM evidence_image ORDER BY created_at, sha256")) {
                while (rs.next()) remember(rs.getString(1), longs(rs.getArray(2)));
            }
            return null;
        });
    }

    /** A picture ready to store: what intake read, its bytes and thumbnail, and the text read from it. */
    public record Incoming(String fileName, String caption, Photo photo, byte[] bytes, byte[] thumbnail, List<ImageText> texts) {
        public Incoming {
            texts = texts == null ? List.of() : List.copyOf(texts);
        }
    }

    /** What storing one picture of a document did. */
    public record Attached(String sha256, String fileName, boolean newImage, String family, Integer familyDistance,
                           String earliestDocument, String earliestPoster, List<String> flags) {}

    /** Stores the pictures of a just-stored document (in the caller's transaction) and settles their families. */
    public List<Attached> attach(Connection c, SourceDocument d, List<Incoming> photos) throws SQLException {
        List<Attached> out = new ArrayList<>();
        int position = 0;
        int flagSeq = 0;
        for (Incoming in : photos) {
            Photo p = in.photo();
            boolean created = false;
            String family;
            Integer familyDistance = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT family, family_distance FROM evidence_image WHERE sha256 = ?")) {
                ps.setString(1, p.sha256());
                try (ResultSet rs = ps.executeQuery()) {
                    family = rs.next() ? rs.getString(1) : null;
                    if (family != null) {
                        int fd = rs.getInt(2);
                        familyDistance = rs.wasNull() ? null : fd;
                    }
                }
            }
            if (family == null) {
                String[] nearest = nearestFamily(c, PerceptualHash.queryViews(p.hashes()));
                family = nearest == null ? "family-" + p.sha256().substring(0, 16) : nearest[0];
                familyDistance = nearest == null ? null : Integer.valueOf(nearest[1]);
                insertImage(c, in, family, familyDistance);
                remember(p.sha256(), p.hashes());
                created = true;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_document_image(document_id, image_sha, position,"
                    + " file_name, caption) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, d.id());
                ps.setString(2, p.sha256());
                ps.setInt(3, position++);
                ps.setString(4, in.fileName());
                ps.setString(5, in.caption());
                ps.executeUpdate();
            }
            List<String> flags = new ArrayList<>();
            PhotoFacts f = p.facts();
            var before = PhotoChecks.postedBeforeTaken(d.published(), f);
            if (before.isPresent()) flagSeq = flag(c, d.id(), flagSeq, "posted-before-taken", p.sha256(), before.get(), flags);
            if (f.hasPosition()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT place_name, latitude, longitude FROM evidence_claim"
                        + " WHERE document_id = ? AND latitude IS NOT NULL ORDER BY place_name")) {
                    ps.setString(1, d.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        List<String[]> places = new ArrayList<>();
                        while (rs.next()) places.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                        for (String[] pl : places) {
                            var far = PhotoChecks.farFromClaimedPlace(pl[0] == null ? "the claimed place" : pl[0],
                                    Double.parseDouble(pl[1]), Double.parseDouble(pl[2]), f);
                            if (far.isPresent()) flagSeq = flag(c, d.id(), flagSeq, "far-from-claimed-place", p.sha256(), far.get(), flags);
                        }
                    }
                }
            }
            if (!f.edits().isEmpty()) {
                flagSeq = flag(c, d.id(), flagSeq, "edited-picture", p.sha256(), String.join("; ", f.edits()), flags);
            }
            fillClaims(c, d.id(), f);
            String[] earliest = settleFamily(c, family);
            out.add(new Attached(p.sha256(), in.fileName(), created, family, familyDistance, earliest[0], earliest[1], flags));
        }
        return out;
    }

    /**
     * The family of the nearest stored image within the threshold, with its distance; null when none. The new
     * picture's query views are looked up among every stored view (crop windows included) of earlier pictures.
     */
    private String[] nearestFamily(Connection c, long[] hashes) throws SQLException {
        Map<String, Integer> best = new LinkedHashMap<>();
        for (long h : hashes) {
            for (HashIndex.Hit hit : index.within(h, PerceptualHash.SAME_IMAGE)) {
                String sha = shaById.get(hit.id());
                best.merge(sha, hit.distance(), Math::min);
            }
        }
        if (best.isEmpty()) return null;
        // the index may hold images of a rolled-back file: only stored ones count
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256, family FROM evidence_image WHERE sha256 = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", best.keySet().toArray()));
            String family = null;
            int distance = Integer.MAX_VALUE;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int dist = best.get(rs.getString(1));
                    if (dist < distance || dist == distance && rs.getString(2).compareTo(family) < 0) {
                        distance = dist;
                        family = rs.getString(2);
                    }
                }
            }
            return family == null ? null : new String[] {family, Integer.toString(distance)};
        }
    }

    /**
     * Credits the family's earliest poster and makes every other carrier of the picture count under its
     * origin and sit in its story. Returns {earliest document id, its outlet or source name}.
     */
    private static String[] settleFamily(Connection c, String family) throws SQLException {
        List<String> docs = new ArrayList<>();
        String poster = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT d.id, d.published, d.ingested_at,"
                + " " + POSTER + " FROM evidence_document d"
                + " JOIN evidence_document_image di ON di.document_id = d.id JOIN evidence_image i ON i.sha256 = di.image_sha"
                + " WHERE i.family = ? ORDER BY d.published NULLS LAST, d.ingested_at, d.id")) {
            ps.setString(1, family);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (docs.isEmpty()) poster = rs.getString(4);
                    docs.add(rs.getString(1));
                }
            }
        }
        String earliest = docs.getFirst();
        if (docs.size() == 1) return new String[] {earliest, poster};
        String origin = Stories.primaryOrigin(c, earliest);
        Set<String> ownKeys = new LinkedHashSet<>();
        for (String doc : docs) ownKeys.add(Stories.primaryOrigin(c, doc));
        // a re-poster's claims moved earlier sit under the previous earliest poster's origin, which is in ownKeys too
        try (PreparedStatement ps = c.prepareStatement("UPDATE evidence_claim SET origin_key = ? WHERE document_id = ANY(?)"
                + " AND origin_key = ANY(?)")) {
            ps.setString(1, origin);
            ps.setArray(2, c.createArrayOf("text", docs.toArray()));
            ps.setArray(3, c.createArrayOf("text", ownKeys.toArray()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE evidence_document SET image_repost_of = CASE WHEN id = ? THEN NULL ELSE ? END"
                + " WHERE id = ANY(?)")) {
            ps.setString(1, earliest);
            ps.setString(2, earliest);
            ps.setArray(3, c.createArrayOf("text", docs.toArray()));
            ps.executeUpdate();
        }
        // one story: the oldest story among the carriers takes the others in
        String story;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.id FROM evidence_story s JOIN evidence_document d ON d.story_id = s.id"
                + " WHERE d.id = ANY(?) ORDER BY s.created_at, s.id LIMIT 1")) {
            ps.setArray(1, c.createArrayOf("text", docs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                story = rs.getString(1);
            }
        }
        List<String> others = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT story_id FROM evidence_document WHERE id = ANY(?) AND story_id <> ?")) {
            ps.setArray(1, c.createArrayOf("text", docs.toArray()));
            ps.setString(2, story);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) others.add(rs.getString(1));
            }
        }
        Stories.mergeInto(c, story, others);
        return new String[] {earliest, poster};
    }

    /** The picture's GPS position and capture date become the place and date of claims that state none. */
    private static void fillClaims(Connection c, String doc, PhotoFacts f) throws SQLException {
        if (f.hasPosition()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE evidence_claim SET latitude = ?, longitude = ?,"
                    + " place_name = coalesce(place_name, ?) WHERE document_id = ? AND latitude IS NULL")) {
                ps.setDouble(1, f.latitude());
                ps.setDouble(2, f.longitude());
                ps.setString(3, String.format(java.util.Locale.ROOT, "photo GPS %.5f, %.5f", f.latitude(), f.longitude()));
                ps.setString(4, doc);
                ps.executeUpdate();
            }
        }
        if (f.taken() != null) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE evidence_claim SET claim_date = ? WHERE document_id = ? AND claim_date IS NULL")) {
                ps.setDate(1, java.sql.Date.valueOf(f.taken().toLocalDate()));
                ps.setString(2, doc);
                ps.executeUpdate();
            }
        }
    }

    private static int flag(Connection c, String doc, int seq, String kind, String sha, String detail, List<String> flags)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_document_flag(document_id, seq, kind, image_sha, detail)"
                + " VALUES (?,?,?,?,?)")) {
            ps.setString(1, doc);
            ps.setInt(2, seq);
            ps.setString(3, kind);
            ps.setString(4, sha);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
        flags.add(kind + ": " + detail);
        return seq + 1;
    }

    private static void insertImage(Connection c, Incoming in, String family, Integer familyDistance) throws SQLException {
        Photo p = in.photo();
        PhotoFacts f = p.facts();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_image(sha256, format, width, height, byte_size, data,"
                + " thumbnail, hashes, family, family_distance, taken, taken_offset, latitude, longitude, camera, software, edits)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb)")) {
            ps.setString(1, p.sha256());
            ps.setString(2, p.format().label());
            ps.setInt(3, p.width());
            ps.setInt(4, p.height());
            ps.setLong(5, p.bytes());
            ps.setBytes(6, in.bytes());
            ps.setBytes(7, in.thumbnail());
            Long[] boxed = new Long[p.hashes().length];
            for (int i = 0; i < boxed.length; i++) boxed[i] = p.hashes()[i];
            ps.setArray(8, c.createArrayOf("bigint", boxed));
            ps.setString(9, family);
            if (familyDistance == null) ps.setNull(10, Types.INTEGER);
            else ps.setInt(10, familyDistance);
            ps.setTimestamp(11, f.taken() == null ? null : Timestamp.valueOf(f.taken()));
            ps.setString(12, f.offset() == null ? null : f.offset().getId());
            if (f.hasPosition()) {
                ps.setDouble(13, f.latitude());
                ps.setDouble(14, f.longitude());
            } else {
                ps.setNull(13, Types.DOUBLE);
                ps.setNull(14, Types.DOUBLE);
            }
            ps.setString(15, f.camera());
            ps.setString(16, f.software());
            ps.setString(17, jsonArray(f.edits()));
            ps.executeUpdate();
        }
        if (!in.texts().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_image_text(image_sha, seq, text, x, y, w, h, confidence,"
                    + " script) VALUES (?,?,?,?,?,?,?,?,?)")) {
                int seq = 0;
                for (ImageText t : in.texts()) {
                    ps.setString(1, p.sha256());
                    ps.setInt(2, seq++);
                    ps.setString(3, t.text());
                    ps.setInt(4, t.region().x());
                    ps.setInt(5, t.region().y());
                    ps.setInt(6, t.region().w());
                    ps.setInt(7, t.region().h());
                    ps.setDouble(8, t.confidence());
                    ps.setString(9, t.script());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private synchronized void remember(String sha, long[] hashes) {
        if (idBySha.containsKey(sha)) return;
        int id = shaById.size();
        shaById.add(sha);
        idBySha.put(sha, id);
        for (long h : hashes) index.add(h, id);
    }

    private static long[] longs(java.sql.Array a) throws SQLException {
        Long[] v = (Long[]) a.getArray();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }

    private static String jsonArray(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (String s : items) {
            if (sb.length() > 1) sb.append(',');
            sb.append('"');
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') sb.append('\\').append(ch);
                else if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
                else sb.append(ch);
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }
}
