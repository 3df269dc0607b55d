package org.custody.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custody.lists.ListEntity;
import org.custody.lists.ListSource;
import org.custody.lists.ParsedList;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.DatabaseConfig;
import org.custody.store.lists.WatchlistStore;

/**
 * Start-up of the screening index from the database: how long {@link WatchlistStore#loadCurrent()}
 * (one gzip'd JSON snapshot per list version) plus {@link ScreeningEngine#build} take for the full
 * bundled OFAC SDN and UN lists, against two baselines in the same run: reading the same entities from
 * their per-entity JSONB rows, and parsing the source files again. Also times the import itself.
 *
 * <p>Usage: ListsLoadBench LISTS_DIR [repetitions]. The first repetition is a cold JVM; later ones warm.
 */
public final class ListsLoadBench {

    public static void main(String[] args) throws Exception {
        Path lists = Path.of(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path home = Files.createTempDirectory("custody-lists-bench");
        try (Database db = Database.open(new DatabaseConfig.Embedded(home.resolve("pgdata")))) {
            WatchlistStore store = new WatchlistStore(db);
            List<ListSource> sources = ListSource.detect(List.of(lists), null);

            long t0 = System.nanoTime();
            List<ParsedList> parsed = new ArrayList<>();
            for (ListSource s : sources) parsed.add(s.read());
            long parseMs = ms(t0);
            t0 = System.nanoTime();
            store.importAll(parsed, "bench");
            long importMs = ms(t0);
            int entities = parsed.stream().mapToInt(p -> p.entities().size()).sum();
            long names = parsed.stream().flatMap(p -> p.entities().stream()).mapToLong(e -> e.allNames().size()).sum();
            System.out.printf("lists: %s, %d entities, %d names and aliases%n",
                    parsed.stream().map(ParsedList::listId).toList(), entities, names);
            System.out.printf("first parse of the source files: %d ms; import (one transaction, snapshot + JSONB rows): %d ms%n",
                    parseMs, importMs);

            long[] snapshot = new long[reps];
            long[] build = new long[reps];
            long[] rows = new long[reps];
            long[] reparse = new long[reps];
            int indexed = 0;
            for (int i = 0; i < reps; i++) {
                t0 = System.nanoTime();
                WatchlistStore.CurrentLists current = store.loadCurrent();
                snapshot[i] = ms(t0);
                t0 = System.nanoTime();
                ScreeningEngine engine = ScreeningEngine.build(current.entities(), current.versions());
                build[i] = ms(t0);
                indexed = engine.indexedNames();

                t0 = System.nanoTime();
                List<ListEntity> fromRows = fromJsonbRows(db);
                rows[i] = ms(t0);
                if (fromRows.size() != current.entities().size()) throw new IllegalStateException("row count differs");

                t0 = System.nanoTime();
                for (ListSource s : sources) s.read();
                reparse[i] = ms(t0);
            }
            System.out.printf("index: %d analysed names%n", indexed);
            System.out.printf("%-44s %s%n", "per repetition (ms), first = cold JVM:", "");
            System.out.printf("%-44s %s%n", "loadCurrent (snapshot decode)", Arrays.toString(snapshot));
            System.out.printf("%-44s %s%n", "ScreeningEngine.build", Arrays.toString(build));
            System.out.printf("%-44s %s%n", "load + build", Arrays.toString(sum(snapshot, build)));
            System.out.printf("%-44s %s%n", "baseline: JSONB rows (SELECT + parse)", Arrays.toString(rows));
            System.out.printf("%-44s %s%n", "baseline: re-parse source files", Arrays.toString(reparse));
            System.out.printf("date %s, cores %d, max heap %d MiB%n", Instant.now(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static List<ListEntity> fromJsonbRows(Database db) {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return db.read(c -> {
            List<ListEntity> out = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                s.setFetchSize(2000);
                try (ResultSet rs = s.executeQuery("SELECT e.entity::text FROM list_entity e JOIN list_version v "
                        + "USING (list_id, version) WHERE v.is_current ORDER BY e.list_id")) {
                    while (rs.next()) {
                        try {
                            out.add(mapper.readValue(rs.getString(1), ListEntity.class));
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
            return out;
        });
    }

    private static long[] sum(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int i = 0; i < a.length; i++) s[i] = a[i] + b[i];
        return s;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
