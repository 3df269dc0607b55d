package org.custody.store.vetting;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.custody.store.Database;
import org.custody.store.StoreException;
import org.custody.store.ledger.OrgUnitStore;
import org.custody.store.ledger.PersonStore;
import org.custody.vetting.NodeNames;
import org.custody.vetting.NodeRef;

/**
 * Names nodes by their ledger codes ({@code unit:IQ-9AD}, {@code person:P-0001}); a person without a code,
 * an outside organisation (which has none) or a node no longer recorded keeps its id ({@code org:3}).
 * Every name printed is one the commands accept back. Lookups are cached for the life of the instance.
 */
public final class NodeCodes implements NodeNames {

    private interface Lookup {
        String code(NodeRef ref) throws SQLException;
    }

    private final Lookup lookup;
    private final Map<NodeRef, String> cache = new HashMap<>();

    private NodeCodes(Lookup lookup) {
        this.lookup = lookup;
    }

    /** Reads codes on the caller's connection (inside its transaction). */
    public static NodeCodes on(Connection c) {
        return new NodeCodes(ref -> code(c, ref));
    }

    /** Reads codes with a short read of its own per node not yet seen. */
    public static NodeCodes of(Database db) {
        return new NodeCodes(ref -> db.read(c -> code(c, ref)));
    }

    @Override
    public String name(NodeRef ref) {
        return cache.computeIfAbsent(ref, r -> {
            try {
                String code = lookup.code(r);
                return code == null ? r.key() : r.kind() + ":" + code;
            } catch (SQLException e) {
                throw new StoreException("cannot read the code of " + r.key() + ": " + e.getMessage(), e);
            }
        });
    }

    private static String code(Connection c, NodeRef ref) throws SQLException {
        return switch (ref) {
            case NodeRef.Unit u -> OrgUnitStore.byId(c, u.id()).map(o -> o.code()).orElse(null);
            case NodeRef.Person p -> PersonStore.byId(c, p.id()).flatMap(x -> x.code()).orElse(null);
            case NodeRef.Organisation o -> null;
        };
    }
}
