package org.custody.photo.ocr.eval;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.custody.ledger.SerialKey;
import org.custody.photo.ocr.ConfusionFold;

/**
 * A seeded, generated set of photographs of painted and stencilled serials, and the ledger they are drawn from.
 * The ledger holds serials in several realistic formats; for some of the pictured serials it also holds a
 * near-miss differing in one character that a reader may misread (3/8, 1/7, 5/6, C/G, E/F, P/R, M/N, U/V, 4/9)
 * — a false match is possible — and for some a twin differing only by a confusion the fold joins (O/0, I/1,
 * S/5, B/8, Z/2, G/6), which must come out ambiguous. Each picture: a crop of a real photograph tinted towards
 * metal, the serial (sometimes after "SN"/"S/N"/"No.") painted in one of the machine's fonts, stencilled (the
 * bridges cut) in some, a distracting second line in some, rotated up to ±15°, blurred, noised and
 * JPEG-compressed.
 */
public final class SerialImageSet {

    /** A picture and the ledger serial key it shows; {@code twin} when the ledger holds a fold-equal twin. */
    public record Sample(Path image, String serial, String key, boolean twin, boolean nearMiss, boolean stencil,
                         String font, double angle) {}

    public record Generated(List<Sample> samples, List<String> ledgerKeys) {}

    private static final String[] FONTS = {"DejaVu Sans", "DejaVu Sans Mono", "DejaVu Serif", "Liberation Sans",
            "Liberation Mono", "Liberation Serif", "Liberation Sans Narrow", "Quicksand"};
    private static final String[] DISTRACTORS = {"US ARMY", "DANGER", "NO STEP", "LOT 4", "MFG 2019", "CAL 5.56",
            "KEEP CLEAR", "FUEL", "TOW HOOK", "12 V", "ARMY", "PROPERTY OF"};
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZOI";
    private static final String[][] NEAR = {{"3", "8"}, {"1", "7"}, {"5", "6"}, {"C", "G"}, {"E", "F"}, {"P", "R"},
            {"M", "N"}, {"U", "V"}, {"4", "9"}, {"0", "9"}, {"2", "7"}};
    private static final String[][] FOLDED = {{"O", "0"}, {"I", "1"}, {"S", "5"}, {"B", "8"}, {"Z", "2"}, {"G", "6"}};

    private SerialImageSet() {}

    /** Real photographs (JPEG/PNG over 100 kB) under the given folders, sorted by path. */
    public static List<Path> backgrounds(List<Path> roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$"))
                        .filter(p -> p.toFile().length() > 100_000)
                        .forEach(out::add);
            }
        }
        out.sort(null);
        return out;
    }

    /** A ledger serial in one of six formats. */
    static String serial(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> letters(r, 2) + digits(r, 6);                                  // FE123456 (rifle)
            case 1 -> digits(r, 3) + "-" + digits(r, 5);                             // 123-45678
            case 2 -> letters(r, 2) + "-" + letters(r, 1) + digits(r, 1) + letters(r, 1) + digits(r, 1) + "-" + digits(r, 4); // IQ-M1A1-0127
            case 3 -> letters(r, 1) + digits(r, 7);                                  // W1234567
            case 4 -> digits(r, 4) + letters(r, 2) + digits(r, 3);                   // 2019KA114
            default -> "HN-" + digits(r, 2) + "-" + digits(r, 3);                    // HN-12-345 (hull)
        };
    }

    private static String letters(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
        return sb.toString();
    }

    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append((char) ('0' + r.nextInt(10)));
        return sb.toString();
    }

    /** A serial one character away from {@code s} by one of {@code pairs} (either direction), or null. */
    static String swapOne(String s, String[][] pairs, Random r) {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            String ch = s.substring(i, i + 1);
            for (String[] p : pairs) {
                if (p[0].equals(ch)) options.add(s.substring(0, i) + p[1] + s.substring(i + 1));
                if (p[1].equals(ch)) options.add(s.substring(0, i) + p[0] + s.substring(i + 1));
            }
        }
        return options.isEmpty() ? null : options.get(r.nextInt(options.size()));
    }

    /**
     * Writes {@code count} pictures into {@code dir} from {@code seed}, against a ledger of {@code ledgerSize}
     * serials (plus near-misses and twins) that is the same for every seed ({@code ledgerSeed}).
     */
    public static Generated generate(Path dir, long seed, int count, long ledgerSeed, int ledgerSize, List<Path> backgrounds)
            throws IOException {
        if (backgrounds.isEmpty()) throw new IOException("no background photographs found (install gnome-backgrounds, desktop-base)");
        Files.createDirectories(dir);
        Random lr = new Random(ledgerSeed);
        Set<String> ledger = new LinkedHashSet<>();
        while (ledger.size() < ledgerSize) ledger.add(serial(lr));
        List<String> pool = new ArrayList<>(ledger);
        Random r = new Random(seed);
        List<BufferedImage> bgCache = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        Set<String> ledgerKeys = new LinkedHashSet<>();
        for (String s : ledger) ledgerKeys.add(SerialKey.of(s));
        Set<String> foldedTaken = new LinkedHashSet<>();
        for (String k : ledgerKeys) foldedTaken.add(ConfusionFold.foldKey(k));
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String serial = pool.get(r.nextInt(pool.size()));
            boolean twin = false, nearMiss = false;
            double roll = r.nextDouble();
            if (roll < 0.10) {
                String t = swapOne(serial, FOLDED, r);
                if (t != null && !ledgerKeys.contains(SerialKey.of(t))) {
                    extra.add(t);
                    ledgerKeys.add(SerialKey.of(t));
                    twin = true;
                }
            } else if (roll < 0.45) {
                String t = swapOne(serial, NEAR, r);
                if (t != null && !ledgerKeys.contains(SerialKey.of(t)) && !foldedTaken.contains(ConfusionFold.of(t))) {
                    extra.add(t);
                    ledgerKeys.add(SerialKey.of(t));
                    foldedTaken.add(ConfusionFold.of(t));
                    nearMiss = true;
                }
            }
            String font = FONTS[r.nextInt(FONTS.length)];
            boolean stencil = r.nextDouble() < 0.5;
            double angle = (r.nextDouble() * 2 - 1) * 15;
            BufferedImage img = render(serial, font, stencil, angle, background(backgrounds, bgCache, r), r);
            Path file = dir.resolve(String.format("serial-%d-%04d.jpg", seed, i));
            writeJpeg(img, file, 0.70f + 0.25f * r.nextFloat());
            samples.add(new Sample(file, serial, SerialKey.of(serial), twin, nearMiss, stencil, font, angle));
        }
        return new Generated(samples, List.copyOf(ledgerKeys));
    }

    private static BufferedImage background(List<Path> files, List<BufferedImage> cache, Random r) throws IOException {
        int slot = r.nextInt(Math.min(files.size(), 24));
        while (cache.size() <= slot) {
            Path p = files.get((cache.size() * 7919) % files.size());
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null) {
                cache.add(null);
                continue;
            }
            double f = Math.min(1.0, 1280.0 / img.getWidth());
            BufferedImage small = new BufferedImage((int) (img.getWidth() * f), (int) (img.getHeight() * f), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, small.getWidth(), small.getHeight(), null);
            g.dispose();
            cache.add(small);
        }
        BufferedImage bg = cache.get(slot);
        if (bg == null) return background(files, cache, r);
        return bg;
    }

    static BufferedImage render(String serial, String fontName, boolean stencil, double angle, BufferedImage bg, Random r) {
        int w = 560 + r.nextInt(360), h = (int) (w * (0.55 + 0.25 * r.nextDouble()));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int sx = r.nextInt(Math.max(1, bg.getWidth() - w)), sy = r.nextInt(Math.max(1, bg.getHeight() - h));
        g.drawImage(bg, -sx, -sy, null);
        // tint towards a metal: olive drab, sand, grey, dark green
        Color[] metals = {new Color(75, 83, 32), new Color(194, 178, 128), new Color(110, 110, 110), new Color(40, 54, 24), new Color(150, 150, 140)};
        Color metal = metals[r.nextInt(metals.length)];
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f + 0.3f * r.nextFloat()));
        g.setColor(metal);
        g.fillRect(0, 0, w, h);
        g.setComposite(AlphaComposite.SrcOver);
        double lum = (0.299 * metal.getRed() + 0.587 * metal.getGreen() + 0.114 * metal.getBlue());
        Color paint = lum > 120
                ? new Color[] {new Color(20, 20, 20), new Color(40, 30, 20), new Color(10, 30, 60)}[r.nextInt(3)]
                : new Color[] {new Color(235, 235, 225), new Color(240, 210, 60), new Color(250, 250, 250)}[r.nextInt(3)];
        String label = switch (r.nextInt(5)) {
            case 0 -> "SN ";
            case 1 -> "S/N ";
            case 2 -> "No. ";
            default -> "";
        };
        String text = label + serial;
        int size = 44 + r.nextInt(40);
        Font font = new Font(fontName, r.nextBoolean() ? Font.BOLD : Font.PLAIN, size);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        while (fm.stringWidth(text) > w * 0.85 && size > 20) {
            size -= 4;
            font = font.deriveFont((float) size);
            g.setFont(font);
            fm = g.getFontMetrics();
        }
        int tw = fm.stringWidth(text);
        int tx = (w - tw) / 2 + (int) ((r.nextDouble() - 0.5) * (w - tw) * 0.5);
        int ty = h / 2 + fm.getAscent() / 2 + (int) ((r.nextDouble() - 0.5) * h * 0.3);
        // the paint goes on through a layer: a stencil's bridges are cut out of the layer, so the surface shows
        // through them (no colour is drawn where the paint is missing)
        BufferedImage layer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D p = layer.createGraphics();
        p.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        p.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        p.rotate(Math.toRadians(angle), w / 2.0, h / 2.0);
        p.setColor(paint);
        p.setFont(font);
        p.drawString(text, tx, ty);
        if (stencil) {
            p.setComposite(AlphaComposite.Clear);
            p.setStroke(new BasicStroke(Math.max(2f, size / 16f)));
            int top = ty - fm.getAscent(), bottom = ty + fm.getDescent();
            for (int i = 0; i < text.length(); i++) {
                int cx = tx + fm.stringWidth(text.substring(0, i)) + fm.charWidth(text.charAt(i)) / 2;
                if (r.nextBoolean()) p.drawLine(cx, top, cx, top + (bottom - top) / 3);
                else p.drawLine(cx, bottom - (bottom - top) / 3, cx, bottom);
            }
            p.setComposite(AlphaComposite.SrcOver);
        }
        if (r.nextDouble() < 0.4) {
            p.setColor(paint);
            p.setFont(font.deriveFont(Font.PLAIN, size * 0.5f));
            p.drawString(DISTRACTORS[r.nextInt(DISTRACTORS.length)], tx, ty + (int) (size * 1.2) * (r.nextBoolean() ? 1 : -1));
        }
        p.dispose();
        g.drawImage(layer, 0, 0, null);
        g.dispose();
        int blur = r.nextInt(3);
        if (blur > 0) {
            int k = 2 * blur + 1;
            float[] kernel = new float[k * k];
            java.util.Arrays.fill(kernel, 1f / (k * k));
            img = new ConvolveOp(new Kernel(k, k, kernel), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
        }
        double sigma = 4 + 14 * r.nextDouble();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * sigma);
                int rr = clamp(((rgb >> 16) & 255) + n), gg = clamp(((rgb >> 8) & 255) + n), bb = clamp((rgb & 255) + n);
                img.setRGB(x, y, (rr << 16) | (gg << 8) | bb);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void writeJpeg(BufferedImage img, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
    }
}
