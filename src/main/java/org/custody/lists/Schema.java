package org.custody.lists;

import java.util.Locale;

/** What kind of thing a listed entity is; screening only compares compatible kinds. */
public enum Schema {
    PERSON, ORGANIZATION, VESSEL, AIRCRAFT, OTHER;

    public static Schema parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "PERSON", "INDIVIDUAL", "I" -> PERSON;
            case "ORGANIZATION", "ORGANISATION", "ENTITY", "COMPANY", "LEGALENTITY", "ORG" -> ORGANIZATION;
            case "VESSEL", "SHIP" -> VESSEL;
            case "AIRCRAFT", "AIRPLANE" -> AIRCRAFT;
            case "OTHER", "THING" -> OTHER;
            default -> throw new IllegalArgumentException("unknown schema '" + text
                    + "' (expected person, organization, vessel, aircraft or other)");
        };
    }

    /** OTHER is compatible with everything, because sources use it when they do not know. */
    public boolean compatibleWith(Schema other) {
        return this == other || this == OTHER || other == OTHER;
    }
}
