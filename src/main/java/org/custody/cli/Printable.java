package org.custody.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import org.custody.names.InvisibleCharacterRemover;

/**
 * Output never echoes control or invisible characters: a name or message carrying an ESC colour
 * sequence, a bidi override or a zero-width space is printed with those characters written as visible
 * {@code \\u001B}-style escapes, so input cannot repaint the terminal or hide text in it.
 */
final class Printable {

    private Printable() {}

    /** {@code text} with every invisible character except the line break written as {@code \\uXXXX}. */
    static String text(String text) {
        if (text == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean escape = cp != '\n' && cp != '\t' && InvisibleCharacterRemover.isInvisible(cp);
            if (escape) {
                if (sb == null) sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                sb.append(cp > 0xFFFF ? "\\U%08X".formatted(cp) : "\\u%04X".formatted(cp));
            } else if (sb != null) {
                sb.appendCodePoint(cp);
            }
            i = next;
        }
        return sb == null ? text : sb.toString();
    }

    /** Jackson escapes for JSON output: invisible characters as {@code \\uXXXX} (C0 controls Jackson escapes already). */
    static final class JsonEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        JsonEscapes() {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch >= 0x80 && InvisibleCharacterRemover.isInvisible(ch)) {
                return new SerializedString("\\u%04x".formatted(ch));
            }
            return null;
        }
    }
}
