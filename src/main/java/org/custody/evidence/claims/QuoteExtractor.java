package org.custody.evidence.claims;

import java.util.ArrayList;
import java.util.List;
import org.custody.evidence.Quote;
import org.custody.evidence.nlp.TextSpan;

/**
 * Quoted speech: text between curly quotes, or between pairs of straight double quotes, of at least three
 * words. The speaker is the credited source of the sentence the quote ends in (or starts in), found with
 * the quote itself masked, so "“We don’t support them,” declared Gen. Volesky" gives "Gen. Volesky".
 */
public final class QuoteExtractor {

    private QuoteExtractor() {}

    public static List<Quote> extract(String text, List<TextSpan> sentences) {
        List<Quote> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            char close;
            if (c == '\u201C') close = '\u201D';
            else if (c == '"') close = '"';
            else {
                i++;
                continue;
            }
            int end = text.indexOf(close, i + 1);
            int para = text.indexOf("\n\n", i + 1);
            if (end < 0 || (para >= 0 && para < end && close == '"')) {
                i++;
                continue;
            }
            int s = i + 1;
            String q = text.substring(s, end).strip();
            if (q.split("\\s+").length >= 3) {
                int qs = s + (text.substring(s, end).length() - text.substring(s, end).stripLeading().length());
                String speaker = speaker(text, sentences, i, end);
                out.add(new Quote(q, qs, qs + q.length(), speaker));
            }
            i = end + 1;
        }
        return out;
    }

    private static String speaker(String text, List<TextSpan> sentences, int open, int close) {
        List<TextSpan> candidates = new ArrayList<>();
        for (TextSpan s : sentences) if (s.contains(close) || s.contains(Math.max(0, close - 1))) candidates.add(s);
        for (TextSpan s : sentences) if (s.contains(open) && !candidates.contains(s)) candidates.add(s);
        for (TextSpan s : candidates) {
            String sentence = s.of(text);
            for (Attribution.Source src : Attribution.find(sentence)) {
                int abs = s.start() + src.start();
                if (abs >= open && abs <= close) continue;
                return src.phrase();
            }
        }
        return null;
    }
}
