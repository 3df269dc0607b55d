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

    /**
     * A picture of a case's evidence: its thumbnail's address, what its metadata says (time, place, camera,
     * edits), contradictions flagged on its documents, the case's claims it supports, what was read in it (with
     * the region), and its re-post family with the earliest poster.
     */
    public record PhotoRow(String sha256, String thumbnail, String file, String caption, String format, int width, int height,
                           String taken, String place, String camera, String software, String edits,
                           List<String> flags, List<ClaimRef> claims, List<ReadRow> readings, int unsureReadings, String earliestDocument,
                           String earliestPoster, String earliestPosted, List<String> familyDocuments) {}

    /** The least confidence of a plain text read that the case page lists (serials are always listed). */
    public static final double SHOWN_TEXT_CONFIDENCE = 0.6;

    /** A claim a picture supports, with the anchor on its document's page. */
    public record ClaimRef(String claim, String document, String anchor) {}

    /** A string read in a picture: what kind (text, serial, ambiguous), where, how sure, and why. */
    public record ReadRow(String text, String kind, String region, String confidence, String explanation) {}
}
