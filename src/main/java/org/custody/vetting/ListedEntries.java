package org.custody.vetting;

import java.util.Collection;
import java.util.Map;

/**
 * The current content of listed entities, as far as vetting needs it: a fingerprint per entity id
 * ({@link EntityFingerprint}). Ids no longer on any list are missing from the answer.
 */
public interface ListedEntries {

    Map<String, String> fingerprints(Collection<String> entityIds);
}
