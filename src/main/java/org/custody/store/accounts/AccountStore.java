package org.custody.store.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custody.accounts.Account;
import org.custody.accounts.PasswordHasher;
import org.custody.accounts.PasswordPolicy;
import org.custody.accounts.Role;
import org.custody.accounts.Secrets;
import org.custody.accounts.UserNames;
import org.custody.audit.AuditLog;
import org.custody.store.Database;

/**
 * Accounts, sessions and API tokens (V60). Every change to an account is one transaction with its
 * audit-log entry; the actor is whoever made it (an admin through the server, or the command-line user).
 * Sign-ins and sessions are not audited one by one (they change no decision), only their failures are
 * counted by the server's throttle.
 */
public final class AccountStore {

    /** How long a browser session lasts after sign-in. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    private final Database db;

    public AccountStore(Database db) {
        this.db = db;
    }

    /** A signed-in browser session: its account and the CSRF token every state-changing request must echo. */
    public record Session(Account account, String csrfToken, Instant expiresAt) {}

    /** A newly created session: the id goes into the cookie and is never stored. */
    public record NewSession(String id, Session session) {}

    /** An API token as listed (the secret itself is shown once, at creation). */
    public record TokenInfo(long id, String username, String name, Instant createdAt, Instant revokedAt) {}

    public boolean anyAccount() {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM app_user)"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /**
     * On a database with no account at all, creates {@code admin} with a generated password and returns
     * that password (to be printed once); otherwise empty. Concurrent first starts create one admin.
     */
    public Optional<char[]> createFirstAdmin(String actor) {
        char[] password = PasswordPolicy.generate();
        String hash = PasswordHasher.hash(password);
        boolean created = db.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.execute("LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE");
            }
            try (var ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM app_user)"); var rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) return false;
            }
            insert(c, "admin", Role.ADMIN, hash);
            AuditLog.append(c, actor, "account.create", "user:admin", "{\"role\":\"admin\",\"first_start\":true}");
            return true;
        });
        return created ? Optional.of(password) : Optional.empty();
    }

    public Account create(String username, Role role, char[] password, String actor) {
        String name = UserNames.check(username);
        PasswordPolicy.check(password);
        String hash = PasswordHasher.hash(password);
        return db.inTransaction(c -> {
            if (find(c, name).isPresent()) throw new IllegalArgumentException("user '" + name + "' already exists");
            Account a = insert(c, name, role, hash);
            AuditLog.append(c, actor, "account.create", "user:" + name, "{\"role\":\"" + role.wire() + "\"}");
            return a;
        });
    }

    private static Account insert(Connection c, String name, Role role, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user(username, role, password_hash) VALUES (?,?,?) "
                + "RETURNING id, username, role, disabled, created_at")) {
            ps.setString(1, name);
            ps.setString(2, role.wire());
            ps.setString(3, hash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return account(rs);
            }
        }
    }

    public List<Account> list() {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT id, username, role, disabled, created_at FROM app_user ORDER BY username");
                 var rs = ps.executeQuery()) {
                List<Account> out = new ArrayList<>();
                while (rs.next()) out.add(account(rs));
                return out;
            }
        });
    }

    public Optional<Account> find(String username) {
        return db.read(c -> find(c, username.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    private static Optional<Account> find(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id, username, role, disabled, created_at FROM app_user WHERE username = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        }
    }

    private Account require(Connection c, String username) throws SQLException {
        return find(c, username.trim().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new AccountNotFoundException("no user '" + username + "'"));
    }

    /**
     * The account when {@code password} is its password and it is not disabled. An unknown user costs a
     * hash computation too, so the answer's timing does not tell which user names exist.
     */
    public Optional<Account> authenticate(String username, char[] password) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        record Row(Account account, String hash) {}
        Optional<Row> row = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT id, username, role, disabled, created_at, password_hash FROM app_user WHERE username = ?")) {
                ps.setString(1, name);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(account(rs), rs.getString(6))) : Optional.empty();
                }
            }
        });
        if (row.isEmpty()) {
            PasswordHasher.verify(password, DUMMY_HASH);
            return Optional.empty();
        }
        boolean ok = PasswordHasher.verify(password, row.get().hash());
        return ok && !row.get().account().disabled() ? Optional.of(row.get().account()) : Optional.empty();
    }

    private static final String DUMMY_HASH = PasswordHasher.hash("not a password of anyone".toCharArray());

    public void setPassword(String username, char[] password, String actor) {
        PasswordPolicy.check(password);
        String hash = PasswordHasher.hash(password);
        db.inTransaction(c -> {
            Account a = require(c, username);
            try (var ps = c.prepareStatement("UPDATE app_user SET password_hash = ?, password_changed_at = now() WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, a.id());
                ps.executeUpdate();
            }
            // a changed password ends every session of the account
            try (var ps = c.prepareStatement("DELETE FROM app_session WHERE user_id = ?")) {
                ps.setLong(1, a.id());
                ps.executeUpdate();
            }
            announceChange(c, a.username());
            AuditLog.append(c, actor, "account.password", "user:" + a.username(), "{}");
            return null;
        });
    }

    /** Disables (or enables again) an account; disabling ends its sessions and stops its tokens. */
    public Account setDisabled(String username, boolean disabled, String actor) {
        return db.inTransaction(c -> {
            Account a = require(c, username);
            try (var ps = c.prepareStatement("UPDATE app_user SET disabled = ? WHERE id = ?")) {
                ps.setBoolean(1, disabled);
                ps.setLong(2, a.id());
                ps.executeUpdate();
            }
            if (disabled) {
                try (var ps = c.prepareStatement("DELETE FROM app_session WHERE user_id = ?")) {
                    ps.setLong(1, a.id());
                    ps.executeUpdate();
                }
            }
            announceChange(c, a.username());
            AuditLog.append(c, actor, disabled ? "account.disable" : "account.enable", "user:" + a.username(), "{}");
            return new Account(a.id(), a.username(), a.role(), disabled, a.createdAt());
        });
    }

    public Account setRole(String username, Role role, String actor) {
        return db.inTransaction(c -> {
            Account a = require(c, username);
            try (var ps = c.prepareStatement("UPDATE app_user SET role = ? WHERE id = ?")) {
                ps.setString(1, role.wire());
                ps.setLong(2, a.id());
                ps.executeUpdate();
            }
            announceChange(c, a.username());
            AuditLog.append(c, actor, "account.role", "user:" + a.username(),
                    "{\"from\":\"" + a.role().wire() + "\",\"to\":\"" + role.wire() + "\"}");
            return new Account(a.id(), a.username(), role, a.disabled(), a.createdAt());
        });
    }

    // ---- change notices (a server's token cache listens) ----

    /** The PostgreSQL channel on which account changes are announced (to whichever server process listens). */
    public static final String CHANNEL = "custody_accounts";

    /**
     * Announces, on commit, that an account's password, state, role or tokens changed, so a running
     * server forgets what it cached about tokens at once, whichever process made the change.
     */
    private static void announceChange(Connection c, String username) throws SQLException {
        try (var ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            ps.setString(1, username);
            ps.execute();
        }
    }

    /**
     * Listens for account changes announced by any process on this database and calls {@code onChange}
     * for each (and once whenever the listening connection is lost, since a change may have been missed),
     * on a daemon thread of its own connection, until closed.
     */
    public AutoCloseable listenForChanges(Runnable onChange) {
        ChangeListener l = new ChangeListener(db, onChange);
        Thread.ofPlatform().daemon().name("custody-account-changes").start(l);
        return l;
    }

    private static final class ChangeListener implements Runnable, AutoCloseable {
        private final Database db;
        private final Runnable onChange;
        private volatile boolean closed;

        ChangeListener(Database db, Runnable onChange) {
            this.db = db;
            this.onChange = onChange;
        }

        @Override
        public void run() {
            while (!closed) {
                try (Connection c = db.dataSource().getConnection()) {
                    c.setAutoCommit(true);
                    try (var st = c.createStatement()) {
                        st.execute("LISTEN " + CHANNEL);
                    }
                    org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
                    while (!closed) {
                        org.postgresql.PGNotification[] ns = pg.getNotifications(1000);
                        if (ns != null && ns.length > 0) onChange.run();
                    }
                } catch (SQLException | RuntimeException e) {
                    if (closed) return;
                    onChange.run();   // a notice may have been lost with the connection
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    // ---- sessions ----

    public NewSession openSession(Account account, Instant now) {
        String id = Secrets.random();
        String csrf = Secrets.random();
        Instant expires = now.plus(SESSION_LIFETIME);
        db.inTransaction(c -> {
            try (var ps = c.prepareStatement("DELETE FROM app_session WHERE expires_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("INSERT INTO app_session(id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, Secrets.sha256(id));
                ps.setLong(2, account.id());
                ps.setString(3, csrf);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(expires));
                ps.executeUpdate();
            }
            return null;
        });
        return new NewSession(id, new Session(account, csrf, expires));
    }

    /** The live session with this id (from the cookie) of an enabled account. */
    public Optional<Session> session(String id, Instant now) {
        if (id == null || id.isEmpty() || id.length() > 100) return Optional.empty();
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT u.id, u.username, u.role, u.disabled, u.created_at, s.csrf_token, s.expires_at "
                    + "FROM app_session s JOIN app_user u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires_at > ? AND NOT u.disabled")) {
                ps.setString(1, Secrets.sha256(id));
                ps.setTimestamp(2, Timestamp.from(now));
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Session(account(rs), rs.getString(6), rs.getTimestamp(7).toInstant()))
                            : Optional.empty();
                }
            }
        });
    }

    public void closeSession(String id) {
        if (id == null) return;
        db.inTransaction(c -> {
            try (var ps = c.prepareStatement("DELETE FROM app_session WHERE id_hash = ?")) {
                ps.setString(1, Secrets.sha256(id));
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---- API tokens ----

    /** Creates a named API token for a user and returns its secret (shown once; only its hash is kept). */
    public String createToken(String username, String name, String actor) {
        String tokenName = name == null || name.isBlank() ? "token" : name.trim();
        if (tokenName.length() > 64) throw new IllegalArgumentException("a token name may have at most 64 characters");
        String secret = Secrets.newApiToken();
        db.inTransaction(c -> {
            Account a = require(c, username);
            try (var ps = c.prepareStatement("SELECT 1 FROM api_token WHERE user_id = ? AND name = ?")) {
                ps.setLong(1, a.id());
                ps.setString(2, tokenName);
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) throw new IllegalArgumentException("user '" + a.username() + "' already has a token named '" + tokenName + "'");
                }
            }
            try (var ps = c.prepareStatement("INSERT INTO api_token(user_id, name, token_hash) VALUES (?,?,?)")) {
                ps.setLong(1, a.id());
                ps.setString(2, tokenName);
                ps.setString(3, Secrets.sha256(secret));
                ps.executeUpdate();
            }
            AuditLog.append(c, actor, "account.token.create", "user:" + a.username(), "{\"name\":" + jsonString(tokenName) + "}");
            return null;
        });
        return secret;
    }

    public void revokeToken(String username, String name, String actor) {
        db.inTransaction(c -> {
            Account a = require(c, username);
            try (var ps = c.prepareStatement("UPDATE api_token SET revoked_at = now() WHERE user_id = ? AND name = ? AND revoked_at IS NULL")) {
                ps.setLong(1, a.id());
                ps.setString(2, name);
                if (ps.executeUpdate() == 0) throw new AccountNotFoundException("user '" + a.username() + "' has no live token named '" + name + "'");
            }
            announceChange(c, a.username());
            AuditLog.append(c, actor, "account.token.revoke", "user:" + a.username(), "{\"name\":" + jsonString(name) + "}");
            return null;
        });
    }

    public List<TokenInfo> tokens() {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT t.id, u.username, t.name, t.created_at, t.revoked_at FROM api_token t "
                    + "JOIN app_user u ON u.id = t.user_id ORDER BY u.username, t.name"); var rs = ps.executeQuery()) {
                List<TokenInfo> out = new ArrayList<>();
                while (rs.next()) {
                    Timestamp r = rs.getTimestamp(5);
                    out.add(new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            r == null ? null : r.toInstant()));
                }
                return out;
            }
        });
    }

    /** The enabled account a live API token belongs to. */
    public Optional<Account> byToken(String secret) {
        if (secret == null || !secret.startsWith(Secrets.TOKEN_PREFIX) || secret.length() > 100) return Optional.empty();
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT u.id, u.username, u.role, u.disabled, u.created_at FROM api_token t "
                    + "JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND NOT u.disabled")) {
                ps.setString(1, Secrets.sha256(secret));
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)), rs.getBoolean(4),
                rs.getTimestamp(5).toInstant());
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.append('"').toString();
    }

    /** No such user or token. */
    public static final class AccountNotFoundException extends RuntimeException {
        public AccountNotFoundException(String message) {
            super(message);
        }
    }
}
