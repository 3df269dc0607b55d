package org.custody.server;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.custody.config.CustodyHome;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.accounts.AccountStore;

/**
 * What the server's handlers share: the installation's home, its database, the accounts, and the
 * screening engine held in memory for the life of the process.
 */
public final class Services {

    private final CustodyHome home;
    private final Database database;
    private final AccountStore accounts;
    private final Supplier<ScreeningEngine> screenerSource;
    private final Clock clock;
    private final Authenticator authenticator;
    private final Jobs jobs = new Jobs();
    private volatile ScreeningEngine screener;
    private final Runnable dropScreener;

    /**
     * @param screenerSource builds (or restores) the engine over the current list versions; called once
     *                       at start and again after a list import through the server
     */
    public Services(CustodyHome home, Database database, Supplier<ScreeningEngine> screenerSource, Clock clock) {
        this(home, database, screenerSource, () -> { }, clock);
    }

    /** @param dropScreener makes {@code screenerSource} build afresh (after the lists changed) */
    public Services(CustodyHome home, Database database, Supplier<ScreeningEngine> screenerSource, Runnable dropScreener,
                    Clock clock) {
        this.dropScreener = dropScreener;
        this.home = Objects.requireNonNull(home);
        this.database = Objects.requireNonNull(database);
        this.accounts = new AccountStore(database);
        this.screenerSource = Objects.requireNonNull(screenerSource);
        this.clock = clock;
        this.authenticator = new Authenticator(accounts, clock);
    }

    /** Long work started by requests (uploads, list updates), polled through GET /api/jobs/{id}. */
    public Jobs jobs() {
        return jobs;
    }

    /** Finds a request's principal; {@link Authenticator#forgetTokens()} after an account or token change. */
    public Authenticator authenticator() {
        return authenticator;
    }

    public CustodyHome home() {
        return home;
    }

    public Database database() {
        return database;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public Clock clock() {
        return clock;
    }

    /** The engine in memory (built on first use). */
    public ScreeningEngine screener() {
        ScreeningEngine s = screener;
        if (s == null) {
            synchronized (this) {
                if (screener == null) screener = screenerSource.get();
                s = screener;
            }
        }
        return s;
    }

    /** Forgets the engine (and its cache) once the lists changed: it is built again from the new versions. */
    public void dropScreener() {
        dropScreener.run();
    }

    /** After the lists changed: the engine is rebuilt now, and requests use the new one from then on. */
    public void reloadScreener() {
        dropScreener.run();
        ScreeningEngine fresh = screenerSource.get();
        synchronized (this) {
            screener = fresh;
        }
    }
}
