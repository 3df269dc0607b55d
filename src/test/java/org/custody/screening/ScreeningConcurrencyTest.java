package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ScreeningConcurrencyTest {
    @Test
    void concurrentQueriesGiveTheSameAnswersAsSequentialOnes() throws Exception {
        ScreeningEngine engine = ReadmeEntities.ENGINE;
        List<String> queries = List.of("Kataib Hezbollah", "Qassem Soleimani", "كتائب حزب الله", "Abu Mahdi al-Mohandes",
                "Trading LLC", "Emma Daniels", "Касем Сулеймани", "IRGC", "League of the Righteous", "Hizballah");
        List<ScreeningResult> expected = queries.stream().map(q -> engine.screen(ScreeningQuery.of(q))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = (i + offset) % queries.size();
                        if (!engine.screen(ScreeningQuery.of(queries.get(k))).equals(expected.get(k))) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) assertThat(f.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
