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
        assertThat(steps.get(0).args()).as("the walkthrough starts with the server and the demo").containsExactly("serve", "--demo");
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(home), db);
            for (Step s : steps) {
                CliRun run = s.args().getFirst().equals("serve") ? serve(ctx, s) : CliRun.run(ctx, s.args().toArray(String[]::new));
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

    /**
     * {@code custody serve} runs until stopped: here it runs in the background on a free port (never the
     * README's 8080, which another program may hold), and once it prints its URL the test checks what the
     * README promises a user can do with it — the health check answers, and the printed admin password
     * signs in — then stops it the way Ctrl-C does (minus closing the database the next steps share).
     */
    static CliRun serve(CliContext ctx, Step s) {
        List<String> args = new ArrayList<>(s.args());
        args.addAll(List.of("--port", "0"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        int[] exit = {-1};
        java.util.concurrent.atomic.AtomicReference<String> passwordSeen = new java.util.concurrent.atomic.AtomicReference<>();
        try (java.io.PrintStream o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
             java.io.PrintStream e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            Thread t = Thread.ofPlatform().name("readme-serve").start(() -> exit[0] = CustodyCommand.execute(ctx, args.toArray(String[]::new)));
            java.util.regex.Pattern urlLine = java.util.regex.Pattern.compile("Custody is serving on (http://\\S+/)");
            String url = null;
            for (int i = 0; i < 3000 && t.isAlive() && url == null; i++) {
                java.util.regex.Matcher m = urlLine.matcher(out.toString(java.nio.charset.StandardCharsets.UTF_8));
                if (m.find()) url = m.group(1);
                else sleep(100);
            }
            assertThat(url).as("%s printed its URL%n%s%n%s", s.where(), out, err).isNotNull();
            java.util.regex.Matcher pw = java.util.regex.Pattern.compile("account 'admin' with the password (\\S+)")
                    .matcher(out.toString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(pw.find()).as("the first start prints the admin password").isTrue();
            passwordSeen.set(pw.group(1));
            try {
                var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
                var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "healthz")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                var form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "login")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                String cookie = form.headers().allValues("Set-Cookie").getFirst().split(";")[0];
                java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
                assertThat(csrf.find()).isTrue();
                String body = "username=admin&password=" + java.net.URLEncoder.encode(passwordSeen.get(), java.nio.charset.StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf.group(1) + "&next=/";
                var signIn = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "login")).header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(signIn.statusCode()).as("signing in with the printed admin password").isEqualTo(303);
                assertThat(signIn.headers().allValues("Set-Cookie")).anyMatch(h -> h.startsWith("custody_session="));
            } catch (java.io.IOException | InterruptedException x) {
                throw new AssertionError(s.where() + ": the server did not answer: " + x, x);
            } finally {
                ServeCommand.stopAll();
                try {
                    t.join(60_000);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new CliRun(exit[0], out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
