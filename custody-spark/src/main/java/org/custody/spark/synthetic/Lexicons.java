package org.custody.spark.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Columns of Custody's own bundled lexicons (actors, outlets, places), read from the classpath. */
final class Lexicons {

    private Lexicons() {}

    /** Column {@code column} of every data row of the TSV resource (comments, the header and blanks skipped). */
    static List<String> column(String resource, int column) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Lexicons.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length > column && !f[column].isBlank()) out.add(f[column].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
