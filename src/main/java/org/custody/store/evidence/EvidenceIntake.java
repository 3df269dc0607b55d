package org.custody.store.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custody.catalog.ArticleCatalog;
import org.custody.evidence.Analysis;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.SourceKind;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.evidence.intake.MediaRef;
import org.custody.photo.ImageFormat;
import org.custody.photo.ImageText;
import org.custody.photo.ImageTextReader;
import org.custody.photo.Photo;
import org.custody.photo.PhotoFacts;
import org.custody.photo.PhotoReader;
import org.custody.photo.PhotoRefusal;
import org.custody.photo.ocr.ImageLineReader;
import org.custody.photo.ocr.ReadLine;
import org.custody.screening.Screener;
import org.custody.store.Database;
import org.custody.store.ledger.ArticleStore;
import org.custody.store.photo.PhotoStore;
import org.custody.store.photo.PictureTextIntake;

/**
 * Ingesting one evidence file, the use case {@code custody ingest} and the server's upload share: read
 * the file into documents, analyse each (the ledger's catalogue, the watchlists when loaded), and store
 * the whole file in one transaction, so a failing file leaves nothing behind.
 *
 * <p>Pictures: an image file on its own becomes a {@code photo} document; the pictures a post or field
 * report names in {@code media[].file}, or an HTML page shows with {@code <img src>}, are read next to it.
 * Every picture is read, checked and hashed before the transaction starts (a bad one refuses the file), and
 * stored with the document by {@link PhotoStore}. A configured {@link ImageTextReader} reads the text in each
 * picture; without one no text is read from pictures, and the result says so.
 */
public final class EvidenceIntake {

    /** Long side of the thumbnails stored with every picture. */
    public static final int THUMBNAIL = 320;

    private final EvidenceAnalyzer analyzer;
    private final EvidenceStore store;
    private final PhotoStore photos;
    private final ImageTextReader textReader;

    public EvidenceIntake(Database db, Screener screenerOrNull) {
        this(db, screenerOrNull, null);
    }

    /**
     * With a picture reader, the text in every picture is read too; a reader that keeps its words' boxes
     * ({@link ImageLineReader}) also has the serials it reads matched to the ledger ({@link PictureTextIntake}).
     */
    public EvidenceIntake(Database db, Screener screenerOrNull, ImageTextReader textReaderOrNull) {
        ArticleCatalog catalog = db.inTransaction(ArticleStore::catalog);
        this.analyzer = EvidenceAnalyzer.standard(new CatalogArticleResolver(catalog), screenerOrNull);
        this.store = new EvidenceStore(db);
        this.photos = new PhotoStore(db);
        this.textReader = textReaderOrNull;
    }

    /** One document of a file as analysed and stored, with its pictures and notes on what was not done. */
    public record Ingested(SourceDocument document, Analysis analysis, EvidenceStore.Stored stored,
                           List<PhotoStore.Attached> photos, List<String> notes) {
        public Ingested {
            photos = List.copyOf(photos);
            notes = List.copyOf(notes);
        }

        public Ingested(SourceDocument document, Analysis analysis, EvidenceStore.Stored stored) {
            this(document, analysis, stored, List.of(), List.of());
        }
    }

    /** Whether intake reads text from pictures (an {@link ImageTextReader} is configured). */
    public boolean readsTextInPictures() {
        return textReader != null;
    }

    /** Reads, analyses and stores every document of {@code file}; refuses the whole file on bad input. */
    public List<Ingested> ingest(Path file) throws IntakeRefusal {
        List<Pending> pending = isImage(file) ? List.of(standalone(file)) : documents(file);
        List<Ingested> out = new ArrayList<>();
        store.storeFileWith((c, sink) -> {
            out.clear();
            for (Pending p : pending) {
                // a post's or report's pictures add their text to it (so a banner's words reach mention
                // linking and screening); a lone picture's document states its text already
                SourceDocument d = p.standalone() ? p.document() : PictureTextIntake.withPictureText(p.document(), p.read());
                Analysis a = analyzer.analyze(d);
                EvidenceStore.Stored s = sink.store(a);
                List<PhotoStore.Attached> attached = s.created() ? photos.attach(c, d, p.photos()) : List.of();
                if (s.created() && !p.read().isEmpty()) PictureTextIntake.record(c, s.documentId(), p.read());
                out.add(new Ingested(d, a, s, attached, p.notes()));
            }
        });
        return out;
    }

    /** A document before storing: its pictures, the lines read in them (serial matching), notes. */
    private record Pending(SourceDocument document, List<PhotoStore.Incoming> photos,
                           List<PictureTextIntake.Picture> read, List<String> notes, boolean standalone) {}

    private static boolean isImage(Path file) {
        if (ImageFormat.looksLikeImage(file.getFileName().toString())) return true;
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false; // the text path names the read error
        }
        if (n < 12) return false;
        try {
            ImageFormat.sniff(file.toString(), head);
            return true;
        } catch (PhotoRefusal e) {
            return e.getMessage().contains("HEIC") || e.getMessage().contains("AVIF");
        }
    }

    /** A picture on its own: a {@code photo} document whose text states the picture's facts (and text read). */
    private Pending standalone(Path file) {
        List<String> notes = new ArrayList<>();
        List<PictureTextIntake.Picture> read = new ArrayList<>();
        PhotoStore.Incoming in = picture(file.toString(), file, file.getFileName().toString(), null, notes, null, read);
        Photo p = in.photo();
        PhotoFacts f = p.facts();
        StringBuilder text = new StringBuilder("Photograph ").append(file.getFileName()).append('\n');
        text.append("Image sha256:").append(p.sha256()).append(", ").append(p.format().label()).append(", ")
                .append(p.width()).append(" x ").append(p.height()).append(" pixels\n");
        if (f.taken() != null) text.append("Taken: ").append(f.taken().toString().replace('T', ' ')).append('\n');
        if (f.hasPosition()) text.append(String.format(Locale.ROOT, "GPS position: %.5f, %.5f%n", f.latitude(), f.longitude()));
        if (f.camera() != null) text.append("Camera: ").append(f.camera()).append('\n');
        if (!in.texts().isEmpty()) {
            text.append("\nText in the picture:\n");
            for (ImageText t : in.texts()) text.append(t.text().strip()).append('\n');
        }
        Instant retrieved;
        try {
            retrieved = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException e) {
            retrieved = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        String body = text.toString();
        String hash = Intake.contentHash(body);
        SourceDocument d = new SourceDocument("doc-" + hash.substring(0, 16), SourceKind.PHOTO, file.toString(), null, null,
                "Photograph " + file.getFileName(), null, null, null, retrieved, hash, body, List.of());
        return new Pending(d, List.of(in), read, notes, true);
    }

    private List<Pending> documents(Path file) {
        List<Pending> out = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        for (Intake.Read r : Intake.readAll(file)) {
            List<String> notes = new ArrayList<>();
            List<PhotoStore.Incoming> in = new ArrayList<>();
            List<PictureTextIntake.Picture> read = new ArrayList<>();
            for (MediaRef m : r.media()) {
                Path p = dir.resolve(m.file()).normalize();
                boolean html = m.field().startsWith("img[");
                if (!Files.isRegularFile(p)) {
                    if (html) {
                        notes.add(m.field() + " '" + m.file() + "': no such file next to the page; picture skipped");
                        continue;
                    }
                    throw new IntakeRefusal(file.toString(), "field '" + m.field() + "': no such file: " + m.file()
                            + " (looked for " + p + ")");
                }
                if (html && !isImage(p)) {
                    notes.add(m.field() + " '" + m.file() + "': not a picture intake reads; skipped");
                    continue;
                }
                in.add(picture(file.toString(), p, m.file(), m.caption(), notes, m.field(), read));
            }
            out.add(new Pending(r.document(), in, read, notes, false));
        }
        return out;
    }

    /** Reads one picture (refusing the whole file when it is bad) and the text in it when a reader is set. */
    private PhotoStore.Incoming picture(String source, Path p, String name, String caption, List<String> notes, String field,
                                        List<PictureTextIntake.Picture> read) {
        String where = field == null ? "" : "field '" + field + "' (" + name + "): ";
        byte[] bytes;
        try {
            long size = Files.size(p);
            if (size > PhotoReader.MAX_BYTES) {
                throw new IntakeRefusal(source, where + "image is " + size + " bytes, over the limit of " + PhotoReader.MAX_BYTES
                        + " bytes (" + PhotoReader.MAX_BYTES / (1024 * 1024) + " MiB)");
            }
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IntakeRefusal(source, where + "cannot read the picture: " + e.getMessage());
        }
        PhotoReader.Loaded loaded;
        try {
            loaded = PhotoReader.load(p.toString(), bytes);
        } catch (PhotoRefusal e) {
            throw new IntakeRefusal(source, where + e.getMessage());
        }
        List<ImageText> texts = List.of();
        if (textReader == null) {
            notes.add(name + ": no text reader configured; text in the picture not read");
        } else {
            try {
                if (textReader instanceof ImageLineReader lines) {
                    List<ReadLine> l = lines.readLines(p);
                    read.add(new PictureTextIntake.Picture(name, p, l));
                    texts = l.stream().map(ReadLine::asText).toList();
                } else {
                    texts = textReader.read(p);
                }
            } catch (IOException | RuntimeException e) {
                notes.add(name + ": text in the picture not read: " + e.getMessage());
            }
        }
        return new PhotoStore.Incoming(name, caption, loaded.photo(), bytes, PhotoReader.thumbnail(loaded.image(), THUMBNAIL), texts);
    }
}
