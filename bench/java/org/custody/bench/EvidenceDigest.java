package org.custody.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.custody.catalog.json.CatalogJson;
import org.custody.evidence.Analysis;
import org.custody.evidence.Claim;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.Mention;
import org.custody.evidence.Origin;
import org.custody.evidence.Quote;
import org.custody.evidence.Resolution;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.SourceKind;
import org.custody.evidence.eval.AcledEvaluation;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.stories.StoryKeys;

/**
 * A digest of the extractor's whole output — every mention with its resolution and details, every claim,
 * quote and origin, and the story keys — over the development corpus, the shared articles, the documents of
 * the annotated fresh sets, the throughput benchmark's documents and every ACLED Iraq/Syria note. An
 * optimisation of the extraction hot path must leave this digest byte-identical. Maps are written in key
 * order (immutable maps iterate in a per-run order), so the digest is stable across runs.
 *
 * <p>Usage: EvidenceDigest SHARED_DATA SHARED_CORPUS [DUMP_FILE] — prints the SHA-256 per part and overall;
 * with DUMP_FILE also writes the canonical text the digest is taken over (to diff two builds' output).
 */
public final class EvidenceDigest {

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path corpus = Path.of(args.length > 1 ? args[1] : "../shared/corpus");
        EvidenceAnalyzer analyzer = EvidenceAnalyzer.standard(new CatalogArticleResolver(CatalogJson.starter().catalog()), null);
        Map<String, List<SourceDocument>> parts = new java.util.LinkedHashMap<>();
        parts.put("annotated", annotated(corpus));
        parts.put("bench", EvidenceBench.documents(shared, corpus));
        List<SourceDocument> acled = new ArrayList<>();
        for (AcledEvaluation.Event e : AcledEvaluation.read(shared.resolve("acled-mideast-2018/learningData.csv"), Set.of("Iraq", "Syria"))) {
            acled.add(new SourceDocument("acled:" + e.id(), SourceKind.TEXT, "acled-" + e.id() + ".txt", null, null, null,
                    null, null, e.date(), null, "acled:" + e.id(), e.notes(), List.of()));
        }
        parts.put("acled", acled);
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        try (PrintWriter dump = args.length > 2 ? new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) : null) {
            for (Map.Entry<String, List<SourceDocument>> p : parts.entrySet()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (SourceDocument d : p.getValue()) {
                    String text = canonical(analyzer.analyze(d));
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    md.update(bytes);
                    all.update(bytes);
                    if (dump != null) dump.print(text);
                }
                System.out.printf("%-10s %5d documents  %s%n", p.getKey(), p.getValue().size(), HexFormat.of().formatHex(md.digest()));
            }
        }
        System.out.println("DIGEST " + HexFormat.of().formatHex(all.digest()));
    }

    private static List<SourceDocument> annotated(Path corpus) throws IOException {
        Set<String> files = new LinkedHashSet<>();
        try (Stream<Path> s = Files.list(Path.of("data/annotations"))) {
            for (Path tsv : s.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(tsv)) {
                    if (line.startsWith("#") || line.isBlank()) continue;
                    files.add(line.split("\t", 2)[0]);
                }
            }
        }
        List<SourceDocument> docs = new ArrayList<>();
        for (String f : files) {
            Path p = f.startsWith("shared:") ? corpus.resolve(f.substring(7)) : Path.of(f);
            docs.addAll(Intake.read(p));
        }
        return docs;
    }

    /** One document's output as text, every map in key order. */
    static String canonical(Analysis a) {
        StringBuilder b = new StringBuilder();
        b.append("DOC ").append(a.document().sourceName()).append(' ').append(a.document().id()).append('\n');
        for (Mention m : a.mentions()) b.append("M ").append(mention(m)).append('\n');
        for (Claim c : a.claims()) {
            b.append("C ").append(c.kind()).append('|').append(mention(c.article())).append('|').append(mention(c.holder()))
                    .append('|').append(c.stance()).append('|').append(c.attributedTo()).append('|').append(c.start())
                    .append('-').append(c.end()).append('|').append(mention(c.place())).append('|').append(mention(c.date()))
                    .append('|').append(c.serials()).append('|').append(c.cues()).append('|').append(c.sentence()).append('\n');
        }
        for (Quote q : a.quotes()) b.append("Q ").append(q).append('\n');
        for (Origin o : a.origins()) b.append("O ").append(o).append('\n');
        StoryKeys k = StoryKeys.of(a);
        b.append("K ").append(k.minhashBands()).append('|').append(k.passages()).append('|').append(k.quoteHashes())
                .append('|').append(k.creditedOrigins()).append('|').append(new TreeMap<>(k.serialTokens())).append('\n');
        return b.toString();
    }

    private static String mention(Mention m) {
        if (m == null) return "-";
        Resolution r = m.resolved();
        String res = r == null ? "-" : r.id() + "/" + r.name() + "/" + r.source() + "/" + r.explanation() + "/" + new TreeMap<>(r.attributes());
        return m.type() + "[" + m.start() + "-" + m.end() + "]" + m.text() + "{" + res + "}" + new TreeMap<>(m.detail());
    }
}
