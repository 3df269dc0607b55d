package org.custody.cli;

import org.custody.screening.Screener;
import org.custody.vetting.ListedEntries;

/** Where vetting gets the screening engine and listed entities' content from (TEMPORARY until lists land). */
final class VetLists {

    private VetLists() {}

    static Screener screener(CliContext context) {
        throw new IllegalStateException("TODO: wire CliContext.screener() once published");
    }

    static ListedEntries entries(CliContext context) {
        throw new IllegalStateException("TODO: wire the lists store once published");
    }
}
