package org.custody.vetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a decided subject must go back to the vetting queue: its command roster is not the one the
 * officer decided on, or re-screening found an undismissed hit the officer did not see (a new listed
 * entity, or a known one whose entry changed since).
 */
public final class Requeue {

    private Requeue() {}

    /**
     * @param decision      the subject's latest decision
     * @param seenAtDecision finding key to entity fingerprint, as checked when the officer decided
     * @param rosterNow     the subject's commanders (person ids) now
     * @param findingsNow   the findings of re-screening, with their review status
     * @return one sentence per reason; empty when nothing changed
     */
    public static List<String> reasons(Decision decision, Map<String, String> seenAtDecision, Set<Long> rosterNow,
                                       List<ReviewedFinding> findingsNow) {
        return reasons(decision, seenAtDecision, rosterNow, findingsNow, NodeNames.IDS);
    }

    /** As {@link #reasons(Decision, Map, Set, List)}, naming commanders with {@code names}. */
    public static List<String> reasons(Decision decision, Map<String, String> seenAtDecision, Set<Long> rosterNow,
                                       List<ReviewedFinding> findingsNow, NodeNames names) {
        List<String> reasons = new ArrayList<>();
        if (decision.subject() instanceof NodeRef.Unit && !decision.roster().equals(rosterNow)) {
            reasons.add(rosterChange(decision.roster(), rosterNow, names));
        }
        for (ReviewedFinding rf : findingsNow) {
            if (!rf.status().undismissed()) continue;
            String before = seenAtDecision.get(rf.finding().key());
            if (before == null) {
                reasons.add("new hit: " + rf.finding().headline());
            } else if (!before.equals(rf.fingerprint())) {
                reasons.add("listed entry changed: " + rf.finding().headline());
            }
        }
        return reasons;
    }

    public static String rosterChange(Set<Long> before, Set<Long> now) {
        return rosterChange(before, now, NodeNames.IDS);
    }

    public static String rosterChange(Set<Long> before, Set<Long> now, NodeNames names) {
        Set<Long> gone = new TreeSet<>(before);
        gone.removeAll(now);
        Set<Long> added = new TreeSet<>(now);
        added.removeAll(before);
        StringBuilder sb = new StringBuilder("command changed since the decision:");
        for (Long p : gone) sb.append(" -").append(names.person(p));
        for (Long p : added) sb.append(" +").append(names.person(p));
        return sb.toString();
    }
}
