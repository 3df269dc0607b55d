package org.custody.cli;

import java.util.List;
import java.util.Optional;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code custody audit}: read and verify the hash-chained decision log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the append-only decision log and verify its hash chain.")
final class AuditCommand implements Runnable {

    private final CliContext context;

    @Option(names = "--subject", description = "Only entries about this subject.")
    String subject;

    @Option(names = "--verify", description = "Recompute the hash chain and report the first broken link.")
    boolean verify;

    @Option(names = "--json", description = "JSON Lines output.")
    boolean json;

    AuditCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        if (verify) {
            Optional<AuditEntry> broken = context.database().read(AuditLog::firstBrokenLink);
            if (broken.isPresent()) {
                throw new IllegalStateException("audit chain broken at entry " + broken.get().seq());
            }
            System.out.println("audit chain intact");
            return;
        }
        List<AuditEntry> entries = context.database().read(c -> AuditLog.entries(c, subject));
        for (AuditEntry e : entries) {
            System.out.println(json ? Json.line(e)
                    : "%d  %s  %-12s %-24s %s  %s".formatted(e.seq(), e.recordedAt(), e.actor(), e.action(),
                            e.subject(), e.detail()));
        }
    }
}
