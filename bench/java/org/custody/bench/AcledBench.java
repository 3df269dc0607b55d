package org.custody.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custody.catalog.json.CatalogJson;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.eval.AcledEvaluation;
import org.custody.evidence.extract.CatalogArticleResolver;

/**
 * Extraction quality on ACLED's Iraq and Syria events (Jan-Feb 2018), scored against ACLED's coded fields
 * ({@link AcledEvaluation}). Prints the development part and the held-out part separately.
 *
 * <p>Usage: AcledBench SHARED_DATA [dev|held-out|both] [--misses N]
 */
public final class AcledBench {

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        String part = args.length > 1 ? args[1] : "dev";
        int misses = args.length > 3 && args[2].equals("--misses") ? Integer.parseInt(args[3]) : 0;
        EvidenceAnalyzer analyzer = EvidenceAnalyzer.standard(new CatalogArticleResolver(CatalogJson.starter().catalog()), null);
        AcledEvaluation eval = new AcledEvaluation(analyzer, AcledEvaluation.readActorKey(Path.of("bench/acled/actor-key.tsv")));
        List<AcledEvaluation.Event> events = AcledEvaluation.read(shared.resolve("acled-mideast-2018/learningData.csv"),
                Set.of("Iraq", "Syria"));
        Map<String, List<AcledEvaluation.Outcome>> parts = new LinkedHashMap<>();
        for (AcledEvaluation.Event e : events) {
            boolean held = AcledEvaluation.heldOut(e);
            if (held && part.equals("dev") || !held && part.equals("held-out")) continue;
            String name = (held ? "held-out" : "development") + " " + e.country();
            parts.computeIfAbsent(name, k -> new ArrayList<>()).add(eval.score(e));
        }
        System.out.println("| part | events | place found | district recall | ceiling (district named) | district truth by name | point recall (<= 25 km) | actors scored | actor recall | notes stating a date | date accuracy |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        Map<String, List<AcledEvaluation.Outcome>> withTotals = new LinkedHashMap<>(parts);
        for (String side : List.of("development", "held-out")) {
            List<AcledEvaluation.Outcome> all = new ArrayList<>();
            parts.forEach((k, v) -> {
                if (k.startsWith(side)) all.addAll(v);
            });
            if (!all.isEmpty()) withTotals.put(side + " Iraq+Syria", all);
        }
        withTotals.forEach((name, outcomes) -> {
            AcledEvaluation.Totals t = AcledEvaluation.Totals.of(outcomes);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %d | %.3f | %d | %.3f | %d | %.3f |%n", name, t.events(),
                    t.withPlace(), t.districtRecall(), t.districtCeiling(), t.districtTruthByName(), t.pointRecall(), t.actorsScored(), t.actorRecall(), t.dateStated(),
                    t.dateAccuracy());
        });
        if (misses > 0) {
            int n = 0;
            for (List<AcledEvaluation.Outcome> os : parts.values()) {
                for (AcledEvaluation.Outcome o : os) {
                    if (n++ >= misses) break;
                    if (o.district() && o.actorsMissed().isEmpty() && (!o.dateStated() || o.dateRight())) {
                        n--;
                        continue;
                    }
                    System.out.printf("MISS %s %s/%s/%s place=%s district=%s actorsMissed=%s date=%s/%s%n  %s%n", o.event().id(),
                            o.event().admin1(), o.event().admin2(), o.event().location(),
                            o.place() == null ? null : o.place().name() + "(" + o.place().kind() + ")", o.district(),
                            o.actorsMissed(), o.event().date(), o.dateFound(), o.event().notes());
                }
            }
        }
    }
}
