package org.custody.ledger.format;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.custody.ledger.AreaOfOperation;
import org.custody.ledger.Echelon;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.LedgerFormatException;
import org.custody.ledger.NewOrgUnit;
import org.custody.ledger.NewPerson;
import org.custody.ledger.Programme;
import org.custody.ledger.Where;

/**
 * Reads Custody's ledger CSV format: a folder holding any of {@code units.csv}, {@code persons.csv},
 * {@code posts.csv}, {@code transfers.csv}, {@code lots.csv}, {@code serials.csv} (UTF-8, header row,
 * comma-separated, RFC 4180 quoting, lists separated by ';'). See docs/ledger-format.md.
 */
public final class LedgerCsv {

    public static final List<String> FILES = List.of("units.csv", "persons.csv", "posts.csv", "transfers.csv",
            "lots.csv", "serials.csv");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();

    private LedgerCsv() {}

    /** Reads the folder's small files now; serials.csv is streamed later, when the importer asks. */
    public static LedgerBatch read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException(folder + " is not a folder");
        if (FILES.stream().noneMatch(f -> Files.exists(folder.resolve(f)))) {
            throw new IllegalArgumentException(folder + " holds none of " + String.join(", ", FILES));
        }
        List<LedgerBatch.UnitRow> units = new ArrayList<>();
        List<LedgerBatch.PersonRow> persons = new ArrayList<>();
        List<LedgerBatch.PostRow> posts = new ArrayList<>();
        List<LedgerBatch.TransferRow> transfers = new ArrayList<>();
        List<LedgerBatch.LotRow> lots = new ArrayList<>();
        each(folder.resolve("units.csv"), Set.of("code", "name", "echelon", "country"),
                Set.of("parent_code", "aliases", "area_place", "area_lat", "area_lon"), r -> units.add(unit(r)));
        each(folder.resolve("persons.csv"), Set.of("name"), Set.of("code", "birth_date", "nationality", "aliases"),
                r -> persons.add(new LedgerBatch.PersonRow(r.where(), r.check("name", () -> new NewPerson(
                        r.optional("code"), r.required("name"), r.date("birth_date"), r.optional("nationality"),
                        r.list("aliases"))))));
        each(folder.resolve("posts.csv"), Set.of("person_code", "unit_code", "title", "start_date"),
                Set.of("end_date"), r -> posts.add(new LedgerBatch.PostRow(r.where(), r.required("person_code"),
                        r.required("unit_code"), r.required("title"), r.requiredDate("start_date"),
                        r.date("end_date"))));
        each(folder.resolve("transfers.csv"), Set.of("case_id", "supplier", "recipient_country", "programme"),
                Set.of("notification_date", "end_users", "end_use_terms", "notes"), r -> transfers.add(
                        new LedgerBatch.TransferRow(r.where(), r.required("case_id"), r.required("supplier"),
                                r.required("recipient_country"),
                                r.check("programme", () -> Programme.parse(r.required("programme"))),
                                r.date("notification_date"), r.list("end_users"), r.list("end_use_terms"),
                                r.optional("notes").orElse(""))));
        each(folder.resolve("lots.csv"), Set.of("case_id", "lot", "article", "quantity"),
                Set.of("delivery_date", "delivered_to", "override_justification"), r -> lots.add(
                        new LedgerBatch.LotRow(r.where(), r.required("case_id"), r.required("lot"),
                                r.required("article"), true, Optional.empty(), r.positiveInt("quantity"), false,
                                r.date("delivery_date"), Optional.empty(), r.optional("delivered_to"),
                                r.optional("override_justification"))));
        List<LedgerBatch.SerialFeed> serials = new ArrayList<>();
        Path serialFile = folder.resolve("serials.csv");
        if (Files.exists(serialFile)) {
            serials.add(sink -> each(serialFile, Set.of("case_id", "lot", "serial"), Set.of(),
                    r -> sink.accept(new LedgerBatch.SerialRow(r.where(), r.required("case_id"), r.required("lot"),
                            serialValue(r)))));
        }
        return new LedgerBatch(folder.getFileName().toString(), units, persons, posts, transfers, lots, serials);
    }

    static String serialValue(CsvRows r) {
        String s = r.required("serial");
        if (s.length() > 64) throw new LedgerFormatException(r.where(), "serial", "longer than 64 characters");
        return s;
    }

    private static LedgerBatch.UnitRow unit(CsvRows r) {
        Optional<Double> lat = r.decimal("area_lat");
        Optional<Double> lon = r.decimal("area_lon");
        Optional<AreaOfOperation> area = r.optional("area_place").map(p -> r.check("area_lat",
                () -> new AreaOfOperation(p, lat.orElse(null), lon.orElse(null))));
        if (area.isEmpty() && (lat.isPresent() || lon.isPresent())) {
            throw new LedgerFormatException(r.where(), "area_place", "coordinates need a place name");
        }
        Echelon echelon = r.check("echelon", () -> Echelon.parse(r.required("echelon")));
        return new LedgerBatch.UnitRow(r.where(), r.check("code", () -> new NewOrgUnit(r.required("code"),
                r.required("name"), echelon, r.required("country"), r.optional("parent_code"), r.list("aliases"),
                area)));
    }

    /** Parses one CSV file if it exists, record by record. */
    static void each(Path file, Set<String> required, Set<String> optional, Consumer<CsvRows> action)
            throws IOException {
        if (!Files.exists(file)) return;
        String name = file.getFileName().toString();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder),
                1 << 16); CSVParser p = CSVParser.parse(in, FORMAT)) {
            CsvRows.checkHeader(name, p.getHeaderNames(), required, optional);
            long expected = p.getHeaderNames().size();
            try {
                long nextLine = p.getCurrentLineNumber() + 1;      // the line after the header
                for (CSVRecord rec : p) {
                    CsvRows rows = new CsvRows(name, rec, nextLine);
                    nextLine = p.getCurrentLineNumber() + 1;
                    if (rec.size() != expected) {
                        throw new LedgerFormatException(rows.where(), "*", "has " + rec.size() + " fields, header has "
                                + expected);
                    }
                    action.accept(rows);
                }
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    // the reader decodes ahead of the parser: find the bad byte's own line
                    throw new LedgerFormatException(new Where(name, Utf8Lines.firstInvalidLine(file)), "*",
                            "not UTF-8 text");
                }
                throw new LedgerFormatException(new Where(name, p.getCurrentLineNumber() + 1), "*",
                        "malformed CSV: " + e.getMessage());
            }
        } catch (CharacterCodingException e) {
            throw new LedgerFormatException(new Where(name, Utf8Lines.firstInvalidLine(file)), "*", "not UTF-8 text");
        } catch (IllegalArgumentException e) {
            if (e instanceof LedgerFormatException) throw e;
            throw new LedgerFormatException(new Where(name, 1), "*", "malformed CSV header: " + e.getMessage());
        }
    }
}
