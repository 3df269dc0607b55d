package org.custody.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.custody.audit.AuditLog;
import org.custody.catalog.Article;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.Category;
import org.custody.catalog.json.CatalogJson;
import org.custody.ledger.CustodyChain;
import org.custody.ledger.DeliveredItem;
import org.custody.ledger.DeliveryRefusedException;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.Lot;
import org.custody.ledger.OrgUnit;
import org.custody.ledger.Transfer;
import org.custody.ledger.format.LedgerCsv;
import org.custody.ledger.format.LedgerJson;
import org.custody.ledger.sipri.SipriDeliveries;
import org.custody.store.Database;
import org.custody.store.ledger.ArticleStore;
import org.custody.store.ledger.ImportRecords;
import org.custody.store.ledger.ImportReport;
import org.custody.store.ledger.LedgerImports;
import org.custody.store.ledger.LedgerQueries;
import org.custody.store.ledger.OrgUnitStore;
import org.custody.store.ledger.TransferStore;
import org.custody.store.vetting.VettingDeliveryClearance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody ledger}: the transfer ledger (catalogue, units, transfers, lots, serial numbers). */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "The transfer ledger: import cases, lots and serials (or SIPRI's register), the article"
                + " catalogue, units, and where each serial number is supposed to be.",
        subcommands = {
            LedgerCommand.Import.class, LedgerCommand.Catalog.class, LedgerCommand.Units.class,
            LedgerCommand.Transfers.class, LedgerCommand.Serial.class, LedgerCommand.DeliveredTo.class,
            LedgerCommand.ByArticle.class,
        })
final class LedgerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static OrgUnit unit(Database db, String code) {
        return Refs.unit(db, code);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a ledger folder (units.csv, transfers.csv, lots.csv, serials.csv, ...), a ledger"
                    + " JSON file, or SIPRI's trade register with deal IDs (--sipri). All or nothing.")
    static final class Import implements Runnable {
        private final CliContext context;

        @Parameters(index = "0", description = "Folder of ledger CSV files, a .json file, or a SIPRI CSV with --sipri.")
        Path path;

        @Option(names = "--sipri", description = "The file is SIPRI's trade register (deal IDs, one row per delivery year).")
        boolean sipri;

        @Option(names = "--recipient", description = "SIPRI only: import only rows for this recipient country.")
        String recipient;

        @Option(names = "--json", description = "Print the import report as JSON.")
        boolean json;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            LedgerImports.Outcome outcome = LedgerImports.importPath(context.database(), path, sipri, recipient,
                    AuditLog.currentActor());
            if (outcome.unchanged()) {
                ImportRecords.Previous previous = outcome.previous().get();
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("source", path.toString());
                    m.put("unchanged", true);
                    m.put("identicalTo", previous);
                    System.out.println(Json.line(m));
                    return;
                }
                System.out.println("unchanged: identical to the import of " + previous.source() + " at "
                        + previous.importedAt() + " (" + previous.summary() + ")");
                return;
            }
            ImportReport report = outcome.report();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>(Json.MAPPER.convertValue(report,
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
                m.put("unchanged", false);
                System.out.println(Json.line(m));
            } else {
                System.out.println("imported " + report.summary());
                for (ImportReport.Override o : report.overrides()) {
                    System.out.println("  OVERRIDE case " + o.caseId() + " lot " + o.lotNo() + " to " + o.unitCode()
                            + ": refused (" + o.refusal() + "); recorded because: " + o.justification());
                }
            }
        }
    }

    @Command(name = "catalog", mixinStandardHelpOptions = true,
            description = "The defense-article catalogue: list, add, resolve a mention.",
            subcommands = {Catalog.ListArticles.class, Catalog.Add.class, Catalog.Resolve.class})
    static final class Catalog implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }

        static ArticleCatalog load(CliContext context) {
            return context.database().inTransaction(ArticleStore::catalog);
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List catalogue articles.")
        static final class ListArticles implements Runnable {
            private final CliContext context;

            @Option(names = "--category", description = "Only this category (e.g. MAIN_BATTLE_TANK).")
            String category;

            @Option(names = "--json", description = "JSON Lines output.")
            boolean json;

            ListArticles(CliContext context) {
                this.context = context;
            }

            @Override
            public void run() {
                Optional<Category> only = Optional.ofNullable(category).map(Category::parse);
                for (Article a : load(context).articles()) {
                    if (only.isPresent() && a.category() != only.get()) continue;
                    System.out.println(json ? Json.line(a) : "%-18s %-26s %-28s %-16s%s  %s".formatted(a.id(),
                            a.category(), a.designation(), a.family(), a.enhancedMonitoring() ? " EEUM" : "",
                            String.join("; ", a.aliases())));
                }
            }
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an article to the catalogue.")
        static final class Add implements Runnable {
            private final CliContext context;

            @Option(names = "--id", required = true, description = "Stable id, lower case (e.g. lav-25).")
            String id;

            @Option(names = "--category", required = true, description = "Category, e.g. INFANTRY_FIGHTING_VEHICLE.")
            String category;

            @Option(names = "--designation", required = true, description = "Designation, e.g. \"LAV-25\".")
            String designation;

            @Option(names = "--family", description = "Family, e.g. \"LAV\" (default: the designation).")
            String family;

            @Option(names = "--alias", description = "An alias as reporters write it (repeatable).")
            List<String> aliases = new ArrayList<>();

            @Option(names = "--origin", description = "Country of origin.")
            String origin;

            @Option(names = "--enhanced", description = "Enhanced end-use monitoring item (serials inventoried).")
            boolean enhanced;

            Add(CliContext context) {
                this.context = context;
            }

            @Override
            public void run() {
                Article a = new Article(id, Category.parse(category), designation, family, aliases, origin, enhanced);
                String actor = AuditLog.currentActor();
                context.database().inTransaction(c -> ArticleStore.add(c, a, actor));
                System.out.println("added " + a.id() + " (" + a.designation() + ", " + a.category() + ")");
            }
        }

        @Command(name = "resolve", mixinStandardHelpOptions = true,
                description = "Resolve a written mention (\"M-1A1\", \"Humvees\", \"a tank\") to the catalogue.")
        static final class Resolve implements Runnable {
            private final CliContext context;

            @Parameters(index = "0", description = "Text mentioning an article.")
            String text;

            @Option(names = "--json", description = "JSON output.")
            boolean json;

            Resolve(CliContext context) {
                this.context = context;
            }

            @Override
            public void run() {
                ArticleCatalog catalog = load(context);
                List<ArticleCatalog.Mention> mentions = catalog.mentions(text);
                if (json) {
                    for (ArticleCatalog.Mention m : mentions) System.out.println(Json.line(CatalogJson.mention(m)));
                    return;
                }
                if (mentions.isEmpty()) System.out.println("no catalogue article, family or category mentioned");
                for (ArticleCatalog.Mention m : mentions) System.out.println(m.resolution().explanation());
            }
        }
    }

    @Command(name = "units", mixinStandardHelpOptions = true,
            description = "Recipient units as a tree (or one unit's subtree with --under).")
    static final class Units implements Runnable {
        private final CliContext context;

        @Option(names = "--under", description = "Only this unit (code) and the units below it.")
        String under;

        @Option(names = "--json", description = "JSON Lines output.")
        boolean json;

        Units(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            Database db = context.database();
            List<OrgUnit> units = under == null ? db.read(OrgUnitStore::all)
                    : db.read(c -> OrgUnitStore.subtree(c, unit(db, under).id()));
            if (json) {
                units.forEach(u -> System.out.println(Json.line(u)));
                return;
            }
            Map<Long, List<OrgUnit>> children = new LinkedHashMap<>();
            java.util.Set<Long> ids = new java.util.HashSet<>();
            units.forEach(u -> ids.add(u.id()));
            List<OrgUnit> roots = new ArrayList<>();
            for (OrgUnit u : units) {
                if (u.parentId().isPresent() && ids.contains(u.parentId().get())) {
                    children.computeIfAbsent(u.parentId().get(), k -> new ArrayList<>()).add(u);
                } else {
                    roots.add(u);
                }
            }
            for (OrgUnit r : roots) print(r, children, 0);
        }

        private static void print(OrgUnit u, Map<Long, List<OrgUnit>> children, int depth) {
            System.out.println("  ".repeat(depth) + "#" + u.id() + " " + u.code() + "  " + u.name() + " (" + u.echelon().name()
                    .toLowerCase(Locale.ROOT) + ", " + u.country() + ")"
                    + (u.aliases().isEmpty() ? "" : " aka " + String.join("; ", u.aliases()))
                    + u.area().map(a -> " @ " + a.place()).orElse(""));
            for (OrgUnit c : children.getOrDefault(u.id(), List.of())) print(c, children, depth + 1);
        }
    }

    @Command(name = "transfers", mixinStandardHelpOptions = true,
            description = "List transfer cases, or show one case with its lots (--case).")
    static final class Transfers implements Runnable {
        private final CliContext context;

        @Option(names = "--case", description = "Show this case with its lots.")
        String caseId;

        @Option(names = "--country", description = "Only transfers to this recipient country.")
        String country;

        @Option(names = "--limit", defaultValue = "100", converter = NumericOptions.RowLimit.class, description = "At most this many cases (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "JSON Lines output.")
        boolean json;

        Transfers(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            Database db = context.database();
            if (caseId != null) {
                Transfer t = db.read(c -> TransferStore.byCase(c, caseId)).orElseThrow(() ->
                        new NotFoundException("case '" + caseId + "' is not recorded (custody ledger transfers lists them)"));
                List<Lot> lots = db.read(c -> TransferStore.lots(c, t.id()));
                if (json) {
                    System.out.println(Json.line(Map.of("transfer", t, "lots", lots)));
                    return;
                }
                System.out.println(line(t));
                if (!t.endUseTerms().isEmpty()) System.out.println("  terms: " + String.join("; ", t.endUseTerms()));
                if (!t.notes().isEmpty()) System.out.println("  notes: " + t.notes());
                for (Lot l : lots) {
                    System.out.println("  lot %s: %d%s x %s%s, delivered %s".formatted(l.lotNo(), l.quantity(),
                            l.quantityEstimated() ? "?" : "", l.designation(),
                            l.articleId().map(a -> " [" + a + "]").orElse(" [" + l.category() + "]"),
                            l.deliveryDate().map(Object::toString).or(() -> l.deliveryYear().map(Object::toString))
                                    .orElse("(undated)")));
                }
                return;
            }
            for (Transfer t : db.read(c -> TransferStore.list(c, country, limit))) {
                System.out.println(json ? Json.line(t) : line(t));
            }
        }

        private static String line(Transfer t) {
            return "%s  %s -> %s  %s%s%s".formatted(t.caseId(), t.supplier(), t.recipientCountry(), t.programme(),
                    t.notificationDate().map(d -> " notified " + d).orElse(""),
                    t.endUserUnitCodes().isEmpty() ? "" : "  end users: " + String.join(", ", t.endUserUnitCodes()));
        }
    }

    @Command(name = "serial", mixinStandardHelpOptions = true,
            description = "Where is serial S supposed to be: case, lot, unit, clearance, inventory sightings.")
    static final class Serial implements Runnable {
        private final CliContext context;

        @Parameters(index = "0", description = "Serial number (separators and case are ignored).")
        String serial;

        @Option(names = "--json", description = "JSON output.")
        boolean json;

        Serial(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            CustodyChain chain = context.database().read(c -> LedgerQueries.custodyChain(c, serial));
            if (chain.items().isEmpty()) {
                throw new NotFoundException("serial " + serial + " (" + chain.key() + ") is not in the ledger"
                        + " (custody ledger transfers --case CASE lists a case's lots)");
            }
            if (json) {
                System.out.println(Json.line(chain));
                return;
            }
            for (CustodyChain.Item it : chain.items()) {
                System.out.println(it.summary());
                it.clearance().ifPresent(cl -> System.out.println("  clearance: " + cl));
                if (!it.endUseTerms().isEmpty()) System.out.println("  terms: " + String.join("; ", it.endUseTerms()));
                it.events().forEach(e -> System.out.println("  " + e.date() + "  " + switch (e) {
                    case org.custody.eum.ItemEvent.Observed o -> o.status() + " at " + o.place() + " by "
                            + o.inspector() + (o.note().isEmpty() ? "" : ": " + o.note());
                    case org.custody.eum.ItemEvent.FollowedUp f -> "follow-up " + f.outcome() + ": " + f.note();
                }));
            }
        }
    }

    static void printDelivered(List<DeliveredItem> items, boolean json) {
        for (DeliveredItem d : items) {
            System.out.println(json ? Json.line(d) : "%s  %s lot %s  %d%s x %s  %s  %s%s".formatted(
                    d.deliveryDate().map(Object::toString).or(() -> d.deliveryYear().map(Object::toString)).orElse("?"),
                    d.caseId(), d.lotNo(), d.quantity(), d.quantityEstimated() ? "?" : "", d.designation(),
                    d.unitCode().orElse(d.recipientCountry()), d.programme(),
                    d.serials() > 0 ? "  (" + d.serials() + " serials)" : ""));
        }
        if (!json) {
            System.out.println(items.size() + " lot(s), " + items.stream().mapToLong(DeliveredItem::quantity).sum()
                    + " item(s)");
        }
    }

    @Command(name = "delivered-to", mixinStandardHelpOptions = true,
            description = "Everything delivered to a unit and the units below it.")
    static final class DeliveredTo implements Runnable {
        private final CliContext context;

        @Parameters(index = "0", description = "Unit code.")
        String unitCode;

        @Option(names = "--json", description = "JSON Lines output.")
        boolean json;

        DeliveredTo(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            Database db = context.database();
            OrgUnit u = unit(db, unitCode);
            printDelivered(db.read(c -> LedgerQueries.deliveredTo(c, u.id())), json);
        }
    }

    @Command(name = "by-article", mixinStandardHelpOptions = true,
            description = "Everything of an article type delivered to a country. TYPE is an article id"
                    + " (m1a1-abrams), a family (\"M1 Abrams\"), a category (MAIN_BATTLE_TANK) or any mention"
                    + " the catalogue resolves (\"Humvee\", \"tank\").")
    static final class ByArticle implements Runnable {
        private final CliContext context;

        @Parameters(index = "0", description = "Article type.")
        String type;

        @Option(names = "--country", required = true, description = "Recipient country.")
        String country;

        @Option(names = "--json", description = "JSON Lines output.")
        boolean json;

        ByArticle(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            Database db = context.database();
            ArticleCatalog catalog = Catalog.load(context);
            LedgerQueries.ArticleType t = LedgerQueries.articleType(catalog, type);
            if (!json) System.out.println("# " + describe(t) + " delivered to " + country);
            printDelivered(db.read(c -> LedgerQueries.byArticle(c, t, country)), json);
        }


        private static String describe(LedgerQueries.ArticleType t) {
            return switch (t) {
                case LedgerQueries.ArticleType.ById id -> "article " + id.id();
                case LedgerQueries.ArticleType.ByFamily f -> "family " + f.family();
                case LedgerQueries.ArticleType.ByCategory c -> "category " + c.category();
            };
        }
    }
}
