package org.custody.evidence.extract;

import java.util.Optional;
import org.custody.evidence.Resolution;

/** Resolves an article phrase ("M1A1 Abrams tank") to a catalogue entry; backed by the article catalogue. */
@FunctionalInterface
public interface ArticleResolver {

    Optional<Resolution> resolve(String phrase);

    ArticleResolver NONE = phrase -> Optional.empty();
}
