package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.custody.lists.ListEntity;
import org.junit.jupiter.api.Test;

class SimilarTermCacheTest {

    @Test
    void theCacheChangesNoAnswer() {
        ScreeningEngine cached = SdnFixture.ENGINE;
        ScreeningEngine uncached = ScreeningEngine.build(SdnFixture.ENTITIES, List.of(SdnFixture.VERSION),
                ScreeningConfig.DEFAULT.withTermCacheSize(0));
        List<String> queries = new ArrayList<>();
        List<ListEntity> entities = SdnFixture.ENTITIES;
        for (int i = 0; i < entities.size(); i += 97) {
            String name = entities.get(i).primaryName();
            queries.add(name);
            queries.add(name.toLowerCase().replace('a', 'e'));   // a variant that shares some tokens
        }
        for (int round = 0; round < 2; round++) {                  // the second round answers from the cache
            for (String q : queries) {
                assertThat(cached.screen(ScreeningQuery.of(q))).as(q).isEqualTo(uncached.screen(ScreeningQuery.of(q)));
            }
        }
    }

    @Test
    void computesOncePerKeyAndStartsAfreshWhenFull() {
        SimilarTermCache cache = new SimilarTermCache(2);
        AtomicInteger computed = new AtomicInteger();
        List<NameIndex.TermMatch> one = List.of(new NameIndex.TermMatch(1, 1.0));
        assertThat(cache.get("a", () -> { computed.incrementAndGet(); return one; })).isEqualTo(one);
        assertThat(cache.get("a", () -> { computed.incrementAndGet(); return one; })).isEqualTo(one);
        assertThat(computed).hasValue(1);
        cache.get("b", () -> one);
        cache.get("c", () -> one);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void sizeZeroRemembersNothing() {
        SimilarTermCache cache = new SimilarTermCache(0);
        AtomicInteger computed = new AtomicInteger();
        cache.get("a", () -> { computed.incrementAndGet(); return List.of(); });
        cache.get("a", () -> { computed.incrementAndGet(); return List.of(); });
        assertThat(computed).hasValue(2);
    }
}
