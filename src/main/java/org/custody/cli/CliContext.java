package org.custody.cli;

import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.DatabaseConfig;

/**
 * What one CLI invocation shares between commands: the home folder and, opened on first use only,
 * the database (so commands that need none never start PostgreSQL).
 */
public final class CliContext implements AutoCloseable {

    private final CustodyHome home;
    private final boolean ownsDatabase;
    private Database database;

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
    }

    public CustodyHome home() {
        return home;
    }

    public synchronized Database database() {
        if (database == null) {
            home.ensureDirectory(".");
            database = Database.open(DatabaseConfig.resolve(home));
        }
        return database;
    }

    @Override
    public synchronized void close() {
        if (database != null && ownsDatabase) {
            database.close();
            database = null;
        }
    }

    /**
     * The screening engine built from the lists in the database, or null while no list is loaded (evidence
     * intake then resolves actors through its own registry only).
     */
    public org.custody.screening.Screener screenerIfAvailable() {
        return null;
    }
}
