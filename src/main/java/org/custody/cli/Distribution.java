package org.custody.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds folders shipped with the Custody checkout this program runs from (bundled lists, demo data). */
final class Distribution {

    private Distribution() {}

    /** {@code relative} under the checkout (target/custody.jar or target/classes: two levels up), else the working directory. */
    static Path folder(String relative) {
        List<Path> candidates = new ArrayList<>();
        try {
            Path code = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repo = code.getParent() == null ? null : code.getParent().getParent();
            if (repo != null) candidates.add(repo.resolve(relative));
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall back to the working directory
        }
        candidates.add(Path.of(relative).toAbsolutePath());
        for (Path c : candidates) {
            if (Files.exists(c)) return c;
        }
        throw new IllegalStateException(relative + " not found (looked in " + candidates + ")");
    }
}
