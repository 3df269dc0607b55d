package org.custody.store.diversion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.diversion.Actor;
import org.custody.diversion.Designation;
import org.custody.diversion.Identity;
import org.custody.diversion.IdentityView;
import org.custody.evidence.extract.ActorRegistry;
import org.custody.evidence.extract.ListedAgreement;
import org.custody.lists.Schema;
import org.custody.screening.Hit;
import org.custody.screening.Screener;
import org.custody.screening.ScreeningQuery;

/**
 * One identity per holder, from the actor registry and the watchlists. A registry armed group whose names
 * screen to a listed organisation IS that list entity: each of its name and aliases is screened as an
 * organisation and they must agree ({@link ListedAgreement}: the canonical name, else a majority, never an
 * entity another registry actor is named as); its id becomes the key and its listed name the display name
 * (the registry's name as an also-known-as), so
 * "Hezbollah" (registry) and "HIZBALLAH" (listed) are one, while Kata'ib Hizballah, whose own aliases alert on
 * its own listing, stays apart from Lebanese Hizballah. A name the intake left unresolved is looked up in the
 * registry (exactly, then as a spelling variant), then screened. A list entity id is looked up back to the
 * registry actor that is it, for its classes. Cached per actor for the detector's run.
 */
public final class ActorIdentities implements IdentityView {

    private final ActorRegistry registry;
    private final Screener screener;
    private final Map<String, Optional<Designation>> listedByRegistryId = new HashMap<>();
    private Map<String, ActorRegistry.Actor> registryByEntity;

    public ActorIdentities(ActorRegistry registry, Screener screenerOrNull) {
        this.registry = registry;
        this.screener = screenerOrNull;
    }

    @Override
    public Identity identify(Actor a) {
        String id = a.id();
        if (id != null && id.startsWith("actor:")) {
            Optional<ActorRegistry.Actor> r = registry.byId(id);
            if (r.isPresent()) return ofRegistry(r.get(), "registry actor " + r.get().name() + " (written '" + a.name() + "')");
        }
        if (id != null && !id.isBlank() && id.contains(":")) {
            ActorRegistry.Actor r = registryByEntity().get(id);
            List<Actor> classes = r == null ? List.of() : classes(r);
            Designation d = r == null ? null : listed(r).filter(x -> x.entityId().equals(id)).orElse(null);
            String name = d != null ? displayName(d, r) : r != null ? r.name() : a.name();
            return new Identity(id, name, d, classes, "watchlist entity " + id + (r == null ? ""
                    : ", the listing of registry actor " + r.name()));
        }
        if (id == null || id.isBlank()) {
            Optional<ActorRegistry.Actor> r = registry.lookupVariant(a.name());
            if (r.isPresent()) return ofRegistry(r.get(), "'" + a.name() + "' is a name of registry actor " + r.get().name());
            Optional<Hit> h = alert(a.name());
            if (h.isPresent()) {
                return new Identity(h.get().entityId(), a.name(), designation(a.name(), h.get()), List.of(),
                        "'" + a.name() + "' screened as " + h.get().name() + " (" + h.get().entityId() + ")");
            }
        }
        return new Identity(a.key(), a.name(), null, List.of(), "as written");
    }

    private Identity ofRegistry(ActorRegistry.Actor r, String how) {
        Optional<Designation> listed = r.category().equals("armed-group") ? listed(r) : Optional.empty();
        if (listed.isPresent()) {
            Designation d = listed.get();
            return new Identity(d.entityId(), displayName(d, r), d, classes(r), how + " is the listed " + d.listedName()
                    + " (" + d.entityId() + "): " + d.explanation());
        }
        return new Identity(r.qualifiedId(), r.name(), null, classes(r), how);
    }

    private List<Actor> classes(ActorRegistry.Actor r) {
        List<Actor> out = new ArrayList<>();
        for (String m : r.memberOf()) {
            registry.byId(m).ifPresent(x -> {
                Optional<Designation> d = x.category().equals("armed-group") ? listed(x) : Optional.empty();
                out.add(new Actor(d.map(Designation::entityId).orElse(x.qualifiedId()), x.name()));
                if (d.isPresent()) out.add(new Actor(x.qualifiedId(), x.name()));
            });
        }
        return out;
    }

    /** The list entity a registry armed group is, when its names agree on it ({@link ListedAgreement}). */
    private Optional<Designation> listed(ActorRegistry.Actor r) {
        return listedByRegistryId.computeIfAbsent(r.id(), k -> screener == null ? Optional.empty()
                : ListedAgreement.of(registry, r, this::alerts)
                        .map(a -> designation(a.via(), a.hit(), a.explanation())));
    }

    /**
     * The name a listed identity is shown under: the listed name, with the registry's own name as an
     * also-known-as when it differs ("KATA'IB HIZBALLAH (also known as Kata'ib Hezbollah)").
     */
    static String displayName(Designation d, ActorRegistry.Actor r) {
        boolean same = d.listedName().replaceAll("[^\\p{L}\\p{N}]", "").equalsIgnoreCase(r.name().replaceAll("[^\\p{L}\\p{N}]", ""));
        return same ? d.listedName() : d.listedName() + " (also known as " + r.name() + ")";
    }

    private Map<String, ActorRegistry.Actor> registryByEntity() {
        if (registryByEntity == null) {
            registryByEntity = new HashMap<>();
            for (ActorRegistry.Actor r : registry.all()) {
                if (!r.category().equals("armed-group")) continue;
                listed(r).ifPresent(d -> registryByEntity.putIfAbsent(d.entityId(), r));
            }
        }
        return registryByEntity;
    }

    private static Designation designation(String name, Hit h) {
        return designation(name, h, null);
    }
    private static Designation designation(String name, Hit h, String votes) {
        String summary = h.explanation() == null ? "screening hit" : h.explanation().summary();
        return new Designation(Designation.Path.SELF, name, h.entityId(), h.name(), h.lists(), h.score(),
                "'" + name + "' screened as " + h.name() + (votes == null ? "" : " (" + votes + ")") + ": " + summary);
    }

    private Optional<Hit> alert(String name) {
        return alerts(name).stream().findFirst();
    }

    /** The organisation alerts for {@code name}, best first. */
    private List<Hit> alerts(String name) {
        if (screener == null || name == null || name.isBlank()) return List.of();
        List<Hit> hits = screener.screen(ScreeningQuery.of(name).withSchema(Schema.ORGANIZATION)).hits();
        return hits.stream().filter(Hit::alert).toList();
    }
}
