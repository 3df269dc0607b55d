package org.custody.ledger.sipri;

import java.util.List;

/** Gives tests in other packages SIPRI's expected header. */
public final class SipriDeliveriesTestAccess {

    private SipriDeliveriesTestAccess() {}

    public static List<String> header() {
        return SipriDeliveries.HEADER;
    }
}
