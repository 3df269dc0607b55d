package org.custody.cli;

import java.util.List;
import org.custody.diversion.CaseJson;
import org.custody.diversion.CaseStatus;
import org.custody.diversion.DiversionCase;
import org.custody.store.diversion.CaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code custody cases}: the diversion cases, highest score first. */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = "List suspected-diversion cases, highest score first.")
final class CasesCommand implements Runnable {

    private final CliContext context;

    @Option(names = "--json", description = "JSON Lines, one case each: id, status, score, holder, article, transfers, evidence, factors.")
    boolean json;

    @Option(names = "--status", description = "Only cases in this status (open, under_review, confirmed, dismissed, referred).")
    String status;

    CasesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        CaseStatus filter = status == null ? null : CaseStatus.parse(status);
        List<DiversionCase> cases = context.database().read(c -> CaseStore.list(c, filter));
        for (DiversionCase dc : cases) {
            if (json) {
                System.out.println(Json.line(context.database().read(c -> CaseJson.of(dc, CaseStore.unitCodes(c)))));
            } else {
                System.out.printf("%-5d %-12s %.3f  %s holds %s  (%d transfer(s), %d claim(s))%s%n", dc.id(),
                        dc.status().wire(), dc.score(), dc.holder().name(), dc.article().label(),
                        dc.links(org.custody.diversion.CaseLink.Kind.TRANSFER).size(),
                        dc.links(org.custody.diversion.CaseLink.Kind.EVIDENCE).size(),
                        dc.belowThreshold() ? "  [below threshold, kept]" : "");
            }
        }
        if (!json && cases.isEmpty()) System.out.println("no diversion cases");
    }
}
