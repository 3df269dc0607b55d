package org.custody.eum;

import java.time.Period;

/**
 * How often items must be verified. {@code interval}: an item not seen for longer is delinquent
 * (12 months by default, counted from delivery when never seen).
 */
public record MonitoringPolicy(Period interval) {

    public static final MonitoringPolicy DEFAULT = new MonitoringPolicy(Period.ofMonths(12));
}
