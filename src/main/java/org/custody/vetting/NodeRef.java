package org.custody.vetting;

import java.util.Locale;

/**
 * A node of the vetting graph: a recipient unit or a person from the ledger, or an outside organisation
 * that only the affiliation graph knows (a militia, a sponsor state's force). Written {@code unit:12},
 * {@code person:7}, {@code org:3}.
 */
public sealed interface NodeRef {

    long id();

    String kind();

    default String key() {
        return kind() + ":" + id();
    }

    record Unit(long id) implements NodeRef {
        public String kind() {
            return "unit";
        }
    }

    record Person(long id) implements NodeRef {
        public String kind() {
            return "person";
        }
    }

    record Organisation(long id) implements NodeRef {
        public String kind() {
            return "org";
        }
    }

    static NodeRef of(String kind, long id) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "unit" -> new Unit(id);
            case "person" -> new Person(id);
            case "org", "organisation", "organization" -> new Organisation(id);
            default -> throw new IllegalArgumentException("unknown node kind '" + kind
                    + "' (expected unit, person or org)");
        };
    }

    /** Parses {@code unit:12}, {@code person:7}, {@code org:3}. */
    static NodeRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected KIND:ID such as unit:12, person:7 or org:3, got '"
                    + text + "'");
        }
        long id;
        try {
            id = Long.parseLong(text.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the id in '" + text + "' is not a number");
        }
        return of(text.substring(0, colon).trim(), id);
    }
}
