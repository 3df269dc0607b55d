package org.custody.vetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custody.lists.Schema;

/** A node with the names it is screened under: its name first, then its aliases. */
public record Party(NodeRef ref, String name, List<String> aliases, Schema schema) {
    public Party {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        aliases = List.copyOf(aliases);
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
