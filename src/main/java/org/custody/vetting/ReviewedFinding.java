package org.custody.vetting;

/** A finding with the current fingerprint of the listed entity behind it and its review status. */
public record ReviewedFinding(Finding finding, String fingerprint, FindingStatus status) {

    /** The headline plus what reviewers did with it, for human output. */
    public String describe() {
        String s = finding.headline();
        return switch (status) {
            case FindingStatus.Open o -> s;
            case FindingStatus.Dismissed d -> s + "  [dismissed by " + d.dismissal().reviewer() + ": "
                    + d.dismissal().reason() + "]";
            case FindingStatus.Revived r -> s + "  [REVIVED: the list entry changed since "
                    + r.dismissal().reviewer() + " dismissed it (" + r.dismissal().reason() + ")]";
        };
    }
}
