package org.custody.diversion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a detection run into case actions against the stored cases. New findings over the threshold open
 * cases; findings for existing cases rescore them (a rise across the escalation threshold escalates); a
 * case whose score falls below the opening threshold, or that no finding supports any more (evidence
 * withdrawn, holder approved after a ledger change), is annotated and kept — a case never silently
 * disappears. Runs over the full claim set, so it is safe to repeat: unchanged findings change nothing.
 */
public final class CaseReconciler {

    private final ScoringConfig config;

    public CaseReconciler(ScoringConfig config) {
        this.config = config;
    }

    public List<CaseAction> plan(Map<String, CaseSnapshot> existingByKey, Collection<Finding> findings) {
        double escalate = config.get("case.escalate_threshold");
        List<CaseAction> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : findings) {
            seen.add(f.key());
            CaseSnapshot existing = existingByKey.get(f.key());
            if (existing == null) {
                if (f.opensCase()) actions.add(new CaseAction.Open(f));
                continue;
            }
            boolean changed = Math.abs(existing.score() - f.score()) > 1e-9;
            boolean escalated = existing.score() < escalate && f.score() >= escalate;
            if (changed) actions.add(new CaseAction.Rescore(existing.id(), existing.score(), f, escalated));
            boolean nowBelow = !f.opensCase();
            if (nowBelow && !existing.belowThreshold()) {
                actions.add(new CaseAction.Annotate(existing.id(), "no longer meets the opening rule (" + f.reason()
                        + "); kept for the record", true));
            } else if (!nowBelow && existing.belowThreshold()) {
                actions.add(new CaseAction.Annotate(existing.id(), "meets the opening rule again: " + f.reason(), false));
            }
        }
        for (CaseSnapshot c : existingByKey.values()) {
            if (!seen.contains(c.key()) && !c.belowThreshold()) {
                actions.add(new CaseAction.Annotate(c.id(), "no current evidence claim supports this case any more "
                        + "(claims withdrawn or regrouped); kept for the record", true));
            }
        }
        return actions;
    }
}
