package org.custody.bench;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.custody.photo.HashIndex;
import org.custody.photo.PerceptualHash;
import org.custody.photo.Photo;
import org.custody.photo.PhotoReader;

/**
 * Photo re-post recognition and near-duplicate lookup.
 *
 * <pre>
 *   PhotoBench repost  dev|held-out|held-out-2|both [threshold]   recall and false pairs on the wallpaper set
 *   PhotoBench lookup  [hashes=1000000] [queries=2000] [radius]   index vs linear scan, per-query times
 *   PhotoBench intake  [files=…]                       images/s for read + SHA-256 + pHash + EXIF
 * </pre>
 *
 * <p>Test set: every distinct picture of Debian's wallpaper packages (one per Plasma folder, light variant
 * only, one resolution per name). A photograph gives three items, its left, middle and right thirds (abutting, not
 * overlapping: different shots of one scene, the near-miss negatives); an illustration gives one item (whole).
 * Each item gets generated copies: resize 25/50/150/200 %, JPEG quality 30/60/95, crops of 5/10/15 % from
 * different sides, a text overlay, a screenshot border, and combinations. Items are split by picture into
 * dev (two thirds) and held-out (one third) by a hash of the picture's name; the threshold is chosen on dev.
 */
public final class PhotoBench {

    /** The frozen family threshold (max Hamming distance between the closest views), chosen on dev. */
    static final int FROZEN_THRESHOLD = Integer.getInteger("photo.threshold", org.custody.photo.PerceptualHash.SAME_IMAGE);

    /** Pictures judged to be photographs (by looking at them); everything else counts as an illustration. */
    static final List<String> PHOTOGRAPHS = List.of(
            "backgrounds/mate/nature:aqua", "backgrounds/mate/nature:blinds", "backgrounds/mate/nature:dune",
            "backgrounds/mate/nature:freshflower", "backgrounds/mate/nature:garden", "backgrounds/mate/nature:greenmeadow",
            "backgrounds/mate/nature:ladybird", "backgrounds/mate/nature:raindrops", "backgrounds/mate/nature:storm",
            "backgrounds/mate/nature:twowings", "backgrounds/mate/nature:wood", "backgrounds/mate/nature:yellowflower",
            "backgrounds:aitzgorri_by_aitzol_berasategi", "backgrounds:bridge_by_sander_klootwijk", "backgrounds:dragonfly_by_bolly",
            "backgrounds:free_by_peter_nerlich", "backgrounds:friends_by_aitzol_berasategi", "backgrounds:greentock_by_peter_nerlich",
            "backgrounds:infinite-sea_by_aury88", "backgrounds:kleiber_by_lukas_baubkus", "backgrounds:life_by_aitzol_berasategi",
            "backgrounds:picosdeeuropa_by_aitzol_berasategi", "backgrounds:picture_0b_by_freespace",
            "backgrounds:picture_1a_by_freespace", "backgrounds:seeding_by_clements_engelhardt",
            "backgrounds:sunset_by_aitzol_berasategi", "backgrounds:wine_by_jakkub_mede",
            "plasma:BytheWater", "plasma:ColdRipple", "plasma:ColorfulCups", "plasma:DarkestHour", "plasma:EveningGlow",
            "plasma:FallenLeaf", "plasma:Grey", "plasma:Kite", "plasma:OneStandsOut", "plasma:Path", "plasma:Volna",
            "plasma:summer_1am");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "repost";
        switch (mode) {
            case "repost" -> repost(args.length > 1 ? args[1] : "dev", args.length > 2 ? Integer.parseInt(args[2]) : -1);
            case "lookup" -> lookup(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 2000, args.length > 3 ? Integer.parseInt(args[3]) : FROZEN_THRESHOLD);
            case "intake" -> intake(args.length > 1 ? Integer.parseInt(args[1]) : 60);
            case "list" -> pictures().forEach((k, v) -> System.out.println(k + "\t" + v));
            default -> throw new IllegalArgumentException("modes: repost, lookup, intake, list");
        }
    }

    static final List<Path> ROOTS = List.of(Path.of("/usr/share/backgrounds"), Path.of("/usr/share/wallpapers"),
            Path.of("/usr/share/desktop-base"));

    /** Distinct pictures: key -> the largest file holding it. */
    static Map<String, Path> pictures() throws IOException {
        Map<String, Path> best = new TreeMap<>();
        for (Path root : ROOTS) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (!(n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".webp"))) continue;
                    if (Files.size(p) < 60_000) continue;
                    String path = p.toString();
                    if (path.contains("/images_dark/") || path.contains("/screenshot") || path.contains("/previews/")) continue;
                    String key;
                    int c = path.indexOf("/contents/");
                    if (path.startsWith("/usr/share/wallpapers/") && c > 0) key = "plasma:" + path.substring(22, c);
                    else {
                        String stem = n.replaceAll("\\.(jpe?g|png|webp)$", "")
                                .replaceAll("[_-]\\d{3,5}x\\d{3,5}", "").replaceAll("_portrait$", "")
                                .replaceAll("-[ld]$", "").replaceAll("-(dark|light)$", "");
                        if (n.endsWith("-d.webp")) continue; // the dark variant of a GNOME pair
                        key = p.getParent().toString().replace("/usr/share/", "") + ":" + stem;
                        if (path.contains("/desktop-base/")) key = "desktop-base:" + path.split("/")[4];
                    }
                    Path old = best.get(key);
                    if (old == null || Files.size(p) > Files.size(old)) best.put(key, p);
                }
            }
        }
        return best;
    }

    record Item(String picture, String name, BufferedImage image) {}

    static boolean heldOut(String picture) {
        return Math.floorMod(picture.hashCode() * 31 + 7, 3) == 0;
    }

    static List<Item> items(String split) throws IOException {
        List<Item> out = new ArrayList<>();
        for (var e : pictures().entrySet()) {
            boolean ho = heldOut(e.getKey());
            if (split.equals("dev") && ho || split.startsWith("held-out") && !ho) continue;
            BufferedImage img = rgb(ImageIO.read(e.getValue().toFile()));
            if (img == null) continue;
            img = scaleTo(img, Integer.getInteger("photo.side", 1600));
            if (isPhotograph(e.getKey())) {
                int w = img.getWidth();
                for (int k = 0; k < 3; k++) {
                    int x0 = k * w / 3, x1 = (k + 1) * w / 3;
                    out.add(new Item(e.getKey(), e.getKey() + "#third" + k, copyOf(img.getSubimage(x0, 0, x1 - x0, img.getHeight()))));
                }
            } else {
                out.add(new Item(e.getKey(), e.getKey(), img));
            }
        }
        return out;
    }

    static boolean isPhotograph(String key) {
        return PHOTOGRAPHS.contains(key);
    }

    record Copy(String kind, BufferedImage image) {}

    static List<Copy> copies(BufferedImage src, long seed) throws IOException {
        Random r = new Random(seed);
        List<Copy> out = new ArrayList<>();
        out.add(new Copy("resize25", scale(src, 0.25)));
        out.add(new Copy("resize50", scale(src, 0.5)));
        out.add(new Copy("resize150", scale(src, 1.5)));
        out.add(new Copy("resize200", scale(src, 2.0)));
        out.add(new Copy("jpeg30", jpeg(src, 0.30f)));
        out.add(new Copy("jpeg60", jpeg(src, 0.60f)));
        out.add(new Copy("jpeg95", jpeg(src, 0.95f)));
        for (double f : new double[]{0.05, 0.10, 0.15}) out.add(new Copy("crop" + Math.round(f * 100), crop(src, f, r)));
        out.add(new Copy("overlay", overlay(src, r)));
        out.add(new Copy("screenshot", screenshot(src, r)));
        out.add(new Copy("crop10+resize50+jpeg60", jpeg(scale(crop(src, 0.10, r), 0.5), 0.60f)));
        out.add(new Copy("overlay+jpeg40", jpeg(overlay(src, r), 0.40f)));
        return out;
    }

    /**
     * The second held-out set's copies (split {@code held-out-2}): made after the method was frozen, with every
     * parameter drawn at random within the issue's ranges instead of the fixed steps above — resize 25-200 %,
     * JPEG quality 30-95, crop 3-15 % split at random between width and height and between opposite sides,
     * an overlay of random text, size, opacity and place, a screenshot frame of random proportions and colour,
     * and two combinations.
     */
    static List<Copy> freshCopies(BufferedImage src, long seed) throws IOException {
        Random r = new Random(seed);
        List<Copy> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) out.add(new Copy("resize", scale(src, 0.25 + 1.75 * r.nextDouble())));
        for (int k = 0; k < 3; k++) out.add(new Copy("jpeg", jpeg(src, 0.30f + 0.65f * r.nextFloat())));
        for (int k = 0; k < 3; k++) out.add(new Copy("crop", freeCrop(src, 0.03 + 0.12 * r.nextDouble(), r)));
        out.add(new Copy("overlay", freeOverlay(src, r)));
        for (int k = 0; k < 2; k++) out.add(new Copy("screenshot", freeFrame(src, r)));
        out.add(new Copy("crop+resize+jpeg", jpeg(scale(freeCrop(src, 0.03 + 0.12 * r.nextDouble(), r), 0.25 + 1.75 * r.nextDouble()),
                0.30f + 0.65f * r.nextFloat())));
        out.add(new Copy("overlay+jpeg", jpeg(freeOverlay(src, r), 0.30f + 0.65f * r.nextFloat())));
        return out;
    }

    static BufferedImage freeCrop(BufferedImage src, double f, Random r) {
        int w = src.getWidth(), h = src.getHeight();
        double u = r.nextDouble();
        int cw = (int) Math.round(w * f * u), ch = (int) Math.round(h * f * (1 - u));
        int left = (int) Math.round(cw * r.nextDouble()), top = (int) Math.round(ch * r.nextDouble());
        return copyOf(src.getSubimage(left, top, w - cw, h - ch));
    }

    static BufferedImage freeOverlay(BufferedImage src, Random r) {
        BufferedImage out = copyOf(src);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.max(10, (int) (out.getHeight() / (10 + 12 * r.nextDouble())));
        g.setFont(new Font(r.nextBoolean() ? Font.SANS_SERIF : Font.SERIF, r.nextBoolean() ? Font.BOLD : Font.PLAIN, size));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f + 0.3f * r.nextFloat()));
        g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        String text = List.of("EXCLUSIVE", "@sahel_watch", "via Telegram", "source: local media", "LIVE · 14:02",
                "© Press Agency").get(r.nextInt(6));
        int x = (int) (out.getWidth() * 0.5 * r.nextDouble());
        int y = size + (int) ((out.getHeight() - 2 * size) * r.nextDouble());
        g.drawString(text, x, y);
        g.dispose();
        return out;
    }

    static BufferedImage freeFrame(BufferedImage src, Random r) {
        int w = src.getWidth(), h = src.getHeight();
        int side = (int) (w * 0.06 * r.nextDouble()), top = (int) (h * (0.05 + 0.08 * r.nextDouble())),
                bottom = (int) (h * (0.06 + 0.12 * r.nextDouble()));
        BufferedImage out = new BufferedImage(w + 2 * side, h + top + bottom, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        int grey = r.nextBoolean() ? r.nextInt(40) : 215 + r.nextInt(41);
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, side, top, null);
        g.setColor(grey < 128 ? new Color(200, 200, 200) : new Color(60, 60, 60));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, top / 3)));
        g.drawString(List.of("09:15  LTE  54%", "Reuters · 3h", "@observer_news  ·  Follow").get(r.nextInt(3)), side + 4, top * 2 / 3);
        g.drawString(List.of("♥ 3.4K   ↻ 1,022   ⤴", "Like  Comment  Share", "View 212 comments").get(r.nextInt(3)), side + 4,
                h + top + bottom / 2);
        g.dispose();
        return out;
    }

    static void repost(String split, int thresholdArg) throws IOException {
        List<String> splits = split.equals("both") ? List.of("dev", "held-out") : List.of(split);
        for (String s : splits) {
            List<Item> items = items(s);
            int photoItems = (int) items.stream().filter(i -> i.name().contains("#")).count();
            long[][] originals = new long[items.size()][];
            for (int i = 0; i < items.size(); i++) originals[i] = PerceptualHash.views(items.get(i).image());
            Map<String, int[]> hist = new TreeMap<>();
            int[] copyDist = new int[65];
            int copies = 0;
            for (int i = 0; i < items.size(); i++) {
                List<Copy> made = s.equals("held-out-2") ? freshCopies(items.get(i).image(), 2026L * 31 + items.get(i).name().hashCode())
                        : copies(items.get(i).image(), items.get(i).name().hashCode());
                for (Copy c : made) {
                    int d = PerceptualHash.distance(originals[i], PerceptualHash.views(c.image()));
                    copyDist[d]++;
                    hist.computeIfAbsent(c.kind(), k -> new int[65])[d]++;
                    copies++;
                }
            }
            int[] pairDist = new int[65];
            int[] sameScene = new int[65];
            long pairs = 0;
            for (int i = 0; i < items.size(); i++) {
                for (int j = i + 1; j < items.size(); j++) {
                    int d = PerceptualHash.distance(originals[i], originals[j]);
                    pairDist[d]++;
                    if (items.get(i).picture().equals(items.get(j).picture())) sameScene[d]++;
                    pairs++;
                }
            }
            System.out.printf(Locale.ROOT, "split %s: %d items (%d thirds of %d photographs, %d illustrations), %d copies, %d distinct pairs%n",
                    s, items.size(), photoItems, photoItems / 3, items.size() - photoItems, copies, pairs);
            int from = thresholdArg >= 0 ? thresholdArg : 4;
            int to = thresholdArg >= 0 ? thresholdArg : 20;
            for (int t = from; t <= to; t++) {
                System.out.printf(Locale.ROOT, "  threshold %2d: recall %.4f  false pairs %.4f %% (%d of %d; same-scene pairs %d of %d)%n",
                        t, (double) cum(copyDist, t) / copies, 100.0 * cum(pairDist, t) / pairs, cum(pairDist, t), pairs,
                        cum(sameScene, t), photoItems);
            }
            int t = thresholdArg >= 0 ? thresholdArg : FROZEN_THRESHOLD;
            System.out.println("  recall by copy kind at threshold " + t + ":");
            hist.forEach((k, v) -> System.out.printf(Locale.ROOT, "    %-24s %.3f%n", k, (double) cum(v, t) / Arrays.stream(v).sum()));
        }
    }

    static int cum(int[] h, int t) {
        int s = 0;
        for (int i = 0; i <= t && i < h.length; i++) s += h[i];
        return s;
    }

    /**
     * One image looked up against {@code n} stored hashes: its {@link PerceptualHash#QUERY_VIEWS} query views,
     * each a Hamming-radius search. Half the query images are re-posts (their first view a stored hash with up to
     * {@code radius} bits flipped), half new pictures. Each image is timed in wall time and in the thread's CPU
     * time (the machine is shared: CPU time is what the search itself costs, wall time adds the waits for a core);
     * the linear scan over the same entries is timed alike on every tenth image, in the same run, and its answers
     * compared with the index's.
     */
    static void lookup(int n, int queries, int radius) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        SplittableRandom r = new SplittableRandom(16);
        HashIndex index = new HashIndex();
        long[] stored = new long[n];
        for (int i = 0; i < n; i++) {
            stored[i] = r.nextLong();
            index.add(stored[i], i / (PerceptualHash.QUERY_VIEWS + 10)); // ids: one image per 12 stored views
        }
        int views = PerceptualHash.QUERY_VIEWS;
        long[][] q = new long[queries][views];
        for (int i = 0; i < queries; i++) {
            for (int v = 0; v < views; v++) {
                long h = i % 2 == 0 && v == 0 ? stored[r.nextInt(n)] : r.nextLong();
                if (i % 2 == 0 && v == 0) for (int k = r.nextInt(radius + 1); k > 0; k--) h ^= 1L << r.nextInt(64);
                q[i][v] = h;
            }
        }
        // warm up both, then measure in one pass so load affects both alike
        for (int i = 0; i < Math.min(300, queries); i++) {
            for (long h : q[i]) index.within(h, radius);
            if (i < 20) for (long h : q[i]) index.linearWithin(h, radius);
        }
        long[] idxWall = new long[queries];
        long[] idxCpu = new long[queries];
        int linN = (queries + 9) / 10;
        long[] linWall = new long[linN];
        long[] linCpu = new long[linN];
        int mismatches = 0;
        long found = 0;
        double load0 = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int i = 0; i < queries; i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<List<HashIndex.Hit>> a = new ArrayList<>(views);
            for (long h : q[i]) a.add(index.within(h, radius));
            idxWall[i] = System.nanoTime() - t0;
            idxCpu[i] = cpu.getCurrentThreadCpuTime() - c0;
            for (var x : a) found += x.size();
            if (i % 10 == 0) {
                c0 = cpu.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                List<List<HashIndex.Hit>> b = new ArrayList<>(views);
                for (long h : q[i]) b.add(index.linearWithin(h, radius));
                linWall[i / 10] = System.nanoTime() - t0;
                linCpu[i / 10] = cpu.getCurrentThreadCpuTime() - c0;
                if (!a.equals(b)) mismatches++;
            }
        }
        double load1 = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "lookup: %,d stored hashes, radius %d, %d query images of %d views each (half re-posts), load %.1f -> %.1f%n",
                n, radius, queries, views, load0, load1);
        System.out.println("  " + times("multi-index, wall", idxWall));
        System.out.println("  " + times("multi-index, CPU ", idxCpu));
        System.out.println("  " + times("linear scan, wall", linWall));
        System.out.println("  " + times("linear scan, CPU ", linCpu));
        System.out.printf(Locale.ROOT, "  hits found %d; images whose answers differ from the linear scan: %d of %d compared%n", found, mismatches, linN);
    }

    private static String times(String what, long[] ns) {
        long[] v = ns.clone();
        Arrays.sort(v);
        return String.format(Locale.ROOT, "%s (%d images): median %.3f ms, p99 %.3f ms, max %.3f ms", what, v.length,
                v[v.length / 2] / 1e6, v[Math.min(v.length - 1, (int) Math.ceil(v.length * 0.99) - 1)] / 1e6, v[v.length - 1] / 1e6);
    }

    static void intake(int max) throws IOException {
        List<byte[]> files = new ArrayList<>();
        for (Path p : pictures().values()) {
            if (files.size() >= max) break;
            files.add(Files.readAllBytes(p));
        }
        long bytes = files.stream().mapToLong(b -> b.length).sum();
        for (int i = 0; i < Math.min(5, files.size()); i++) PhotoReader.read("warm", files.get(i));
        long t0 = System.nanoTime();
        long px = 0;
        for (byte[] b : files) {
            Photo p = PhotoReader.read("bench", b);
            px += (long) p.width() * p.height();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "intake: %d images, %.1f MB, %.1f megapixels in %.2f s: %.1f images/s, %.1f MP/s%n",
                files.size(), bytes / 1e6, px / 1e6, s, files.size() / s, px / 1e6 / s);
    }

    // ---- copies ----

    static BufferedImage rgb(BufferedImage src) {
        if (src == null) return null;
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage scaleTo(BufferedImage src, int longSide) {
        int m = Math.max(src.getWidth(), src.getHeight());
        return m <= longSide ? src : scale(src, (double) longSide / m);
    }

    static BufferedImage scale(BufferedImage src, double f) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static BufferedImage jpeg(BufferedImage src, float quality) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(src, null, null), p);
        } finally {
            w.dispose();
        }
        return ImageIO.read(new java.io.ByteArrayInputStream(bos.toByteArray()));
    }

    /** Removes {@code f} of the area's width or height, split between sides at random. */
    static BufferedImage crop(BufferedImage src, double f, Random r) {
        int w = src.getWidth(), h = src.getHeight();
        double fx = r.nextBoolean() ? f : f / 2, fy = f - fx + f / 2 > f ? f / 2 : f - fx;
        int cw = (int) Math.round(w * fx), ch = (int) Math.round(h * fy);
        int left = (int) Math.round(cw * r.nextDouble()), top = (int) Math.round(ch * r.nextDouble());
        return copyOf(src.getSubimage(left, top, w - cw, h - ch));
    }

    static BufferedImage copyOf(BufferedImage s) {
        BufferedImage out = new BufferedImage(s.getWidth(), s.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(s, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage overlay(BufferedImage src, Random r) {
        BufferedImage out = copyOf(src);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.max(10, out.getHeight() / 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.7f));
        g.setColor(r.nextBoolean() ? Color.WHITE : Color.YELLOW);
        String text = List.of("@frontline_news", "BREAKING", "© Gulf Wire 2018", "t.me/channel_4521").get(r.nextInt(4));
        int x = (int) (out.getWidth() * (0.05 + 0.4 * r.nextDouble()));
        g.drawString(text, x, out.getHeight() - size);
        g.dispose();
        return out;
    }

    static BufferedImage screenshot(BufferedImage src, Random r) {
        int w = src.getWidth(), h = src.getHeight();
        int side = (int) (w * 0.04), top = (int) (h * 0.09), bottom = (int) (h * 0.14);
        BufferedImage out = new BufferedImage(w + 2 * side, h + top + bottom, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        boolean dark = r.nextBoolean();
        g.setColor(dark ? new Color(18, 18, 18) : Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, side, top, null);
        g.setColor(dark ? Color.LIGHT_GRAY : Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, top / 3)));
        g.drawString("12:41  ▲ 87%   @militia_media · 2h", side, top * 2 / 3);
        g.drawString("♥ 1.2K   ↻ 418   Share", side, h + top + bottom / 2);
        g.dispose();
        return out;
    }
}
