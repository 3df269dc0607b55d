package org.custody.diversion;

import java.util.List;

/** Resolves a holder as written to its canonical {@link Identity} (port; adapters use registry and watchlists). */
public interface IdentityView {

    Identity identify(Actor actor);

    /** No resolution: every actor is its own identity, keyed by id or folded name. */
    static IdentityView asWritten() {
        return a -> new Identity(a.key(), a.name(), null, List.of(), "as written");
    }
}
