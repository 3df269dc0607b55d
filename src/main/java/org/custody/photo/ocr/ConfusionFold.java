package org.custody.photo.ocr;

import org.custody.ledger.SerialKey;

/**
 * The form of a serial in which the characters a reader confuses in paint and stencil meet: the ledger's
 * {@link SerialKey} (upper case, letters and digits, separators dropped), then O→0, I→1, L→1, S→5, B→8,
 * Z→2, G→6. Folding goes to the digit, so "0" read as "O" and "O" read as "0" land on the same key.
 * The same mapping is the database's {@code translate(serial_key, 'OILSBZG', '0115826')} (V75), so a
 * folded read can be looked up among the ledger's serials.
 */
public final class ConfusionFold {

    /** The letters folded, in the order of {@link #DIGITS}; kept equal to V75's translate(). */
    public static final String LETTERS = "OILSBZG";
    public static final String DIGITS = "0115826";

    private ConfusionFold() {}

    /** The folded form of a serial as written or read. */
    public static String of(String serial) {
        return foldKey(SerialKey.of(serial));
    }

    /** The folded form of a string already in {@link SerialKey} form. */
    public static String foldKey(String key) {
        char[] out = key.toCharArray();
        for (int i = 0; i < out.length; i++) {
            int at = LETTERS.indexOf(out[i]);
            if (at >= 0) out[i] = DIGITS.charAt(at);
        }
        return new String(out);
    }
}
