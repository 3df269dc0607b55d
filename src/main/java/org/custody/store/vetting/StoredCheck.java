package org.custody.store.vetting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custody.lists.ListVersion;

/** One recorded run of the automated checks, with its findings and each listed entity's fingerprint then. */
public record StoredCheck(long id, long requestId, Instant checkedAt, LocalDate asOf, int namesScreened,
                          int nodesScreened, boolean truncated, Set<Long> roster, List<ListVersion> listVersions,
                          List<Screened> screened, List<StoredFinding> findings) {
    public StoredCheck {
        roster = Set.copyOf(roster);
        listVersions = List.copyOf(listVersions);
        screened = List.copyOf(screened);
        findings = List.copyOf(findings);
    }

    /** A node that was screened and the path it was reached by. */
    public record Screened(String node, String path) {}

    /** Finding key to fingerprint: what an officer saw when deciding on this check. */
    public Map<String, String> fingerprintsByKey() {
        Map<String, String> m = new LinkedHashMap<>();
        for (StoredFinding f : findings) m.put(f.finding().key(), f.fingerprint());
        return m;
    }
}
