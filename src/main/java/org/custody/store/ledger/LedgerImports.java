package org.custody.store.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.custody.audit.AuditLog;
import org.custody.ledger.DeliveryRefusedException;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.format.LedgerCsv;
import org.custody.ledger.format.LedgerJson;
import org.custody.ledger.sipri.SipriDeliveries;
import org.custody.store.Database;
import org.custody.store.vetting.VettingDeliveryClearance;

/**
 * Importing a ledger file or folder, the one use case {@code custody ledger import} and the server's
 * upload share: parse (CSV folder, JSON, or SIPRI's register), recognise an identical earlier import,
 * import all or nothing with vetting's delivery clearance, and audit refused deliveries.
 */
public final class LedgerImports {

    private LedgerImports() {}

    /** Either the earlier identical import ({@code previous}) or this import's report. */
    public record Outcome(Optional<ImportRecords.Previous> previous, ImportReport report) {
        public boolean unchanged() {
            return previous.isPresent();
        }
    }

    /** Parses {@code path}: a folder of ledger CSV files, a {@code .json} file, or SIPRI's register when {@code sipri}. */
    public static LedgerBatch read(Path path, boolean sipri, String recipientOrNull) {
        try {
            if (sipri) return SipriDeliveries.read(path, r -> recipientOrNull == null || r.equalsIgnoreCase(recipientOrNull));
            if (Files.isDirectory(path)) return LedgerCsv.read(path);
            if (path.toString().toLowerCase(Locale.ROOT).endsWith(".json")) return LedgerJson.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(path + ": give a folder of ledger CSV files, a .json file,"
                + " or --sipri for SIPRI's trade register");
    }

    public static Outcome importPath(Database db, Path path, boolean sipri, String recipientOrNull, String actor) {
        LedgerBatch b = read(path, sipri, recipientOrNull);
        String hash;
        try {
            hash = ImportRecords.hash(path, "sipri=" + sipri + ";recipient=" + recipientOrNull);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        Optional<ImportRecords.Previous> previous = db.read(c -> ImportRecords.find(c, hash));
        if (previous.isPresent()) return new Outcome(previous, null);
        try {
            ImportReport report = db.inTransaction(c -> {
                ImportReport r = LedgerImporter.importBatch(c, b, VettingDeliveryClearance.on(c), actor);
                ImportRecords.record(c, hash, b.source(), actor, r.summary());
                return r;
            });
            return new Outcome(Optional.empty(), report);
        } catch (DeliveryRefusedException e) {
            // nothing was imported; the refusals themselves are kept in the audit log
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("source", b.source());
            detail.put("refusals", e.refusals().stream().map(r -> Map.of("at", r.where().toString(),
                    "case", r.caseId(), "lot", r.lotNo(), "unit", r.unitCode(), "reason", r.reason())).toList());
            db.inTransaction(c -> AuditLog.append(c, actor, "ledger.delivery.refused", "ledger:" + b.source(),
                    Details.json(detail)));
            throw e;
        }
    }
}
