package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custody.lists.ListEntity;

/**
 * Finding 2 of the hardening issue: invisible characters must not evade screening. Inserting any
 * invisible character (format, control, default-ignorable) anywhere in any listed name leaves the top
 * score of screening that name unchanged.
 */
class InvisibleCharacterEvasionProperties {

    /** Every kind of invisible character: Cf, Cc (not the whitespace controls), default-ignorables, lone ESC. */
    static final List<Integer> INVISIBLE = List.of(0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x180E,
            0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062,
            0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x206A, 0x206F, 0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFFA0,
            0x1D173, 0xE0001, 0xE0041, 0xE007F, 0xE0100, 0x0000, 0x0001, 0x0007, 0x0008, 0x000E, 0x001B, 0x001F,
            0x007F, 0x0080, 0x009B, 0x009F);

    record Insertion(String name, int at, int codePoint) {
        String apply() {
            int pos = Math.min(at, name.length());
            if (pos > 0 && Character.isHighSurrogate(name.charAt(pos - 1))) pos--;
            return name.substring(0, pos) + new String(Character.toChars(codePoint)) + name.substring(pos);
        }
    }

    @Provide
    Arbitrary<Insertion> insertions() {
        List<String> names = SdnFixture.ENTITIES.stream().map(ListEntity::primaryName).toList();
        return Combinators.combine(Arbitraries.of(names), Arbitraries.integers().between(0, 80),
                Arbitraries.of(INVISIBLE)).as(Insertion::new);
    }

    @Property(tries = 400)
    void insertingAnInvisibleCharacterAnywhereInAListedNameLeavesItsScoreUnchanged(@ForAll("insertions") Insertion i) {
        double clean = top(i.name());
        double dressed = top(i.apply());
        assertThat(dressed).as("%s with U+%04X at %d", i.name(), i.codePoint(), i.at()).isEqualTo(clean);
    }

    @Property(tries = 100)
    void severalInvisibleCharactersAndAColourSequenceChangeNothing(@ForAll("insertions") Insertion a,
                                                                    @ForAll("insertions") Insertion b) {
        String name = a.name();
        String dressed = new Insertion(new Insertion(name, a.at(), a.codePoint()).apply(), b.at(), b.codePoint()).apply();
        dressed = "\u001B[1;31m" + dressed + "\u001B[0m";
        assertThat(top(dressed)).as(dressed).isEqualTo(top(name));
    }

    @Example
    void osamaBinLadenStillAlertsWithAZeroWidthSpaceASoftHyphenOrAnEscapeSequence() {
        double plain = top("Osama bin Laden");
        for (String q : List.of("Osama bin La\u200Bden", "Osama bin La\u00ADden", "Osama \u001B[31mbin\u001B[0m Laden",
                "\u041Esama bin Laden")) {
            ScreeningResult r = SdnFixture.ENGINE.screen(ScreeningQuery.of(q));
            assertThat(r.hits().getFirst().score()).as(q).isEqualTo(plain);
            assertThat(r.alerts()).as(q).isNotEmpty();
        }
    }

    private static double top(String q) {
        List<Hit> hits = SdnFixture.ENGINE.screen(ScreeningQuery.of(q)).hits();
        return hits.isEmpty() ? 0 : hits.getFirst().score();
    }
}
