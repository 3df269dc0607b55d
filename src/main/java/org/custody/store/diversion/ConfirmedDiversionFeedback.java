package org.custody.store.diversion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a confirmed diversion sets in motion for the units that received the diverted articles: back to
 * vetting, and deliveries held until a new decision. Called inside the transaction that confirms the case,
 * so the confirmation and its consequences commit together.
 */
@FunctionalInterface
public interface ConfirmedDiversionFeedback {

    /**
     * @param recipientUnitIds ledger unit ids of the approved end-users of the case's transfers
     * @return one line per consequence, in words, recorded on the case
     */
    List<String> onConfirmed(Connection c, long caseId, List<String> recipientUnitIds, String reason, String actor)
            throws SQLException;
}
