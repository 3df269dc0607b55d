package org.custody.ledger;

/** Where a unit operates: a place name and, when known, its coordinates. */
public record AreaOfOperation(String place, Double latitude, Double longitude) {

    public AreaOfOperation {
        if (place == null || place.isBlank()) throw new IllegalArgumentException("area of operation: place is empty");
        place = place.trim();
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("area of operation: give both latitude and longitude, or neither");
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            throw new IllegalArgumentException("area of operation: latitude " + latitude + " out of range");
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            throw new IllegalArgumentException("area of operation: longitude " + longitude + " out of range");
        }
    }
}
