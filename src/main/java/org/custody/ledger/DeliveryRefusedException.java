package org.custody.ledger;

import java.util.List;

/** One or more deliveries were refused by clearance and carry no override; nothing was recorded. */
public final class DeliveryRefusedException extends IllegalStateException {

    /** A refused delivery: the lot as written, the unit, and the reason. */
    public record Refusal(Where where, String caseId, String lotNo, String unitCode, String reason) {}

    private final List<Refusal> refusals;

    public DeliveryRefusedException(List<Refusal> refusals) {
        super(message(refusals));
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    private static String message(List<Refusal> refusals) {
        StringBuilder sb = new StringBuilder(refusals.size() + " deliver" + (refusals.size() == 1 ? "y" : "ies")
                + " refused (give an override justification to record anyway); nothing imported:");
        for (Refusal r : refusals.subList(0, Math.min(10, refusals.size()))) {
            sb.append("\n  ").append(r.where()).append(": case ").append(r.caseId()).append(" lot ")
                    .append(r.lotNo()).append(" to ").append(r.unitCode()).append(": ").append(r.reason());
        }
        if (refusals.size() > 10) sb.append("\n  ... and ").append(refusals.size() - 10).append(" more");
        return sb.toString();
    }
}
