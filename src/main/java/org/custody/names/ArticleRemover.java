package org.custody.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Arabic article is written "al-", "el-", "ul-", "Al " or assimilated to the next consonant
 * ("ash-Shuhada", "ad-Din", "as-Sayyid"); lists keep or drop it at will, so it is removed. An assimilated
 * form is removed only before a word starting with its consonant, so the legal form "AS" or the word
 * "AT" elsewhere survive. A name is never emptied.
 */
public final class ArticleRemover implements AnalysisStep.TokenStep {
    static final Set<String> ARTICLES = Set.of("al", "el", "ul");
    static final Set<String> ASSIMILATED = Set.of("ad", "an", "ar", "as", "ash", "at", "az", "ath", "adh",
            "ud", "un", "ur", "us", "ush", "ut", "uz", "ed", "en", "er", "es", "esh", "et", "ez");

    @Override public String name() { return "arabic-article"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            boolean article = ARTICLES.contains(t);
            if (!article && ASSIMILATED.contains(t) && i + 1 < tokens.size()) {
                String next = tokens.get(i + 1).text();
                String consonant = t.substring(1);
                article = next.startsWith(consonant) && next.length() > consonant.length() + 1;
            }
            if (!article) out.add(tokens.get(i));
        }
        if (out.isEmpty() || out.size() == tokens.size()) return tokens;
        return out;
    }
}
