package org.custody.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import org.custody.evidence.Analysis;
import org.custody.evidence.SourceDocument;
import org.custody.photo.ocr.tesseract.TesseractReader;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.store.StoreException;
import org.custody.store.evidence.EvidenceIntake;
import org.custody.store.evidence.EvidenceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code custody ingest [--json] PATH...}: reads articles, pages, posts and field reports, extracts
 * mentions, claims, quotes and origins, and stores each file in one transaction. A refused file
 * is reported on stderr (file and reason) and the batch goes on; the exit code is 1 when any was refused.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Take in open-source evidence (text, HTML, social-media JSON, field-report JSON, JPEG/PNG/WebP pictures): files or folders.")
final class IngestCommand implements Callable<Integer> {

    /** With at least this many files a progress bar is drawn on stderr. */
    static final int PROGRESS_THRESHOLD = 5;

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (searched recursively).")
    List<Path> paths;

    @Option(names = "--json", description = "One JSON object per document on stdout.")
    boolean json;

    IngestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    refused.add(p + ": cannot list folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                refused.add(p + ": no such file or folder");
            }
        }
        // photographs named by posts and reports are read when Debian's tesseract is installed
        EvidenceIntake intake = new EvidenceIntake(context.database(), context.screenerIfAvailable(),
                TesseractReader.ifInstalled().orElse(null));
        PrintStream out = System.out;
        int stored = 0;
        int unchanged = 0;
        ProgressBar bar = files.size() >= PROGRESS_THRESHOLD ? Bars.bar("ingest", files.size(), "files") : null;
        try {
            for (Path f : files) {
                List<String> lines = new ArrayList<>();
                int[] counts = new int[2];
                try {
                    for (EvidenceIntake.Ingested in : intake.ingest(f)) {
                        SourceDocument d = in.document();
                        Analysis a = in.analysis();
                        EvidenceStore.Stored s = in.stored();
                        counts[s.created() ? 0 : 1]++;
                        lines.add(json ? Json.line(EvidenceJson.ingest(a, s, in.photos(), in.notes()))
                                : "%s  %s  %-9s %3d mentions %2d claims  story %s%s  %s".formatted(d.id(),
                                d.kind().label(), s.created() ? "new" : "unchanged", a.mentions().size(),
                                a.claims().size(), s.storyId(),
                                s.nearDuplicateOf() == null ? "" : "  near-duplicate of " + s.nearDuplicateOf(), f));
                        if (!json) {
                            for (var p : in.photos()) {
                                lines.add("    photo %s  %s  family %s%s%s".formatted(p.sha256().substring(0, 12), p.fileName(),
                                        p.family(), p.familyDistance() == null ? "" : " (distance " + p.familyDistance() + ")",
                                        p.earliestDocument().equals(d.id()) ? "  earliest poster"
                                                : "  re-post; earliest poster " + p.earliestPoster() + " (" + p.earliestDocument() + ")"));
                                for (String fl : p.flags()) lines.add("      flag " + fl);
                            }
                            for (String n : in.notes()) lines.add("    note " + n);
                        }
                    }
                    stored += counts[0];
                    unchanged += counts[1];
                    for (String l : lines) out.println(json ? l : Printable.text(l));
                } catch (IntakeRefusal e) {
                    refused.add(e.getMessage());
                } catch (StoreException e) {
                    refused.add(f + ": not stored: " + e.getMessage());
                } catch (RuntimeException | StackOverflowError e) {
                    // a fault in one file is that file's refusal; the batch goes on
                    refused.add(f + ": not ingested (nothing of it stored): " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                }
                if (bar != null) bar.step();
            }
        } finally {
            if (bar != null) bar.close();
        }
        for (String r : refused) System.err.println("custody ingest: refused " + Printable.text(r));
        System.err.printf("custody ingest: %d file(s), %d document(s) stored, %d unchanged, %d refused%n",
                files.size(), stored, unchanged, refused.size());
        return refused.isEmpty() ? 0 : 1;
    }
}
