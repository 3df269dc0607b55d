package org.custody.diversion;

import java.time.Instant;

/** One recorded change to a case: who, when, what (opened, rescored, status, assigned, note, ...). */
public record CaseEvent(long id, long caseId, Instant at, String actor, String action, String detail) {}
