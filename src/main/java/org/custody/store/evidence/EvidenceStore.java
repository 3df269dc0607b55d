package org.custody.store.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.custody.audit.AuditLog;
import org.custody.evidence.Analysis;
import org.custody.evidence.Claim;
import org.custody.evidence.ClaimKind;
import org.custody.evidence.Corroboration;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.Origin;
import org.custody.evidence.Quote;
import org.custody.evidence.SerialTokens;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.Stance;
import org.custody.evidence.StoredClaim;
import org.custody.evidence.Story;
import org.custody.evidence.stories.MinHash;
import org.custody.evidence.stories.Passages;
import org.custody.evidence.stories.StoryKeys;
import org.custody.store.Database;
import org.custody.store.story.Stories;

/**
 * Stores analysed documents in PostgreSQL, one transaction per document, and groups them into stories.
 * A document whose content hash is already stored changes nothing. A new document joins the story of
 * (a) any stored near-duplicate (MinHash Jaccard estimate >= {@value MinHash#NEAR_DUPLICATE}, found through
 * LSH bands; the most similar one becomes its {@code near_duplicate_of}), (b) any document it shares two
 * paragraphs of running text with, or its lead paragraph ({@link Passages}: survives a rewritten lead or a
 * cut text), (c) any document sharing a quote of eight words or more, and (d) any document crediting the same outlet with a shared named reporter, or
 * crediting the same outlet within {@value #SAME_ORIGIN_DAYS} days and sharing two resolved actors or
 * articles. When it links stories they merge into the oldest.
 */
public final class EvidenceStore {

    static final int SAME_ORIGIN_DAYS = 14;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public EvidenceStore(Database db) {
        this.db = db;
    }

    /** What storing one document did. */
    public record Stored(String documentId, String storyId, String nearDuplicateOf, Double similarity, boolean created,
                         List<String> storyReasons) {}

    public Stored store(Analysis a) {
        return db.inTransaction(c -> store(c, a));
    }

    /** One step of a file's intake: analyses the next document and stores it in the file's transaction. */
    @FunctionalInterface
    public interface FileWork {
        void run(DocumentSink sink) throws SQLException;
    }

    /** Where a file's documents go, inside that file's one transaction. */
    @FunctionalInterface
    public interface DocumentSink {
        Stored store(Analysis a) throws SQLException;

        /** The file's transaction, for what is stored beside a document (the text read in its pictures). */
        default Connection connection() {
            throw new UnsupportedOperationException("this sink has no connection");
        }
    }

    /** Like {@link FileWork}, with the file's connection for work stored beside the documents (their pictures). */
    @FunctionalInterface
    public interface ConnectedFileWork {
        void run(Connection c, DocumentSink sink) throws SQLException;
    }

    /** {@link #storeFile(FileWork)} handing the work the transaction's connection as well. */
    public void storeFileWith(ConnectedFileWork work) {
        db.inTransaction(c -> {
            work.run(c, a -> store(c, a));
            return null;
        });
    }

    /**
     * Stores every document of one file in one transaction: a file is taken in whole or not at all, so an
     * interrupted or refused file leaves nothing behind and ingesting it again starts cleanly.
     */
    public void storeFile(FileWork work) {
        db.inTransaction(c -> {
            work.run(new DocumentSink() {
                @Override
                public Stored store(Analysis a) throws SQLException {
                    return EvidenceStore.this.store(c, a);
                }

                @Override
                public Connection connection() {
                    return c;
                }
            });
            return null;
        });
    }

    /** Stores one document in the caller's transaction. */
    public Stored store(Connection c, Analysis a) throws SQLException {
        SourceDocument d = a.document();
        try (Statement lock = c.createStatement()) {
            lock.execute("LOCK TABLE evidence_document IN SHARE ROW EXCLUSIVE MODE");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, story_id, near_duplicate_of, near_similarity FROM evidence_document WHERE content_hash = ?")) {
            ps.setString(1, d.contentHash());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    double sim = rs.getDouble(4);
                    return new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : sim,
                            false, List.of("identical content already stored"));
                }
            }
        }
        int[] sig = MinHash.signature(d.text());
        long[] bands = MinHash.bands(sig);
        // (a) near-duplicates
        String nearDup = null;
        double bestSim = 0;
        Map<String, String> related = new LinkedHashMap<>(); // document id -> reason
        Set<String> candidates = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT document_id FROM evidence_minhash_band WHERE band = ? AND hash = ?")) {
            for (int b = 0; b < bands.length; b++) {
                ps.setShort(1, (short) b);
                ps.setLong(2, bands[b]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) candidates.add(rs.getString(1));
                }
            }
        }
        for (String cand : candidates) {
            int[] other = signatureOf(c, cand);
            double sim = MinHash.similarity(sig, other);
            if (sim >= MinHash.NEAR_DUPLICATE) {
                related.put(cand, "near-duplicate of " + cand + " (estimated Jaccard " + String.format(Locale.ROOT, "%.2f", sim) + ")");
                if (sim > bestSim) {
                    bestSim = sim;
                    nearDup = cand;
                }
            }
        }
        // (b) shared paragraphs: a rewritten lead or a cut text still carries its original's paragraphs
        List<Set<Long>> paragraphs = Passages.of(d.text());
        Set<Long> allPassages = new LinkedHashSet<>();
        paragraphs.forEach(allPassages::addAll);
        if (!allPassages.isEmpty()) {
            Map<String, Set<Long>> byDoc = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT document_id, hash FROM evidence_passage WHERE hash = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("bigint", allPassages.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) byDoc.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getLong(2));
                }
            }
            byDoc.forEach((other, hashes) -> {
                if (Passages.republishes(paragraphs, hashes)) {
                    related.putIfAbsent(other, "shares " + Passages.sharedParagraphs(paragraphs, hashes)
                            + " paragraph(s) of running text with " + other);
                }
            });
        }
        // (c) shared quotes
        List<String> quoteHashes = new ArrayList<>();
        for (Quote q : a.quotes()) {
            String norm = q.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            String hash = StoryKeys.quoteHash(q.text());    // the key a batch job writes beside the document too
            quoteHashes.add(hash);
            if (norm.split(" ").length < 8) continue;
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT document_id FROM evidence_quote WHERE quote_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) related.putIfAbsent(rs.getString(1), "shares the quote \"" + abbreviate(q.text()) + "\"");
                }
            }
        }
        // (d) same credited origin
        Set<String> resolvedIds = new LinkedHashSet<>();
        for (Mention m : a.mentions()) {
            if (m.resolved() != null && (m.type() == MentionType.ACTOR || m.type() == MentionType.ARTICLE)) resolvedIds.add(m.resolved().id());
        }
        for (Origin o : a.origins()) {
            if (!o.credited()) continue;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT o.document_id, o.reporters, d.published FROM evidence_origin o JOIN evidence_document d ON d.id = o.document_id"
                            + " WHERE o.origin_key = ? AND o.credited")) {
                ps.setString(1, o.key());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String other = rs.getString(1);
                        List<String> reporters = List.of((String[]) rs.getArray(2).getArray());
                        Date pub = rs.getDate(3);
                        boolean sharedReporter = o.reporters().stream().anyMatch(reporters::contains);
                        if (sharedReporter) {
                            related.putIfAbsent(other, "credits " + o.outlet() + " and the same reporter");
                            continue;
                        }
                        if (pub != null && d.published() != null
                                && Math.abs(pub.toLocalDate().toEpochDay() - d.published().toEpochDay()) <= SAME_ORIGIN_DAYS
                                && sharedResolved(c, other, resolvedIds) >= 2) {
                            related.putIfAbsent(other, "credits " + o.outlet() + " within " + SAME_ORIGIN_DAYS
                                    + " days and names the same actors or articles");
                        }
                    }
                }
            }
        }
        // story: the oldest story among related documents, others merged into it
        String story = null;
        Set<String> stories = new LinkedHashSet<>();
        for (String r : related.keySet()) stories.add(storyOf(c, r));
        if (!stories.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM evidence_story WHERE id = ANY(?) ORDER BY created_at, id LIMIT 1")) {
                ps.setArray(1, c.createArrayOf("text", stories.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    story = rs.getString(1);
                }
            }
            Stories.mergeInto(c, story, stories);
        } else {
            story = "story-" + d.id().substring(4);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_story(id) VALUES (?)")) {
                ps.setString(1, story);
                ps.executeUpdate();
            }
        }
        insertDocument(c, d, sig, nearDup, nearDup == null ? null : bestSim, story);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_minhash_band(document_id, band, hash) VALUES (?,?,?)")) {
            for (int b = 0; b < bands.length; b++) {
                ps.setString(1, d.id());
                ps.setShort(2, (short) b);
                ps.setLong(3, bands[b]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO evidence_passage(document_id, hash) VALUES (?,?) ON CONFLICT DO NOTHING")) {
            for (long h : allPassages) {
                ps.setString(1, d.id());
                ps.setLong(2, h);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        insertSerialTokens(c, d.id(), d.text());
        insertMentions(c, d.id(), a.mentions());
        insertClaims(c, d.id(), a, nearDup == null ? null : Stories.primaryOrigin(c, nearDup));
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO evidence_quote(document_id, seq, text, speaker, start_offset, end_offset, quote_hash) VALUES (?,?,?,?,?,?,?)")) {
            int i = 0;
            for (Quote q : a.quotes()) {
                ps.setString(1, d.id());
                ps.setInt(2, i);
                ps.setString(3, q.text());
                ps.setString(4, q.speaker());
                ps.setInt(5, q.start());
                ps.setInt(6, q.end());
                ps.setString(7, quoteHashes.get(i));
                ps.addBatch();
                i++;
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO evidence_origin(document_id, origin_key, outlet, reporters, credited, position) VALUES (?,?,?,?,?,?)"
                        + " ON CONFLICT DO NOTHING")) {
            int position = 0;
            for (Origin o : a.origins()) {
                ps.setString(1, d.id());
                ps.setString(2, o.key());
                ps.setString(3, o.outlet());
                ps.setArray(4, c.createArrayOf("text", o.reporters().toArray()));
                ps.setBoolean(5, o.credited());
                ps.setInt(6, position++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<String> reasons = new ArrayList<>(related.values());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("contentHash", d.contentHash());
        detail.put("source", d.sourceName());
        detail.put("story", story);
        detail.put("nearDuplicateOf", nearDup);
        detail.put("mentions", a.mentions().size());
        detail.put("claims", a.claims().size());
        detail.put("storyReasons", reasons);
        AuditLog.append(c, AuditLog.currentActor(), "evidence.ingest", d.id(), json(detail));
        return new Stored(d.id(), story, nearDup, nearDup == null ? null : bestSim, true, reasons);
    }

    private static int sharedResolved(Connection c, String doc, Set<String> ids) throws SQLException {
        if (ids.isEmpty()) return 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(DISTINCT resolved_id) FROM evidence_mention WHERE document_id = ? AND resolved_id = ANY(?)")) {
            ps.setString(1, doc);
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String storyOf(Connection c, String doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT story_id FROM evidence_document WHERE id = ?")) {
            ps.setString(1, doc);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static int[] signatureOf(Connection c, String doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT minhash FROM evidence_document WHERE id = ?")) {
            ps.setString(1, doc);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Integer[] v = (Integer[]) rs.getArray(1).getArray();
                int[] out = new int[v.length];
                for (int i = 0; i < v.length; i++) out[i] = v[i];
                return out;
            }
        }
    }

    private static void insertDocument(Connection c, SourceDocument d, int[] sig, String nearDup, Double sim, String story)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_document(id, content_hash, kind, source_name, outlet,"
                + " url, title, author, platform, published, retrieved, body, minhash, near_duplicate_of, near_similarity, story_id)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, d.id());
            ps.setString(2, d.contentHash());
            ps.setString(3, d.kind().label());
            ps.setString(4, d.sourceName());
            ps.setString(5, d.outlet());
            ps.setString(6, d.url());
            ps.setString(7, d.title());
            ps.setString(8, d.author());
            ps.setString(9, d.platform());
            ps.setDate(10, d.published() == null ? null : Date.valueOf(d.published()));
            ps.setTimestamp(11, d.retrieved() == null ? null : Timestamp.from(d.retrieved()));
            ps.setString(12, d.text());
            Integer[] boxed = new Integer[sig.length];
            for (int i = 0; i < sig.length; i++) boxed[i] = sig[i];
            ps.setArray(13, c.createArrayOf("integer", boxed));
            ps.setString(14, nearDup);
            if (sim == null) ps.setNull(15, Types.DOUBLE);
            else ps.setDouble(15, sim);
            ps.setString(16, story);
            ps.executeUpdate();
        }
    }

    /** The document's serial-shaped tokens ({@link SerialTokens}), for detection to join against the ledger. */
    private static void insertSerialTokens(Connection c, String documentId, String text) throws SQLException {
        Map<String, String> tokens = SerialTokens.in(text);
        if (tokens.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO evidence_serial_token(document_id, serial_key, serial) VALUES (?,?,?) ON CONFLICT DO NOTHING")) {
            for (Map.Entry<String, String> t : tokens.entrySet()) {
                ps.setString(1, documentId);
                ps.setString(2, t.getKey());
                ps.setString(3, t.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Indexes the serial tokens of documents stored before the token table existed (once; new documents are
     * indexed at ingest). Returns how many documents it indexed.
     */
    public static int indexPendingSerials(Connection c) throws SQLException {
        List<String[]> pending = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, body FROM evidence_document WHERE NOT serials_indexed");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) pending.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        for (String[] d : pending) {
            insertSerialTokens(c, d[0], d[1]);
            try (PreparedStatement ps = c.prepareStatement("UPDATE evidence_document SET serials_indexed = true WHERE id = ?")) {
                ps.setString(1, d[0]);
                ps.executeUpdate();
            }
        }
        return pending.size();
    }

    private static void insertMentions(Connection c, String doc, List<Mention> mentions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_mention(document_id, seq, type, text, start_offset,"
                + " end_offset, resolved_id, resolved_name, resolved_by, detail) VALUES (?,?,?,?,?,?,?,?,?,?::jsonb)")) {
            int i = 0;
            for (Mention m : mentions) {
                ps.setString(1, doc);
                ps.setInt(2, i++);
                ps.setString(3, m.type().label());
                ps.setString(4, m.text());
                ps.setInt(5, m.start());
                ps.setInt(6, m.end());
                ps.setString(7, m.resolved() == null ? null : m.resolved().id());
                ps.setString(8, m.resolved() == null ? null : m.resolved().name());
                ps.setString(9, m.resolved() == null ? null : m.resolved().source());
                ps.setString(10, json(new TreeMap<>(m.detail())));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The origin a claim counts under: the outlet it credits when that is a document origin, else the document's first. */
    public static String originKey(Claim cl, List<Origin> origins, String documentId, String inherited) {
        if (cl.attributedTo() != null) {
            for (Origin o : origins) if (o.credited() && o.outlet().equalsIgnoreCase(cl.attributedTo())) return o.key();
        }
        if (inherited != null) return inherited; // a near-duplicate re-reports its original's origin
        return origins.isEmpty() ? documentId : origins.getFirst().key();
    }

    private static void insertClaims(Connection c, String doc, Analysis a, String inherited) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_claim(document_id, seq, kind, article_text, article_id,"
                + " article_name, holder_text, holder_id, holder_name, stance, attributed_to, origin_key, sentence, start_offset,"
                + " end_offset, cues, article_designation, article_family, article_category, place_name, place_id, latitude,"
                + " longitude, country, claim_date, serials) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?,?,?,?,?)")) {
            int i = 0;
            for (Claim cl : a.claims()) {
                Mention art = cl.article();
                ps.setString(1, doc);
                ps.setInt(2, i++);
                ps.setString(3, cl.kind().label());
                ps.setString(4, art == null ? null : art.text());
                ps.setString(5, art == null || art.resolved() == null ? null : art.resolved().id());
                ps.setString(6, art == null || art.resolved() == null ? null : art.resolved().name());
                ps.setString(7, cl.holder().text());
                ps.setString(8, cl.holder().resolved() == null ? null : cl.holder().resolved().id());
                ps.setString(9, cl.holder().resolved() == null ? null : cl.holder().resolved().name());
                ps.setString(10, cl.stance().label());
                ps.setString(11, cl.attributedTo());
                ps.setString(12, originKey(cl, a.origins(), doc, inherited));
                ps.setString(13, cl.sentence());
                ps.setInt(14, cl.start());
                ps.setInt(15, cl.end());
                ps.setString(16, json(cl.cues()));
                Map<String, String> attrs = art == null || art.resolved() == null ? Map.of() : art.resolved().attributes();
                ps.setString(17, attrs.get("designation"));
                ps.setString(18, attrs.get("family"));
                ps.setString(19, attrs.get("category"));
                Mention place = cl.place();
                ps.setString(20, place == null ? null : place.resolved() == null ? place.text() : place.resolved().name());
                ps.setString(21, place == null || place.resolved() == null ? null : place.resolved().id());
                setDouble(ps, 22, place == null ? null : place.detail().get("latitude"));
                setDouble(ps, 23, place == null ? null : place.detail().get("longitude"));
                ps.setString(24, place == null ? null : place.detail().get("country"));
                LocalDate when = claimDate(cl.date());
                ps.setDate(25, when == null ? null : Date.valueOf(when));
                ps.setArray(26, c.createArrayOf("text", cl.serials().toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setDouble(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) ps.setNull(i, Types.DOUBLE);
        else ps.setDouble(i, Double.parseDouble(v));
    }

    /** The first day of a resolved date mention ("2016-12-04", "2016-12", "2016", "2016-11-21/2016-11-27"). */
    static LocalDate claimDate(Mention date) {
        if (date == null || date.resolved() == null) return null;
        String v = date.resolved().name();
        int slash = v.indexOf('/');
        if (slash > 0) v = v.substring(0, slash);
        try {
            if (v.length() == 4) return LocalDate.of(Integer.parseInt(v), 1, 1);
            if (v.length() == 7) return java.time.YearMonth.parse(v).atDay(1);
            return LocalDate.parse(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every stored claim, oldest document first (the read API for diversion detection). */
    public List<StoredClaim> claims() {
        return db.read(c -> {
            Map<String, List<String>> origins = new TreeMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT document_id, origin_key FROM evidence_origin ORDER BY document_id, origin_key")) {
                while (rs.next()) origins.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
            List<StoredClaim> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT c.document_id, d.story_id, d.published, c.kind, c.article_text, c.article_id,"
                         + " c.article_name, c.holder_text, c.holder_id, c.holder_name, c.stance, c.attributed_to, c.origin_key,"
                         + " c.sentence, c.start_offset, c.end_offset, c.seq, c.article_designation, c.article_family,"
                         + " c.article_category, c.place_name, c.place_id, c.latitude, c.longitude, c.country, c.claim_date, c.serials"
                         + " FROM evidence_claim c JOIN evidence_document d ON d.id = c.document_id"
                         + " ORDER BY d.ingested_at, d.id, c.seq")) {
                while (rs.next()) {
                    Date pub = rs.getDate(3);
                    Date when = rs.getDate(26);
                    double lat = rs.getDouble(23);
                    Double latitude = rs.wasNull() ? null : lat;
                    double lon = rs.getDouble(24);
                    Double longitude = rs.wasNull() ? null : lon;
                    out.add(new StoredClaim(rs.getString(1) + "#" + rs.getInt(17), rs.getString(1), rs.getString(2),
                            pub == null ? null : pub.toLocalDate(),
                            ClaimKind.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(18), rs.getString(19), rs.getString(20),
                            rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(21), rs.getString(22), latitude, longitude, rs.getString(25),
                            when != null ? when.toLocalDate() : pub == null ? null : pub.toLocalDate(),
                            List.of((String[]) rs.getArray(27).getArray()),
                            Stance.valueOf(rs.getString(11).toUpperCase(Locale.ROOT)), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getInt(15), rs.getInt(16), origins.getOrDefault(rs.getString(1), List.of())));
                }
            }
            return out;
        });
    }

    /** Claims grouped by relation (kind, holder, article), counting independent origins per stance. */
    public List<Corroboration> corroboration() {
        Map<String, List<StoredClaim>> groups = new LinkedHashMap<>();
        for (StoredClaim sc : claims()) {
            String holder = sc.holderId() != null ? sc.holderId() : "text:" + sc.holderText().toLowerCase(Locale.ROOT);
            String article = sc.articleId() != null ? sc.articleId()
                    : sc.articleText() == null ? "-" : "text:" + sc.articleText().toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(sc.kind() + "|" + holder + "|" + article, k -> new ArrayList<>()).add(sc);
        }
        List<Corroboration> out = new ArrayList<>();
        for (List<StoredClaim> g : groups.values()) {
            StoredClaim f = g.getFirst();
            Set<String> asserting = new LinkedHashSet<>();
            Set<String> hedging = new LinkedHashSet<>();
            Set<String> denying = new LinkedHashSet<>();
            Set<String> docs = new LinkedHashSet<>();
            for (StoredClaim sc : g) {
                docs.add(sc.documentId());
                switch (sc.stance()) {
                    case ASSERTED -> asserting.add(sc.originKey());
                    case HEDGED -> hedging.add(sc.originKey());
                    case DENIED -> denying.add(sc.originKey());
                }
            }
            Set<String> all = new LinkedHashSet<>(asserting);
            all.addAll(hedging);
            all.addAll(denying);
            out.add(new Corroboration(f.kind(), f.holderId(), f.holderName() != null ? f.holderName() : f.holderText(),
                    f.articleId(), f.articleName() != null ? f.articleName() : f.articleText(), docs.size(), asserting.size(),
                    hedging.size(), denying.size(), List.copyOf(all)));
        }
        return out;
    }

    /** Stories with their documents, origins and independent-source counts, oldest first. */
    public List<Story> stories() {
        return db.read(c -> {
            Map<String, List<Story.StoryDocument>> docs = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT d.story_id, d.id, d.title, d.outlet, d.published, d.near_duplicate_of"
                         + " FROM evidence_document d JOIN evidence_story st ON st.id = d.story_id"
                         + " ORDER BY st.created_at, st.id, d.ingested_at, d.id")) {
                while (rs.next()) {
                    Date pub = rs.getDate(5);
                    docs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Story.StoryDocument(rs.getString(2),
                            rs.getString(3), rs.getString(4), pub == null ? null : pub.toLocalDate().toString(), rs.getString(6)));
                }
            }
            List<Story> out = new ArrayList<>();
            for (Map.Entry<String, List<Story.StoryDocument>> e : docs.entrySet()) {
                Set<String> origins = new LinkedHashSet<>();
                Set<String> independent = new LinkedHashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT o.document_id, o.outlet, o.origin_key, o.credited,"
                        + " coalesce(d.near_duplicate_of, d.image_repost_of) FROM evidence_origin o JOIN evidence_document d ON d.id = o.document_id"
                        + " WHERE d.story_id = ? ORDER BY d.ingested_at, o.credited DESC, o.position, o.origin_key")) {
                    ps.setString(1, e.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        Map<String, String> primary = new LinkedHashMap<>();
                        while (rs.next()) {
                            origins.add(rs.getString(2) + (rs.getBoolean(4) ? " (credited)" : ""));
                            String dup = rs.getString(5);
                            // a near-duplicate re-reports its original, a re-posted picture its earliest poster:
                            // neither adds an origin of its own
                            if (dup == null) primary.putIfAbsent(rs.getString(1), rs.getString(3));
                        }
                        independent.addAll(primary.values());
                    }
                }
                out.add(new Story(e.getKey(), e.getValue(), List.copyOf(origins), Math.max(1, independent.size()),
                        List.of()));
            }
            return out;
        });
    }



    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
