package org.custody.evidence;

/** The input formats evidence intake understands. */
public enum SourceKind {
    TEXT, HTML, SOCIAL_POST, FIELD_REPORT, PHOTO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
