package org.custody.vetting;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custody.lists.ListVersion;

/**
 * The automated part of a vetting: every node screened (with its path), the findings, the list versions
 * screened against, and the subject's command roster at the date (person ids), kept so a later change of
 * commander can be recognised.
 */
public record CheckResult(NodeRef subject, LocalDate asOf, List<GraphPath> screened, int namesScreened,
                          List<Finding> findings, List<ListVersion> listVersions, Set<Long> roster,
                          boolean truncated) {
    public CheckResult {
        screened = List.copyOf(screened);
        findings = List.copyOf(findings);
        listVersions = List.copyOf(listVersions);
        roster = Set.copyOf(roster);
    }
}
