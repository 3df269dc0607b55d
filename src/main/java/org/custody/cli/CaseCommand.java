package org.custody.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.audit.AuditLog;
import org.custody.diversion.CaseEvent;
import org.custody.diversion.CaseJson;
import org.custody.store.photo.PhotoReads;
import org.custody.diversion.CaseLink;
import org.custody.diversion.CaseStatus;
import org.custody.diversion.DiversionCase;
import org.custody.diversion.Factor;
import org.custody.store.diversion.CaseStore;
import org.custody.store.diversion.CaseViews;
import org.custody.store.diversion.DiversionRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody case show|update}: one diversion case, read and worked. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Show or work one diversion case.",
        subcommands = {CaseCommand.Show.class, CaseCommand.Update.class})
final class CaseCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("say what to do: custody case show ID | custody case update ID ...");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A case with its score breakdown, transfers, evidence, screening and vetting links and history.")
    static final class Show implements Runnable {
        private final CliContext context;

        @Parameters(converter = NumericOptions.Id.class, index = "0", paramLabel = "CASE", description = "Case id.")
        long id;

        @Option(names = "--json", description = "One JSON object: the cases --json shape plus assignee, links and history.")
        boolean json;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            DiversionCase dc = context.database().read(c -> CaseStore.get(c, id))
                    .orElseThrow(() -> new NotFoundException("no diversion case " + id + " (custody cases lists them)"));
            List<CaseEvent> events = context.database().read(c -> CaseStore.events(c, id));
            List<Map<String, Object>> photos = context.database().read(c -> PhotoReads.forCase(c, dc));
            if (json) {
                Map<String, Object> m = context.database().read(c -> CaseViews.detail(dc, events, CaseStore.unitCodes(c)));
                m.put("photos", photos);
                System.out.println(Json.line(m));
                return;
            }
            System.out.printf("case %d  %s  score %.3f%s%n", dc.id(), dc.status().wire(), dc.score(),
                    dc.belowThreshold() ? "  (below the opening threshold; kept for the record)" : "");
            System.out.printf("holder:   %s%s  [%s]%s%n", dc.holder().name(),
                    dc.holder().id() == null ? "" : " (" + dc.holder().id() + ")", dc.holderStatus(),
                    dc.designation() == null ? "" : "  designated: " + dc.designation());
            System.out.printf("article:  %s (family %s, category %s)%n", dc.article().designation(),
                    dc.article().family(), dc.article().category());
            System.out.printf("assignee: %s%n", dc.assignee() == null ? "-" : dc.assignee());
            System.out.printf("why:      %s%n%n", dc.reason());
            System.out.println("score breakdown (value × weight → contribution, share of score):");
            for (Factor f : dc.factors()) {
                System.out.printf(Locale.ROOT, "  %-20s %.2f × %.2f → %.3f  %3.0f%%  %s%n", f.name(), f.value(), f.weight(),
                        f.contribution(), f.share() * 100, f.explanation());
            }
            for (CaseLink.Kind k : CaseLink.Kind.values()) {
                List<CaseLink> ls = dc.links(k);
                if (ls.isEmpty()) continue;
                System.out.printf("%n%s:%n", k.wire());
                for (CaseLink l : ls) {
                    System.out.printf("  %s%s%n", l.ref(), l.current() ? "" : " (no longer used)");
                    l.detail().forEach((key, value) -> {
                        if (value == null) return;
                        String text = key.equals("approvedEndUsers") ? endUsers(value) : prose(value);
                        System.out.printf("      %-18s %s%n", key + ":", text);
                    });
                }
            }
            if (!photos.isEmpty()) {
                System.out.println("\nphotos:");
                for (Map<String, Object> p : photos) {
                    System.out.printf("  %s  %s  %s, %s x %s%n", String.valueOf(p.get("sha256")).substring(0, 12), p.get("file"),
                            p.get("format"), p.get("width"), p.get("height"));
                    if (p.get("taken") != null) System.out.printf("      %-18s %s%n", "taken:", String.valueOf(p.get("taken")).replace('T', ' '));
                    if (p.get("latitude") != null) {
                        System.out.printf(Locale.ROOT, "      %-18s %.5f, %.5f%n", "GPS:", (Double) p.get("latitude"), (Double) p.get("longitude"));
                    }
                    if (p.get("camera") != null) System.out.printf("      %-18s %s%n", "camera:", p.get("camera"));
                    System.out.printf("      %-18s %s%n", "supports:", String.join(", ", strings(p.get("claims"))));
                    System.out.printf("      %-18s %s (%d document(s)); earliest poster %s, %s%n", "re-post family:", p.get("family"),
                            strings(p.get("familyDocuments")).size(), p.get("earliestPoster"), p.get("earliestDocument"));
                    for (String f : strings(p.get("flags"))) System.out.printf("      %-18s %s%n", "flag:", f);
                    for (String t : strings(p.get("text"))) System.out.printf("      %-18s %s%n", "text read:", t);
                }
            }
            System.out.println("\nhistory:");
            for (CaseEvent e : events) {
                System.out.printf("  %s  %-10s %-10s %s%n", e.at(), e.actor(), e.action(), prose(e.detail()));
            }
        }

        private static List<String> strings(Object list) {
            List<String> out = new ArrayList<>();
            if (list instanceof List<?> l) for (Object o : l) out.add(Printable.text(String.valueOf(o)));
            return out;
        }

        /** The approved end-users of a transfer as people name them: "IQ-9AD 9th Armoured Division, ...". */
        private String endUsers(Object value) {
            if (!(value instanceof List<?> users)) return prose(value);
            List<String> out = new ArrayList<>();
            for (Object u : users) {
                if (!(u instanceof Map<?, ?> m)) continue;
                String id = m.get("id") == null ? null : m.get("id").toString();
                String code = id == null ? null : context.database().read(c -> CaseStore.unitCodes(c).code(id));
                Object name = m.get("name");
                out.add(code == null ? String.valueOf(name) : code + " " + name);
            }
            return String.join(", ", out);
        }

        /**
         * A stored detail value as a reader wants it (case show is for people; --json keeps the structure):
         * lists joined with commas, objects as "key value" pairs, JSON text decoded first, nulls left out.
         */
        static String prose(Object value) {
            if (value instanceof String text && text.startsWith("{") && text.endsWith("}")) {
                try {
                    return prose(Json.MAPPER.readValue(text, Map.class));
                } catch (java.io.IOException e) {
                    return text;
                }
            }
            if (value instanceof Map<?, ?> map) {
                List<String> parts = new ArrayList<>();
                map.forEach((k, v) -> {
                    if (v != null && !(v instanceof java.util.Collection<?> c && c.isEmpty())) parts.add(k + " " + prose(v));
                });
                return String.join("; ", parts);
            }
            if (value instanceof java.util.Collection<?> list) {
                return String.join(", ", list.stream().map(Show::prose).toList());
            }
            return String.valueOf(value);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Move a case (open → under_review → confirmed | dismissed | referred), assign it, add a note or "
                    + "link a vetting record or screening hit. Every change is recorded with who and when; "
                    + "confirming sends the recipient units back to vetting and holds their deliveries.")
    static final class Update implements Runnable {
        private final CliContext context;

        @Parameters(converter = NumericOptions.Id.class, index = "0", paramLabel = "CASE", description = "Case id.")
        long id;

        @Option(names = "--status", description = "New status: under_review, confirmed, dismissed, referred (or open → under_review).")
        String status;

        @Option(names = "--reason", description = "Why (required with --status).")
        String reason;

        @Option(names = "--assignee", description = "Who works the case (empty string to unassign).")
        String assignee;

        @Option(names = "--note", description = "A note to add.")
        String note;

        @Option(names = "--link-vetting", description = "Link a vetting record (request or decision id).")
        List<String> vetting = new ArrayList<>();

        @Option(names = "--link-screening", description = "Link a screening hit (watchlist entity id).")
        List<String> screening = new ArrayList<>();

        @Option(names = "--json", description = "Print the updated case as JSON.")
        boolean json;

        Update(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            List<CaseLink> links = new ArrayList<>();
            for (String v : vetting) links.add(new CaseLink(CaseLink.Kind.VETTING, v, Map.of("linkedBy", "analyst"), true));
            for (String s : screening) links.add(new CaseLink(CaseLink.Kind.SCREENING, s, Map.of("linkedBy", "analyst"), true));
            DiversionRunner.CaseUpdate u = new DiversionRunner.CaseUpdate(status == null ? null : CaseStatus.parse(status),
                    reason, assignee, note, links);
            DiversionCase dc = DiversionSettings.runner(context).update(id, u, AuditLog.currentActor());
            if (json) System.out.println(Json.line(context.database().read(c -> CaseJson.of(dc, CaseStore.unitCodes(c)))));
            else System.out.printf("case %d  %s  score %.3f  assignee %s%n", dc.id(), dc.status().wire(), dc.score(),
                    dc.assignee() == null ? "-" : dc.assignee());
        }
    }
}
