package org.custody.server;

import org.custody.accounts.Account;

/**
 * Who a request is made by and how it proved it: a browser session (which carries the CSRF token its
 * state-changing requests must echo) or an API token (no CSRF: a bearer token is never sent by a browser
 * on its own).
 */
public record Principal(Account account, Via via, String csrfToken) {

    public enum Via { SESSION, TOKEN }

    public String username() {
        return account.username();
    }
}
