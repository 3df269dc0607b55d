package org.custody.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A person to be recorded; {@code code} is an optional stable key for import files. */
public record NewPerson(Optional<String> code, String name, Optional<LocalDate> birthDate,
                        Optional<String> nationality, List<String> aliases) {

    public NewPerson {
        name = Texts.required(name, "person name");
        code = code.map(String::trim).filter(s -> !s.isEmpty());
        nationality = nationality.map(String::trim).filter(s -> !s.isEmpty());
        aliases = aliases.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
