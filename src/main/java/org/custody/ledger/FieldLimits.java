package org.custody.ledger;

import java.util.Locale;
import java.util.Optional;

/**
 * The longest value each ledger field may hold, and the characters none may hold. Identifiers (ids,
 * codes, lot numbers, serials, article ids, countries, echelons, the unit a lot went to) are at most
 * {@value #MAX_ID_CHARS} characters; free text (names, notes, justifications, descriptions) at most
 * {@value #MAX_TEXT_CHARS}. No field may contain NUL or another control character (tab excepted).
 * Documented in docs/ledger-format.md.
 */
public final class FieldLimits {

    public static final int MAX_ID_CHARS = 128;
    public static final int MAX_TEXT_CHARS = 4000;

    private FieldLimits() {}

    /** The maximum length of {@code field} (a CSV column or JSON key, in either spelling). */
    public static int maxChars(String field) {
        String f = field.toLowerCase(Locale.ROOT).replace("_", "");
        boolean id = f.endsWith("id") || f.endsWith("code") || f.startsWith("lot") || f.equals("article")
                || f.startsWith("serial") || f.equals("deliveredto") || f.equals("country") || f.equals("echelon")
                || f.equals("unit") || f.equals("person") || f.equals("recipient") || f.equals("supplier");
        return id ? MAX_ID_CHARS : MAX_TEXT_CHARS;
    }

    /** Why {@code value} of {@code field} is refused (control character with its position, or length), if it is. */
    public static Optional<String> problem(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of("contains the control character U+%04X at position %d".formatted((int) c, i + 1));
            }
        }
        int max = maxChars(field);
        if (value.length() > max) {
            return Optional.of("is " + value.length() + " characters long, at most " + max + " are allowed");
        }
        return Optional.empty();
    }
}
