package org.custody.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.audit.AuditLog;
import org.custody.diversion.CandidateTransfer;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.Factor;
import org.custody.diversion.Finding;
import org.custody.diversion.jsonl.ClaimsJsonl;
import org.custody.screening.Screener;
import org.custody.store.diversion.DiversionCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custody detect}: joins the stored evidence claims (and any claims files) to the ledger, opens,
 * rescores or annotates diversion cases, and sends notifications for new and escalated cases.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Run diversion detection over the stored evidence claims (and --claims files) against the ledger.")
final class DetectCommand implements Runnable {

    private final CliContext context;

    @Option(names = "--claims", description = "Also read claims from this JSON Lines file (repeatable).")
    List<Path> claimFiles = new ArrayList<>();

    @Option(names = "--no-evidence-store", description = "Do not read claims from the evidence store (only --claims files).")
    boolean noStore;

    @Option(names = "--as-of", description = "Date recency is measured from (default today).")
    LocalDate asOf;

    @Option(names = "--dry-run", description = "Show the findings without changing any case.")
    boolean dryRun;

    @Option(names = "--json", description = "JSON Lines, one finding each: key, holder, article, score, opensCase, reason, transfers, factors.")
    boolean json;

    DetectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        LocalDate when = asOf == null ? LocalDate.now() : asOf;
        DiversionCases cases = DiversionSettings.cases(context);
        List<EvidenceClaim> claims = new ArrayList<>();
        for (Path f : claimFiles) {
            try {
                claims.addAll(ClaimsJsonl.read(f));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        Screener screener = context.screenerIfAvailable();
        if (screener == null) {
            System.err.println("custody detect: no watchlists loaded; holders are checked for designation only "
                    + "through recorded affiliations, not screened (load lists first)");
        }
        DiversionCases.Detection d = cases.detect(claims, !noStore, screener, when, dryRun, AuditLog.currentActor());
        if (json) {
            for (Finding f : d.findings()) System.out.println(Json.line(render(f)));
        } else {
            for (Finding f : d.findings()) {
                System.out.printf("%s %.3f  %s / %s  %s%n", f.opensCase() ? "CASE" : "    ", f.score(),
                        f.sighting().holder().name(), f.sighting().article().label(), f.reason());
            }
        }
        System.err.printf("custody detect: %d claims, %d deliveries (%d serials) in the ledger, %d findings; %s%n",
                d.claims(), d.transfers(), d.serials(), d.findings().size(), d.summary());
    }

    static Map<String, Object> render(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", f.key());
        m.put("holder", Map.of("id", String.valueOf(f.sighting().holder().id()), "name", f.sighting().holder().name(),
                "status", f.sighting().holderStatus().wire()));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("designation", f.sighting().article().designation());
        a.put("family", f.sighting().article().family());
        a.put("category", f.sighting().article().category());
        m.put("article", a);
        m.put("score", f.score());
        m.put("opensCase", f.opensCase());
        m.put("reason", f.reason());
        List<String> ts = new ArrayList<>();
        for (CandidateTransfer t : f.sighting().candidates()) ts.add(t.transferId());
        m.put("transfers", ts);
        m.put("claims", f.sighting().claims().stream().map(EvidenceClaim::claimId).toList());
        List<Map<String, Object>> fs = new ArrayList<>();
        for (Factor x : f.factors()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", x.name());
            fm.put("value", x.value());
            fm.put("weight", x.weight());
            fm.put("explanation", x.explanation());
            fs.add(fm);
        }
        m.put("factors", fs);
        return m;
    }
}
