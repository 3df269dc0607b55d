package org.custody.store.lists;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custody.lists.ListSource;
import org.custody.lists.ShrinkGuard;
import org.custody.lists.ShrinkRefusedException;
import org.custody.lists.SourceFiles;
import org.custody.lists.download.DownloadException;
import org.custody.lists.download.Feed;
import org.custody.lists.download.ListDownloader;
import org.custody.lists.download.Progress;
import org.custody.store.Database;

/**
 * Importing and updating watchlists, the use cases {@code custody lists import|update} and the server
 * share: parse every source first (a malformed file refuses the lot and the refusal is audited), guard
 * against emptied lists, import in one transaction, and drop the screening cache before and after.
 */
public final class ListImports {

    private final Database db;
    private final ShrinkGuard guard;
    private final Runnable dropScreeningCache;

    public ListImports(Database db, ShrinkGuard guard, Runnable dropScreeningCache) {
        this.db = db;
        this.guard = guard;
        this.dropScreeningCache = dropScreeningCache;
    }

    /** The guard from {@code lists.max-drop-share} (default 0.10); a bad value names the file and key. */
    public static ShrinkGuard shrinkGuard(Properties p, String fileName) {
        String v = p.getProperty("lists.max-drop-share");
        if (v == null || v.isBlank()) return ShrinkGuard.DEFAULT;
        double share;
        try {
            share = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            share = Double.NaN;
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(fileName + ": field lists.max-drop-share: expected a share between 0 and 1, got '"
                    + v.trim() + "'");
        }
        return new ShrinkGuard(share, false);
    }

    public List<WatchlistStore.ImportOutcome> parseAndImport(List<ListSource> sources, String sourceText, boolean allowShrink) {
        return parseAndImport(sources, sourceText, allowShrink, s -> SourceFiles.provenance(s.files(), true));
    }

    /** {@code provenance} describes each list's own files (each version records only the files it was read from). */
    public List<WatchlistStore.ImportOutcome> parseAndImport(List<ListSource> sources, String sourceText, boolean allowShrink,
                                                             Function<ListSource, String> provenance) {
        WatchlistStore store = new WatchlistStore(db);
        Map<ListSource, String> sourceOf = new IdentityHashMap<>();
        for (ListSource s : sources) sourceOf.put(s, provenance.apply(s));
        dropScreeningCache.run();      // before the lists change: a cached index must never outlive them
        List<WatchlistStore.ImportOutcome> outcomes;
        try {
            // streamed: entities go to the database in batches inside the one import transaction
            outcomes = store.importSources(sources, sourceOf::get, allowShrink ? guard.allowingShrink() : guard);
        } catch (WatchlistStore.SourceRefusedException e) {
            store.recordRefusal(e.listId(), sourceText, e.getMessage());
            throw new IllegalArgumentException("refused " + e.listId() + " (nothing imported, the previous "
                    + "version stays current): " + e.getMessage(), e.problem());
        } catch (ShrinkRefusedException e) {
            throw new IllegalArgumentException("refused " + e.getMessage(), e);
        }
        dropScreeningCache.run();
        return outcomes;
    }

    /** Fetches every feed ({@code sources} or the configured ones) into {@code downloads}, then imports all or nothing. */
    public List<WatchlistStore.ImportOutcome> update(List<String> sourceArgs, Properties props, Path downloads, Duration timeout,
                                                     Progress progress, boolean allowShrink) {
        List<Feed> feeds = Feed.resolve(sourceArgs, props);
        ListDownloader downloader = new ListDownloader(timeout);
        String urls = feeds.stream().flatMap(f -> f.urls().stream()).map(Object::toString).collect(Collectors.joining(" "));
        ListDownloader.Batch batch;
        try {
            batch = downloader.fetchAll(feeds, downloads, progress);
        } catch (DownloadException e) {
            WatchlistStore store = new WatchlistStore(db);
            for (Feed f : feeds) store.recordRefusal(f.name(), urls, "download failed: " + e.getMessage());
            throw new IllegalStateException("update failed, nothing imported (current versions unchanged): " + e.getMessage(), e);
        }
        try {
            List<ListSource> detected = new ArrayList<>();
            Map<ListSource, String> provenance = new IdentityHashMap<>();
            for (ListDownloader.Fetched f : batch.feeds()) {
                // each version records the URLs of its own feed and the hashes of the files fetched from them
                String from = f.feed().urls().stream().map(Object::toString).collect(Collectors.joining(" "));
                for (ListSource src : ListSource.detect(List.of(f.folder()), null)) {
                    detected.add(src);
                    provenance.put(src, from + " → " + SourceFiles.provenance(src.files(), false));
                }
            }
            return parseAndImport(detected, urls, allowShrink, provenance::get);
        } finally {
            ListDownloader.cleanUp(batch.root());
        }
    }
}
