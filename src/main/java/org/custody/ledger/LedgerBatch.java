package org.custody.ledger;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything one import brings, in a format-neutral shape: units, persons, command posts, transfers,
 * lots and (streamed, since there may be millions) serial numbers. Each row knows where it came from.
 * The importer records a batch in one transaction: all of it or nothing.
 */
public record LedgerBatch(String source, List<UnitRow> units, List<PersonRow> persons, List<PostRow> posts,
                          List<TransferRow> transfers, List<LotRow> lots, List<SerialFeed> serials) {

    public LedgerBatch {
        units = List.copyOf(units);
        persons = List.copyOf(persons);
        posts = List.copyOf(posts);
        transfers = List.copyOf(transfers);
        lots = List.copyOf(lots);
        serials = List.copyOf(serials);
    }

    public record UnitRow(Where where, NewOrgUnit unit) {}

    public record PersonRow(Where where, NewPerson person) {}

    public record PostRow(Where where, String personCode, String unitCode, String title, LocalDate start,
                          Optional<LocalDate> end) {}

    public record TransferRow(Where where, String caseId, String supplier, String recipientCountry,
                              Programme programme, Optional<LocalDate> notificationDate, List<String> endUserCodes,
                              List<String> endUseTerms, String notes) {
        public TransferRow {
            endUserCodes = List.copyOf(endUserCodes);
            endUseTerms = List.copyOf(endUseTerms);
        }
    }

    /**
     * A lot as written. {@code article} is a catalogue id or a designation to resolve;
     * {@code categoryHint} is used when it resolves to no single article (coarse sources only, which set
     * {@code articleRequired} false).
     */
    public record LotRow(Where where, String caseId, String lotNo, String article, boolean articleRequired,
                         Optional<org.custody.catalog.Category> categoryHint, int quantity, boolean quantityEstimated,
                         Optional<LocalDate> deliveryDate, Optional<Integer> deliveryYear,
                         Optional<String> deliveredTo, Optional<String> overrideJustification) {}

    public record SerialRow(Where where, String caseId, String lotNo, String serial) {}

    /** A stream of serial rows, read when the importer is ready for them. */
    @FunctionalInterface
    public interface SerialFeed {
        void feed(Consumer<SerialRow> sink) throws IOException;
    }
}
