package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.custody.config.CustodyHome;
import org.custody.lists.SharedData;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive for one-name screens ({@code custody_class_archive} in scripts/jdk.sh)
 * never changes an answer: a one-name screen in a separate JVM prints the same with no archive, while the
 * archive is written, when it is used, and when the archive offered is another JDK's, damaged, cut short or
 * of an older build of the jar. The archive's file name changes with the jar and with the JDK, so the launcher
 * never even offers an archive of an older build or another JDK, and it removes the old one.
 */
@Tag("db")
class LauncherClassArchiveTest {

    static final String NAME = "Harakat al Shabab";

    @TempDir
    Path dir;

    @Test
    void anArchiveOfAnotherJdkOrBuildOrDamagedNeverChangesTheAnswer() throws IOException, InterruptedException {
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(dir.resolve("home")), db);
            CliRun imported = CliRun.run(ctx, "lists", "import", SharedData.dir("un-sc").resolve("UN_consolidated.xml").toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            Path jar = appJar(dir.resolve("app").resolve("custody.jar"));
            Path cache = dir.resolve("jvm");

            Run reference = screen(db, jar, List.of());
            assertThat(reference.out()).contains("AL-SHABAAB");

            List<String> flags = archiveFlags(cache, jar, javaHome());
            Path archive = archiveOf(flags);
            assertThat(archive).doesNotExist();
            assertThat(screen(db, jar, flags)).as("writing the archive").isEqualTo(reference);
            assertThat(archive).exists();
            Run used = screen(db, jar, withClassLog(flags));
            assertThat(used.out()).as("the archive is used").contains("shared objects file (top)");
            assertThat(withoutClassLog(used.out())).isEqualTo(reference.out());
            byte[] good = Files.readAllBytes(archive);

            // an archive of another JDK at the same place: the JVM's own check refuses it
            Files.write(archive, otherJdk(good));
            assertThat(screen(db, jar, flags)).as("another JDK's archive").isEqualTo(reference);

            // damaged: the launcher removes a file that is not an archive at all; the JVM refuses one cut short
            byte[] noise = new byte[good.length / 4];
            new Random(7).nextBytes(noise);
            Files.write(archive, noise);
            assertThat(archiveFlags(cache, jar, javaHome())).isEqualTo(flags);
            assertThat(archive).as("not an archive: removed").doesNotExist();
            Files.write(archive, Arrays.copyOf(good, good.length / 2));
            assertThat(screen(db, jar, flags)).as("an archive cut short").isEqualTo(reference);

            // an older build: the jar is rewritten, the archive's name changes and the old archive goes
            Files.write(archive, good);
            Path stale = dir.resolve("stale.jsa");
            Files.copy(archive, stale);
            Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
            List<String> rebuilt = archiveFlags(cache, jar, javaHome());
            assertThat(archiveOf(rebuilt)).isNotEqualTo(archive).doesNotExist();
            assertThat(archive).as("the older build's archive is removed").doesNotExist();
            // offered anyway (as a launcher that did not key its archives would), the JVM refuses it
            List<String> staleFlags = new ArrayList<>(flags);
            staleFlags.replaceAll(f -> f.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + stale : f);
            assertThat(screen(db, jar, staleFlags).out()).as("an older build's archive").isEqualTo(reference.out());
            assertThat(screen(db, jar, rebuilt)).isEqualTo(reference);

            // another JDK installed elsewhere gets an archive of its own name
            Path otherHome = Files.createDirectories(dir.resolve("other-jdk"));
            Files.writeString(otherHome.resolve("release"), "JAVA_VERSION=\"21.0.9\"\n");
            assertThat(archiveOf(archiveFlags(cache, jar, otherHome))).isNotEqualTo(archiveOf(rebuilt));
        }
    }

    /** Standard output and whether standard error held a JVM warning (the "screening against" line differs by timings). */
    record Run(String out, boolean warned) { }

    private Run screen(Database db, Path jar, List<String> flags) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(flags);
        options.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        ProcessBuilder pb = ChildCustody.command(db, dir.resolve("child-home"), options, classPath(jar), "screen", NAME);
        Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
        String error = Files.readString(err);
        assertThat(p.exitValue()).as(error).isZero();
        return new Run(Files.readString(out), error.toLowerCase().contains("warning"));
    }

    /** The application's classes in a jar (class-data archives hold classes from jars only), then its libraries. */
    private static String classPath(Path jar) {
        List<String> parts = new ArrayList<>(List.of(jar.toString()));
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.endsWith(".jar")) parts.add(e);
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    private static Path appJar(Path jar) throws IOException {
        Path classes = Path.of(CustodyCommand.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** The launcher's options for a one-name screen's archive in {@code cache}, as scripts/jdk.sh works them out. */
    private static List<String> archiveFlags(Path cache, Path jar, Path javaHome) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "source scripts/jdk.sh && custody_class_archive \"$1\" \"$2\" screen && printf '%s\\n' \"${custody_archive_flags[@]}\"",
                "_", cache.toString(), jar.toString());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> flags = out.lines().filter(l -> !l.isBlank()).toList();
        assertThat(flags).as(out).anyMatch(f -> f.startsWith("-XX:SharedArchiveFile=" + cache));
        return flags;
    }

    private static Path archiveOf(List<String> flags) {
        return flags.stream().filter(f -> f.startsWith("-XX:SharedArchiveFile=")).findFirst()
                .map(f -> Path.of(f.substring("-XX:SharedArchiveFile=".length()))).orElseThrow();
    }

    private static List<String> withClassLog(List<String> flags) {
        List<String> out = new ArrayList<>(flags);
        out.add("-Xlog:class+load=info:stdout");
        return out;
    }

    private static String withoutClassLog(String out) {
        StringBuilder sb = new StringBuilder();
        out.lines().filter(l -> !l.contains("[class,load]")).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    /**
     * The archive as another build of the JDK would have written it: the header names the JVM that wrote it
     * ("... (25.0.1+8-LTS) for linux-amd64 ..."); one digit of that version is changed.
     */
    private static byte[] otherJdk(byte[] archive) {
        byte[] version = System.getProperty("java.vm.version").getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(archive, version, Math.min(archive.length, 1 << 16));
        assertThat(at).as("the archive's header names the JVM version %s", System.getProperty("java.vm.version"))
                .isNotNegative();
        byte[] out = archive.clone();
        out[at] = (byte) (out[at] == '9' ? '8' : out[at] + 1);
        return out;
    }

    private static int indexOf(byte[] a, byte[] b, int limit) {
        outer:
        for (int i = 0; i + b.length <= limit; i++) {
            for (int k = 0; k < b.length; k++) if (a[i + k] != b[k]) continue outer;
            return i;
        }
        return -1;
    }
}
