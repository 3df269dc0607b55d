package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.accounts.Role;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.accounts.AccountStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class UsersCommandTest {

    @TempDir
    static Path home;
    static Database db;
    static CliContext context;

    @BeforeAll
    static void open() {
        db = TestDatabases.fresh();
        context = new CliContext(new CustodyHome(home), db);
    }

    @AfterAll
    static void close() {
        context.close();
        db.close();
    }

    @Test
    void addPrintsAGeneratedPasswordOnceThatSignsInAndStoresOnlyItsHash() {
        CliRun add = CliRun.run(context, "users", "add", "Alice", "--role", "vetting-officer");
        assertThat(add.exitCode()).isEqualTo(0);
        Matcher m = Pattern.compile("Password of alice: (\\S+)").matcher(add.out());
        assertThat(m.find()).isTrue();
        String password = m.group(1);
        AccountStore store = new AccountStore(db);
        assertThat(store.authenticate("alice", password.toCharArray())).map(a -> a.role()).hasValue(Role.VETTING_OFFICER);
        String stored = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = 'alice'"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).startsWith("$argon2id$").doesNotContain(password);

        CliRun list = CliRun.run(context, "users", "list");
        assertThat(list.out()).contains("alice").contains("vetting_officer").contains("active");
        assertThat(CliRun.run(context, "users", "add", "alice", "--role", "analyst").exitCode()).isEqualTo(1);
    }

    @Test
    void tokensAreShownOnceWorkUntilRevokedAndDisablingStopsThem() {
        assertThat(CliRun.run(context, "users", "add", "bot", "--role", "analyst").exitCode()).isEqualTo(0);
        CliRun t = CliRun.run(context, "users", "token", "bot", "--name", "screening-client");
        assertThat(t.exitCode()).isEqualTo(0);
        String token = t.out().strip();
        assertThat(token).startsWith("cust_");
        AccountStore store = new AccountStore(db);
        assertThat(store.byToken(token)).isPresent();
        assertThat(CliRun.run(context, "users", "tokens").out()).contains("screening-client").doesNotContain(token);

        assertThat(CliRun.run(context, "users", "disable", "bot").exitCode()).isEqualTo(0);
        assertThat(store.byToken(token)).isEmpty();
        assertThat(CliRun.run(context, "users", "enable", "bot").exitCode()).isEqualTo(0);
        assertThat(store.byToken(token)).isPresent();
        assertThat(CliRun.run(context, "users", "revoke", "bot", "screening-client").exitCode()).isEqualTo(0);
        assertThat(store.byToken(token)).isEmpty();
        assertThat(CliRun.run(context, "users", "revoke", "bot", "screening-client").exitCode()).isEqualTo(1);

        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, "user:bot"));
        assertThat(audit).extracting(AuditEntry::action).containsExactly("account.create", "account.token.create",
                "account.disable", "account.enable", "account.token.revoke");
    }

    @Test
    void badRolesAndNamesAreUsageErrorsAndUnknownUsersAreNotFound() {
        CliRun role = CliRun.run(context, "users", "add", "carol", "--role", "root");
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("unknown role 'root'");
        assertThat(CliRun.run(context, "users", "add", "1x", "--role", "analyst").exitCode()).isEqualTo(2);
        CliRun passwd = CliRun.run(context, "users", "passwd", "nobody");
        assertThat(passwd.exitCode()).isEqualTo(1);
        assertThat(passwd.err()).contains("no user 'nobody'");
        assertThat(CliRun.run(context, "users", "role", "nobody", "auditor").exitCode()).isEqualTo(1);
    }

    @Test
    void theFirstAdminIsCreatedOnceWithAGeneratedPassword() {
        Database fresh = TestDatabases.fresh();
        try {
            AccountStore store = new AccountStore(fresh);
            var first = store.createFirstAdmin("operator");
            assertThat(first).isPresent();
            assertThat(new String(first.get())).hasSize(20);
            assertThat(store.authenticate("admin", first.get())).map(a -> a.role()).hasValue(Role.ADMIN);
            assertThat(store.createFirstAdmin("operator")).isEmpty();
            assertThat(store.list()).hasSize(1);
        } finally {
            fresh.close();
        }
    }
}
