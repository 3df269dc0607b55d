package org.custody.photo;

import java.awt.image.BufferedImage;

/**
 * 64-bit DCT perceptual hashes (pHash) of a picture, robust to resizing, recompression, small overlays
 * and screenshot borders, with crop tolerance from stored crop windows.
 *
 * <p>Steps: the image is reduced once to a grey plane of at most {@value #PLANE} pixels on its long side
 * (box averaging, so resizing barely changes it); uniform borders (a screenshot's frame, a letterbox) are
 * trimmed; then each view is sampled to 32x32, transformed by a 2-D DCT, and the 8x8 lowest frequencies
 * give one bit each (above or below their median, the DC term left out of the median). Views: the whole
 * trimmed picture and its central 80 % (the query views), and ten crop windows (85 % of one side at three
 * anchors, 92 % of both at four corners) that are only stored: a copy cropped by up to ~15 % is close to
 * one of them. Two pictures are one image when a query view of one is within a Hamming distance threshold
 * of any view of the other.
 */
public final class PerceptualHash {

    /**
     * Two pictures whose closest views are within this Hamming distance are one image (a re-post family).
     * Chosen on the development part of the wallpaper test set (docs/benchmarks.md, "Photo evidence"). The
     * distances are even in practice (31 of the 63 non-DC bits are above their median, and the DC bit is set
     * for any picture that is not black), so 12 sits between the measured 10 and 14.
     */
    public static final int SAME_IMAGE = 12;

    /** Long side of the grey plane every hash is computed from. */
    static final int PLANE = 512;
    private static final int N = 32;
    private static final double[][] COS = new double[8][N];

    static {
        for (int u = 0; u < 8; u++) {
            for (int x = 0; x < N; x++) COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2.0 * N));
        }
    }

    private PerceptualHash() {}

    /** How many of a picture's views it is looked up by (the first ones: whole and centre); the rest are only stored. */
    public static final int QUERY_VIEWS = 2;

    /**
     * Crop windows a stored picture is also filed under, as {width, height, x anchor, y anchor} fractions of
     * the trimmed picture (anchor 0 = left/top, 0.5 = centred, 1 = right/bottom): a copy cut by up to ~15 %
     * on one axis, or by about half that on both, is close to one of them, so the copy's whole view finds it.
     */
    private static final double[][] WINDOWS = {
            {0.85, 1, 0, 0}, {0.85, 1, 0.5, 0}, {0.85, 1, 1, 0},
            {1, 0.85, 0, 0}, {1, 0.85, 0, 0.5}, {1, 0.85, 0, 1},
            {0.92, 0.92, 0, 0}, {0.92, 0.92, 1, 0}, {0.92, 0.92, 0, 1}, {0.92, 0.92, 1, 1}};

    /**
     * The hashes of one picture: index 0 the whole (border-trimmed) picture, 1 its central 80 % (these two are
     * the {@link #QUERY_VIEWS} a new picture is looked up by), then the stored-only crop windows.
     */
    public static long[] views(BufferedImage image) {
        Plane p = Plane.of(image);
        int[] box = p.trimmedBox();
        double w = box[2] - box[0];
        double h = box[3] - box[1];
        long[] out = new long[QUERY_VIEWS + WINDOWS.length];
        out[0] = hash(p, box[0], box[1], box[2], box[3]);
        out[1] = hash(p, box[0] + 0.1 * w, box[1] + 0.1 * h, box[2] - 0.1 * w, box[3] - 0.1 * h);
        for (int k = 0; k < WINDOWS.length; k++) {
            double[] win = WINDOWS[k];
            double x0 = box[0] + (1 - win[0]) * w * win[2];
            double y0 = box[1] + (1 - win[1]) * h * win[3];
            out[QUERY_VIEWS + k] = hash(p, x0, y0, x0 + win[0] * w, y0 + win[1] * h);
        }
        return out;
    }

    /** The query views of a picture's hashes (the first {@link #QUERY_VIEWS}; all of them for older, shorter rows). */
    public static long[] queryViews(long[] views) {
        return java.util.Arrays.copyOf(views, Math.min(QUERY_VIEWS, views.length));
    }

    /**
     * The smallest Hamming distance between a query view of either picture and any stored view of the other
     * (a later copy is looked up by its query views among the stored views of earlier pictures, and either
     * may have come first).
     */
    public static int distance(long[] a, long[] b) {
        return Math.min(directed(a, b), directed(b, a));
    }

    /** The smallest distance between {@code query}'s query views and any of {@code stored}'s views. */
    public static int directed(long[] stored, long[] query) {
        int best = 64;
        for (int j = 0; j < Math.min(QUERY_VIEWS, query.length); j++) {
            for (long x : stored) best = Math.min(best, Long.bitCount(x ^ query[j]));
        }
        return best;
    }

    static long hash(Plane p, double x0, double y0, double x1, double y1) {
        double[][] px = new double[N][N];
        double cw = (x1 - x0) / N;
        double ch = (y1 - y0) / N;
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) px[j][i] = p.mean(x0 + i * cw, y0 + j * ch, x0 + (i + 1) * cw, y0 + (j + 1) * ch);
        }
        // separable DCT, only the 8 lowest frequencies in each direction
        double[][] rows = new double[N][8];
        for (int j = 0; j < N; j++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int i = 0; i < N; i++) s += px[j][i] * COS[u][i];
                rows[j][u] = s;
            }
        }
        double[] coef = new double[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int j = 0; j < N; j++) s += rows[j][u] * COS[v][j];
                coef[v * 8 + u] = s;
            }
        }
        double[] sorted = java.util.Arrays.copyOfRange(coef, 1, 64);
        java.util.Arrays.sort(sorted);
        double median = sorted[31];
        long bits = 0;
        for (int k = 0; k < 64; k++) if (coef[k] > median) bits |= 1L << k;
        return bits;
    }

    /** A grey picture, reduced by box averaging, with prefix sums for fast area means. */
    static final class Plane {
        final int w;
        final int h;
        final double[] grey;
        private final double[] sums; // (w+1) x (h+1) summed-area table

        Plane(int w, int h, double[] grey) {
            this.w = w;
            this.h = h;
            this.grey = grey;
            sums = new double[(w + 1) * (h + 1)];
            for (int y = 0; y < h; y++) {
                double row = 0;
                for (int x = 0; x < w; x++) {
                    row += grey[y * w + x];
                    sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1] + row;
                }
            }
        }

        static Plane of(BufferedImage img) {
            int iw = img.getWidth();
            int ih = img.getHeight();
            double scale = Math.min(1.0, (double) PLANE / Math.max(iw, ih));
            int w = Math.max(1, (int) Math.round(iw * scale));
            int h = Math.max(1, (int) Math.round(ih * scale));
            double[] acc = new double[w * h];
            double[] cnt = new double[w * h];
            int[] line = new int[iw];
            for (int y = 0; y < ih; y++) {
                img.getRGB(0, y, iw, 1, line, 0, iw);
                int ty = Math.min(h - 1, (int) (y * scale));
                for (int x = 0; x < iw; x++) {
                    int rgb = line[x];
                    double lum = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                    int t = ty * w + Math.min(w - 1, (int) (x * scale));
                    acc[t] += lum;
                    cnt[t]++;
                }
            }
            for (int i = 0; i < acc.length; i++) acc[i] = cnt[i] == 0 ? 0 : acc[i] / cnt[i];
            return new Plane(w, h, acc);
        }

        /** Mean grey over a fractional rectangle (clamped to the plane; at least one pixel). */
        double mean(double x0, double y0, double x1, double y1) {
            int a = clamp((int) Math.floor(x0), w - 1);
            int b = clamp((int) Math.floor(y0), h - 1);
            int c = Math.max(a + 1, clamp((int) Math.ceil(x1), w));
            int d = Math.max(b + 1, clamp((int) Math.ceil(y1), h));
            double s = sums[d * (w + 1) + c] - sums[b * (w + 1) + c] - sums[d * (w + 1) + a] + sums[b * (w + 1) + a];
            return s / ((double) (c - a) * (d - b));
        }

        private static int clamp(int v, int max) {
            return Math.max(0, Math.min(max, v));
        }

        /**
         * {x0, y0, x1, y1} after dropping a border band from each side (at most 30 % of it): a line is border
         * when at least 85 % of its pixels are within 8 grey levels of the frame's colour (the median of the
         * picture's outermost line), and the band reaches as deep as the last border line before which at least
         * 60 % of the lines were border. So a screenshot frame goes even where a clock, a name or buttons are
         * printed across it (those lines are not border themselves but lie inside the band).
         */
        int[] trimmedBox() {
            int x0 = 0, y0 = 0, x1 = w, y1 = h;
            double top = median(0, 0, w, 1), bottom = median(0, h - 1, w, h);
            y0 = band(h, i -> border(0, i, w, i + 1, top));
            y1 = h - band(h - y0, i -> border(0, h - 1 - i, w, h - i, bottom));
            final int ty0 = y0, ty1 = y1;
            double left = median(0, ty0, 1, ty1), right = median(w - 1, ty0, w, ty1);
            x0 = band(w, i -> border(i, ty0, i + 1, ty1, left));
            x1 = w - band(w - x0, i -> border(w - 1 - i, ty0, w - i, ty1, right));
            if (x1 - x0 < 8 || y1 - y0 < 8) return new int[]{0, 0, w, h};
            return new int[]{x0, y0, x1, y1};
        }

        /** The depth of the border band among {@code lines} lines, line 0 the outermost. */
        private static int band(int lines, java.util.function.IntPredicate isBorder) {
            int depth = 0, borders = 0;
            int max = (int) (lines * 0.3);
            for (int i = 0; i < max; i++) {
                if (isBorder.test(i)) {
                    borders++;
                    if (borders >= 0.6 * (i + 1)) depth = i + 1;
                } else if (i + 1 - borders > 0.4 * max + 1) {
                    break; // too many lines of picture: the band cannot reach further
                }
            }
            return depth;
        }

        private double median(int x0, int y0, int x1, int y1) {
            double[] v = new double[Math.max(1, (x1 - x0) * (y1 - y0))];
            int n = 0;
            for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) v[n++] = grey[y * w + x];
            java.util.Arrays.sort(v, 0, n);
            return v[n / 2];
        }

        private boolean border(int x0, int y0, int x1, int y1, double colour) {
            int n = 0, near = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    n++;
                    if (Math.abs(grey[y * w + x] - colour) <= 8) near++;
                }
            }
            return n > 0 && near >= 0.85 * n;
        }
    }
}
