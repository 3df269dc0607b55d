package org.custody.accounts;

import java.security.SecureRandom;

/** How long a password must be, and the generated passwords Custody prints once (never a default one). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    /** No look-alikes (0/O, 1/l/I), so a password read off a terminal is typed right. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {}

    public static void check(char[] password) {
        if (password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a password may have at most " + MAX_LENGTH + " characters");
        }
    }

    /** 20 random characters from a 57-letter alphabet: about 116 bits. */
    public static char[] generate() {
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) out[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        return out;
    }
}
