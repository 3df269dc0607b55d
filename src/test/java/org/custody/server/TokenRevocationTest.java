package org.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.custody.accounts.LoginThrottle;
import org.custody.accounts.Role;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.accounts.AccountStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token revoked or an account disabled by another process (the command line, here a second
 * {@link AccountStore} on the same database, as {@code custody users revoke} opens one) stops working in
 * the server without waiting for its token cache to expire: the server's clock is frozen, so the cache
 * never expires by time, and only the database's change notice can make the server forget the token.
 */
@Tag("db")
class TokenRevocationTest {

    @TempDir
    static Path home;
    static Database db;
    static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        server = new TestServer(db, home, () -> ScreeningEngine.build(List.of(), List.of()), LoginThrottle.standard(),
                Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    /** Asks until the answer is 401, at most {@code tries} times half a second apart; the last status. */
    static int statusUntilRefused(String token, int tries) throws Exception {
        int s = 0;
        for (int i = 0; i < tries; i++) {
            s = server.get("/api/me", token).statusCode();
            if (s == 401) return s;
            Thread.sleep(500);
        }
        return s;
    }

    @Test
    void aTokenRevokedElsewhereIsRefusedWithoutWaitingForTheCache() throws Exception {
        String user = server.user(Role.ANALYST);
        String token = server.services.accounts().createToken(user, "elsewhere", "test");
        assertThat(server.get("/api/me", token).statusCode()).isEqualTo(200);   // now cached
        assertThat(server.get("/api/me", token).statusCode()).isEqualTo(200);
        new AccountStore(db).revokeToken(user, "elsewhere", "cli-user");
        assertThat(statusUntilRefused(token, 120)).isEqualTo(401);
    }

    @Test
    void anAccountDisabledElsewhereLosesItsTokens() throws Exception {
        String user = server.user(Role.AUDITOR);
        String token = server.services.accounts().createToken(user, "kept", "test");
        assertThat(server.get("/api/me", token).statusCode()).isEqualTo(200);
        new AccountStore(db).setDisabled(user, true, "cli-user");
        assertThat(statusUntilRefused(token, 120)).isEqualTo(401);
    }
}
