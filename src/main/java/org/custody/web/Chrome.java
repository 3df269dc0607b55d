package org.custody.web;

import io.javalin.http.Context;
import org.custody.accounts.Capability;
import org.custody.server.Principal;
import org.custody.server.ServerApp;

/**
 * What every page's frame shows: its title, the signed-in user and role, the CSRF token its forms carry,
 * which part of the navigation is current, and a notice or error from the last form (post-redirect-get).
 */
public record Chrome(String title, String section, String user, String role, String csrf, String notice, String error,
                     Principal principal) {

    public static Chrome of(Context ctx, String title, String section) {
        Principal p = ServerApp.principal(ctx);
        return new Chrome(title, section, p.username(), p.account().role().wire(),
                p.csrfToken() == null ? "" : p.csrfToken(), blankToNull(ctx.queryParam("done")), blankToNull(ctx.queryParam("error")), p);
    }

    /** Whether the signed-in account may do this (forms it may not use are not shown). */
    public boolean may(Capability c) {
        return principal.account().may(c);
    }

    public String current(String s) {
        return s.equals(section) ? "page" : "false";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
