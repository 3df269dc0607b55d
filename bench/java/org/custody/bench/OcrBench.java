package org.custody.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.photo.ocr.ReadLine;
import org.custody.photo.ocr.ConfusionFold;
import org.custody.photo.ocr.LedgerSerials;
import org.custody.photo.ocr.SerialMatch;
import org.custody.photo.ocr.SerialMatcher;
import org.custody.photo.ocr.eval.SerialImageSet;
import org.custody.photo.ocr.tesseract.TesseractReader;

/**
 * Serials read from generated photographs ({@link SerialImageSet}) and matched to the ledger: per picture,
 * matched (the pictured serial and no other), ambiguous (the pictured serial among several the fold cannot
 * tell apart, reported), false (another ledger serial matched) or missed; OCR time per picture.
 *
 * <p>Usage: OcrBench OUT_DIR dev|held-out [COUNT] [PASSES], PASSES like "DESKEWED:11:eng+ara,GRAY:11:eng".
 * The first development set is seed 1 (80 pictures), the second seed 2 (220; held out in the first round), the
 * held-out set seed 3; both against the ledger of seed 42 (20,000
 * serials plus the near-misses and twins of the pictured ones).
 */
public final class OcrBench {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String part = args[1];
        long seed = switch (part) {
            case "dev" -> 1;
            case "dev2" -> 2;
            case "held-out" -> 3;
            default -> throw new IllegalArgumentException("part must be dev, dev2 or held-out, got " + part);
        };
        int count = args.length > 2 ? Integer.parseInt(args[2]) : switch (part) {
            case "dev" -> 80;
            default -> 220;
        };
        // a slice of the pictures (to read two slices at once in two processes): -Dcustody.ocr.slice=FROM-TO
        String slice = System.getProperty("custody.ocr.slice", "0-" + count);
        int from = Integer.parseInt(slice.split("-")[0]), to = Math.min(count, Integer.parseInt(slice.split("-")[1]));
        List<TesseractReader.Pass> passes = args.length > 3 ? passes(args[3]) : TesseractReader.SERIAL_PASSES;
        int minLength = Integer.getInteger("custody.ocr.minLength", 6);
        double minConfidence = Double.parseDouble(System.getProperty("custody.ocr.minConfidence", "0.30"));
        List<Path> bgs = SerialImageSet.backgrounds(List.of(Path.of("/usr/share/backgrounds"), Path.of("/usr/share/wallpapers"),
                Path.of("/usr/share/desktop-base")));
        SerialImageSet.Generated set = SerialImageSet.generate(out.resolve(part), seed, count, 42, 20_000, bgs);
        Map<String, List<String>> byFold = new HashMap<>();
        for (String k : set.ledgerKeys()) byFold.computeIfAbsent(ConfusionFold.foldKey(k), f -> new ArrayList<>()).add(k);
        LedgerSerials ledger = folded -> byFold.getOrDefault(folded, List.of());
        System.out.println(new TesseractReader().version() + "; passes " + passes + "; min length " + minLength
                + ", min confidence " + minConfidence);
        SerialMatcher matcher = new SerialMatcher(ledger, minLength, minConfidence);
        // each pass alone, timed, so that every combination of passes is judged from one run
        List<SerialImageSet.Sample> samples = set.samples().subList(from, to);
        int n = samples.size();
        List<List<List<ReadLine>>> byPass = new ArrayList<>();
        List<List<Double>> millis = new ArrayList<>();
        List<TesseractReader> readers = new ArrayList<>();
        for (TesseractReader.Pass pass : passes) {
            readers.add(new TesseractReader("tesseract", List.of(pass), Duration.ofSeconds(60)));
            byPass.add(new ArrayList<>());
            millis.add(new ArrayList<>());
        }
        // picture by picture (every pass of one picture, then the next), the verdict of all passes printed as it comes
        for (SerialImageSet.Sample s : samples) {
            List<ReadLine> all = new ArrayList<>();
            for (int p = 0; p < passes.size(); p++) {
                long t0 = System.nanoTime();
                List<ReadLine> lines = readers.get(p).readLines(s.image());
                millis.get(p).add((System.nanoTime() - t0) / 1e6);
                byPass.get(p).add(lines);
                all.addAll(lines);
            }
            progress(s, all, matcher, byFold, byPass.get(0).size());
            // every combination of passes for this picture (M matched, A ambiguous, F false, - missed) and the times,
            // so that a run stopped early can still be judged combination by combination
            StringBuilder combos = new StringBuilder();
            int last = byPass.get(0).size() - 1;
            for (int mask = 1; mask < (1 << passes.size()); mask++) {
                List<ReadLine> lines = new ArrayList<>();
                for (int p = 0; p < passes.size(); p++) if ((mask & (1 << p)) != 0) lines.addAll(byPass.get(p).get(last));
                combos.append(switch (verdict(matcher.match(lines), s.key())) {
                    case "matched" -> 'M';
                    case "ambiguous" -> 'A';
                    case "FALSE" -> 'F';
                    default -> '-';
                });
            }
            StringBuilder ms = new StringBuilder();
            for (int p = 0; p < passes.size(); p++) ms.append(p == 0 ? "" : ",").append(Math.round(millis.get(p).get(last)));
            System.out.printf(Locale.ROOT, "combos %s %s twin=%s stencil=%s ms=%s%n", s.image().getFileName(), combos,
                    byFold.get(ConfusionFold.foldKey(s.key())).size() > 1, s.stencil(), ms);
        }
        int twins = 0, stencilled = 0;
        for (SerialImageSet.Sample s : samples) {
            if (byFold.get(ConfusionFold.foldKey(s.key())).size() > 1) twins++;
            if (s.stencil()) stencilled++;
        }
        System.out.printf(Locale.ROOT, "%s: %d pictures (%d stencilled), ledger %d serials, %d pictured serials with a fold-equal twin%n",
                part, n, stencilled, set.ledgerKeys().size(), twins);
        for (int mask = 1; mask < (1 << passes.size()); mask++) {
            int found = 0, matched = 0, ambiguous = 0, falseMatch = 0, missed = 0, stencilOk = 0;
            List<Double> time = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int p = 0; p < passes.size(); p++) if ((mask & (1 << p)) != 0) labels.add(label(passes.get(p)));
            boolean full = mask == (1 << passes.size()) - 1;
            for (int i = 0; i < n; i++) {
                SerialImageSet.Sample s = samples.get(i);
                boolean twin = byFold.get(ConfusionFold.foldKey(s.key())).size() > 1;
                List<ReadLine> lines = new ArrayList<>();
                double t = 0;
                for (int p = 0; p < passes.size(); p++) {
                    if ((mask & (1 << p)) == 0) continue;
                    lines.addAll(byPass.get(p).get(i));
                    t += millis.get(p).get(i);
                }
                time.add(t);
                String verdict = verdict(matcher.match(lines), s.key());
                boolean ok = verdict.equals("matched"), amb = verdict.equals("ambiguous"), bad = verdict.equals("FALSE");
                switch (verdict) {
                    case "FALSE" -> falseMatch++;
                    case "matched" -> matched++;
                    case "ambiguous" -> ambiguous++;
                    default -> missed++;
                }
                boolean good = !bad && (ok || (amb && twin));
                if (good) found++;
                if (good && s.stencil()) stencilOk++;
                if (full && (!good || Boolean.getBoolean("custody.ocr.verbose"))) {
                    String read = String.join(" | ", lines.stream().filter(x -> x.text().chars().anyMatch(Character::isDigit)).map(x -> x.text() + String.format(Locale.ROOT, "@%.2f", x.confidence())).toList());
                    System.out.printf(Locale.ROOT, "  %s %s %s (%s, %s, %.1f°%s%s) read %s%n", verdict, s.image().getFileName(), s.serial(),
                            s.font(), s.stencil() ? "stencil" : "painted", s.angle(), twin ? ", twin" : "", s.nearMiss() ? ", near-miss" : "",
                            read.length() > 160 ? read.substring(0, 160) + "…" : read);
                }
            }
            Collections.sort(time);
            System.out.printf(Locale.ROOT, "%-40s found %.3f (%d/%d; stencilled %.3f) matched %d, ambiguous %d, FALSE %d, missed %d;"
                            + " OCR per picture median %.0f ms, p90 %.0f ms%n", String.join("+", labels), found / (double) n, found, n,
                    stencilOk / (double) Math.max(1, stencilled), matched, ambiguous, falseMatch, missed, time.get(n / 2), time.get((int) (n * 0.9)));
        }
    }

    private static final int[] TALLY = new int[4];

    /** FALSE (another ledger serial matched), matched, ambiguous (the pictured serial among several) or missed. */
    private static String verdict(List<SerialMatch> matches, String key) {
        boolean ok = false, amb = false, bad = false;
        for (SerialMatch m : matches) {
            if (m instanceof SerialMatch.Matched x) {
                if (x.ledgerKey().equals(key)) ok = true;
                else bad = true;
            } else if (m instanceof SerialMatch.Ambiguous a && a.ledgerKeys().contains(key)) amb = true;
        }
        return bad ? "FALSE" : ok ? "matched" : amb ? "ambiguous" : "missed";
    }

    /** One picture's verdict (all passes) as soon as it is read, with the running tally: matched, ambiguous, false, missed. */
    private static void progress(SerialImageSet.Sample s, List<ReadLine> lines, SerialMatcher matcher,
                                 Map<String, List<String>> byFold, int done) {
        boolean twin = byFold.get(ConfusionFold.foldKey(s.key())).size() > 1;
        String verdict = verdict(matcher.match(lines), s.key());
        TALLY[List.of("matched", "ambiguous", "FALSE", "missed").indexOf(verdict)]++;
        System.out.printf(Locale.ROOT, "progress %d: %s %s%s; matched %d ambiguous %d FALSE %d missed %d%n", done,
                verdict, s.serial(), twin ? " (twin)" : "",
                TALLY[0], TALLY[1], TALLY[2], TALLY[3]);
    }

    private static String label(TesseractReader.Pass p) {
        return p.view() + ":" + p.psm() + ":" + p.languages();
    }

    static List<TesseractReader.Pass> passes(String spec) {
        List<TesseractReader.Pass> out = new ArrayList<>();
        for (String p : spec.split(",")) {
            String[] f = p.split(":");
            out.add(new TesseractReader.Pass(TesseractReader.View.valueOf(f[0]), Integer.parseInt(f[1]), f[2]));
        }
        return out;
    }
}
