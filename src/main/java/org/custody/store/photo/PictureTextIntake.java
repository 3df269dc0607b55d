package org.custody.store.photo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.photo.ocr.ImageLineReader;
import org.custody.photo.ocr.PictureReading;
import org.custody.photo.ocr.ReadLine;
import org.custody.photo.ocr.SerialMatcher;

/**
 * The text in an evidence file's photographs, taken in with the file. A post or field report names its
 * photographs in {@code media: [{"type": "photo", "file": "…", "caption": "…"}]} (the file relative to the
 * JSON file); each is read by the configured {@link ImageLineReader} before the file's transaction (reading is
 * slow), its strings are appended to the document's text like captions — so a banner's Arabic goes through
 * mention linking and screening like any text — and, inside the transaction, its serials are matched to the
 * ledger and everything is recorded ({@link PhotoTextStore}).
 */
public final class PictureTextIntake {

    /** The shortest serial key matched from a picture, and the lowest confidence of a read used for matching. */
    public static final int MIN_SERIAL_LENGTH = 6;
    public static final double MIN_SERIAL_CONFIDENCE = 0.30;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One photograph of a document: as the record names it, where it is, what was read in it. */
    public record Picture(String name, Path file, List<ReadLine> lines) {}

    private final ImageLineReader reader;

    public PictureTextIntake(ImageLineReader reader) {
        this.reader = reader;
    }

    /**
     * The photographs of each record of a JSON evidence file, read; one list per record, in record order (the
     * order intake returns the file's documents in). Other files have none. A named file that is missing or
     * unreadable refuses the whole file, naming the record and field.
     */
    public List<List<Picture>> read(Path file, int records) {
        List<List<Picture>> out = new ArrayList<>();
        for (int i = 0; i < records; i++) out.add(new ArrayList<>());
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) return out;
        String source = file.toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return out;   // intake has already refused a file that is not JSON
        }
        List<JsonNode> recs = new ArrayList<>();
        if (root.isArray()) root.forEach(recs::add);
        else recs.add(root);
        if (recs.size() != records) return out;
        for (int i = 0; i < recs.size(); i++) {
            JsonNode media = recs.get(i).get("media");
            if (media == null || !media.isArray()) continue;
            for (int k = 0; k < media.size(); k++) {
                JsonNode m = media.get(k);
                JsonNode name = m.get("file");
                JsonNode type = m.get("type");
                if (name == null || !name.isTextual()) continue;
                if (type != null && !"photo".equalsIgnoreCase(type.asText())) continue;
                String where = (recs.size() == 1 ? "" : "record " + i + ": ") + "field 'media[" + k + "].file': ";
                Path photo = (file.getParent() == null ? Path.of(".") : file.getParent()).resolve(name.asText()).normalize();
                if (!Files.isRegularFile(photo)) throw new IntakeRefusal(source, where + "no such file " + photo);
                try {
                    out.get(i).add(new Picture(name.asText(), photo, reader.readLines(photo)));
                } catch (IOException e) {
                    throw new IntakeRefusal(source, where + "cannot read the text in the picture: " + e.getMessage());
                }
            }
        }
        return out;
    }

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
