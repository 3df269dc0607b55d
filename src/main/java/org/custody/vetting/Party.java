package org.custody.vetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custody.lists.Schema;

/**
 * A node with the names it is screened under (its name first, then its aliases) and what the ledger knows
 * of it besides (null when unknown): a person's birth date and nationality, a unit's country (held in
 * {@code nationality}), which screening weighs as evidence.
 */
public record Party(NodeRef ref, String name, List<String> aliases, Schema schema, String birthDate,
                    String nationality) {
    public Party {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        aliases = List.copyOf(aliases);
    }

    public Party(NodeRef ref, String name, List<String> aliases, Schema schema) {
        this(ref, name, aliases, schema, null, null);
    }

    public List<String> allNames() {
        List<String> out = new ArrayList<>(aliases.size() + 1);
        out.add(name);
        for (String a : aliases) {
            if (!out.contains(a)) out.add(a);
        }
        return out;
    }
}
