package org.custody.store.vetting;

import org.custody.vetting.Finding;

/** A finding as recorded with its check, and the fingerprint the listed entity had at the time. */
public record StoredFinding(Finding finding, String fingerprint) {}
