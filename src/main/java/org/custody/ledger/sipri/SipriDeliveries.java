package org.custody.ledger.sipri;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.custody.catalog.Category;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.LedgerFormatException;
import org.custody.ledger.Programme;
import org.custody.ledger.Where;

/**
 * Reads the SIPRI Arms Transfers Database export with deal IDs (one row per deal and delivery year:
 * {@code SIPRI AT Database ID, Supplier, Recipient, Designation, Description, Armament category, Order date,
 * ..., Numbers delivered, ..., Delivery year, ...}) into country-level ledger records: one transfer per deal
 * (case id {@code SIPRI-<id>}) and one lot per delivery year, without units or serial numbers. The
 * preamble before the header is skipped; SIPRI's estimate flags become {@code quantityEstimated} and
 * notes. Source: SIPRI Arms Transfers Database.
 */
public final class SipriDeliveries {

    static final List<String> HEADER = List.of("SIPRI AT Database ID", "Supplier", "Recipient", "Designation",
            "Description", "Armament category", "Order date", "Order date is estimate", "Numbers delivered",
            "Numbers delivered is estimate", "Delivery year", "Delivery year is estimate", "Status", "SIPRI estimate",
            "TIV deal unit", "TIV delivery values", "Local production");

    private SipriDeliveries() {}

    /** Reads {@code file}, keeping rows whose recipient passes {@code recipientFilter}. */
    public static LedgerBatch read(Path file, Predicate<String> recipientFilter) throws IOException {
        // SIPRI exports are Latin-1/cp1252 (this one is ASCII): read bytes as ISO-8859-1 so no byte is refused
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(in, file.getFileName().toString(), recipientFilter);
        }
    }

    public static LedgerBatch read(Reader reader, String name, Predicate<String> recipientFilter) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        long line = 0;
        String header;
        while (true) {
            header = in.readLine();
            line++;
            if (header == null) {
                throw new LedgerFormatException(new Where(name, line), "*", "no header row starting with '"
                        + HEADER.get(0) + "' (is this SIPRI's trade register with deal IDs?)");
            }
            if (header.startsWith(HEADER.get(0))) break;
            if (line > 50) {
                throw new LedgerFormatException(new Where(name, line), "*", "no SIPRI header within 50 lines");
            }
        }
        List<String> cols = List.of(header.split(",", -1)).stream().map(String::trim).toList();
        if (!cols.equals(HEADER)) {
            throw new LedgerFormatException(new Where(name, line), "*", "unexpected header " + cols + ", expected "
                    + HEADER);
        }
        long headerLine = line;
        Map<String, LedgerBatch.TransferRow> transfers = new LinkedHashMap<>();
        List<LedgerBatch.LotRow> lots = new ArrayList<>();
        Map<String, Integer> lotCounts = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180)) {
            for (CSVRecord r : p) {
                Where w = new Where(name, headerLine + r.getRecordNumber());
                if (r.size() != HEADER.size()) {
                    throw new LedgerFormatException(w, "*", "has " + r.size() + " fields, expected " + HEADER.size());
                }
                String recipient = field(r, w, 2, true);
                if (!recipientFilter.test(recipient)) continue;
                String id = field(r, w, 0, true);
                if (!id.matches("\\d+")) throw new LedgerFormatException(w, HEADER.get(0), "'" + id + "' is not a deal ID");
                String caseId = "SIPRI-" + id;
                String supplier = field(r, w, 1, true);
                String designation = field(r, w, 3, true);
                String description = field(r, w, 4, false);
                String armament = field(r, w, 5, false);
                int orderYear = year(r, w, 6);
                int deliveryYear = year(r, w, 10);
                int delivered = count(r, w, 8);
                boolean estimated = yesNo(r, w, 9);
                String status = field(r, w, 12, false);
                transfers.computeIfAbsent(caseId, k -> new LedgerBatch.TransferRow(w, caseId, supplier, recipient,
                        Programme.UNKNOWN, Optional.empty(), List.of(), List.of(),
                        "SIPRI deal " + id + ": " + designation + " (" + description + "), ordered " + orderYear
                                + (yesNo(r, w, 7) ? " (estimate)" : "") + (status.isEmpty() ? "" : ", " + status)
                                + ". Source: SIPRI Arms Transfers Database"));
                String lotNo = String.valueOf(deliveryYear);
                int n = lotCounts.merge(caseId + "/" + lotNo, 1, Integer::sum);
                if (n > 1) lotNo = lotNo + "-" + n;
                lots.add(new LedgerBatch.LotRow(w, caseId, lotNo, designation, false,
                        Optional.of(category(description, armament)), delivered, estimated, Optional.empty(),
                        Optional.of(deliveryYear), Optional.empty(), Optional.empty()));
            }
        } catch (java.io.UncheckedIOException e) {
            throw new LedgerFormatException(new Where(name, headerLine), "*", "malformed CSV: " + e.getMessage());
        }
        return new LedgerBatch(name, List.of(), List.of(), List.of(), List.copyOf(transfers.values()), lots, List.of());
    }

    private static String field(CSVRecord r, Where w, int i, boolean required) {
        String v = r.get(i).trim();
        if (required && v.isEmpty()) throw new LedgerFormatException(w, HEADER.get(i), "is empty");
        return v;
    }

    private static int year(CSVRecord r, Where w, int i) {
        String v = field(r, w, i, true);
        if (!v.matches("\\d{4}")) throw new LedgerFormatException(w, HEADER.get(i), "'" + v + "' is not a year");
        return Integer.parseInt(v);
    }

    private static int count(CSVRecord r, Where w, int i) {
        String v = field(r, w, i, true);
        if (!v.matches("\\d{1,7}")) {
            throw new LedgerFormatException(w, HEADER.get(i), "'" + v + "' is not a whole number");
        }
        return Integer.parseInt(v);
    }

    private static boolean yesNo(CSVRecord r, Where w, int i) {
        String v = field(r, w, i, false);
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes" -> true;
            case "no", "" -> false;
            default -> throw new LedgerFormatException(w, HEADER.get(i), "'" + v + "' is not Yes/No");
        };
    }

    /** Maps SIPRI's description and armament category to a catalogue category (coarse). */
    static Category category(String description, String armament) {
        String d = description.toLowerCase(Locale.ROOT);
        if (d.equals("tank")) return Category.MAIN_BATTLE_TANK;
        if (d.startsWith("ifv")) return Category.INFANTRY_FIGHTING_VEHICLE;
        if (d.startsWith("apc")) return Category.ARMOURED_PERSONNEL_CARRIER;
        if (d.equals("apv") || d.equals("armoured car")) return Category.ARMOURED_CAR;
        if (d.contains("anti-tank")) return Category.ANTI_TANK_LAUNCHER;
        if (d.contains("sam") || d.contains("anti-aircraft") || d.contains("aa gun")) return Category.AIR_DEFENCE;
        if (d.contains("mortar")) return Category.MORTAR;
        if (d.contains("helicopter")) return Category.HELICOPTER;
        if (d.equals("uav") || d.contains("uav")) return Category.UAV;
        if (d.endsWith("aircraft")) return Category.AIRCRAFT;
        return switch (armament.toLowerCase(Locale.ROOT)) {
            case "artillery" -> Category.ARTILLERY;
            case "aircraft" -> Category.AIRCRAFT;
            case "air defence systems" -> Category.AIR_DEFENCE;
            default -> Category.OTHER;
        };
    }
}
