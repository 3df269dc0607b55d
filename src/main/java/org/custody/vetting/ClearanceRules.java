package org.custody.vetting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule a delivery meets: the receiving unit's latest vetting decision must be "approved", not expired
 * on the delivery date, not under re-vetting (a requeued request is pending), and taken on the command
 * roster the unit still has. Anything else is refused with the reason; an override is the ledger's to
 * record.
 */
public final class ClearanceRules {

    private ClearanceRules() {}

    public static ClearanceVerdict evaluate(NodeRef unit, LocalDate deliveryDate, Optional<Decision> latest,
                                     List<VettingRequest> pending, Set<Long> rosterOnDate) {
        return evaluate(unit, deliveryDate, latest, pending, rosterOnDate, NodeNames.IDS);
    }

    /** As {@link #evaluate(NodeRef, LocalDate, Optional, List, Set)}, naming nodes with {@code names}. */
    public static ClearanceVerdict evaluate(NodeRef unit, LocalDate deliveryDate, Optional<Decision> latest,
                                     List<VettingRequest> pending, Set<Long> rosterOnDate, NodeNames names) {
        String name = names.name(unit);
        if (latest.isEmpty()) {
            String open = pending.isEmpty() ? "" : " (vetting request " + pending.get(0).id() + " is pending)";
            return new ClearanceVerdict.Refused(ClearanceVerdict.Refusal.NEVER_VETTED,
                    name + " has never been vetted" + open);
        }
        Decision d = latest.get();
        String ref = " (decision " + d.id() + " by " + d.officer() + ": " + d.reason() + ")";
        switch (d.outcome()) {
            case Outcome.Denied x -> {
                return new ClearanceVerdict.Refused(ClearanceVerdict.Refusal.DENIED, name + " was denied" + ref);
            }
            case Outcome.Restricted r -> {
                return new ClearanceVerdict.Refused(ClearanceVerdict.Refusal.RESTRICTED,
                        name + " is restricted to: " + r.conditions() + ref);
            }
            case Outcome.Approved a -> {
                // checked below
            }
        }
        if (d.expiredOn(deliveryDate)) {
            return new ClearanceVerdict.Refused(ClearanceVerdict.Refusal.EXPIRED,
                    name + "'s approval expired on " + d.expires() + ref);
        }
        for (VettingRequest r : pending) {
            if (r.requeued()) {
                return new ClearanceVerdict.Refused(ClearanceVerdict.Refusal.UNDER_REVIEW,
                        name + " is back in the vetting queue (request " + r.id() + "): " + r.note());
            }
        }
        if (unit instanceof NodeRef.Unit && !d.roster().equals(rosterOnDate)) {
            return new ClearanceVerdict.Refused(ClearanceVerdict.Refusal.COMMAND_CHANGED,
                    name + ": " + Requeue.rosterChange(d.roster(), rosterOnDate, names) + ref);
        }
        return new ClearanceVerdict.Cleared(d, name + " approved until " + d.expires() + ref);
    }
}
