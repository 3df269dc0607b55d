package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md and data/demo/README.md are executable: every command of every {@code bash} block runs, in the
 * order the files give them, in one fresh home on a fresh database, and each outcome is checked against
 * what the text promises. A trailing {@code # → text} means the output (standard output and error) contains
 * text; {@code # → exit N} or {@code # → exit N: text} means that exit code (and text); no arrow means exit 0.
 * The commands are read from the files themselves, so the README cannot drift from what works.
 */
@Tag("db")
class ReadmeWalkthroughTest {

    /** The files whose blocks are the walkthrough, in order. */
    static final List<Path> FILES = List.of(Path.of("README.md"), Path.of("data/demo/README.md"));

    /**
     * Commands in bash blocks that are not custody commands, each skipped for a stated reason. Anything
     * else that is not {@code custody}/{@code ./custody} fails the test, so a new kind of command is seen.
     */
    static final List<String> NOT_RUN_HERE = List.of(
            "./run-tests" /* the test suite itself, which is what is running this test */);

    @TempDir
    Path home;

    record Step(Path file, int line, List<String> args, Integer exit, String contains) {
        String where() {
            return file + ":" + line + ": custody " + String.join(" ", args);
        }
    }

    @Test
    void everyCommandOfTheReadmesRunsInOrderWithTheOutcomeTheTextPromises() throws IOException {
        List<Step> steps = new ArrayList<>();
        for (Path f : FILES) steps.addAll(steps(f));
        assertThat(steps).as("the README walkthrough has commands").hasSizeGreaterThan(30);
        assertThat(steps.get(0).args()).as("the walkthrough starts with the demo").containsExactly("demo");
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(home), db);
            for (Step s : steps) {
                CliRun run = CliRun.run(ctx, s.args().toArray(String[]::new));
                String output = run.out() + run.err();
                int expected = s.exit() == null ? 0 : s.exit();
                assertThat(run.exitCode()).as("%s%n--- stdout:%n%s%n--- stderr:%n%s", s.where(), tail(run.out()), run.err())
                        .isEqualTo(expected);
                if (s.contains() != null) {
                    assertThat(output).as("%s promises '%s'", s.where(), s.contains()).contains(s.contains());
                }
            }
            // on the state the walkthrough leaves, every --json output matches its documented schema
            JsonSchemas.checkAll(ctx);
        }
    }

    @Test
    void theParserReadsQuotesCommentsAndPromises() {
        Step s = parse(Path.of("x.md"), 3,
                "./custody vet request --for \"armour course\" --note 'it''s' --x a\\ b   # → exit 1: request 2").orElseThrow();
        assertThat(s.args()).containsExactly("vet", "request", "--for", "armour course", "--note", "its", "--x", "a b");
        assertThat(s.exit()).isEqualTo(1);
        assertThat(s.contains()).isEqualTo("request 2");
        Step q = parse(Path.of("x.md"), 4, "custody screen \"Kata'ib # not a comment\"  # → KATA'IB").orElseThrow();
        assertThat(q.args()).containsExactly("screen", "Kata'ib # not a comment");
        assertThat(q.exit()).isNull();
        assertThat(q.contains()).isEqualTo("KATA'IB");
        assertThat(parse(Path.of("x.md"), 5, "# only a comment")).isEmpty();
        assertThat(parse(Path.of("x.md"), 6, "./run-tests")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Path.of("x.md"), 7, "rm -rf /tmp/x"))
                .hasMessageContaining("x.md:7");
    }

    static List<Step> steps(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Step> out = new ArrayList<>();
        boolean inBash = false;
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String t = l.strip();
            if (!inBash) {
                if (t.equals("```bash") || t.equals("```sh")) inBash = true;
                continue;
            }
            if (t.startsWith("```")) {
                inBash = false;
                continue;
            }
            if (pending == null) {
                pending = new StringBuilder();
                pendingLine = i + 1;
            }
            if (t.endsWith("\\") && !t.contains("#")) {
                pending.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            pending.append(t);
            parse(file, pendingLine, pending.toString()).ifPresent(out::add);
            pending = null;
        }
        return out;
    }

    /** One command line: shell words (quotes and backslashes as bash reads them), then the promise after "# →". */
    static java.util.Optional<Step> parse(Path file, int line, String text) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        String comment = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'' || ch == '"') {
                int close = text.indexOf(ch, i + 1);
                if (close < 0) throw new IllegalArgumentException(file + ":" + line + ": unclosed quote in: " + text);
                if (w == null) w = new StringBuilder();
                w.append(text, i + 1, close);
                i = close;
            } else if (ch == '\\' && i + 1 < text.length()) {
                if (w == null) w = new StringBuilder();
                w.append(text.charAt(++i));
            } else if (Character.isWhitespace(ch)) {
                if (w != null) words.add(w.toString());
                w = null;
            } else if (ch == '#' && w == null) {
                comment = text.substring(i + 1);
                break;
            } else {
                if (w == null) w = new StringBuilder();
                w.append(ch);
            }
        }
        if (w != null) words.add(w.toString());
        if (words.isEmpty()) return java.util.Optional.empty();
        String program = words.get(0);
        if (NOT_RUN_HERE.contains(program)) return java.util.Optional.empty();
        if (!program.equals("custody") && !program.equals("./custody")) {
            throw new IllegalArgumentException(file + ":" + line + ": '" + program + "' is not a custody command;"
                    + " a README bash block holds only commands the walkthrough can run");
        }
        Integer exit = null;
        String contains = null;
        if (comment != null && comment.contains("→")) {
            String promise = comment.substring(comment.indexOf('→') + 1).strip();
            var m = java.util.regex.Pattern.compile("^exit (\\d+)(?::\\s*(.*))?$").matcher(promise);
            if (m.matches()) {
                exit = Integer.parseInt(m.group(1));
                contains = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
            } else {
                contains = promise;
            }
        }
        return java.util.Optional.of(new Step(file, line, List.copyOf(words.subList(1, words.size())), exit, contains));
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }
}
