package org.custody.accounts;

import java.time.Instant;

/** A local account: who signs in, in which role, and whether it may still sign in. */
public record Account(long id, String username, Role role, boolean disabled, Instant createdAt) {

    public boolean may(Capability c) {
        return !disabled && role.may(c);
    }
}
