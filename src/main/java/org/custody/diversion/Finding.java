package org.custody.diversion;

import java.util.List;

/**
 * Detection's conclusion about one holder and one article: the sighting, its score and breakdown, and
 * whether it warrants a case, with the reason in words.
 *
 * @param key the case key: holder key and article group ({@code holderKey|articleKey}); the same holder and
 *            article always map to the same case
 */
public record Finding(String key, Sighting sighting, double score, List<Factor> factors, boolean opensCase,
                      String reason) {

    public Finding {
        factors = List.copyOf(factors);
    }
}
