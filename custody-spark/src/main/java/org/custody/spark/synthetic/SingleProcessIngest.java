package org.custody.spark.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.custody.catalog.json.CatalogJson;
import org.custody.cli.BatchLines;
import org.custody.evidence.Analysis;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.evidence.stories.StoryKeys;
import org.custody.spark.IngestRecords;

/**
 * The benchmark's single-process baseline for the {@code ingest} job: the same reading, analysis, JSON line and
 * story keys, in one plain JVM over a thread pool of the given size, without Spark and without a database
 * ({@code custody ingest} also stores every document, which the job does only with {@code --load}).
 * {@code SingleProcessIngest THREADS OUT.jsonl PATH...}.
 */
public final class SingleProcessIngest {

    private SingleProcessIngest() {}

    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> s = Stream.of(args).skip(2).map(Path::of).flatMap(SingleProcessIngest::walk)) {
            files = s.sorted().toList();
        }
        EvidenceAnalyzer analyzer = EvidenceAnalyzer.standard(new CatalogArticleResolver(CatalogJson.starter().catalog()), null);
        AtomicLong documents = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long t0 = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads)) {
            pool.submit(() -> files.parallelStream().forEach(f -> {
                StringBuilder sb = new StringBuilder();
                try {
                    byte[] bytes = Files.readAllBytes(f);
                    Instant retrieved = Files.getLastModifiedTime(f).toInstant().truncatedTo(ChronoUnit.SECONDS);
                    for (IngestRecords.Record r : IngestRecords.of(f.toString(), bytes)) {
                        try {
                            List<SourceDocument> docs = r.json() ? Intake.readJson(r.name(), r.bytes(), r.retrievedOr(retrieved))
                                    : Intake.read(r.name(), r.bytes(), r.retrievedOr(retrieved));
                            for (SourceDocument d : docs) {
                                Analysis a = analyzer.analyze(d);
                                StoryKeys.of(a);
                                sb.append(BatchLines.ingest(a)).append('\n');
                                documents.incrementAndGet();
                            }
                        } catch (IntakeRefusal e) {
                            refused.incrementAndGet();
                        }
                    }
                } catch (IOException | org.custody.spark.WarcReader.Malformed e) {
                    refused.incrementAndGet();
                }
                synchronized (w) {
                    try {
                        w.write(sb.toString());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            })).join();
        }
        System.err.printf(Locale.ROOT, "single-process ingest: %d file(s), %d document(s), %d refused, in %.1f s%n",
                files.size(), documents.get(), refused.get(), (System.nanoTime() - t0) / 1e9);
    }

    private static Stream<Path> walk(Path p) {
        try {
            return Files.isDirectory(p) ? Files.walk(p).filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList().stream() : Stream.of(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
