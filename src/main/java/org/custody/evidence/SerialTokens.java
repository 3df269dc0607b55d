package org.custody.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.ledger.SerialKey;

/**
 * Serial-shaped tokens anywhere in a text (prose included: "hull number IQ-M1A1-0127"): letters or hyphens
 * with digits, five to thirty-two characters, standing alone. Keyed as the ledger keys its serials
 * ({@link SerialKey}), so a document's tokens can be joined to the ledger's serials.
 */
public final class SerialTokens {

    private static final Pattern TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}-])(?=[A-Za-z0-9-]*\\d)(?=[A-Za-z0-9-]*[A-Za-z-])"
            + "[A-Za-z0-9][A-Za-z0-9-]{3,30}[A-Za-z0-9](?![\\p{L}\\p{N}-])");

    private SerialTokens() {}

    /** Serial key → the token as first written, in order of first appearance. */
    public static Map<String, String> in(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) out.putIfAbsent(SerialKey.of(m.group()), m.group());
        return out;
    }
}
