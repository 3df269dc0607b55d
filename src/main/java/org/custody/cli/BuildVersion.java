package org.custody.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code custody --version}: the project version and the commit the build was made from, read from the
 * {@code build.properties} the Maven build writes next to this class with scripts/build-info.sh (a build
 * outside a git checkout says so instead of inventing a commit), and whether the tree it was built from
 * had uncommitted changes.
 */
final class BuildVersion implements CommandLine.IVersionProvider {

    static final String RESOURCE = "build.properties";

    @Override
    public String[] getVersion() {
        return describe(properties());
    }

    /** The version line for the build information {@code p} (see scripts/build-info.sh). */
    static String[] describe(Properties p) {
        String version = p.getProperty("git.build.version", "unknown version");
        String commit = p.getProperty("git.commit.id.abbrev", "").strip();
        if (commit.isEmpty()) return new String[] {"custody " + version + " (built outside a git checkout: commit unknown)"};
        // git.dirty is absent when git could not tell: then nothing is claimed either way
        String dirtyValue = p.getProperty("git.dirty");
        String dirty = dirtyValue == null ? "" : Boolean.parseBoolean(dirtyValue) ? ", with uncommitted changes" : ", clean";
        return new String[] {"custody " + version + " (commit " + commit + dirty + ", committed "
                + p.getProperty("git.commit.time", "?") + ")"};
    }

    static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // no build information: getVersion() says the commit is unknown
        }
        return p;
    }
}
