package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleRemoverTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "al muhandis abu mahdi|muhandis abu mahdi",
            "el mohandes|mohandes",
            "kataib sayyid ash shuhada|kataib sayyid shuhada",   // assimilated article before its consonant
            "nur ad din|nur din",
            "tallinn as|tallinn as",                              // legal form AS kept
            "at home|at home",                                    // 'at' before another letter kept
            "al|al"})                                            // never emptied
    void removesArticle(String in, String out) {
        assertThat(TokenSteps.run(new ArticleRemover(), in)).isEqualTo(out);
    }
}
