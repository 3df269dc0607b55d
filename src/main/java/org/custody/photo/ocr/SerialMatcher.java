package org.custody.photo.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custody.photo.Region;

/**
 * Matches what was read in a picture against the ledger's serials without ever picking between look-alikes.
 * Every candidate ({@link SerialCandidates}) is looked up by its folded key. A candidate is <em>trusted</em> when it
 * was read with at least {@code minConfidence}, or when another line (another pass or view of the picture) read the
 * same folded key at an overlapping place: two independent reads agreeing are evidence even where the reader's
 * own confidence is low (it is, for instance, for words read under a character whitelist). Reads of overlapping
 * places (several passes over one picture, a run of words and its parts) are judged together, trusted or not: a
 * place with a trusted read whose reads all fold to one ledger serial is a {@link SerialMatch.Matched}; a place
 * whose reads fold to several is a {@link SerialMatch.Ambiguous} listing them all — an untrusted read of a
 * look-alike is enough to withhold the match. A place with no trusted read gives nothing.
 */
public final class SerialMatcher {

    private final LedgerSerials ledger;
    private final SerialCandidates candidates;
    private final double minConfidence;

    public SerialMatcher(LedgerSerials ledger, int minLength, double minConfidence) {
        this.ledger = ledger;
        this.candidates = new SerialCandidates(minLength);
        this.minConfidence = minConfidence;
    }

    private record Hit(SerialCandidate candidate, List<String> keys, int line) {}

    public List<SerialMatch> match(List<ReadLine> lines) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (SerialCandidate c : candidates.in(lines.get(i))) {
                List<String> keys = ledger.keysFolding(c.folded());
                if (!keys.isEmpty()) hits.add(new Hit(c, keys, i));
            }
        }
        List<List<Hit>> groups = groupByPlace(hits);
        List<SerialMatch> out = new ArrayList<>();
        for (List<Hit> group : groups) {
            List<Hit> trusted = group.stream().filter(h -> trusted(h, group)).toList();
            if (!trusted.isEmpty()) out.add(judge(group, trusted));
        }
        return out;
    }

    private boolean trusted(Hit h, List<Hit> place) {
        if (h.candidate().confidence() >= minConfidence) return true;
        for (Hit o : place) {
            if (o.line() != h.line() && o.candidate().folded().equals(h.candidate().folded())
                    && overlap(o.candidate().region(), h.candidate().region())) return true;
        }
        return false;
    }

    private SerialMatch judge(List<Hit> group, List<Hit> trusted) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> reads = new LinkedHashSet<>();
        for (Hit h : group) {
            keys.addAll(h.keys());
            reads.add(h.candidate().read());
        }
        Hit best = trusted.stream().max(Comparator.comparingDouble(h -> h.candidate().confidence())).orElseThrow();
        SerialCandidate c = best.candidate();
        long agreeing = trusted.stream().filter(h -> h.candidate().folded().equals(c.folded())).mapToInt(Hit::line).distinct().count();
        String where = " at " + c.region().x() + "," + c.region().y() + " (" + c.region().w() + "×" + c.region().h() + ")";
        if (keys.size() == 1) {
            String key = keys.iterator().next();
            return new SerialMatch.Matched(key, c.read(), c.region(), c.confidence(),
                    "read \"" + c.read() + "\"" + where + String.format(" with confidence %.2f", c.confidence())
                            + (agreeing > 1 ? " (the same in " + agreeing + " reads)" : "")
                            + "; folded " + c.folded() + " is ledger serial " + key + " and no other");
        }
        return new SerialMatch.Ambiguous(List.copyOf(keys), List.copyOf(reads), c.region(), c.confidence(),
                "read " + String.join(" / ", reads.stream().map(r -> "\"" + r + "\"").toList()) + where
                        + "; the reads fold to " + keys.size() + " ledger serials (" + String.join(", ", keys)
                        + "), none chosen");
    }

    /** Hits whose regions overlap by half of the smaller one belong together (transitively). */
    private static List<List<Hit>> groupByPlace(List<Hit> hits) {
        int n = hits.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (overlap(hits.get(i).candidate().region(), hits.get(j).candidate().region())) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        List<List<Hit>> groups = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            int at = roots.indexOf(r);
            if (at < 0) {
                roots.add(r);
                groups.add(new ArrayList<>());
                at = groups.size() - 1;
            }
            groups.get(at).add(hits.get(i));
        }
        return groups;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    static boolean overlap(Region a, Region b) {
        long ix = Math.max(0, Math.min(a.x() + a.w(), b.x() + b.w()) - Math.max(a.x(), b.x()));
        long iy = Math.max(0, Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y()));
        long smaller = Math.min((long) a.w() * a.h(), (long) b.w() * b.h());
        return smaller > 0 && ix * iy * 2 >= smaller;
    }
}
