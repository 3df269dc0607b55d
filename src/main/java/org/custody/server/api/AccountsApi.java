package org.custody.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custody.accounts.Account;
import org.custody.accounts.Capability;
import org.custody.accounts.PasswordPolicy;
import org.custody.accounts.Role;
import org.custody.accounts.UserNames;
import org.custody.audit.AuditLog;
import org.custody.server.ApiException;
import org.custody.server.Bodies;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.Services;
import org.custody.store.accounts.AccountStore;

/** Accounts and API tokens (admin only): the same operations as {@code custody users}. */
public final class AccountsApi {

    private final Services services;

    public AccountsApi(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("accounts")
                .get("/api/users", Capability.MANAGE_ACCOUNTS, "Accounts").paged().to(this::list)
                .post("/api/users", Capability.MANAGE_ACCOUNTS, "Create an account; without a password one is generated and returned once")
                .body("{username, role, password?}").to(this::create)
                .patch("/api/users/{username}", Capability.MANAGE_ACCOUNTS, "Change an account's role, disable or enable it, or set its password")
                .body("{role?, disabled?, password?}").to(this::update)
                .get("/api/tokens", Capability.MANAGE_ACCOUNTS, "API tokens (labels and dates, never the secrets)").paged().to(this::tokens)
                .post("/api/users/{username}/tokens", Capability.MANAGE_ACCOUNTS, "Create an API token (its secret is returned once)")
                .body("{name}").to(this::createToken)
                .delete("/api/users/{username}/tokens/{name}", Capability.MANAGE_ACCOUNTS, "Revoke an API token").to(this::revokeToken);
    }

    static Map<String, Object> json(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("role", a.role().wire());
        m.put("disabled", a.disabled());
        m.put("created_at", a.createdAt().toString());
        return m;
    }

    private void list(Context ctx) {
        ctx.json(Pagination.of(ctx).page(services.accounts().list().stream().map(AccountsApi::json).toList()));
    }

    private static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "role");
        }
    }

    private static char[] password(String text) {
        char[] p = text.toCharArray();
        try {
            PasswordPolicy.check(p);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "password");
        }
        return p;
    }

    private void create(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        String name;
        try {
            name = UserNames.check(Bodies.text(b, "username", true));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "username");
        }
        Role role = role(Bodies.text(b, "role", true));
        String given = Bodies.text(b, "password", false);
        char[] pw = given == null ? PasswordPolicy.generate() : password(given);
        if (services.accounts().find(name).isPresent()) throw ApiException.conflict("user '" + name + "' already exists");
        Account a = services.accounts().create(name, role, pw, AuditLog.currentActor());
        Map<String, Object> out = json(a);
        if (given == null) out.put("password", new String(pw));
        ctx.status(201).json(out);
    }

    private Account existing(String username) {
        return services.accounts().find(username).orElseThrow(() -> ApiException.notFound("no user '" + username + "'"));
    }

    private void update(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        Account a = existing(ctx.pathParam("username"));
        String roleText = Bodies.text(b, "role", false);
        Role role = roleText == null ? null : role(roleText);
        Boolean disabled = Bodies.bool(b, "disabled");
        String pwText = Bodies.text(b, "password", false);
        char[] pw = pwText == null ? null : password(pwText);
        if (role == null && disabled == null && pw == null) {
            throw ApiException.badRequest("nothing to change: give role, disabled or password", null);
        }
        String actor = AuditLog.currentActor();
        if (role != null && role != a.role()) a = services.accounts().setRole(a.username(), role, actor);
        if (disabled != null && disabled != a.disabled()) a = services.accounts().setDisabled(a.username(), disabled, actor);
        if (pw != null) services.accounts().setPassword(a.username(), pw, actor);
        services.authenticator().forgetTokens();
        ctx.json(json(a));
    }

    private void tokens(Context ctx) {
        ctx.json(Pagination.of(ctx).page(services.accounts().tokens().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("username", t.username());
            m.put("name", t.name());
            m.put("created_at", t.createdAt().toString());
            m.put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
            return m;
        }).toList()));
    }

    private void createToken(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        Account a = existing(ctx.pathParam("username"));
        String name = Bodies.text(b, "name", true);
        try {
            String secret = services.accounts().createToken(a.username(), name, AuditLog.currentActor());
            ctx.status(201).json(Map.of("username", a.username(), "name", name, "token", secret));
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private void revokeToken(Context ctx) {
        Account a = existing(ctx.pathParam("username"));
        try {
            services.accounts().revokeToken(a.username(), ctx.pathParam("name"), AuditLog.currentActor());
        } catch (AccountStore.AccountNotFoundException e) {
            throw ApiException.notFound(e.getMessage());
        }
        services.authenticator().forgetTokens();
        ctx.json(Map.of("username", a.username(), "name", ctx.pathParam("name"), "revoked", true));
    }
}
