package org.custody.diversion;

import java.util.Optional;

/**
 * Whether a holder, its parent organisation or an affiliate is designated (port; the adapter asks the
 * screening engine and walks the affiliation graph).
 */
public interface DesignationView {

    Optional<Designation> designation(Actor holder);

    /** No list knowledge at all: nothing is designated. Used when no lists are loaded. */
    DesignationView NONE = holder -> Optional.empty();
}
