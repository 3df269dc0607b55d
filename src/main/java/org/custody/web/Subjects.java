package org.custody.web;

import java.sql.Connection;
import java.sql.SQLException;
import org.custody.ledger.OrgUnit;
import org.custody.ledger.Person;
import org.custody.store.ledger.OrgUnitStore;
import org.custody.store.ledger.PersonStore;
import org.custody.vetting.NodeRef;

/** How pages name a vetting subject or graph node: its ledger code and name, and the page about it. */
public final class Subjects {

    private Subjects() {}

    /** A named thing with the page that shows it (href null when there is none). */
    public record Named(String label, String href) {}

    public static Named of(Connection c, NodeRef ref) throws SQLException {
        return switch (ref) {
            case NodeRef.Unit u -> OrgUnitStore.byId(c, u.id()).map(Subjects::unit).orElse(new Named(ref.key(), null));
            case NodeRef.Person p -> PersonStore.byId(c, p.id()).map(Subjects::person).orElse(new Named(ref.key(), null));
            case NodeRef.Organisation o -> new Named("organisation " + o.id(), null);
        };
    }

    public static Named unit(OrgUnit u) {
        return new Named(u.code() + " " + u.name(), "/units/" + u.code());
    }

    public static Named person(Person p) {
        return new Named(p.code().map(code -> code + " ").orElse("") + p.name(), null);
    }

    /** A unit named by its internal id (as diversion cases keep it), or the name given when it is not in the ledger. */
    public static Named unitById(Connection c, String id, String fallbackName) throws SQLException {
        if (id != null && id.matches("\\d{1,18}")) {
            var u = OrgUnitStore.byId(c, Long.parseLong(id));
            if (u.isPresent()) return unit(u.get());
        }
        return new Named(fallbackName == null ? "(unknown unit)" : fallbackName, null);
    }
}
