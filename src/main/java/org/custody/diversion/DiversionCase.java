package org.custody.diversion;

import java.time.Instant;
import java.util.List;

/** A stored case as read back: its standing, what it is about, its breakdown and its links. */
public record DiversionCase(long id, String key, CaseStatus status, double score, Actor holder, String holderUnitId,
                            String holderStatus, String designation, ArticleRef article, List<Factor> factors,
                            String reason, boolean belowThreshold, String assignee, Instant openedAt,
                            Instant updatedAt, List<CaseLink> links) {

    public DiversionCase {
        factors = List.copyOf(factors);
        links = List.copyOf(links);
    }

    public List<CaseLink> links(CaseLink.Kind kind) {
        return links.stream().filter(l -> l.kind() == kind).toList();
    }
}
