package org.custody.screening;

/**
 * The screening engine as the rest of Custody sees it: vetting, evidence intake and diversion detection
 * call this, never the index or scorer directly.
 */
public interface Screener {

    ScreeningResult screen(ScreeningQuery query);

    /** Compare two names directly with the same scorer screening uses. */
    Comparison compare(String name1, String name2, org.custody.lists.Schema schema);
}
