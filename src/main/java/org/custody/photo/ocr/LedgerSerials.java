package org.custody.photo.ocr;

import java.util.List;

/** The ledger's serials as the picture reader sees them: which serial keys fold to a given folded key. */
public interface LedgerSerials {

    /** The ledger serial keys ({@link org.custody.ledger.SerialKey} form) whose {@link ConfusionFold} is {@code folded}. */
    List<String> keysFolding(String folded);
}
