package org.custody.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custody.catalog.json.CatalogJson;
import org.custody.evidence.Analysis;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.SourceKind;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.lists.ListVersion;
import org.custody.lists.ParsedList;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.screening.ScreeningEngine;

/**
 * Precision and recall of actor linking (mention → watchlist entity) on a labelled set of short documents,
 * with the real OFAC SDN list loaded: a link is a watchlist entity any actor mention of the text resolves
 * to; each text lists the entities it really names.
 *
 * <p>Usage: LinkingBench SHARED_DATA FILE.tsv [--verbose]
 */
public final class LinkingBench {

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        Path set = Path.of(args[1]);
        boolean verbose = args.length > 2 && args[2].equals("--verbose");
        ParsedList sdn = OfacCsvImporter.read(OfacCsvSet.inFolder(shared.resolve("ofac-sdn")).orElseThrow());
        ScreeningEngine engine = ScreeningEngine.build(sdn.entities(), List.of(new ListVersion("ofac-sdn", 1, "2024-05-03",
                Instant.EPOCH, sdn.contentHash(), sdn.entities().size(), "shared data")));
        EvidenceAnalyzer analyzer = EvidenceAnalyzer.standard(new CatalogArticleResolver(CatalogJson.starter().catalog()), engine);
        int tp = 0;
        int predicted = 0;
        int gold = 0;
        int docs = 0;
        int n = 0;
        for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 2) throw new IllegalArgumentException(set + " line " + n + ": expected text<TAB>ids");
            Set<String> expected = f[1].equals("-") ? Set.of() : new LinkedHashSet<>(Arrays.asList(f[1].split("\\|")));
            SourceDocument doc = new SourceDocument("link:" + n, SourceKind.TEXT, set.getFileName() + ":" + n, null, null,
                    null, null, null, LocalDate.of(2018, 3, 1), null, "link:" + n, f[0], List.of());
            Analysis a = analyzer.analyze(doc);
            Set<String> links = new LinkedHashSet<>();
            StringBuilder why = new StringBuilder();
            for (Mention m : a.mentions(MentionType.ACTOR)) {
                if (m.resolved() != null && "watchlist".equals(m.resolved().source())) {
                    links.add(m.resolved().id());
                    why.append("  '").append(m.text()).append("' -> ").append(m.resolved().id()).append(" ")
                            .append(m.resolved().name()).append('\n');
                }
            }
            docs++;
            gold += expected.size();
            predicted += links.size();
            for (String l : links) if (expected.contains(l)) tp++;
            if (verbose && !links.equals(expected)) {
                System.out.println("DIFF line " + n + ": expected " + expected + " got " + links + "\n  " + f[0] + "\n" + why);
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f | %.3f |%n", set.getFileName(), docs, gold, predicted, tp,
                predicted == 0 ? 0 : tp / (double) predicted, gold == 0 ? 0 : tp / (double) gold);
    }
}
