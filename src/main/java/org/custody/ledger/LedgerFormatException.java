package org.custody.ledger;

/** Malformed or inconsistent ledger input, naming the file, the line and the field. */
public final class LedgerFormatException extends IllegalArgumentException {

    private final Where where;
    private final String field;

    public LedgerFormatException(Where where, String field, String problem) {
        super(where + ": field '" + field + "': " + problem);
        this.where = where;
        this.field = field;
    }

    public Where where() {
        return where;
    }

    public String field() {
        return field;
    }
}
