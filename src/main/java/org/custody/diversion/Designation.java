package org.custody.diversion;

import java.util.List;

/**
 * The holder, or an organisation it belongs to, is on a watchlist.
 *
 * @param path        SELF (the holder itself), PARENT (an organisation it is part of) or AFFILIATE (backed by,
 *                    member of)
 * @param viaName     the name that was screened (the holder's or its parent's)
 * @param entityId    the watchlist entity hit
 * @param listedName  the listed name
 * @param lists       the lists the entity is on (e.g. "us-ofac-sdn")
 * @param matchScore  the screening engine's match score
 * @param explanation the screening engine's explanation and the affiliation path, in words
 */
public record Designation(Path path, String viaName, String entityId, String listedName, List<String> lists,
                          double matchScore, String explanation) {

    public enum Path { SELF, PARENT, AFFILIATE }

    public Designation {
        lists = List.copyOf(lists);
    }
}
