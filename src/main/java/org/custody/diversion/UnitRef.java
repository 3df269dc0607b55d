package org.custody.diversion;

/**
 * A recipient unit from the ledger's organisation hierarchy, with its area of operation when known
 * (a centre and a radius in kilometres).
 */
public record UnitRef(String id, String name, String parentId, GeoPoint areaCentre, double areaRadiusKm) {

    public boolean hasArea() {
        return areaCentre != null;
    }

    /** Kilometres from {@code p} to the edge of the unit's area (0 inside it); NaN without an area. */
    public double kmOutsideArea(GeoPoint p) {
        if (areaCentre == null || p == null) return Double.NaN;
        return Math.max(0, areaCentre.distanceKm(p) - areaRadiusKm);
    }
}
