package org.custody.evidence.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression searched only where a match can start. Its <em>anchors</em> — the literal text every
 * match of each top-level alternative begins with ("carr" of {@code carr(?:y|ies)}, "wind" and "wound" of
 * {@code (?:wind(?:s)?|wound) up}) — are read from the expression itself; a scan then tries the expression
 * ({@link Matcher#lookingAt()} with transparent bounds) only at positions where one of them stands (compared
 * ignoring case, so a case-sensitive expression is tried at a superset of its possible starts), and, when every
 * alternative begins with {@code \b} and a word character, only at word starts. The matches are exactly those of
 * {@link Matcher#find()} in a loop over the same text: Java's alternation tries every alternative at every
 * position, which for long word lists costs more than all the rest of the work on a sentence.
 *
 * <p>When some alternative has no literal start (a character class, an escape other than {@code \Q…\E}, an
 * optional group with nothing literal after it), the expression is searched as usual.
 */
public final class AnchoredPattern {

    private final Pattern pattern;
    /** Anchors by the folded first character (ASCII part); null: no anchors, plain search. */
    private final String[][] ascii;
    private final java.util.Map<Character, String[]> other;
    private final boolean wordStart;
    private final List<String> anchors;

    private AnchoredPattern(Pattern pattern, List<String> anchors, boolean wordStart) {
        this.pattern = pattern;
        this.anchors = anchors;
        this.wordStart = wordStart;
        if (anchors == null) {
            ascii = null;
            other = null;
            return;
        }
        List<List<String>> byChar = new ArrayList<>();
        for (int i = 0; i < 128; i++) byChar.add(new ArrayList<>());
        java.util.Map<Character, List<String>> rest = new java.util.HashMap<>();
        for (String a : anchors) {
            char f = fold(a.charAt(0));
            // every ASCII character that folds to the anchor's first one (both cases)
            for (char c = 0; c < 128; c++) if (fold(c) == f) byChar.get(c).add(a);
            if (f >= 128) rest.computeIfAbsent(f, k -> new ArrayList<>()).add(a);
        }
        ascii = new String[128][];
        for (int i = 0; i < 128; i++) ascii[i] = byChar.get(i).isEmpty() ? null : byChar.get(i).toArray(String[]::new);
        other = new java.util.HashMap<>();
        rest.forEach((k, v) -> other.put(k, v.toArray(String[]::new)));
    }

    public static AnchoredPattern compile(String regex) {
        return of(Pattern.compile(regex));
    }

    public static AnchoredPattern of(Pattern pattern) {
        String regex = stripFlags(pattern.pattern());
        List<String> alts = alternatives(regex);
        // white space and '#' mean something else in comments mode; a literal pattern has no alternatives
        boolean readable = (pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL)) == 0 && !pattern.pattern().contains("(?x");
        List<String> anchors = readable ? anchors(regex) : null;
        boolean wordStart = anchors != null && alts.stream().allMatch(a -> a.startsWith("\\b"))
                && anchors.stream().allMatch(a -> isAsciiWord(a.charAt(0)));
        return new AnchoredPattern(pattern, anchors, wordStart);
    }

    public Pattern pattern() {
        return pattern;
    }

    /** The literal starts read from the expression (lower-case as written), null when it has none. */
    public List<String> anchors() {
        return anchors;
    }

    /** A scan over the whole of {@code text}. */
    public Scan scan(String text) {
        return new Scan(text, 0, text.length());
    }

    /** A scan over {@code [from, to)} of {@code text}; look-arounds see outside it (transparent bounds). */
    public Scan scan(String text, int from, int to) {
        return new Scan(text, from, to);
    }

    /** Whether {@code text} contains a match. */
    public boolean in(String text) {
        return scan(text).find();
    }

    /** Successive matches, as {@link Matcher#find()} gives them; {@link #matcher()} holds the current one. */
    public final class Scan {
        private final String text;
        private final int to;
        private final Matcher m;
        private int pos;

        private Scan(String text, int from, int to) {
            this.text = text;
            this.to = to;
            this.pos = from;
            this.m = pattern.matcher(text);
            m.useTransparentBounds(true);
            if (ascii == null) m.region(from, to);
            else m.useAnchoringBounds(false);
        }

        public boolean find() {
            if (ascii == null) return m.find();
            while (pos <= to) {
                int p = next(pos);
                if (p < 0) {
                    pos = to + 1;
                    return false;
                }
                m.region(p, to);
                if (m.lookingAt()) {
                    pos = m.end() == p ? p + 1 : m.end();
                    return true;
                }
                pos = p + 1;
            }
            return false;
        }

        /** The matcher positioned on the current match (group, start, end). */
        public Matcher matcher() {
            return m;
        }

        private int next(int from) {
            for (int p = from; p < to; p++) {
                char c = text.charAt(p);
                String[] bucket;
                if (c < 128) {
                    bucket = ascii[c];
                } else {
                    char f = fold(c);
                    // a non-ASCII character may fold to an ASCII one (the Kelvin sign to 'k')
                    bucket = f < 128 ? ascii[f] : other.get(f);
                }
                if (bucket == null || wordStart && p > 0 && isAsciiWord(text.charAt(p - 1))) continue;
                for (String a : bucket) {
                    if (p + a.length() <= to && text.regionMatches(true, p, a, 0, a.length())) return p;
                }
            }
            return -1;
        }
    }

    private static boolean isAsciiWord(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** A case fold consistent with {@link String#regionMatches(boolean, int, String, int, int)} ignoring case. */
    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static String stripFlags(String regex) {
        // leading inline flags without a colon: "(?i)", "(?iu)"
        while (regex.startsWith("(?")) {
            int i = 2;
            while (i < regex.length() && (Character.isLetter(regex.charAt(i)) || regex.charAt(i) == '-')) i++;
            if (i < regex.length() && regex.charAt(i) == ')' && i > 2) regex = regex.substring(i + 1);
            else break;
        }
        return regex;
    }

    /**
     * The literal starts of every match of {@code regex} (lower-case), or null when some alternative can start
     * with something other than a literal. Package-visible for tests.
     */
    static List<String> anchors(String regex) {
        Set<String> out = new LinkedHashSet<>();
        for (String alt : alternatives(stripFlags(regex))) {
            List<String> a = anchorsOfSequence(alt);
            if (a == null) return null;
            out.addAll(a);
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }

    /** Literal starts of one alternative (a sequence of atoms). */
    private static List<String> anchorsOfSequence(String s) {
        int i = 0;
        // zero-width atoms first: \b, ^, look-arounds, inline flags, a group of nothing but those
        while (i < s.length()) {
            if (s.startsWith("\\b", i)) {
                i += 2;
            } else if (s.charAt(i) == '^') {
                i++;
            } else if (s.startsWith("(?<!", i) || s.startsWith("(?<=", i) || s.startsWith("(?=", i) || s.startsWith("(?!", i)) {
                int c = close(s, i);
                if (c < 0) return null;
                i = c + 1;
            } else if (s.startsWith("(?", i) && flagGroupEnd(s, i) > 0) {
                i = flagGroupEnd(s, i) + 1;
            } else if (s.charAt(i) == '(' && close(s, i) > 0 && zeroWidth(s.substring(groupBodyStart(s, i), close(s, i)))) {
                i = close(s, i) + 1;
            } else {
                break;
            }
        }
        if (i >= s.length()) return null;
        if (s.charAt(i) == '(') {
            int c = close(s, i);
            if (c < 0) return null;
            List<String> innerAnchors = anchors(s.substring(groupBodyStart(s, i), c));
            int q = quantifier(s, c + 1);
            if (q < 0) return null;
            if (q > c + 1) {
                // optional group: a match starts with it or with what follows
                List<String> rest = anchorsOfSequence(s.substring(q));
                if (innerAnchors == null || rest == null) return null;
                List<String> u = new ArrayList<>(innerAnchors);
                u.addAll(rest);
                return u;
            }
            return innerAnchors;
        }
        // a character class or \d first: its characters are the anchors
        List<String> chars = null;
        int after = -1;
        if (s.startsWith("\\d", i)) {
            chars = new ArrayList<>();
            for (char d = '0'; d <= '9'; d++) chars.add(String.valueOf(d));
            after = i + 2;
        } else if (s.charAt(i) == '[') {
            int e = classEnd(s, i);
            chars = e < 0 ? null : simpleClass(s.substring(i + 1, e));
            if (chars == null) return null;
            after = e + 1;
        }
        if (chars != null) {
            int q = quantifier(s, after);
            return q == after ? chars : null;
        }
        StringBuilder lit = new StringBuilder();
        int lastAtom = -1;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (s.startsWith("\\Q", i)) {
                int e = s.indexOf("\\E", i + 2);
                String q = e < 0 ? s.substring(i + 2) : s.substring(i + 2, e);
                i = e < 0 ? s.length() : e + 2;
                lit.append(q);
                lastAtom = lit.length() - 1;
                continue;
            }
            if (ch == '\\' && i + 1 < s.length() && !Character.isLetterOrDigit(s.charAt(i + 1))) {
                // an escaped punctuation character stands for itself
                lit.append(s.charAt(i + 1));
                lastAtom = lit.length() - 1;
                i += 2;
                continue;
            }
            if ("\\[](){}.*+?^$|".indexOf(ch) >= 0) break;
            lit.append(ch);
            lastAtom = lit.length() - 1;
            i++;
        }
        // a quantifier after the last literal character may make it optional
        int q = quantifier(s, i);
        if (q < 0 || q > i) {
            if (lastAtom >= 0) lit.setLength(lastAtom);
        }
        if (lit.isEmpty()) return null;
        return List.of(lit.toString().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * At {@code i}: the index after an optional quantifier ("?", "*", "{0,…}", with a lazy or possessive
     * mark), {@code i} when there is none or it requires at least one, -1 when it cannot be read.
     */
    private static int quantifier(String s, int i) {
        if (i >= s.length()) return i;
        char c = s.charAt(i);
        int end;
        if (c == '?' || c == '*') {
            end = i + 1;
        } else if (c == '{') {
            int close = s.indexOf('}', i);
            if (close < 0) return -1;
            String min = s.substring(i + 1, close).split(",", -1)[0].strip();
            if (!min.matches("\\d+")) return -1;
            if (Integer.parseInt(min) > 0) return i;
            end = close + 1;
        } else {
            return i;
        }
        if (end < s.length() && (s.charAt(end) == '?' || s.charAt(end) == '+')) end++;
        return end;
    }

    /** The characters of a class of plain characters ("$€£", "Tt"); null for ranges, negation, escapes of classes. */
    private static List<String> simpleClass(String body) {
        if (body.isEmpty() || body.startsWith("^")) return null;
        List<String> out = new ArrayList<>();
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '\\') {
                if (k + 1 >= body.length() || Character.isLetterOrDigit(body.charAt(k + 1))) return null;
                out.add(String.valueOf(body.charAt(++k)));
            } else if (c == '[' || c == '&' || c == '-' && k > 0 && k < body.length() - 1) {
                return null;
            } else {
                out.add(String.valueOf(c));
            }
        }
        return out;
    }

    /** Whether every alternative of {@code regex} is made only of zero-width atoms (^, \b, look-arounds). */
    private static boolean zeroWidth(String regex) {
        for (String alt : alternatives(regex)) {
            int i = 0;
            while (i < alt.length()) {
                if (alt.startsWith("\\b", i)) i += 2;
                else if (alt.charAt(i) == '^') i++;
                else if (alt.startsWith("(?<!", i) || alt.startsWith("(?<=", i) || alt.startsWith("(?=", i) || alt.startsWith("(?!", i)) {
                    int c = close(alt, i);
                    if (c < 0) return false;
                    i = c + 1;
                } else return false;
            }
        }
        return true;
    }

    /** The end of an inline flag group "(?i)" starting at {@code i}, or -1. */
    private static int flagGroupEnd(String s, int i) {
        int k = i + 2;
        while (k < s.length() && (Character.isLetter(s.charAt(k)) || s.charAt(k) == '-')) k++;
        return k < s.length() && s.charAt(k) == ')' && k > i + 2 ? k : -1;
    }

    /** Where a group's body starts: after "(", "(?:", "(?i:", "(?<name>". */
    private static int groupBodyStart(String s, int i) {
        if (!s.startsWith("(?", i)) return i + 1;
        if (s.startsWith("(?<", i)) return s.indexOf('>', i) + 1;
        int k = i + 2;
        while (k < s.length() && s.charAt(k) != ':') k++;
        return k + 1;
    }

    /** The index of the parenthesis closing the group opened at {@code open}, or -1. */
    private static int close(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (s.startsWith("\\Q", i)) {
                    int e = s.indexOf("\\E", i + 2);
                    if (e < 0) return -1;
                    i = e + 1;
                } else {
                    i++;
                }
            } else if (c == '[') {
                i = classEnd(s, i);
                if (i < 0) return -1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) return i;
            }
        }
        return -1;
    }

    /** The index of the ']' closing the character class opened at {@code open}. */
    private static int classEnd(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') depth++;
            else if (c == ']' && --depth == 0) return i;
        }
        return -1;
    }

    /** The top-level alternatives of {@code regex}. */
    static List<String> alternatives(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (regex.startsWith("\\Q", i)) {
                    int e = regex.indexOf("\\E", i + 2);
                    i = e < 0 ? regex.length() : e + 1;
                } else {
                    i++;
                }
            } else if (c == '[') {
                int e = classEnd(regex, i);
                i = e < 0 ? regex.length() : e;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        out.add(regex.substring(from));
        return out;
    }
}
