package org.custody.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/** Fuzz properties that write damaged files: a fresh scratch folder per property, removed afterwards. */
public abstract class ScratchDirProperties {

    protected Path dir;

    @BeforeProperty
    void createScratchDir() throws IOException {
        dir = Files.createTempDirectory("custody-fuzz");
    }

    @AfterProperty
    void removeScratchDir() throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
