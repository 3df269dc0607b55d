package org.custody.lists;

/**
 * A list file that cannot be imported, naming where: the file, the line (or record number for formats
 * without lines; 0 when the problem is the file as a whole) and the field.
 */
public final class ListFormatException extends RuntimeException {

    private final String file;
    private final long line;
    private final String field;
    private final String problem;

    public ListFormatException(String file, long line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    public ListFormatException(String file, long line, String field, String problem, Throwable cause) {
        super(file + ":" + line + ": field " + (field == null || field.isEmpty() ? "-" : field) + ": " + problem,
                cause);
        this.file = file;
        this.line = line;
        this.field = field == null ? "" : field;
        this.problem = problem;
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

    public String problem() {
        return problem;
    }
}
