package org.custody.report;

/** A point on the report's map: a unit's area of operation, an inventory check's place, or a sighting. */
public record MapPoint(double lat, double lon, String label, Kind kind) {

    public enum Kind {
        UNIT_AREA("unit area of operation"), CHECK("inventory check"), SIGHTING("sighting (case evidence)");

        private final String legend;

        Kind(String legend) {
            this.legend = legend;
        }

        public String legend() {
            return legend;
        }
    }
}
