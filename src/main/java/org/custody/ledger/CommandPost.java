package org.custody.ledger;

import java.time.LocalDate;
import java.util.Optional;

/** A person holding a post (e.g. "commander") over a unit from {@code start} to {@code end} (open if empty). */
public record CommandPost(long id, long personId, long unitId, String title, LocalDate start, Optional<LocalDate> end) {

    public CommandPost {
        title = Texts.required(title, "post title");
        if (start == null) throw new IllegalArgumentException("post start date is missing");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new IllegalArgumentException("post ends (" + end.get() + ") before it starts (" + start + ")");
        }
    }

    /** Whether the post was held on {@code date} (both ends inclusive). */
    public boolean heldOn(LocalDate date) {
        return !date.isBefore(start) && end.map(e -> !date.isAfter(e)).orElse(true);
    }
}
