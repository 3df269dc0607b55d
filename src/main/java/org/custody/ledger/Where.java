package org.custody.ledger;

/**
 * Where an imported record came from, for error messages: file, line, and for nested formats (JSON) the
 * path of the record inside the document ("transfers[2].lots[0]").
 */
public record Where(String file, long line, String path) {

    public Where(String file, long line) {
        this(file, line, "");
    }

    public Where at(String subPath) {
        return new Where(file, line, path.isEmpty() ? subPath : path + "." + subPath);
    }

    @Override
    public String toString() {
        return file + ":" + line + (path.isEmpty() ? "" : " (" + path + ")");
    }
}
