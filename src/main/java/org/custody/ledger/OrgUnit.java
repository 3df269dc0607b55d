package org.custody.ledger;

import java.util.List;
import java.util.Optional;

/**
 * A recipient organisation unit (a ministry, service, division, brigade, battalion...). {@code parentId}
 * is empty for the top of a hierarchy. {@code code} is the stable key used by import files.
 */
public record OrgUnit(long id, String code, String name, Echelon echelon, String country, Optional<Long> parentId,
                      List<String> aliases, Optional<AreaOfOperation> area) {

    public OrgUnit {
        aliases = List.copyOf(aliases);
    }

    /** All names the unit is known by: its name first, then its aliases. */
    public List<String> names() {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(name);
        aliases.stream().filter(a -> !a.equals(name)).forEach(out::add);
        return out;
    }
}
