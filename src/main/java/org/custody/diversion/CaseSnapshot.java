package org.custody.diversion;

/** What re-evaluation needs to know about a stored case. */
public record CaseSnapshot(long id, String key, CaseStatus status, double score, boolean belowThreshold) {}
