package org.custody.diversion;

/** What re-evaluation does to the stored cases: each is applied and recorded by the case store. */
public sealed interface CaseAction {

    /** A finding warrants a case and none exists for its key. */
    record Open(Finding finding) implements CaseAction {}

    /** An existing case gets the finding's new score, factors and links. */
    record Rescore(long caseId, double oldScore, Finding finding, boolean escalated) implements CaseAction {}

    /**
     * A case stays, with a note saying why its support changed (never deleted); {@code belowThreshold} is
     * the case's new standing (true: no longer meets the opening rule).
     */
    record Annotate(long caseId, String note, boolean belowThreshold) implements CaseAction {}
}
