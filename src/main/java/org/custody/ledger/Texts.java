package org.custody.ledger;

/** Small checks shared by the ledger's value types. */
final class Texts {

    private Texts() {}

    static String required(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " is empty");
        return value.trim();
    }
}
