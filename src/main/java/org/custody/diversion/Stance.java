package org.custody.diversion;

/** How a source puts a claim: said outright, qualified ("reportedly", "may be"), or denied. */
public enum Stance {
    ASSERTED, HEDGED, DENIED;

    public static Stance parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "asserted" -> ASSERTED;
            case "hedged" -> HEDGED;
            case "denied" -> DENIED;
            default -> throw new IllegalArgumentException("stance must be asserted, hedged or denied, got '" + text + "'");
        };
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
