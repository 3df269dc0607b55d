package org.custody.cli;

import java.util.Map;
import java.util.LinkedHashMap;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.custody.audit.AuditLog;
import org.custody.screening.Screener;
import org.custody.screening.ScreeningEngine;
import org.custody.store.lists.WatchlistStore;
import org.custody.vetting.EntityFingerprint;
import org.custody.store.vetting.NodeCodes;
import org.custody.store.vetting.VettingService;
import org.custody.store.vetting.VettingViews;
import org.custody.vetting.ClearanceVerdict;
import org.custody.vetting.Decision;
import org.custody.vetting.Dismissal;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Outcome;
import org.custody.vetting.Purpose;
import org.custody.vetting.Relation;
import org.custody.vetting.VettingRequest;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody vet}: vetting of recipient units and persons against the watchlists. */
@Command(name = "vet", mixinStandardHelpOptions = true,
        description = "Vet recipient units and persons: automated screening of the unit, its commanders, parents"
                + " and affiliations; dismissals; officer decisions; rescreening; delivery clearance.",
        subcommands = {
            VetCommand.Request.class, VetCommand.Check.class, VetCommand.Show.class, VetCommand.Queue.class,
            VetCommand.Dismiss.class, VetCommand.Decide.class, VetCommand.Rescreen.class,
            VetCommand.Clearance.class, VetCommand.Affiliation.class,
        })
final class VetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static VettingService service(CliContext context) {
        return VettingService.onCurrentLists(context.database(), () -> screener(context));
    }

    /** The invocation's screening engine over every list's current version; refuses when no list is loaded. */
    static Screener screener(CliContext context) {
        ScreeningEngine engine = context.screener();
        if (engine.entityCount() == 0) {
            throw new IllegalStateException("no watchlist imported yet: vetting screens against the lists"
                    + " (import them with custody lists import ...)");
        }
        return engine;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static PrintStream out() {
        return System.out;
    }

    /** Names units and persons by their ledger codes in everything vet prints. */
    static NodeCodes names(CliContext context) {
        return NodeCodes.of(context.database());
    }

    /** Exactly one of --unit or --person. */
    static final class SubjectArg {
        @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "Ledger unit code (IQ-35BDE) or id.")
        String unit;

        @Option(names = "--person", required = true, paramLabel = "PERSON", description = "Ledger person code (P-0001) or id.")
        String person;

        NodeRef ref(CliContext context) {
            return unit != null ? new NodeRef.Unit(Refs.unit(context.database(), unit).id())
                    : new NodeRef.Person(Refs.person(context.database(), person).id());
        }
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Open a vetting request for a unit or a person, for a stated purpose.")
    static final class Request implements Runnable {
        private final CliContext context;

        @ArgGroup(exclusive = true, multiplicity = "1")
        SubjectArg subject;

        @Option(names = "--purpose", required = true, description = "transfer, training or other.")
        String purpose;

        @Option(names = "--for", required = true, description = "What for: a transfer case id, a course name.")
        String description;

        @Option(names = "--as-of", description = "Date command posts are read at (default today).")
        LocalDate asOf;

        @Option(names = "--json", description = "JSON output.")
        boolean json;

        Request(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            VettingRequest r = service(context).request(subject.ref(context),
                    new Purpose(Purpose.parseKind(purpose), description.trim()), asOf == null ? today() : asOf,
                    AuditLog.currentActor());
            if (json) out().println(Json.line(VetViews.request(r, names(context))));
            else VetViews.printRequest(out(), r, names(context));
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Run the automated checks of a pending request and show the hits.")
    static final class Check implements Runnable {
        private final CliContext context;

        @Parameters(converter = NumericOptions.Id.class, index = "0", paramLabel = "REQUEST", description = "Request id.")
        long request;

        @Option(names = "--json", description = "JSON output.")
        boolean json;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            VettingService.Report r = service(context).check(request, AuditLog.currentActor());
            NodeCodes names = names(context);
            if (json) out().println(Json.line(VetViews.report(r, names)));
            else VetViews.printReport(out(), r, names);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a request (its latest check, hits with explanation and path, decision), or every"
                    + " request about a unit or person.")
    static final class Show implements Runnable {
        private final CliContext context;

        @Parameters(converter = NumericOptions.Id.class, index = "0", arity = "0..1", paramLabel = "REQUEST", description = "Request id.")
        Long request;

        @Option(names = "--unit", paramLabel = "UNIT", description = "All requests about this unit (code or id).")
        String unit;

        @Option(names = "--person", paramLabel = "PERSON", description = "All requests about this person (code or id).")
        String person;

        @Option(names = "--json", description = "JSON Lines output.")
        boolean json;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            VettingService s = service(context);
            List<VettingService.Report> reports;
            if (request != null) {
                reports = List.of(s.report(request));
            } else if (unit != null || person != null) {
                reports = s.history(unit != null ? new NodeRef.Unit(Refs.unit(context.database(), unit).id())
                        : new NodeRef.Person(Refs.person(context.database(), person).id()));
                if (reports.isEmpty()) throw new NotFoundException("no vetting requests about "
                        + (unit != null ? "unit " + unit : "person " + person) + " (open one with custody vet request)");
            } else {
                throw new UsageException("give a REQUEST id, --unit or --person");
            }
            NodeCodes names = names(context);
            for (VettingService.Report r : reports) {
                if (json) out().println(Json.line(VetViews.report(r, names)));
                else VetViews.printReport(out(), r, names);
            }
        }
    }

    @Command(name = "queue", mixinStandardHelpOptions = true,
            description = "Requests awaiting a decision (new ones and subjects put back by rescreening).")
    static final class Queue implements Runnable {
        private final CliContext context;

        @Option(names = "--json", description = "JSON Lines output.")
        boolean json;

        Queue(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            List<VettingService.Report> q = service(context).queue();
            NodeCodes names = names(context);
            for (VettingService.Report r : q) {
                if (json) {
                    out().println(Json.line(VetViews.report(r, names)));
                } else {
                    VetViews.printRequest(out(), r.request(), names);
                    out().println(r.check().isEmpty() ? "    not checked yet"
                            : "    " + r.openFindings() + " open hit(s) of " + r.findings().size());
                }
            }
            if (!json && q.isEmpty()) out().println("the vetting queue is empty");
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true,
            description = "Dismiss a hit of a subject's latest check as a false positive; it stays dismissed until"
                    + " the list entry behind it changes.")
    static final class Dismiss implements Runnable {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "SUBJECT", description = "unit:CODE, unit:ID, person:CODE or person:ID.")
        String subject;

        @Option(names = "--node", description = "The node that matched (default: the subject itself), e.g. person:P-0001 or person:7.")
        String node;

        @Option(names = "--entity", required = true, description = "The listed entity id, e.g. ofac-sdn:11461.")
        String entity;

        @Option(names = "--reason", required = true, description = "Why this is a false positive.")
        String reason;

        @Option(names = "--json", description = "JSON output.")
        boolean json;

        Dismiss(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            NodeRef s = Refs.node(context.database(), subject);
            Dismissal d = service(context).dismiss(s, node == null ? s : Refs.node(context.database(), node), entity.trim(), reason,
                    AuditLog.currentActor());
            if (json) out().println(Json.line(VetViews.dismissal(d, names(context))));
            else out().printf("dismissal %d: %s hit of %s on %s dismissed (entry fingerprint %s): %s%n", d.id(),
                    names(context).name(d.subject()), names(context).name(d.node()), d.entityId(), d.fingerprint().substring(0, 12), d.reason());
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = "Record a vetting officer's decision on a checked request.")
    static final class Decide implements Runnable {
        private final CliContext context;

        @Parameters(converter = NumericOptions.Id.class, index = "0", paramLabel = "REQUEST", description = "Request id.")
        long request;

        @Option(names = "--outcome", required = true, description = "approved, denied or restricted.")
        String outcome;

        @Option(names = "--conditions", description = "What a restricted subject is restricted to.")
        String conditions;

        @Option(names = "--reason", required = true, description = "The reason for the decision.")
        String reason;

        @Option(names = "--expires", required = true, description = "Date the decision lapses (YYYY-MM-DD).")
        LocalDate expires;

        @Option(names = "--json", description = "JSON output.")
        boolean json;

        Decide(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            Decision d = service(context).decide(request, Outcome.parse(outcome, conditions), reason, expires,
                    AuditLog.currentActor());
            if (json) out().println(Json.line(VetViews.decision(d, names(context))));
            else out().printf("decision %d: %s %s until %s%n", d.id(), names(context).name(d.subject()), d.outcome().label(), d.expires());
        }
    }

    @Command(name = "rescreen", mixinStandardHelpOptions = true,
            description = "Re-run the checks of every decided subject; requeue those whose commanders changed or"
                    + " that have new undismissed hits.")
    static final class Rescreen implements Runnable {
        private final CliContext context;

        @Option(names = "--as-of", description = "Date command posts are read at (default today).")
        LocalDate asOf;

        @Option(names = "--json", description = "JSON Lines output.")
        boolean json;

        Rescreen(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            NodeCodes names = names(context);
            List<VettingService.RescreenOutcome> outcomes = service(context).rescreen(asOf == null ? today() : asOf,
                    AuditLog.currentActor());
            for (VettingService.RescreenOutcome o : outcomes) {
                if (json) {
                    out().println(Json.line(rescreen(o, names)));
                } else {
                    out().printf("%s: %s%s%n", names.name(o.subject()), o.action(),
                            o.requestId().map(id -> " (request " + id + ")").orElse(""));
                    for (String r : o.reasons()) out().println("    " + r);
                }
            }
            if (!json) out().println(outcomes.size() + " decided subject(s) rescreened, "
                    + outcomes.stream().filter(o -> o.action().equals("requeued")).count() + " requeued");
        }
    }

    static Map<String, Object> rescreen(VettingService.RescreenOutcome o, NodeCodes names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", names.name(o.subject()));
        m.put("action", o.action());
        m.put("reasons", o.reasons());
        m.put("request", o.requestId().orElse(null));
        return m;
    }

    @Command(name = "clearance", mixinStandardHelpOptions = true,
            description = "Whether a delivery to a unit on a date would be cleared by vetting, and why; exits 1"
                    + " when it would be refused.")
    static final class Clearance implements java.util.concurrent.Callable<Integer> {
        private final CliContext context;

        @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "Ledger unit code (IQ-35BDE) or id.")
        String unit;

        @Option(names = "--date", description = "Delivery date (default today).")
        LocalDate date;

        @Option(names = "--json", description = "JSON output.")
        boolean json;

        Clearance(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            LocalDate d = date == null ? today() : date;
            org.custody.ledger.OrgUnit u = Refs.unit(context.database(), unit);
            ClearanceVerdict v = service(context).clearance(new NodeRef.Unit(u.id()), d);
            if (json) out().println(Json.line(VetViews.clearance(u.code(), u.id(), d, v)));
            else out().println((v.cleared() ? "CLEARED: " : "REFUSED: ") + v.explanation());
            // a refused clearance is an answer, printed in full, and exits as documented for "refused"
            return v.cleared() ? ExitCodes.OK : ExitCodes.NOT_FOUND_OR_REFUSED;
        }
    }

    @Command(name = "affiliation", mixinStandardHelpOptions = true,
            description = "Record and list affiliations (member of, part of, backed by, successor of).",
            subcommands = {VetCommand.AffiliationAdd.class, VetCommand.AffiliationList.class})
    static final class Affiliation implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Record that FROM is RELATION of TO, with the source that says so.")
    static final class AffiliationAdd implements Runnable {
        private final CliContext context;

        @Option(names = "--from", required = true, description = "unit:CODE|ID, person:CODE|ID or org:ID.")
        String from;

        @Option(names = "--relation", required = true, description = "member_of, part_of, backed_by or successor_of.")
        String relation;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--alias", description = "An alias of the --to-org organisation (repeatable).")
        List<String> aliases = List.of();

        @Option(names = "--source", required = true, description = "Who says so (report, order, article, URL).")
        String source;

        @Option(names = "--note", description = "A note on the affiliation.")
        String note = "";

        @Option(names = "--json", description = "JSON output.")
        boolean json;

        static final class Target {
            @Option(names = "--to", required = true, description = "unit:CODE|ID, person:CODE|ID or org:ID.")
            String to;

            @Option(names = "--to-org", required = true,
                    description = "An outside organisation by name (created on first use).")
            String toOrg;
        }

        AffiliationAdd(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            VettingService.AffiliationView v = service(context).addAffiliation(Refs.node(context.database(), from),
                    Relation.parseAffiliation(relation), target.to == null ? null : Refs.node(context.database(), target.to),
                    target.toOrg, aliases, source, note, AuditLog.currentActor());
            if (json) out().println(Json.line(VettingViews.affiliation(v, names(context))));
            else out().println(v.render(names(context)));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List recorded affiliations.")
    static final class AffiliationList implements Runnable {
        private final CliContext context;

        @Option(names = "--node", description = "Only those touching this node (unit:CODE|ID, person:CODE|ID, org:ID).")
        String node;

        @Option(names = "--json", description = "JSON Lines output.")
        boolean json;

        AffiliationList(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            List<VettingService.AffiliationView> all = service(context).affiliations(node == null ? null : Refs.node(context.database(), node));
            NodeCodes names = names(context);
            for (VettingService.AffiliationView v : all) {
                out().println(json ? Json.line(VettingViews.affiliation(v, names)) : v.render(names));
            }
            if (!json && all.isEmpty()) out().println("no affiliations recorded");
        }
    }
}
