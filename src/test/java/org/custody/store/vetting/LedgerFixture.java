package org.custody.store.vetting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custody.ledger.Echelon;
import org.custody.ledger.NewOrgUnit;
import org.custody.ledger.NewPerson;
import org.custody.store.Database;
import org.custody.store.ledger.CommandPostStore;
import org.custody.store.ledger.OrgUnitStore;
import org.custody.store.ledger.PersonStore;
import org.custody.vetting.NodeRef;

/** Records units, persons and command posts through the ledger's own stores, for vetting tests. */
final class LedgerFixture {

    private final Database db;

    LedgerFixture(Database db) {
        this.db = db;
    }

    NodeRef.Unit unit(String code, String name, Echelon echelon, String parentCode, String... aliases) {
        return new NodeRef.Unit(db.inTransaction(c -> OrgUnitStore.insert(c, new NewOrgUnit(code, name, echelon, "IQ",
                Optional.ofNullable(parentCode), List.of(aliases), Optional.empty()))).id());
    }

    NodeRef.Person person(String name, String... aliases) {
        return new NodeRef.Person(db.inTransaction(c -> PersonStore.insert(c, new NewPerson(Optional.empty(), name,
                Optional.empty(), Optional.of("IQ"), List.of(aliases)))).id());
    }

    long post(NodeRef.Person p, NodeRef.Unit u, String title, LocalDate start, LocalDate end) {
        return db.inTransaction(c -> CommandPostStore.insert(c, p.id(), u.id(), title, start, Optional.ofNullable(end))).id();
    }

    void closePost(long postId, LocalDate end) {
        db.inTransaction(c -> {
            CommandPostStore.close(c, postId, end);
            return null;
        });
    }
}
