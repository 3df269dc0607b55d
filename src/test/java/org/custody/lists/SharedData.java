package org.custody.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where tests find the shared real data: $CUSTODY_SHARED_DATA, else ../shared/data. */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        String env = System.getenv("CUSTODY_SHARED_DATA");
        Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
        Assumptions.assumeTrue(Files.isDirectory(p), "shared data not found at " + p.toAbsolutePath());
        return p;
    }

    public static Path dir(String name) {
        return root().resolve(name);
    }
}
