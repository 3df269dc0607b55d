package org.custody.names;

import java.util.Objects;

/**
 * One token of an analysed name.
 *
 * @param text     the folded form compared by screening ("kasem", "brigade")
 * @param surface  the token as it stood after tokenisation, before token filters ("qasem", "kataib")
 * @param weak     an organisation-type word: evidence, but weak evidence ("LLC", "Brigades")
 * @param abjad    came from a script that does not write short vowels (Arabic, Persian), so it is
 *                 compared by its consonant skeleton
 */
public record NameToken(String text, String surface, boolean weak, boolean abjad) {
    public NameToken {
        Objects.requireNonNull(text, "text");
        surface = surface == null ? text : surface;
    }

    public static NameToken of(String text, boolean abjad) {
        return new NameToken(text, text, false, abjad);
    }

    public NameToken withText(String newText) {
        return new NameToken(newText, surface, weak, abjad);
    }

    public NameToken asWeak(String canonical) {
        return new NameToken(canonical, surface, true, abjad);
    }
}
