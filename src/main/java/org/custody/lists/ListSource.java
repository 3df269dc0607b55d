package org.custody.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.custody.lists.ftm.FtmImporter;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.lists.ofac.OfacXmlImporter;
import org.custody.lists.un.UnConsolidatedImporter;

/**
 * One list's source files in a known format. {@link #detect} tells the format from file names and the
 * first bytes of XML files, so {@code custody lists import PATH...} needs no format flag.
 */
public sealed interface ListSource {

    /** The list these files are a version of. */
    String listId();

    /** The files read, in the order their content is hashed. */
    List<Path> files();

    /**
     * Parses the files, handing each entity to {@code sink} as soon as it is read, so the caller decides
     * what stays in memory (an import writes them out in batches). A malformed file throws
     * {@link ListFormatException}, possibly after some entities were handed over: a caller that stores
     * them does so inside a transaction it rolls back.
     */
    ListSummary stream(Consumer<ListEntity> sink);

    /** Parses the files into memory, entities and all; a malformed file throws {@link ListFormatException}. */
    default ParsedList read() {
        List<ListEntity> entities = new ArrayList<>();
        ListSummary s = stream(entities::add);
        return s.withEntities(SourceFiles.contentHash(files()), entities);
    }

    /** OFAC's legacy CSV set (SDN or consolidated non-SDN). */
    record OfacCsv(OfacCsvSet set, String listId) implements ListSource {
        public List<Path> files() {
            return set.files();
        }

        public ListSummary stream(Consumer<ListEntity> sink) {
            return relabelled(OfacCsvImporter.stream(set, relabelling(sink, set.flavour().listId, listId)), listId);
        }
    }

    /** OFAC's sdn.xml (or the consolidated list in the same schema). */
    record OfacXml(Path file, String listId) implements ListSource {
        public List<Path> files() {
            return List.of(file);
        }

        public ListSummary stream(Consumer<ListEntity> sink) {
            return OfacXmlImporter.stream(file, listId, sink);
        }
    }

    /** The UN Security Council consolidated list XML. */
    record UnXml(Path file, String listId) implements ListSource {
        public List<Path> files() {
            return List.of(file);
        }

        public ListSummary stream(Consumer<ListEntity> sink) {
            return relabelled(UnConsolidatedImporter.stream(file, relabelling(sink, UnConsolidatedImporter.LIST_ID,
                    listId)), listId);
        }
    }

    /** FollowTheMoney entities, one JSON object per line. */
    record FtmLines(Path file, String listId) implements ListSource {
        public List<Path> files() {
            return List.of(file);
        }

        public ListSummary stream(Consumer<ListEntity> sink) {
            return FtmImporter.stream(file, listId, sink);
        }
    }

    /**
     * The list sources among {@code paths}: folders are searched (an OFAC folder is one source), files are
     * recognised by name or, for XML, by root element. {@code listIdOverride} renames the list and is
     * only allowed when the paths hold exactly one source.
     */
    static List<ListSource> detect(List<Path> paths, String listIdOverride) {
        List<ListSource> found = new ArrayList<>();
        List<Path> loose = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                collectFolder(p, found, 0);
            } else if (Files.isRegularFile(p)) {
                loose.add(p);
            } else {
                throw new IllegalArgumentException(p + ": no such file or folder");
            }
        }
        // loose legacy CSV files are grouped per folder into one set
        Map<Path, List<Path>> csvByFolder = new LinkedHashMap<>();
        for (Path f : loose) {
            if (OfacCsvSet.isLegacyFileName(f)) {
                csvByFolder.computeIfAbsent(f.toAbsolutePath().getParent(), k -> new ArrayList<>()).add(f);
            } else {
                found.add(ofFile(f));
            }
        }
        for (List<Path> group : csvByFolder.values()) {
            OfacCsvSet set = OfacCsvSet.ofFiles(group).orElseThrow(() -> new ListFormatException(
                    group.getFirst().getFileName().toString(), 0, "",
                    "OFAC companion files given without their primary file (sdn.csv or cons_prim.csv)"));
            found.add(new OfacCsv(set, set.flavour().listId));
        }
        if (found.isEmpty()) throw new ListFormatException(String.valueOf(paths), 0, "", "no list files found");
        if (listIdOverride != null && !listIdOverride.isBlank()) {
            if (found.size() != 1) {
                throw new IllegalArgumentException("--list names one list but the paths hold " + found.size()
                        + " lists: " + found.stream().map(ListSource::listId).toList());
            }
            found.set(0, renamed(found.getFirst(), listIdOverride.strip()));
        }
        return found;
    }

    private static void collectFolder(Path dir, List<ListSource> found, int depth) {
        var set = OfacCsvSet.inFolder(dir);
        if (set.isPresent()) {
            found.add(new OfacCsv(set.get(), set.get().flavour().listId));
            return;
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path c : children) {
            String n = c.getFileName().toString();
            if (n.startsWith(".")) continue;
            if (Files.isDirectory(c)) {
                if (depth < 2) collectFolder(c, found, depth + 1);
            } else if (isListFileName(n)) {
                found.add(ofFile(c));
            }
        }
    }

    private static boolean isListFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".ftm.json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    private static ListSource ofFile(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xml")) {
            String head = head(f);
            if (UnConsolidatedImporter.looksLikeUn(head)) return new UnXml(f, UnConsolidatedImporter.LIST_ID);
            if (OfacXmlImporter.looksLikeSdnXml(head)) return new OfacXml(f, n.contains("cons") ? "ofac-cons" : "ofac-sdn");
            throw new ListFormatException(f.getFileName().toString(), 1, "",
                    "XML that is neither the UN consolidated list nor OFAC's sdnList");
        }
        if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return new FtmLines(f, FtmImporter.DEFAULT_LIST_ID);
        }
        throw new IllegalArgumentException(f + " is not a list file Custody reads (by its name): give an OFAC folder"
                + " or its sdn.csv, alt.csv, add.csv, sdn_comments.csv, OFAC's sdn.xml, the UN consolidated .xml, or"
                + " FollowTheMoney .json lines");
    }

    private static String head(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ListSource renamed(ListSource s, String id) {
        return switch (s) {
            case OfacCsv c -> new OfacCsv(c.set(), id);
            case OfacXml x -> new OfacXml(x.file(), id);
            case UnXml u -> new UnXml(u.file(), id);
            case FtmLines f -> new FtmLines(f.file(), id);
        };
    }

    /** A sink that renames each entity from the list its format names to {@code listId} (--list). */
    private static Consumer<ListEntity> relabelling(Consumer<ListEntity> sink, String formatListId, String listId) {
        if (formatListId.equals(listId)) return sink;
        return e -> sink.accept(new ListEntity(listId + ":" + e.sourceId(), listId, e.sourceId(), e.schema(),
                e.primaryName(), e.aliases(), e.programs(), e.birthDates(), e.nationalities(), e.addresses(),
                e.identifiers(), e.remarks()));
    }

    private static ListSummary relabelled(ListSummary s, String listId) {
        return listId.equals(s.listId()) ? s : new ListSummary(listId, s.publishedAt(), s.counts(), s.warnings());
    }
}
