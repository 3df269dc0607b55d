package org.custody.web;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custody.diversion.CaseLink;
import org.custody.diversion.DiversionCase;
import org.custody.evidence.extract.Gazetteer;
import org.custody.ledger.OrgUnit;
import org.custody.server.ApiException;
import org.custody.store.diversion.CaseStore;
import org.custody.store.ledger.OrgUnitStore;

/**
 * The map of sightings and units' areas of operation, offline: the page draws country outlines shipped with
 * the server (Natural Earth) and the gazetteer's larger places with Leaflet from its WebJar, no tile server.
 * Sightings are the places of cases' evidence, resolved in the bundled gazetteer; a unit's area is a circle
 * of {@code distance.area_radius_km} around the centre the ledger records (the radius detection uses).
 */
final class MapPage {

    /** Places at least this populous are drawn as labelled dots for orientation. */
    static final long PLACE_POPULATION = 250_000;

    record Sighting(double lat, double lon, String place, String label, String href) {}

    record Area(double lat, double lon, double radiusKm, String label, String href) {}

    record Place(double lat, double lon, String name) {}

    private final WebAreas areas;

    MapPage(WebAreas areas) {
        this.areas = areas;
    }

    void page(Context ctx) {
        WebSupport.render(ctx, "map.jte", Chrome.of(ctx, "Map", "map"), Map.of());
    }

    /** The map's data: every case's sightings and every unit's area, or those of one case ({@code ?case=ID}). */
    void data(Context ctx) {
        String caseParam = ctx.queryParam("case");
        Long caseId = null;
        if (caseParam != null && !caseParam.isBlank()) {
            try {
                caseId = Long.parseLong(caseParam.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("case must be a case number, not '" + caseParam + "'", "case");
            }
        }
        Long only = caseId;
        double radius = areas.scoring().get("distance.area_radius_km");
        Gazetteer gazetteer = areas.gazetteer();
        Map<String, Object> out = areas.db().read(c -> {
            List<DiversionCase> cases;
            Set<Long> unitIds = new LinkedHashSet<>();
            boolean allUnits = only == null;
            if (only == null) {
                cases = CaseStore.list(c, null);
            } else {
                cases = List.of(CaseStore.get(c, only).orElseThrow(() -> ApiException.notFound("no diversion case " + only)));
            }
            List<Sighting> sightings = new ArrayList<>();
            for (DiversionCase dc : cases) {
                Set<String> seen = new LinkedHashSet<>();
                for (CaseLink l : dc.links(CaseLink.Kind.EVIDENCE)) {
                    Object place = l.detail().get("place");
                    if (place == null || !seen.add(place.toString())) continue;
                    Optional<Gazetteer.Place> p = gazetteer.resolve(place.toString());
                    if (p.isEmpty() || p.get().latitude() == null) continue;
                    sightings.add(new Sighting(p.get().latitude(), p.get().longitude(), place.toString(),
                            "case " + dc.id() + ": " + dc.holder().name() + " with " + dc.article().designation() + " at " + place,
                            "/cases/" + dc.id()));
                }
                if (dc.holderUnitId() != null && dc.holderUnitId().matches("\\d{1,18}")) unitIds.add(Long.parseLong(dc.holderUnitId()));
                for (CaseLink l : dc.links(CaseLink.Kind.TRANSFER)) {
                    if (l.detail().get("approvedEndUsers") instanceof List<?> us) {
                        for (Object o : us) {
                            if (o instanceof Map<?, ?> u && u.get("id") != null && u.get("id").toString().matches("\\d{1,18}")) {
                                unitIds.add(Long.parseLong(u.get("id").toString()));
                            }
                        }
                    }
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outlines", "/static/map/countries-me.geojson");
            m.put("radiusKm", radius);
            m.put("sightings", sightings);
            m.put("areas", unitAreas(c, allUnits, unitIds, radius));
            m.put("places", places(gazetteer));
            return m;
        });
        ctx.json(out);
    }

    private static List<Area> unitAreas(Connection c, boolean all, Set<Long> ids, double radius) throws SQLException {
        List<OrgUnit> units = new ArrayList<>();
        if (all) {
            units.addAll(OrgUnitStore.all(c));
        } else {
            for (long id : ids) OrgUnitStore.byId(c, id).ifPresent(units::add);
        }
        List<Area> out = new ArrayList<>();
        for (OrgUnit u : units) {
            if (u.area().isEmpty() || u.area().get().latitude() == null || u.area().get().longitude() == null) continue;
            var a = u.area().get();
            out.add(new Area(a.latitude(), a.longitude(), radius, u.code() + " " + u.name()
                    + (a.place() == null ? "" : " (" + a.place() + ")"), "/units/" + u.code()));
        }
        return out;
    }

    private static List<Place> places(Gazetteer g) {
        List<Place> out = new ArrayList<>();
        for (Gazetteer.Place p : g.places()) {
            if (p.latitude() == null || !p.kind().equals("city") || p.population() < PLACE_POPULATION) continue;
            out.add(new Place(p.latitude(), p.longitude(), p.name()));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }
}
