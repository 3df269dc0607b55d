package org.custody.cli;

import org.custody.audit.AuditCheckpoints;
import org.custody.config.CustodyHome;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.DatabaseConfig;
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
        if (database == null) {
            home.ensureDirectory(".");
            database = Database.open(DatabaseConfig.resolve(home));
            anchorAudit(database);
        }
        return database;
    }

    /** Every commit's audit head is signed and exported to {@code $CUSTODY_HOME/audit} (see AuditCheckpoints). */
    private void anchorAudit(Database db) {
        AuditCheckpoints cp = auditCheckpoints();
        db.onCommit(cp::export);
    }

    /** This installation's audit checkpoint key and log, in {@code $CUSTODY_HOME/audit}. */
    public synchronized AuditCheckpoints auditCheckpoints() {
        if (checkpoints == null) checkpoints = AuditCheckpoints.open(home.resolve("audit"));
        return checkpoints;
    }

    @Override
    public synchronized void close() {
        if (database != null && ownsDatabase) {
            database.close();
            database = null;
        }
    }

    /**
     * The screening engine over every list's current version, built on first use from
     * {@link WatchlistStore#loadCurrent()} (one snapshot row per list) and kept for the invocation. Its
     * results name the list versions they were computed from. With no list imported it screens nothing.
     */
    public synchronized ScreeningEngine screener() {
        if (screener == null) {
            WatchlistStore store = new WatchlistStore(database());   // opening the database is not counted
            long t0 = System.nanoTime();
            WatchlistStore.CurrentLists current = store.loadCurrent();
            long t1 = System.nanoTime();
            screener = ScreeningEngine.build(current.entities(), current.versions());
            listsLoadMillis = (t1 - t0) / 1_000_000;
            screenerMillis = (System.nanoTime() - t0) / 1_000_000;
        }
        return screener;
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
