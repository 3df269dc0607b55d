package org.custody.evidence.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The literal starts that let a sentence skip a claim trigger's expression. */
class TriggerAnchorsTest {

    @Test
    void eachTopLevelAlternativeGivesItsLiteralStart() {
        assertThat(ClaimExtractor.anchors("carr(?:y|ies|ied)|in the hands of|held by"))
                .containsExactly("carr", "in the hands of", "held by");
        // a leading look-behind is skipped; nested alternatives do not split
        assertThat(ClaimExtractor.anchors("(?<!-)suppl(?:y|ies)(?: [\\w-]+){0,8} to|hand(?:s|ed)?"))
                .containsExactly("suppl", "hand");
    }

    @Test
    void anAlternativeWithoutALiteralStartTurnsTheFilterOff() {
        // a group first, or a start shorter than two letters once an optional letter is dropped
        assertThat(ClaimExtractor.anchors("(?:found|made) (?:its|their) way to|sold to")).isNull();
        assertThat(ClaimExtractor.anchors("bought|us?ed")).isNull();
        assertThat(ClaimExtractor.anchors("s(?:old|ell) to")).isNull();
    }

    @Test
    void aQuantifiedLastLetterIsNotRequired() {
        // "fields?" may match "field": the anchor must not demand the "s"
        assertThat(ClaimExtractor.anchors("fields?|arms?")).containsExactly("field", "arm");
    }
}
