package org.custody.cli;

import java.util.Locale;
import org.custody.ledger.OrgUnit;
import org.custody.ledger.Person;
import org.custody.store.Database;
import org.custody.store.ledger.OrgUnitStore;
import org.custody.store.ledger.PersonStore;
import org.custody.vetting.NodeRef;

/**
 * One way to name a unit or a person on every command: its public code as the ledger prints it
 * ({@code IQ-35BDE}, {@code P-0001}), or its numeric id as vetting prints it ({@code 12}); node references
 * take the same after a kind ({@code unit:IQ-35BDE}, {@code unit:12}, {@code person:P-0001}, {@code org:3}).
 * A name that resolves to nothing is "not found" (exit 1), naming the command that lists what exists.
 */
final class Refs {

    private Refs() {}

    static OrgUnit unit(Database db, String text) {
        String t = text.strip();
        if (isNumber(t)) {
            long id = Long.parseLong(t);
            // a numeric code is still a code first; the internal id is the fallback
            return db.read(c -> OrgUnitStore.byCode(c, t).or(() -> {
                try {
                    return OrgUnitStore.byId(c, id);
                } catch (java.sql.SQLException e) {
                    throw new org.custody.store.StoreException("cannot read unit " + id + ": " + e.getMessage(), e);
                }
            })).orElseThrow(() -> notFound("unit", t, "custody ledger units"));
        }
        return db.read(c -> OrgUnitStore.byCode(c, t)).orElseThrow(() -> notFound("unit", t, "custody ledger units"));
    }

    static Person person(Database db, String text) {
        String t = text.strip();
        var byCode = db.read(c -> PersonStore.byCode(c, t));
        if (byCode.isPresent()) return byCode.get();
        if (isNumber(t)) {
            var byId = db.read(c -> PersonStore.byId(c, Long.parseLong(t)));
            if (byId.isPresent()) return byId.get();
        }
        throw notFound("person", t, "custody vet show --person");
    }

    /** {@code unit:CODE|ID}, {@code person:CODE|ID} or {@code org:ID}. */
    static NodeRef node(Database db, String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new UsageException("expected KIND:CODE or KIND:ID such as unit:IQ-35BDE, unit:12, person:P-0001 or"
                    + " org:3, got '" + text + "'");
        }
        String kind = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String rest = text.substring(colon + 1);
        return switch (kind) {
            case "unit" -> new NodeRef.Unit(unit(db, rest).id());
            case "person" -> new NodeRef.Person(person(db, rest).id());
            default -> NodeRef.parse(text);
        };
    }

    private static boolean isNumber(String t) {
        return !t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 19;
    }

    private static NotFoundException notFound(String kind, String text, String lister) {
        return new NotFoundException(kind + " '" + text + "' is not recorded (give its code or id; `" + lister
                + "` lists them)");
    }
}
