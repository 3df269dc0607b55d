package org.custody.audit;

import java.time.Instant;

/** One recorded decision: who did what to which subject, with a JSON detail and the chain hashes. */
public record AuditEntry(long seq, Instant recordedAt, String actor, String action, String subject,
                         String detail, String prevHash, String hash) {}
