package org.custody.server;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.custody.accounts.Account;
import org.custody.accounts.Secrets;
import org.custody.store.accounts.AccountStore;

/**
 * Finds the principal of a request: an {@code Authorization: Bearer} API token, else the session cookie.
 * A bearer header that is present but wrong is a 401 (never a silent fall-back to the cookie).
 * Token look-ups are kept for {@link #TOKEN_CACHE_MILLIS} so a busy machine client does not cost a
 * database round trip per request. A token revoked, or an account disabled, re-roled or given a new
 * password, is dropped at once: through this server directly, from another process (the command line)
 * through the database's change notice ({@link AccountStore#listenForChanges}); the time limit only
 * bounds how long a missed notice could matter.
 */
public final class Authenticator {

    public static final String SESSION_COOKIE = "custody_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    static final long TOKEN_CACHE_MILLIS = 10_000;

    private final AccountStore accounts;
    private final Clock clock;
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();

    private record Cached(Account account, long until) {}

    public Authenticator(AccountStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The request's principal, or empty when it carries neither a token nor a session cookie. */
    public Optional<Principal> principal(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && !auth.isBlank()) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ApiException.unauthorized("the Authorization header must be 'Bearer <API token>'");
            }
            String secret = auth.substring(7).trim();
            Account a = byToken(secret).orElseThrow(() -> ApiException.unauthorized("the API token is unknown, revoked, or its account is disabled"));
            return Optional.of(new Principal(a, Principal.Via.TOKEN, null));
        }
        String sid = ctx.cookie(SESSION_COOKIE);
        if (sid == null || sid.isEmpty()) return Optional.empty();
        return accounts.session(sid, clock.instant()).map(s -> new Principal(s.account(), Principal.Via.SESSION, s.csrfToken()));
    }

    private Optional<Account> byToken(String secret) {
        String key = Secrets.sha256(secret);
        long now = clock.millis();
        Cached c = tokens.get(key);
        if (c != null && c.until() > now) return Optional.of(c.account());
        Optional<Account> a = accounts.byToken(secret);
        if (a.isPresent()) tokens.put(key, new Cached(a.get(), now + TOKEN_CACHE_MILLIS));
        else tokens.remove(key);
        return a;
    }

    /** Forgets every cached token (after a token is revoked or an account changes through the server). */
    public void forgetTokens() {
        tokens.clear();
    }

    /** A state-changing request made with a session must carry the session's CSRF token (header or form field). */
    public static void checkCsrf(Context ctx, Principal p) {
        if (p.via() != Principal.Via.SESSION) return;
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isForm(ctx)) sent = ctx.formParam(CSRF_FIELD);
        if (!Secrets.sameSecret(sent, p.csrfToken())) {
            throw ApiException.forbidden("missing or wrong CSRF token (send the page's token as the " + CSRF_FIELD
                    + " form field or the " + CSRF_HEADER + " header)");
        }
    }

    static boolean isForm(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && (ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("multipart/form-data"));
    }
}
