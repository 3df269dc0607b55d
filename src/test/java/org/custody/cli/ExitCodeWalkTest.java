package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Exit codes across the whole command tree: every command documents them in its help and exits 2 on a
 * usage error; every command that looks something up exits 1, naming it, when it is not recorded.
 */
@Tag("db")
class ExitCodeWalkTest {

    static Database db;
    static CliContext context;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        context = new CliContext(new CustodyHome(tmp.resolve("home")), db);
        CliRun ledger = CliRun.run(context, "ledger", "import", "data/demo/ledger-iraq.json");
        assertThat(ledger.exitCode()).as(ledger.err()).isZero();
        // the overrides of never-vetted units name the unit by its code, not by the internal id
        assertThat(ledger.out()).contains("unit:IQ-9AD has never been vetted").doesNotContainPattern("unit:[0-9]");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static List<CommandLine> leaves(CommandLine cl) {
        List<CommandLine> out = new ArrayList<>();
        if (cl.getSubcommands().isEmpty()) out.add(cl);
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().parent() == cl.getCommandSpec() && e.getKey().equals(e.getValue().getCommandName())) {
                out.addAll(leaves(e.getValue()));
            }
        }
        return out;
    }

    static List<String> path(CommandLine cl) {
        List<String> names = new ArrayList<>();
        for (CommandLine.Model.CommandSpec s = cl.getCommandSpec(); s.parent() != null; s = s.parent()) names.add(0, s.name());
        return names;
    }

    @Test
    void everyCommandDocumentsItsExitCodesAndExitsTwoOnAUsageError() {
        List<CommandLine> leaves = leaves(CustodyCommand.commandLine(null));
        assertThat(leaves).hasSizeGreaterThan(30);
        for (CommandLine leaf : leaves) {
            List<String> args = new ArrayList<>(path(leaf));
            if (args.get(0).equals("help")) continue;
            args.add("--help");
            CliRun help = CliRun.run(context, args.toArray(String[]::new));
            assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).as(String.join(" ", args)).contains("Exit codes:").contains("not found or refused")
                    .contains("usage error");
            args.set(args.size() - 1, "--no-such-option");
            CliRun bad = CliRun.run(context, args.toArray(String[]::new));
            assertThat(bad.exitCode()).as(String.join(" ", args) + "\n" + bad.err()).isEqualTo(2);
            assertThat(bad.err()).as(String.join(" ", args)).startsWith("custody: ").contains("--help");
            assertThat(bad.err().lines().count()).as("a usage error is short: " + bad.err()).isLessThanOrEqualTo(3);
        }
    }

    /** Each command that names a recorded thing, given one that is not: exit 1, the thing named, no stack trace. */
    static final List<List<String>> NOT_FOUND = List.of(
            List.of("ledger", "serial", "NO-SUCH-9"),
            List.of("ledger", "serial", "NO-SUCH-9", "--json"),
            List.of("ledger", "delivered-to", "NO-SUCH-9"),
            List.of("ledger", "units", "--under", "NO-SUCH-9"),
            List.of("ledger", "transfers", "--case", "NO-SUCH-9"),
            List.of("eum", "status", "--case", "NO-SUCH-9"),
            List.of("eum", "status", "--unit", "NO-SUCH-9"),
            List.of("eum", "follow-up", "NO-SUCH-9", "--date", "2017-01-01", "--outcome", "CONFIRMED_MISSING", "--note", "x"),
            List.of("eum", "check", "record", "--date", "2017-01-01", "--place", "p", "--inspector", "i", "--item", "NO-SUCH-9=SEEN"),
            List.of("vet", "request", "--unit", "NO-SUCH-9", "--purpose", "transfer", "--for", "x"),
            List.of("vet", "request", "--person", "NO-SUCH-9", "--purpose", "transfer", "--for", "x"),
            List.of("vet", "check", "999999"),
            List.of("vet", "show", "999999"),
            List.of("vet", "show", "--unit", "NO-SUCH-9"),
            List.of("vet", "decide", "999999", "--outcome", "approved", "--reason", "r", "--expires", "2030-01-01"),
            List.of("vet", "clearance", "--unit", "NO-SUCH-9"),
            List.of("vet", "dismiss", "unit:NO-SUCH-9", "--entity", "ofac-sdn:1", "--reason", "r"),
            List.of("vet", "affiliation", "add", "--from", "unit:NO-SUCH-9", "--relation", "part_of", "--to-org", "X",
                    "--source", "s"),
            List.of("vet", "affiliation", "list", "--node", "unit:NO-SUCH-9"),
            List.of("case", "show", "999999"),
            List.of("case", "update", "999999", "--status", "under_review", "--reason", "r"),
            List.of("ingest", "no-such-9.txt"),
            List.of("lists", "import", "no-such-9.xml"));

    @Test
    void everyLookUpOfAnUnrecordedThingExitsOneNamingIt() {
        for (List<String> args : NOT_FOUND) {
            CliRun run = CliRun.run(context, args.toArray(String[]::new));
            String cmd = String.join(" ", args);
            assertThat(run.exitCode()).as(cmd + "\n" + run.out() + run.err()).isEqualTo(1);
            assertThat(run.err()).as(cmd).startsWith("custody").containsPattern("(?i)no-such-9|999999")
                    .doesNotContain("\tat org.custody");
        }
    }

    /** A command that answers a yes/no question exits 1 when the answer is "refused", with the answer printed. */
    @Test
    void aRefusedAnswerExitsOne() {
        CliRun refused = CliRun.run(context, "vet", "clearance", "--unit", "IQ-9AD", "--date", "2015-01-01");
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.out()).startsWith("REFUSED: unit:IQ-9AD has never been vetted");
        CliRun refusedJson = CliRun.run(context, "vet", "clearance", "--unit", "IQ-9AD", "--date", "2015-01-01", "--json");
        assertThat(refusedJson.exitCode()).isEqualTo(1);
        assertThat(refusedJson.out()).contains("\"cleared\":false").contains("\"refusal\":\"never_vetted\"");
        CliRun notIssued = CliRun.run(context, "report", "verify", "data/demo/ledger-iraq.json");
        assertThat(notIssued.exitCode()).as(notIssued.out() + notIssued.err()).isEqualTo(1);
    }

    @Test
    void aStackTraceOnlyWithDebug() {
        CliRun plain = CliRun.run(context, "case", "show", "999999");
        assertThat(plain.err().lines().count()).isEqualTo(1);
        CliRun debug = CliRun.run(context, "case", "show", "999999", "--debug");
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).contains("no diversion case 999999").contains("\tat org.custody");
    }
}
