package org.custody.evidence;

import java.util.List;

/** Everything extraction found in one document (before storage assigns near-duplicate and story links). */
public record Analysis(SourceDocument document, List<Mention> mentions, List<Claim> claims, List<Quote> quotes,
                       List<Origin> origins) {
    public Analysis {
        mentions = List.copyOf(mentions);
        claims = List.copyOf(claims);
        quotes = List.copyOf(quotes);
        origins = List.copyOf(origins);
    }

    public List<Mention> mentions(MentionType type) {
        return mentions.stream().filter(m -> m.type() == type).toList();
    }
}
