package org.custody.photo.ocr;

import java.util.List;
import org.custody.photo.Region;

/** What a serial read from a picture is on the ledger: one serial, or several it cannot tell apart. */
public sealed interface SerialMatch {

    Region region();

    double confidence();

    /** A sentence saying what was read, where, and why it is (or is not) one ledger serial. */
    String explanation();

    /** The read folds to exactly one ledger serial, and no other read of the same place disagrees. */
    record Matched(String ledgerKey, String read, Region region, double confidence, String explanation)
            implements SerialMatch {}

    /** The reads of one place fold to several ledger serials: reported, none picked. */
    record Ambiguous(List<String> ledgerKeys, List<String> reads, Region region, double confidence, String explanation)
            implements SerialMatch {}
}
