package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custody --version}: the build information scripts/build-info.sh writes (the commit of the tree
 * built, and whether it had uncommitted changes), tried on real git repositories, and how it is printed.
 */
class BuildVersionTest {

    static final Path SCRIPT = Path.of("scripts/build-info.sh").toAbsolutePath();

    @TempDir
    Path tmp;

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_AUTHOR_NAME", "t");
        pb.environment().put("GIT_AUTHOR_EMAIL", "t@example.org");
        pb.environment().put("GIT_COMMITTER_NAME", "t");
        pb.environment().put("GIT_COMMITTER_EMAIL", "t@example.org");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out.strip();
    }

    Properties info(Path tree) throws IOException, InterruptedException {
        Path out = tmp.resolve("out").resolve("build.properties");
        run(tree, "bash", SCRIPT.toString(), tree.toString(), "1.2.3", out.toString());
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(out)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void aTreeWithUncommittedChangesIsDirtyAndALinkedWorktreeReportsItsOwnCommit() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        run(repo, "git", "init", "-q");
        Files.writeString(repo.resolve("a.txt"), "one\n");
        run(repo, "git", "add", "a.txt");
        run(repo, "git", "commit", "-q", "-m", "first");
        String first = run(repo, "git", "rev-parse", "--short=7", "HEAD");

        Properties clean = info(repo);
        assertThat(clean.getProperty("git.commit.id.abbrev")).isEqualTo(first);
        assertThat(clean.getProperty("git.dirty")).isEqualTo("false");
        assertThat(clean.getProperty("git.build.version")).isEqualTo("1.2.3");
        assertThat(clean.getProperty("git.commit.time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        Files.writeString(repo.resolve("a.txt"), "two\n");
        assertThat(info(repo).getProperty("git.dirty")).as("a modified file").isEqualTo("true");
        run(repo, "git", "checkout", "-q", "a.txt");
        Files.writeString(repo.resolve("new.txt"), "new\n");
        assertThat(info(repo).getProperty("git.dirty")).as("a new file").isEqualTo("true");
        Files.delete(repo.resolve("new.txt"));

        // a linked worktree on another commit: its own commit and its own state, not the main checkout's
        Path wt = tmp.resolve("wt");
        run(repo, "git", "worktree", "add", "-q", "-b", "other", wt.toString());
        Files.writeString(wt.resolve("b.txt"), "b\n");
        run(wt, "git", "add", "b.txt");
        run(wt, "git", "commit", "-q", "-m", "second");
        String second = run(wt, "git", "rev-parse", "--short=7", "HEAD");
        Properties inWorktree = info(wt);
        assertThat(inWorktree.getProperty("git.commit.id.abbrev")).isEqualTo(second).isNotEqualTo(first);
        assertThat(inWorktree.getProperty("git.dirty")).isEqualTo("false");
        Files.writeString(wt.resolve("b.txt"), "changed\n");
        assertThat(info(wt).getProperty("git.dirty")).isEqualTo("true");
        assertThat(info(repo).getProperty("git.dirty")).as("the main checkout is untouched").isEqualTo("false");
    }

    @Test
    void outsideAGitCheckoutNoCommitAndNoStateIsClaimed() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Properties p = info(plain);
        assertThat(p.getProperty("git.commit.id.abbrev")).isNull();
        assertThat(p.getProperty("git.dirty")).isNull();
        assertThat(BuildVersion.describe(p)[0]).isEqualTo("custody 1.2.3 (built outside a git checkout: commit unknown)");
    }

    @Test
    void theVersionLineSaysWhetherTheTreeWasClean() {
        Properties p = new Properties();
        p.setProperty("git.build.version", "1.2.3");
        p.setProperty("git.commit.id.abbrev", "abc1234");
        p.setProperty("git.commit.time", "2026-01-01T00:00:00Z");
        p.setProperty("git.dirty", "true");
        assertThat(BuildVersion.describe(p)[0]).isEqualTo(
                "custody 1.2.3 (commit abc1234, with uncommitted changes, committed 2026-01-01T00:00:00Z)");
        p.setProperty("git.dirty", "false");
        assertThat(BuildVersion.describe(p)[0]).contains("(commit abc1234, clean, committed");
        p.remove("git.dirty");
        assertThat(BuildVersion.describe(p)[0]).isEqualTo("custody 1.2.3 (commit abc1234, committed 2026-01-01T00:00:00Z)");
    }
}
