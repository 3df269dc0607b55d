package org.custody.ledger.format;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.custody.ledger.FieldLimits;
import org.custody.ledger.LedgerFormatException;
import org.custody.ledger.Where;

/** Typed, checked access to one CSV record; every problem names file, line and field. */
final class CsvRows {

    private final String file;
    private final CSVRecord record;
    private final long line;

    /** {@code line}: the file line the record starts on (a quoted field may span several lines). */
    CsvRows(String file, CSVRecord record, long line) {
        this.file = file;
        this.record = record;
        this.line = line;
    }

    Where where() {
        return new Where(file, line);
    }

    static void checkHeader(String file, List<String> header, Set<String> required, Set<String> optional) {
        for (String r : required) {
            if (!header.contains(r)) {
                throw new LedgerFormatException(new Where(file, 1), r, "required column is missing (header: "
                        + String.join(",", header) + ")");
            }
        }
        for (String h : header) {
            if (!required.contains(h) && !optional.contains(h)) {
                throw new LedgerFormatException(new Where(file, 1), h, "unknown column (expected "
                        + String.join(",", required) + (optional.isEmpty() ? "" : "; optional " + String.join(",", optional))
                        + ")");
            }
        }
    }

    Optional<String> optional(String field) {
        if (!record.isMapped(field) || !record.isSet(field)) return Optional.empty();
        String v = record.get(field).trim();
        FieldLimits.problem(field, v).ifPresent(p -> {
            throw new LedgerFormatException(where(), field, p);
        });
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    String required(String field) {
        return optional(field).orElseThrow(() -> new LedgerFormatException(where(), field, "is empty"));
    }

    Optional<LocalDate> date(String field) {
        return optional(field).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new LedgerFormatException(where(), field, "'" + v + "' is not a date (YYYY-MM-DD)");
            }
        });
    }

    LocalDate requiredDate(String field) {
        required(field);
        return date(field).orElseThrow();
    }

    Optional<Double> decimal(String field) {
        return optional(field).map(v -> {
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw new LedgerFormatException(where(), field, "'" + v + "' is not a number");
            }
        });
    }

    int positiveInt(String field) {
        String v = required(field);
        if (!v.matches("[+-]?\\d+")) throw new LedgerFormatException(where(), field, "'" + v + "' is not a whole number");
        java.math.BigInteger n = new java.math.BigInteger(v);
        if (n.signum() <= 0) throw new LedgerFormatException(where(), field, "must be at least 1, is " + v);
        if (n.bitLength() > 31) {
            throw new LedgerFormatException(where(), field, v + " is too large (at most " + Integer.MAX_VALUE + ")");
        }
        return n.intValue();
    }

    List<String> list(String field) {
        return optional(field).map(v -> Arrays.stream(v.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    /** Runs a value constructor, turning its complaint into a located error on {@code field}. */
    <T> T check(String field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (LedgerFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new LedgerFormatException(where(), field, e.getMessage());
        }
    }
}
