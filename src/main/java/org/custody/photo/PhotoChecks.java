package org.custody.photo;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a picture's own metadata contradicts the document that carries it. Each check returns the sentence
 * that explains the contradiction, or nothing.
 */
public final class PhotoChecks {

    /** A picture taken farther than this from the place its document claims is flagged. */
    public static final double FAR_KM = 50.0;

    private PhotoChecks() {}

    /**
     * Posted before it was taken: the document's date is earlier than the capture date. Camera clocks carry
     * no time zone, so a capture date one day after the posting date is allowed (zones differ by up to 26 h).
     */
    public static Optional<String> postedBeforeTaken(LocalDate posted, PhotoFacts facts) {
        if (posted == null || facts.taken() == null) return Optional.empty();
        LocalDate taken = facts.taken().toLocalDate();
        if (!posted.isBefore(taken.minusDays(1))) return Optional.empty();
        return Optional.of("posted " + posted + ", but the picture's metadata says it was taken "
                + facts.taken().toString().replace('T', ' ') + " (" + (taken.toEpochDay() - posted.toEpochDay())
                + " days later): the metadata or the date is wrong, or the picture is not the one posted");
    }

    /** Taken far from the place the document claims (distance over {@link #FAR_KM}). */
    public static Optional<String> farFromClaimedPlace(String place, double lat, double lon, PhotoFacts facts) {
        if (!facts.hasPosition()) return Optional.empty();
        double km = distanceKm(lat, lon, facts.latitude(), facts.longitude());
        if (km <= FAR_KM) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "the picture's GPS position (%.5f, %.5f) is %.0f km from %s (%.4f, %.4f),"
                + " the place the document claims", facts.latitude(), facts.longitude(), km, place, lat, lon));
    }

    /** Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
