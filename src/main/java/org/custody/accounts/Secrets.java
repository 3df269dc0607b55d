package org.custody.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session ids, CSRF tokens and API tokens: 256 random bits each. They are stored only as their SHA-256
 * (they are random, so a slow hash adds nothing), so the database never holds a usable secret.
 */
public final class Secrets {

    /** What every API token starts with, so one pasted somewhere it should not be is easy to find. */
    public static final String TOKEN_PREFIX = "cust_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    public static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String newApiToken() {
        return TOKEN_PREFIX + random();
    }

    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two strings in time independent of where they differ. */
    public static boolean sameSecret(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
