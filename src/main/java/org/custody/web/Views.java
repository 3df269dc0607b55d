package org.custody.web;

import java.time.LocalDate;
import java.util.List;
import org.custody.ledger.OrgUnit;

/** The rows the page templates show, built by the page handlers from the use cases' records. */
public final class Views {

    private Views() {}

    /** One request of the vetting queue. */
    public record QueueRow(long id, Subjects.Named subject, String purpose, LocalDate asOf, boolean checked, long openFindings,
                           boolean requeued) {}

    /** An item whose end-use monitoring is overdue, or that is unaccounted for or missing. */
    public record InventoryRow(String unit, String designation, String serial, String caseId, String state, String explanation) {}

    /** A unit in the hierarchy list, indented by its depth. */
    public record TreeRow(OrgUnit unit, int depth) {}

    /** A command post with the person holding it. */
    public record PostRow(String person, String title, LocalDate start, LocalDate end) {}

    /** A vetting request about a unit and where it stands. */
    public record VettingRow(long id, String purpose, LocalDate asOf, String status, String outcome, long openFindings, int findings) {}

    /** A piece of evidence a case rests on, as its link recorded it. */
    public record EvidenceRow(String claim, String document, String anchor, String kind, String stance, String sentence,
                              String place, String date, String attributedTo, boolean current) {}

    /** A candidate delivery: the transfer the sighted article may have come from. */
    public record DeliveryRow(String transfer, String caseRef, String programme, String article, Object quantity,
                              String deliveryDate, List<Subjects.Named> endUsers, List<?> serialsMatched, String inventory,
                              boolean current) {}

    /** A finding of a vetting check, with what the dismissal form needs (node key, entity id). */
    public record FindingRow(String key, Subjects.Named node, String nodeKey, String screenedName, String path, String entityId,
                             String entityName, List<String> lists, double score, String status, String statusNote,
                             String summary, String matchedAlias, boolean dismissible) {}
}
