package org.custody.report;

/** A gazetteer place drawn as background on the report's map (so the map needs no tiles or network). */
public record BasePlace(String name, String kind, double lat, double lon, long population) {}
