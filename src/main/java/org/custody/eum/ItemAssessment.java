package org.custody.eum;

import java.time.LocalDate;
import java.util.Optional;

/** One item's state on a day, with the sentence that explains it. */
public record ItemAssessment(ItemHistory item, ItemState state, Optional<LocalDate> lastVerified, String explanation) {}
