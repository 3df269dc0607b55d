package org.custody.store.photo;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.intake.Intake;
import org.custody.photo.ocr.PictureReading;
import org.custody.photo.ocr.ReadLine;
import org.custody.photo.ocr.SerialMatcher;

/**
 * The text in an evidence file's photographs, taken in with the file. Intake ({@code EvidenceIntake}) reads
 * each picture with the configured line reader before the file's transaction (reading is slow); its
 * strings are appended to the document's text like captions — so a banner's Arabic goes through
 * mention linking and screening like any text — and, inside the transaction, its serials are matched to the
 * ledger and everything is recorded ({@link PhotoTextStore}).
 */
public final class PictureTextIntake {

    /** The shortest serial key matched from a picture, and the lowest confidence of a read used for matching. */
    public static final int MIN_SERIAL_LENGTH = 6;
    public static final double MIN_SERIAL_CONFIDENCE = 0.30;

    /** One photograph of a document: as the record names it, where it is, what was read in it. */
    public record Picture(String name, Path file, List<ReadLine> lines) {}

    /** The document with the strings of its pictures appended (a new text, so a new hash and id); itself without. */
    public static SourceDocument withPictureText(SourceDocument d, List<Picture> pictures) {
        StringBuilder text = new StringBuilder(d.text());
        for (Picture p : pictures) {
            String read = new PictureReading(PictureReading.shown(p.lines()), List.of()).text();
            if (read.isBlank()) continue;
            text.append("\n\nText in the picture ").append(p.name()).append(":\n").append(read);
        }
        if (text.length() == d.text().length()) return d;
        String hash = Intake.contentHash(text.toString());
        return new SourceDocument("doc-" + hash.substring(0, 16), d.kind(), d.sourceName(), d.outlet(), d.url(), d.title(),
                d.author(), d.platform(), d.published(), d.retrieved(), hash, text.toString(), d.captions(), d.items());
    }

    /** Matches the pictures' serials against the ledger and records what was read, in the file's transaction. */
    public static void record(Connection c, String documentId, List<Picture> pictures) {
        SerialMatcher matcher = new SerialMatcher(new JdbcLedgerSerials(c), MIN_SERIAL_LENGTH, MIN_SERIAL_CONFIDENCE);
        for (Picture p : pictures) PhotoTextStore.record(c, documentId, p.name(), PictureReading.of(p.lines(), matcher));
    }
}
