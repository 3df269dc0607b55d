package org.custody.ledger;

import java.util.List;
import java.util.Optional;

/** A unit to be recorded; {@code parentCode} names an already-recorded parent unit. */
public record NewOrgUnit(String code, String name, Echelon echelon, String country, Optional<String> parentCode,
                         List<String> aliases, Optional<AreaOfOperation> area) {

    public NewOrgUnit {
        code = Texts.required(code, "unit code");
        name = Texts.required(name, "unit name");
        country = Texts.required(country, "unit country");
        if (echelon == null) throw new IllegalArgumentException("unit echelon is missing");
        parentCode = parentCode.map(String::trim).filter(s -> !s.isEmpty());
        if (parentCode.isPresent() && parentCode.get().equals(code)) {
            throw new IllegalArgumentException("unit " + code + " cannot be its own parent");
        }
        aliases = aliases.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
