package org.custody.store.photo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.custody.photo.ImageText;
import org.custody.photo.Region;
import org.custody.photo.ocr.PictureReading;
import org.custody.photo.ocr.SerialMatch;
import org.custody.store.StoreException;

/**
 * The text read in a document's pictures (V76 {@code photo_text}), written in the caller's transaction: every
 * shown string, every serial match and ambiguity; a matched serial also becomes the document's serial token
 * ({@code evidence_serial_token}) under the ledger's key, which is how detection finds it.
 */
public final class PhotoTextStore {

    private PhotoTextStore() {}

    /** One row as stored: kind 'text', 'serial' or 'ambiguous'. */
    public record Row(String image, String kind, String text, String script, List<String> ledgerKeys, Region region,
                      double confidence, String explanation) {}

    public static void record(Connection c, String documentId, String image, PictureReading reading) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO photo_text(document_id, image, kind, text, script,"
                + " ledger_keys, x, y, w, h, confidence, explanation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement token = c.prepareStatement(
                     "INSERT INTO evidence_serial_token(document_id, serial_key, serial) VALUES (?,?,?) ON CONFLICT DO NOTHING")) {
            for (ImageText t : reading.strings()) {
                add(c, ps, documentId, image, "text", t.text(), t.script(), List.of(), t.region(), t.confidence(), "");
            }
            for (SerialMatch m : reading.serials()) {
                switch (m) {
                    case SerialMatch.Matched x -> {
                        add(c, ps, documentId, image, "serial", x.read(), "Latin", List.of(x.ledgerKey()), x.region(),
                                x.confidence(), x.explanation());
                        token.setString(1, documentId);
                        token.setString(2, x.ledgerKey());
                        token.setString(3, x.read());
                        token.addBatch();
                    }
                    case SerialMatch.Ambiguous a -> add(c, ps, documentId, image, "ambiguous", String.join(" / ", a.reads()),
                            "Latin", a.ledgerKeys(), a.region(), a.confidence(), a.explanation());
                }
            }
            ps.executeBatch();
            token.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("recording the text read in " + image + " for document " + documentId + ": " + e.getMessage(), e);
        }
    }

    private static void add(Connection c, PreparedStatement ps, String documentId, String image, String kind, String text,
                            String script, List<String> keys, Region r, double confidence, String explanation) throws SQLException {
        ps.setString(1, documentId);
        ps.setString(2, image);
        ps.setString(3, kind);
        ps.setString(4, text);
        ps.setString(5, script);
        Array arr = c.createArrayOf("text", keys.toArray());
        ps.setArray(6, arr);
        ps.setInt(7, r.x());
        ps.setInt(8, r.y());
        ps.setInt(9, r.w());
        ps.setInt(10, r.h());
        ps.setDouble(11, Math.max(0, Math.min(1, confidence)));
        ps.setString(12, explanation);
        ps.addBatch();
    }

    /** The rows of a document, strings first, then serials, each in reading order. */
    public static List<Row> forDocument(Connection c, String documentId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT image, kind, text, script, ledger_keys, x, y, w, h, confidence,"
                + " explanation FROM photo_text WHERE document_id = ? ORDER BY image, kind <> 'text', y, x, id")) {
            ps.setString(1, documentId);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            List.of((String[]) rs.getArray(5).getArray()), new Region(rs.getInt(6), rs.getInt(7), rs.getInt(8),
                            rs.getInt(9)), rs.getDouble(10), rs.getString(11)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading the text read in the pictures of document " + documentId + ": " + e.getMessage(), e);
        }
    }
}
