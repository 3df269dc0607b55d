package org.custody.diversion;

/** How the article seen was tied to candidate deliveries, from decisive to coarse. */
public enum ArticleLevel {
    /** A serial number seen matches a delivered serial: the delivery is identified. */
    SERIAL,
    /** Same designation ("M1A1 Abrams"). */
    EXACT,
    /** Same family ("M1 Abrams"). */
    FAMILY,
    /** Same category ("main battle tank"). */
    CATEGORY
}
