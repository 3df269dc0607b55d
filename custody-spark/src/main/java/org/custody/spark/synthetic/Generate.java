package org.custody.spark.synthetic;

import java.nio.file.Files;
import java.nio.file.Path;
import org.custody.store.lists.ListsExport;

/**
 * {@code Generate names LISTS-EXPORT SEED FROM TO OUT.csv} or {@code Generate articles SEED FROM TO DIR}: the
 * benchmark's and the equivalence test's synthetic input, written in slices so a large run can be made piecewise.
 */
public final class Generate {

    private Generate() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 6 && args[0].equals("names")) {
            SyntheticNames names = new SyntheticNames(ListsExport.read(Path.of(args[1])).entities());
            names.writeCsv(Path.of(args[5]), Long.parseLong(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]));
        } else if (args.length == 5 && args[0].equals("articles")) {
            Path dir = Path.of(args[4]);
            Files.createDirectories(dir);
            new SyntheticArticles().write(dir, Long.parseLong(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]), false);
        } else if (args.length == 2 && args[0].equals("engine-memory")) {
            // what one executor holds for the lists: heap in use after a full collection, before and after the build
            Runtime rt = Runtime.getRuntime();
            byte[] export = Files.readAllBytes(Path.of(args[1]));
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            var lists = ListsExport.fromBytes(export, args[1]);
            var engine = org.custody.screening.ScreeningEngine.build(lists.entities(), lists.versions());
            System.gc();
            long after = rt.totalMemory() - rt.freeMemory();
            System.out.printf(java.util.Locale.ROOT, "%d entities, %d indexed names, export %.1f MB, engine heap %.0f MB%n",
                    engine.entityCount(), engine.indexedNames(), export.length / 1e6, (after - before) / 1e6);
        } else {
            System.err.println("usage: Generate names LISTS-EXPORT SEED FROM TO OUT.csv | Generate articles SEED FROM TO DIR"
                    + " | Generate engine-memory LISTS-EXPORT");
            System.exit(2);
        }
    }
}
