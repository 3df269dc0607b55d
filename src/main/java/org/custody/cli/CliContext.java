package org.custody.cli;

import java.util.Optional;
import java.util.Properties;
import org.custody.audit.AuditCheckpoints;
import org.custody.notify.CheckpointWebhook;
import org.custody.notify.WebhookConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.custody.config.CustodyHome;
import org.custody.lists.ListEntity;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.DatabaseConfig;
import org.custody.screening.ScreeningConfig;
import org.custody.store.lists.ScreeningCache;
import org.custody.store.lists.WatchlistStore;

/**
 * What one CLI invocation shares between commands: the home folder and, opened on first use only,
 * the database (so commands that need none never start PostgreSQL).
 */
public final class CliContext implements AutoCloseable {

    private final CustodyHome home;
    private final boolean ownsDatabase;
    private Database database;
    private AuditCheckpoints checkpoints;
    private DatabaseConfig databaseConfig;
    private String screenerSource = "";
    private boolean closed;
    private ScreeningEngine screener;
    private long screenerMillis = -1;
    private long listsLoadMillis = -1;

    public CliContext() {
        this(CustodyHome.fromEnvironment());
    }

    public CliContext(CustodyHome home) {
        this.home = home;
        this.ownsDatabase = true;
    }

    /** A context on an already-open database that the caller keeps and closes (tests, embedding). */
    public CliContext(CustodyHome home, Database database) {
        this.home = home;
        this.database = database;
        this.ownsDatabase = false;
        anchorAudit(database);
    }

    public CustodyHome home() {
        return home;
    }

    public synchronized Database database() {
        if (closed) throw new IllegalStateException("this command's context is closed");
        if (database == null) {
            home.ensureDirectory(".");
            databaseConfig = DatabaseConfig.resolve(home);
            database = Database.open(databaseConfig);
            anchorAudit(database);
        }
        return database;
    }

    /**
     * Every commit's audit head is signed and exported to {@code $CUSTODY_HOME/audit} (see AuditCheckpoints)
     * and, with {@code audit.checkpoint.webhook=true}, posted to the configured webhook. A failed post is
     * reported on standard error and tried again after the next commit; it never undoes the commit.
     */
    private void anchorAudit(Database db) {
        AuditCheckpoints cp = auditCheckpoints();
        db.onCommit(c -> {
            cp.export(c);
            CheckpointWebhook hook = checkpointWebhook();
            if (hook == null) return;
            CheckpointWebhook.Outcome o = hook.publishLatest(cp);
            if (o.attempted() && !o.delivered()) {
                System.err.println("custody: warning: audit checkpoint " + o.seq() + " not posted to the webhook ("
                        + Printable.text(o.error()) + "); it is tried again after the next commit");
            }
        });
    }

    private Optional<CheckpointWebhook> checkpointWebhook;

    /** The webhook that receives audit checkpoints, when {@code audit.checkpoint.webhook} is true; else null. */
    synchronized CheckpointWebhook checkpointWebhook() {
        if (checkpointWebhook == null) {
            Properties p = DiversionSettings.properties(this);
            String on = p.getProperty("audit.checkpoint.webhook", "false").trim();
            if (!on.equalsIgnoreCase("true") && !on.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(home.resolve("custody.properties")
                        + ": field audit.checkpoint.webhook: expected true or false, got '" + on + "'");
            }
            WebhookConfig config = on.equalsIgnoreCase("true") ? WebhookConfig.fromProperties(p) : null;
            if (on.equalsIgnoreCase("true") && config == null) {
                throw new IllegalArgumentException(home.resolve("custody.properties") + ": audit.checkpoint.webhook "
                        + "is true but no webhook is configured (notify.webhook.url and notify.webhook.secret)");
            }
            checkpointWebhook = Optional.ofNullable(config).map(w -> new CheckpointWebhook(w, home.resolve("audit")));
        }
        return checkpointWebhook.orElse(null);
    }

    /** This installation's audit checkpoint key and log, in {@code $CUSTODY_HOME/audit}. */
    public synchronized AuditCheckpoints auditCheckpoints() {
        if (checkpoints == null) checkpoints = AuditCheckpoints.open(home.resolve("audit"));
        return checkpoints;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (database != null && ownsDatabase) {
            database.close();
            database = null;
        }
    }

    /**
     * The screening engine over every list's current version, kept for the invocation. It is restored
     * from the home's screening cache when that is current, otherwise built from
     * {@link WatchlistStore#loadCurrent()} (one snapshot row per list) and cached for the next process.
     * With this home's own embedded database the cache is trusted without starting PostgreSQL (only this
     * home's list imports change that database, and they drop the cache first); with any other database
     * the cache is used only when its list versions are the database's current ones. Results name the
     * list versions they were computed from. With no list imported it screens nothing.
     * {@code CUSTODY_SCREENING_CACHE=off} neither reads nor writes the cache (the benchmark's baseline).
     */
    public synchronized ScreeningEngine screener() {
        if (screener == null) {
            long t0 = System.nanoTime();
            ScreeningCache cache = screeningCache();
            DatabaseConfig own = database == null ? DatabaseConfig.resolve(home) : databaseConfig;
            boolean cacheOff = "off".equalsIgnoreCase(System.getenv("CUSTODY_SCREENING_CACHE"));
            String identity = cacheOff ? null : databaseIdentity(own);
            if (own instanceof DatabaseConfig.Embedded && identity != null) {
                screener = cache.load(identity, null, ScreeningConfig.DEFAULT);
            }
            if (screener == null) {
                WatchlistStore store = new WatchlistStore(database());   // opening the database is not counted
                t0 = System.nanoTime();
                if (identity != null) screener = cache.load(identity, store.currentVersions(), ScreeningConfig.DEFAULT);
                if (screener == null) {
                    WatchlistStore.CurrentLists current = store.loadCurrent();
                    listsLoadMillis = (System.nanoTime() - t0) / 1_000_000;
                    screener = ScreeningEngine.build(current.entities(), current.versions());
                    screenerSource = "built";
                    screenerMillis = (System.nanoTime() - t0) / 1_000_000;
                    if (identity != null && !current.versions().isEmpty()) saveQuietly(cache, screener, current.entities(), identity);
                    return screener;
                }
            }
            screenerSource = "restored from " + cache.file();
            listsLoadMillis = screenerMillis = (System.nanoTime() - t0) / 1_000_000;
        }
        return screener;
    }

    /**
     * Starts making {@link #screener()} on a background thread, so it overlaps with whatever the caller
     * does next; a later {@code screener()} waits for it. A failure here is left for that call to meet
     * again and report.
     */
    public void prepareScreener() {
        Thread.ofPlatform().daemon().name("screener").start(() -> {
            try {
                screener();
            } catch (RuntimeException ignored) {
                // screener() is called again by the command and reports the problem there
            }
        });
    }

    private static void saveQuietly(ScreeningCache cache, ScreeningEngine engine, List<ListEntity> entities,
                                    String identity) {
        try {
            cache.save(engine, entities, identity);
        } catch (RuntimeException e) {
            System.err.println("note: the screening index is not cached for the next run: " + e.getMessage());
        }
    }

    private ScreeningCache screeningCache() {
        return new ScreeningCache(home.resolve("cache").resolve("screening.bin"));
    }

    /**
     * Which database a cache was read from: this home's embedded data folder (by its file identity, so a
     * recreated folder does not match), an external URL and user, or a database handed in by the caller.
     * Null when it cannot be told.
     */
    private String databaseIdentity(DatabaseConfig config) {
        return switch (config) {
            case null -> database == null ? null : "given:" + database.description();
            case DatabaseConfig.Embedded e -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(e.dataDirectory(), BasicFileAttributes.class);
                    yield a.fileKey() == null ? null : "embedded:" + e.dataDirectory() + ":" + a.fileKey() + ":" + a.creationTime();
                } catch (IOException x) {
                    yield null;
                }
            }
            case DatabaseConfig.External x -> "external:" + x.jdbcUrl() + ":" + x.user();
        };
    }

    /** How the last {@link #screener()} was made: "built", or "restored from" the cache file. */
    public synchronized String screenerSource() {
        return screenerSource;
    }

    /** Milliseconds the last {@link #screener()} build took (load + index, after the database is open), -1 before the first. */
    public synchronized long screenerBuildMillis() {
        return screenerMillis;
    }

    /** Of {@link #screenerBuildMillis()}, the milliseconds spent loading the lists from the database. */
    public synchronized long listsLoadMillis() {
        return listsLoadMillis;
    }

    /** Forgets the built engine, so the next {@link #screener()} sees lists imported since. */
    public synchronized void invalidateScreener() {
        screener = null;
        screeningCache().invalidate();
    }

    /**
     * The screening engine built from the lists in the database, or null while no list is loaded (evidence
     * intake then resolves actors through its own registry only).
     */
    public org.custody.screening.Screener screenerIfAvailable() {
        ScreeningEngine engine = screener();
        return engine.entityCount() == 0 ? null : engine;
    }
}
