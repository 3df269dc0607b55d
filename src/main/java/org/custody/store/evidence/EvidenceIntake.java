package org.custody.store.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custody.catalog.ArticleCatalog;
import org.custody.evidence.Analysis;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.photo.ocr.ImageLineReader;
import org.custody.screening.Screener;
import org.custody.store.Database;
import org.custody.store.ledger.ArticleStore;
import org.custody.store.photo.PictureTextIntake;

/**
 * Ingesting one evidence file, the use case {@code custody ingest} and the server's upload share: read
 * the file into documents, analyse each (the ledger's catalogue, the watchlists when loaded), and store
 * the whole file in one transaction, so a failing file leaves nothing behind.
 */
public final class EvidenceIntake {

    private final EvidenceAnalyzer analyzer;
    private final EvidenceStore store;

    private final PictureTextIntake pictures;

    public EvidenceIntake(Database db, Screener screenerOrNull) {
        this(db, screenerOrNull, null);
    }

    /** With a picture reader, the photographs a post or report names are read too ({@link PictureTextIntake}). */
    public EvidenceIntake(Database db, Screener screenerOrNull, ImageLineReader pictureReaderOrNull) {
        ArticleCatalog catalog = db.inTransaction(ArticleStore::catalog);
        this.analyzer = EvidenceAnalyzer.standard(new CatalogArticleResolver(catalog), screenerOrNull);
        this.store = new EvidenceStore(db);
        this.pictures = pictureReaderOrNull == null ? null : new PictureTextIntake(pictureReaderOrNull);
    }

    /** One document of a file as analysed and stored. */
    public record Ingested(SourceDocument document, Analysis analysis, EvidenceStore.Stored stored) {}

    /** Reads, analyses and stores every document of {@code file}; refuses the whole file on bad input. */
    public List<Ingested> ingest(Path file) throws IntakeRefusal {
        List<SourceDocument> docs = Intake.read(file);
        List<List<PictureTextIntake.Picture>> read = pictures == null ? null : pictures.read(file, docs.size());
        List<Ingested> out = new ArrayList<>();
        store.storeFile(sink -> {
            out.clear();
            for (int i = 0; i < docs.size(); i++) {
                List<PictureTextIntake.Picture> pics = read == null ? List.of() : read.get(i);
                SourceDocument d = PictureTextIntake.withPictureText(docs.get(i), pics);
                Analysis a = analyzer.analyze(d);
                EvidenceStore.Stored stored = sink.store(a);
                if (!pics.isEmpty() && stored.created()) PictureTextIntake.record(sink.connection(), stored.documentId(), pics);
                out.add(new Ingested(d, a, stored));
            }
        });
        return out;
    }
}
