package org.custody.evidence.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.custody.evidence.nlp.AnchoredPattern;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.Resolution;

/**
 * Money amounts: "$1.2 billion", "US$ 2.4bn", "€3 million", "500 million dollars", "IQD 5 million",
 * "1.5 trillion dinars". The resolution id is {@code amount:CUR:value} with the value in whole units.
 */
public final class AmountExtractor {

    private static final String NUM = "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final String SCALE = "(?:\\s*(?<scale>(?i:trillion|billion|million|thousand|bn|mn|m|b|k)\\b))?";
    private static final AnchoredPattern PATTERN = AnchoredPattern.compile(
            "(?<pre>US\\$|U\\.S\\.\\s?\\$|\\$|€|£|(?:USD|EUR|GBP|IQD|IRR|SYP))\\s?" + NUM + SCALE
                    + "|" + NUM.replace("num", "num2") + SCALE.replace("scale", "scale2")
                    + "\\s+(?<post>(?i:(?:U\\.S\\.\\s+|US\\s+|American\\s+)?dollars|euros|pounds(?:\\s+sterling)?|(?:Iraqi\\s+)?dinars|(?:Iranian\\s+)?rials|(?:Syrian\\s+)?pounds|USD|EUR|IQD))\\b");

    private static final AnchoredPattern HINT = AnchoredPattern.compile("[$€£]|(?i:dollar|euro|pound|dinar|rial)|USD|EUR|GBP|IQD|IRR|SYP");

    public List<Mention> extract(String text) {
        List<Mention> out = new ArrayList<>();
        if (!HINT.in(text)) return out;
        AnchoredPattern.Scan scan = PATTERN.scan(text);
        while (scan.find()) {
            Matcher m = scan.matcher();
            String cur;
            String num;
            String scale;
            if (m.group("pre") != null) {
                cur = currency(m.group("pre"));
                num = m.group("num");
                scale = m.group("scale");
            } else {
                cur = currency(m.group("post"));
                num = m.group("num2");
                scale = m.group("scale2");
            }
            BigDecimal v = new BigDecimal(num.replace(",", ""));
            if (scale != null) v = v.multiply(BigDecimal.valueOf(multiplier(scale)));
            String value = v.stripTrailingZeros().toPlainString();
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("currency", cur);
            detail.put("value", value);
            String display = cur + " " + String.format(Locale.ROOT, "%,d", v.setScale(0, java.math.RoundingMode.HALF_UP).longValue());
            out.add(new Mention(MentionType.AMOUNT, m.group(), m.start(), m.end(),
                    new Resolution("amount:" + cur + ":" + value, display, "currency", "parsed " + m.group()), detail));
        }
        return out;
    }

    private static long multiplier(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "trillion" -> 1_000_000_000_000L;
            case "billion", "bn", "b" -> 1_000_000_000L;
            case "million", "mn", "m" -> 1_000_000L;
            default -> 1_000L;
        };
    }

    private static String currency(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT);
        if (k.contains("$") || k.contains("dollar") || k.equals("usd")) return "USD";
        if (k.contains("€") || k.contains("euro") || k.equals("eur")) return "EUR";
        if (k.contains("dinar") || k.equals("iqd")) return "IQD";
        if (k.contains("rial") || k.equals("irr")) return "IRR";
        if (k.contains("syrian") || k.equals("syp")) return "SYP";
        return "GBP";
    }
}
