package org.custody.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds the spelling variants that romanising Arabic and Persian names produces, on both the query and
 * the list side, so they compare equal: q/gh/kh to k ("Qasem", "Ghasem"), dh/th to z, ou/oo to u,
 * ei/ai/ay/ey to e ("Soleimani", "Solaimani", "Soleymani"), ph to f, hard c to k, y between consonants
 * to i, doubled letters to one ("Qassem"), and a final h after a vowel dropped ("Fatimah"). Tokens of
 * three letters or fewer are left alone: they are mostly codes and acronyms ("EP-IBC" is not "EP-IBQ").
 * The rules
 * run to a fixed point so folding is idempotent. {@link #skeleton} strips vowels for names written
 * without them (Arabic script).
 */
public final class RomanisationFolder implements AnalysisStep.TokenStep {

    @Override public String name() { return "romanisation-variants"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken t = tokens.get(i);
            if (t.weak()) continue;                       // canonical organisation words stay as they are
            if (t.text().length() <= 3) continue;         // codes and acronyms ("EP-IBC", "III") keep their letters
            String f = fold(t.text());
            if (!f.equals(t.text())) {
                if (out == null) out = new ArrayList<>(tokens);
                out.set(i, t.withText(f));
            }
        }
        return out == null ? tokens : out;
    }

    private static final int CACHE_LIMIT = 200_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The folded spelling of one lower-case token (memoised: list vocabularies are small). */
    public static String fold(String token) {
        String cached = CACHE.get(token);
        if (cached != null) return cached;
        String f = compute(token);
        if (CACHE.size() < CACHE_LIMIT) CACHE.put(token, f);
        return f;
    }

    private static String compute(String token) {
        String cur = token;
        for (int round = 0; round < 10; round++) {
            String next = foldOnce(cur);
            if (next.equals(cur)) return cur;
            cur = next;
        }
        return cur;
    }

    private static String foldOnce(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char nx = i + 1 < n ? s.charAt(i + 1) : 0;
            switch (c) {
                case 'p' -> { if (nx == 'h') { sb.append('f'); i++; } else sb.append('p'); }
                case 'g' -> { if (nx == 'h') { sb.append('k'); i++; } else sb.append('g'); }
                case 'k' -> { if (nx == 'h') { sb.append('k'); i++; } else sb.append('k'); }
                case 'q' -> { sb.append('k'); if (nx == 'u' && i + 2 < n && isVowel(s.charAt(i + 2))) i++; }
                case 'c' -> {
                    if (nx == 'h') { sb.append("ch"); i++; }
                    else if (nx == 'k') { sb.append('k'); i++; }
                    else if (nx == 'e' || nx == 'i' || nx == 'y') sb.append('s');
                    else sb.append('k');
                }
                case 'd' -> { if (nx == 'h') { sb.append('z'); i++; } else sb.append('d'); }
                case 't' -> { if (nx == 'h') { sb.append('z'); i++; } else sb.append('t'); }
                case 'o' -> { if (nx == 'u' || nx == 'o') { sb.append('u'); i++; } else sb.append('o'); }
                case 'e' -> {
                    if (nx == 'e') { sb.append('i'); i++; }
                    else if (nx == 'i' || nx == 'y') { sb.append('e'); i++; }
                    else sb.append('e');
                }
                case 'a' -> { if (nx == 'i' || nx == 'y') { sb.append('e'); i++; } else sb.append('a'); }
                case 'y' -> sb.append(i > 0 && !isVowel(nx) ? 'i' : 'y');
                default -> sb.append(c);
            }
        }
        // doubled letters
        StringBuilder d = new StringBuilder(sb.length());
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (i > 0 && c == sb.charAt(i - 1) && Character.isLetter(c)) continue;
            d.append(c);
        }
        int len = d.length();
        if (len > 3 && d.charAt(len - 1) == 'h' && isVowel(d.charAt(len - 2))) d.setLength(len - 1);
        return d.toString();
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /**
     * The consonant skeleton of a folded token: vowels, w and y dropped, z written as s and q as k (romanisations
     * write the same sibilant either way: "Hesbollah"/"Hezbollah"), a final h dropped, doubled consonants
     * collapsed ("solemani" and the Arabic-script "slimani" both give "slmn").
     */
    public static String skeleton(String folded) {
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isVowel(c) || c == 'w') continue;
            if (c == 'z') c = 's';
            else if (c == 'q') c = 'k';                   // short tokens are not folded: "qsi" (قصي) is "kuse" (Qusay)
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) == c) continue;
            sb.append(c);
        }
        if (sb.length() > 1 && sb.charAt(sb.length() - 1) == 'h') sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
