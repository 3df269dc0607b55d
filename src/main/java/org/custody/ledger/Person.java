package org.custody.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A person who may hold command posts: a commander or officer of a recipient unit. */
public record Person(long id, Optional<String> code, String name, Optional<LocalDate> birthDate,
                     Optional<String> nationality, List<String> aliases) {

    public Person {
        aliases = List.copyOf(aliases);
    }

    public List<String> names() {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(name);
        aliases.stream().filter(a -> !a.equals(name)).forEach(out::add);
        return out;
    }
}
