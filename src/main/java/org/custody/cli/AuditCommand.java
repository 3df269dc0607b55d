package org.custody.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.audit.AuditCheckpoints;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code custody audit}: read and verify the hash-chained decision log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the append-only decision log and verify its hash chain.")
final class AuditCommand implements Runnable {

    private final CliContext context;

    @Option(names = "--subject", description = "Only entries about this subject (unit:CODE and person:CODE are"
            + " accepted for the unit:ID / person:ID the log records).")
    String subject;

    @Option(names = "--verify", description = "Recompute the hash chain and check it against the signed checkpoints "
            + "kept outside the database; report every edited, deleted, truncated or re-chained entry.")
    boolean verify;

    @Option(names = "--checkpoints", paramLabel = "FILE", description = "With --verify: check against the checkpoints "
            + "exported to this file: a copy of the checkpoint log, a report's audit-checkpoint.csv or report.html, or "
            + "any text quoting checkpoint lines (default: $CUSTODY_HOME/audit/checkpoints.log).")
    Path checkpointFile;

    @Option(names = "--checkpoint-value", paramLabel = "CHECKPOINT", description = "With --verify: check against this "
            + "one exported checkpoint, as printed by --checkpoint or in a report's appendix "
            + "('custody-audit-checkpoint/1 SEQ HASH TIME SIGNATURE').")
    String checkpointValue;

    @Option(names = "--checkpoint", description = "Sign the chain's newest entry now and print that checkpoint "
            + "(to keep outside this machine: a report appendix, a ticket, another host).")
    boolean checkpoint;

    @Option(names = "--json", description = "JSON Lines output.")
    boolean json;

    AuditCommand(CliContext context) {
        this.context = context;
    }

    private static List<AuditCheckpoints.Checkpoint> readAll(AuditCheckpoints cps) {
        try {
            return cps.read(cps.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void run() {
        if (verify) {
            AuditCheckpoints cps = context.auditCheckpoints();
            List<AuditCheckpoints.Checkpoint> against;
            String file;
            try {
                if (checkpointValue != null) {
                    against = List.of(AuditCheckpoints.parseLine(checkpointValue));
                    file = "the checkpoint given";
                } else if (checkpointFile != null) {
                    against = cps.readExported(checkpointFile);
                    file = checkpointFile.toString();
                } else {
                    against = cps.read(cps.logFile());
                    file = cps.logFile().toString();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AuditCheckpoints.Verification v = context.database().read(c -> cps.verify(c, against, file));
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("intact", v.intact());
                m.put("entries", v.entries());
                m.put("checkpoints", v.checkpoints());
                m.put("checkpointFile", file);
                m.put("lastCheckpointSeq", v.lastCheckpointSeq());
                m.put("entriesAfterLastCheckpoint", v.entriesAfterLastCheckpoint());
                m.put("problems", v.problems());
                System.out.println(Json.line(m));
            }
            if (!v.intact()) {
                for (String p : v.problems()) System.err.println("custody audit: " + p);
                throw new IllegalStateException("audit log NOT intact: " + v.problems().size() + " problem(s) found "
                        + "against " + v.checkpoints() + " signed checkpoint(s) in " + file);
            }
            if (json) return;
            System.out.printf("audit chain intact: %d entries, %d signed checkpoint(s) in %s, the last covering entry %d"
                    + "%s%n", v.entries(), v.checkpoints(), file, v.lastCheckpointSeq(),
                    v.entriesAfterLastCheckpoint() == 0 ? ""
                            : "; " + v.entriesAfterLastCheckpoint() + " newer entries not yet covered by a checkpoint");
            return;
        }
        if (checkpoint) {
            AuditCheckpoints cps = context.auditCheckpoints();
            context.database().read(cps::export);
            List<AuditCheckpoints.Checkpoint> all = readAll(cps);
            System.out.println(all.isEmpty() ? "no audit entries yet" : all.getLast().line());
            if (!all.isEmpty()) System.err.println("signed by the key with fingerprint " + cps.publicKeyFingerprint());
            return;
        }
        String recorded = recordedSubject(subject);
        List<AuditEntry> entries = context.database().read(c -> AuditLog.entries(c, recorded));
        for (AuditEntry e : entries) {
            System.out.println(json ? Json.line(e)
                    : "%d  %s  %-12s %-24s %s  %s".formatted(e.seq(), e.recordedAt(), e.actor(), e.action(),
                            e.subject(), e.detail()));
        }
    }

    /** The log records units and persons by id; a code given as unit:CODE / person:CODE is looked up. */
    private String recordedSubject(String given) {
        if (given == null) return null;
        String t = given.strip();
        if (t.startsWith("unit:") || t.startsWith("person:")) {
            try {
                return Refs.node(context.database(), t).key();
            } catch (NotFoundException e) {
                return t; // not a recorded unit or person: filter by the text as given
            }
        }
        return t;
    }
}
