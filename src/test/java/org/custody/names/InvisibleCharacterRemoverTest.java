package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvisibleCharacterRemoverTest {

    private final InvisibleCharacterRemover step = new InvisibleCharacterRemover();

    @Test
    void latinOneShortcutAgreesWithIcuOnEveryCodePointItCovers() {
        // isInvisible answers below U+0100 without ICU's properties: the same answer as with them
        for (int cp = 0; cp < 0x100; cp++) {
            int type = Character.getType(cp);
            boolean full = type == Character.CONTROL || type == Character.FORMAT
                    || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
            assertThat(InvisibleCharacterRemover.isInvisible(cp)).as("U+%04X", cp).isEqualTo(full);
        }
        assertThat(InvisibleCharacterRemover.isInvisible(0x00AD)).isTrue();   // soft hyphen
        assertThat(InvisibleCharacterRemover.isInvisible(0x200B)).isTrue();   // zero-width space, through ICU
        assertThat(InvisibleCharacterRemover.isInvisible('A')).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Osama bin La\\u200Bden|Osama bin Laden",            // zero-width space
            "Osama bin La\\u00ADden|Osama bin Laden",            // soft hyphen
            "\\u202EOsama\\u202C bin Laden|Osama bin Laden",     // bidi override and pop
            "Os\\u200Cama\\u200D bin\\uFEFF Laden|Osama bin Laden", // joiners, BOM
            "Osama\\uFE0F bin Laden\\uDB40\\uDC41|Osama bin Laden", // variation selector, tag character
            "Osama \\u001B[31mbin\\u001B[0m Laden|Osama bin Laden", // ANSI colour
            "Osama \\u001B]0;title\\u0007bin Laden|Osama bin Laden", // OSC window title
            "Osama\\u001BBIN Laden|OsamaBIN Laden",              // a lone ESC never swallows a letter
            "Osama\\tbin\\nLaden|Osama bin Laden",               // whitespace controls become spaces
            "Osama\\u0000 bin\\u0007 Laden|Osama bin Laden",     // NUL and BEL
            "\\u041Esama bin Laden|Osama bin Laden",             // Cyrillic capital O in a Latin word
            "Os\\u0430ma bin L\\u0430den|Osama bin Laden",       // Cyrillic small a
            "\\u0406brahim|Ibrahim",                             // Cyrillic І: upper-case I, not l
            "\\u041E\\u0441\\u0430\\u043C\\u0430|\\u041E\\u0441\\u0430\\u043C\\u0430", // wholly Cyrillic: left alone
            "plain name|plain name"})
    void removesInvisibleCharactersAndFoldsConfusables(String in, String out) {
        assertThat(step.apply(unescape(in))).isEqualTo(unescape(out));
    }

    @Test
    void theStandardChainRunsItFirst() {
        assertThat(NameAnalyzer.standard().stepNames().getFirst()).isEqualTo("invisible-confusable");
        AnalysedName a = NameAnalyzer.standard().analyse("Usama bin La\u200Bden");
        assertThat(a.text()).isEqualTo(NameAnalyzer.standard().analyse("Usama bin Laden").text());
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && i + 5 < s.length() + 0 && s.charAt(i + 1) == 'u') {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (s.charAt(i) == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 't') {
                sb.append('\t');
                i++;
            } else if (s.charAt(i) == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'n') {
                sb.append('\n');
                i++;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
