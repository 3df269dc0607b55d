package org.custody.store.diversion;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custody.audit.AuditLog;

import org.custody.store.vetting.VettingStore;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Purpose;
import org.custody.vetting.VettingRequest;

/**
 * Feeds a confirmed diversion back into vetting: each recipient unit gets a requeued vetting request
 * (unless one is already pending). Vetting's clearance rule refuses deliveries to a unit with a pending
 * requeued request, so the ledger holds its future deliveries until an officer decides again.
 */
public final class VettingRequeueFeedback implements ConfirmedDiversionFeedback {

    @Override
    public List<String> onConfirmed(Connection c, long caseId, List<String> recipientUnitIds, String reason,
                                    String actor) throws SQLException {
        List<String> out = new ArrayList<>();
        if (recipientUnitIds.isEmpty()) {
            out.add("no recipient unit recorded on the case's transfers (country-level delivery): nothing to re-vet");
            return out;
        }
        for (String raw : recipientUnitIds) {
            long unitId;
            try {
                unitId = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                out.add("recipient '" + raw + "' is not a ledger unit id: not re-vetted");
                continue;
            }
            NodeRef.Unit unit = new NodeRef.Unit(unitId);
            String name = org.custody.store.vetting.NodeCodes.on(c).name(unit);
            List<VettingRequest> pending = VettingStore.pendingFor(c, unit);
            VettingRequest queued = pending.stream().filter(VettingRequest::requeued).findFirst().orElse(null);
            if (queued != null) {
                out.add(name + " already back in the vetting queue (request " + queued.id()
                        + "); deliveries held until decided");
                continue;
            }
            String note = "confirmed diversion case " + caseId + ": " + reason;
            VettingRequest r = VettingStore.insertRequest(c, unit,
                    new Purpose(Purpose.Kind.OTHER, "re-vetting after confirmed diversion case " + caseId),
                    LocalDate.now(), actor, true, note);
            AuditLog.append(c, actor, "vet.requeue", unit.key(), CaseStore.json(Map.of(
                    "request", r.id(), "reasons", List.of(note), "diversionCase", caseId)));
            out.add(name + " requeued for vetting (request " + r.id() + "); deliveries held until decided");
        }
        return out;
    }
}
