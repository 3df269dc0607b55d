package org.custody.accounts;

import java.util.regex.Pattern;

/** What an account name may be: what the audit log records as the actor, so short and unambiguous. */
public final class UserNames {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    private UserNames() {}

    /** The name in lower case, or an IllegalArgumentException saying what is wrong with it. */
    public static String check(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("user name '" + name + "' must be 2-32 characters: a letter, "
                    + "then letters, digits, '.', '_' or '-'");
        }
        return n;
    }
}
