package org.custody.vetting;

import java.time.Instant;

/**
 * A reviewer's judgement that a finding is a false positive for a subject: the node screened, the listed
 * entity, and the fingerprint of that entity's content when it was dismissed. The dismissal holds only
 * while the entity's current fingerprint is the same.
 */
public record Dismissal(long id, NodeRef subject, NodeRef node, String entityId, String fingerprint,
                        String reason, String reviewer, Instant dismissedAt) {

    public boolean holdsFor(String currentFingerprint) {
        return fingerprint.equals(currentFingerprint);
    }
}
