package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void invisibleCharactersAreShownAsEscapesAndLineBreaksAndTabsKept() {
        assertThat(Printable.text("a\u001B[31mb\u001B[0m")).isEqualTo("a\\u001B[31mb\\u001B[0m");
        assertThat(Printable.text("x\u200By\u202Ez\u00AD\u0000")).isEqualTo("x\\u200By\\u202Ez\\u00AD\\u0000");
        assertThat(Printable.text("line one\n\tline two")).isEqualTo("line one\n\tline two");
        assertThat(Printable.text("\uDB40\uDC41")).isEqualTo("\\U000E0041");
        assertThat(Printable.text("Осама بن لادن")).isEqualTo("Осама بن لادن");
    }

    @Test
    void jsonOutputEscapesInvisibleCharacters() {
        String line = Json.line(Map.of("q", "a\u001Bb\u200Bc\u202Ed\u007Fe\u0085f"));
        assertThat(line).isEqualTo("{\"q\":\"a\\u001Bb\\u200bc\\u202ed\\u007Fe\\u0085f\"}");
    }
}
