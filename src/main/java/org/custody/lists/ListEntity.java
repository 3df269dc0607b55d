package org.custody.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A list-neutral entity: one designated person, organisation, vessel or aircraft as one list names it.
 * {@code id} is unique across lists ("ofac-sdn:11462", "un-sc:QDi.001").
 */
public record ListEntity(
        String id,
        String listId,
        String sourceId,
        Schema schema,
        String primaryName,
        List<Alias> aliases,
        List<String> programs,
        List<String> birthDates,
        List<String> nationalities,
        List<Address> addresses,
        List<Identifier> identifiers,
        String remarks) {

    public ListEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(primaryName, "primaryName");
        aliases = List.copyOf(aliases);
        programs = List.copyOf(programs);
        birthDates = List.copyOf(birthDates);
        nationalities = List.copyOf(nationalities);
        addresses = List.copyOf(addresses);
        identifiers = List.copyOf(identifiers);
        remarks = remarks == null ? "" : remarks;
    }

    /** The primary name followed by every alias: what screening indexes. */
    public List<Alias> allNames() {
        List<Alias> names = new ArrayList<>(aliases.size() + 1);
        names.add(Alias.primary(primaryName));
        names.addAll(aliases);
        return names;
    }
}
