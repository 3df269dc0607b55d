package org.custody.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded noise of the kinds real reports add to list names: typos, transliteration swaps, a dropped
 * "al-", token reordering, lost hyphens and apostrophes. Each variant gets 1 to 3 operations and
 * records which ones.
 */
final class NameNoise {

    record Variant(String text, List<String> ops) { }

    private static final String[][] SWAPS = {
            {"q", "k"}, {"k", "q"}, {"q", "gh"}, {"gh", "q"}, {"kh", "k"}, {"k", "kh"},
            {"ou", "u"}, {"u", "ou"}, {"oo", "u"}, {"u", "oo"}, {"o", "u"}, {"u", "o"},
            {"ei", "ai"}, {"ai", "ei"}, {"ay", "ei"}, {"ei", "ey"}, {"ey", "ay"}, {"e", "i"}, {"i", "e"}, {"e", "a"},
            {"dh", "z"}, {"z", "dh"}, {"th", "z"}, {"dh", "th"}, {"y", "i"}, {"i", "y"},
            {"j", "dj"}, {"sh", "ch"}, {"ch", "sh"}, {"ph", "f"}, {"f", "ph"}};

    private final Random rnd;

    NameNoise(long seed) {
        this.rnd = new Random(seed);
    }

    Variant vary(String name) {
        int n = 1 + rnd.nextInt(3);
        String cur = name;
        List<String> ops = new ArrayList<>();
        for (int attempt = 0; attempt < 12 && ops.size() < n; attempt++) {
            String op = switch (rnd.nextInt(5)) {
                case 0 -> "typo";
                case 1 -> "transliteration";
                case 2 -> "article";
                case 3 -> "reorder";
                default -> "punctuation";
            };
            String next = apply(op, cur);
            if (!next.equals(cur) && !next.isBlank()) {
                cur = next;
                ops.add(op);
            }
        }
        return new Variant(cur, ops);
    }

    private String apply(String op, String s) {
        return switch (op) {
            case "typo" -> typo(s);
            case "transliteration" -> swap(s);
            case "article" -> article(s);
            case "reorder" -> reorder(s);
            default -> s.replace("'", "").replace("-", rnd.nextBoolean() ? " " : "");
        };
    }

    private String typo(String s) {
        List<Integer> letters = new ArrayList<>();
        String[] words = s.split(" ");
        // only in words of 4+ letters: a typo in "AL" or an acronym is not a typo any matcher should forgive
        int pos = 0;
        for (String w : words) {
            if (w.length() >= 4) for (int i = 1; i < w.length(); i++) if (Character.isLetter(w.charAt(i))) letters.add(pos + i);
            pos += w.length() + 1;
        }
        if (letters.isEmpty()) return s;
        int i = letters.get(rnd.nextInt(letters.size()));
        char c = (char) ((Character.isUpperCase(s.charAt(i)) ? 'A' : 'a') + rnd.nextInt(26));
        StringBuilder sb = new StringBuilder(s);
        switch (rnd.nextInt(4)) {
            case 0 -> sb.setCharAt(i, c);
            case 1 -> sb.deleteCharAt(i);
            case 2 -> sb.insert(i, c);
            default -> {
                if (i + 1 < sb.length() && Character.isLetter(sb.charAt(i + 1))) {
                    char a = sb.charAt(i);
                    sb.setCharAt(i, sb.charAt(i + 1));
                    sb.setCharAt(i + 1, a);
                } else sb.setCharAt(i, c);
            }
        }
        return sb.toString();
    }

    private String swap(String s) {
        String lower = s.toLowerCase();
        List<int[]> options = new ArrayList<>();
        for (int k = 0; k < SWAPS.length; k++) {
            int at = lower.indexOf(SWAPS[k][0]);
            while (at >= 0) {
                options.add(new int[] {k, at});
                at = lower.indexOf(SWAPS[k][0], at + 1);
            }
        }
        // doubled letters: add or remove
        for (int i = 1; i < lower.length(); i++) {
            if (Character.isLetter(lower.charAt(i)) && lower.charAt(i) == lower.charAt(i - 1)) options.add(new int[] {-1, i});
        }
        if (options.isEmpty()) return s;
        int[] o = options.get(rnd.nextInt(options.size()));
        if (o[0] < 0) return s.substring(0, o[1]) + s.substring(o[1] + 1);
        String from = SWAPS[o[0]][0], to = SWAPS[o[0]][1];
        boolean upper = Character.isUpperCase(s.charAt(o[1]));
        return s.substring(0, o[1]) + (upper ? to.toUpperCase() : to) + s.substring(o[1] + from.length());
    }

    private String article(String s) {
        String[] forms = {"AL-", "al-", "Al-", "EL-", "el-", "AL ", "al "};
        for (String f : forms) {
            int at = s.indexOf(f);
            if (at >= 0 && (at == 0 || !Character.isLetter(s.charAt(at - 1)))) {
                return s.substring(0, at) + s.substring(at + f.length());
            }
        }
        return s;
    }

    private String reorder(String s) {
        int comma = s.indexOf(',');
        if (comma > 0 && comma == s.lastIndexOf(',') && rnd.nextBoolean()) {
            return s.substring(comma + 1).trim() + " " + s.substring(0, comma).trim();   // "FAMILY, Given" -> "Given FAMILY"
        }
        List<String> words = new ArrayList<>(Arrays.asList(s.replace(",", "").split("\\s+")));
        if (words.size() < 2) return s;
        int i = rnd.nextInt(words.size() - 1);
        String w = words.get(i);
        words.set(i, words.get(i + 1));
        words.set(i + 1, w);
        return String.join(" ", words);
    }
}
