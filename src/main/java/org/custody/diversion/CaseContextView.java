package org.custody.diversion;

import java.util.List;

/**
 * Context detection attaches to a finding beyond its own claims (port): the inventory record of each
 * candidate delivery, and the statements and denials in the evidence.
 */
public interface CaseContextView {

    /** The inventory record of one candidate delivery (empty figures when no inventory covered it). */
    InventoryGap inventory(CandidateTransfer transfer);

    /** Every statement or denial in the evidence (detection picks those about the holder or its classes). */
    List<Statement> statements();

    static CaseContextView none() {
        return new CaseContextView() {
            @Override
            public InventoryGap inventory(CandidateTransfer t) {
                return new InventoryGap(t.transferId(), 0, 0, List.of(), null);
            }

            @Override
            public List<Statement> statements() {
                return List.of();
            }
        };
    }
}
