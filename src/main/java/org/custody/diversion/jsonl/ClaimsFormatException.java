package org.custody.diversion.jsonl;

/** A claims file refused: names the file, the line and the field. */
public final class ClaimsFormatException extends IllegalArgumentException {

    private final String file;
    private final long line;
    private final String field;

    public ClaimsFormatException(String file, long line, String field, String message) {
        super(file + ":" + line + ": " + field + ": " + message);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }
}
