package org.custody.photo.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.custody.photo.Region;

/**
 * The image steps before a text reader: grey, scaled, binarised by Otsu's threshold with the text made dark on
 * light (a light-on-dark stencil is inverted), and straightened by the angle whose row profile is sharpest.
 * Each step is a plain function of pixels; a {@link View} remembers how to map a region found in the prepared
 * image back to the original picture.
 */
public final class Preprocess {

    private Preprocess() {}

    /** A prepared image and the way back: original = rotate(−angle about the centre) of (prepared / scale). */
    public record View(BufferedImage image, double scale, double angleDegrees, int originalWidth, int originalHeight) {

        /** The bounding box, in the original picture, of a box found in this view. */
        public Region toOriginal(Region r) {
            double cx = originalWidth / 2.0, cy = originalHeight / 2.0;
            double rad = Math.toRadians(-angleDegrees);
            double cos = Math.cos(rad), sin = Math.sin(rad);
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            double[][] corners = {{r.x(), r.y()}, {r.x() + r.w(), r.y()}, {r.x(), r.y() + r.h()}, {r.x() + r.w(), r.y() + r.h()}};
            for (double[] p : corners) {
                double x = p[0] / scale - cx, y = p[1] / scale - cy;
                double ox = x * cos - y * sin + cx, oy = x * sin + y * cos + cy;
                minX = Math.min(minX, ox);
                minY = Math.min(minY, oy);
                maxX = Math.max(maxX, ox);
                maxY = Math.max(maxY, oy);
            }
            int x0 = clamp((int) Math.floor(minX), originalWidth), y0 = clamp((int) Math.floor(minY), originalHeight);
            int x1 = clamp((int) Math.ceil(maxX), originalWidth), y1 = clamp((int) Math.ceil(maxY), originalHeight);
            return new Region(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
        }

        private static int clamp(int v, int max) {
            return Math.max(0, Math.min(max, v));
        }
    }

    /** Luminance (Rec. 601) as an 8-bit grey image. */
    public static BufferedImage gray(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int rgb = src.getRGB(x, y);
                int l = (299 * ((rgb >> 16) & 255) + 587 * ((rgb >> 8) & 255) + 114 * (rgb & 255)) / 1000;
                out.getRaster().setSample(x, y, 0, l);
            }
        }
        return out;
    }

    /** A 3×3 median filter: speckle noise gone, strokes kept. */
    public static BufferedImage median3(BufferedImage gray) {
        int w = gray.getWidth(), h = gray.getHeight();
        int[] px = gray.getRaster().getPixels(0, 0, w, h, (int[]) null);
        int[] out = px.clone();
        int[] win = new int[9];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) win[k++] = px[(y + dy) * w + x + dx];
                java.util.Arrays.sort(win);
                out[y * w + x] = win[4];
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setPixels(0, 0, w, h, out);
        return img;
    }

    /**
     * Morphological closing of the ink of a binarised image (black writing on white) with a {@code k}×{@code k}
     * square: gaps narrower than {@code k} — a stencil's bridges, paint flaked off — are filled, strokes keep their
     * outline. Separable (rows then columns) for both the dilation and the erosion.
     */
    public static BufferedImage close(BufferedImage binary, int k) {
        int w = binary.getWidth(), h = binary.getHeight();
        int[] px = binary.getRaster().getPixels(0, 0, w, h, (int[]) null);
        boolean[] ink = new boolean[px.length];
        for (int i = 0; i < px.length; i++) ink[i] = px[i] < 128;
        ink = spread(spread(ink, w, h, k, true, true), w, h, k, false, true);     // dilate
        ink = spread(spread(ink, w, h, k, true, false), w, h, k, false, false);   // erode
        for (int i = 0; i < px.length; i++) px[i] = ink[i] ? 0 : 255;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setPixels(0, 0, w, h, px);
        return out;
    }

    /** One pass of a 1-D max (dilate) or min (erode) of width k along rows or columns, counting with a running sum. */
    private static boolean[] spread(boolean[] in, int w, int h, int k, boolean rows, boolean dilate) {
        boolean[] out = new boolean[in.length];
        int r = k / 2, lines = rows ? h : w, len = rows ? w : h;
        for (int l = 0; l < lines; l++) {
            int count = 0;
            // count of ink in the window [i - r, i + r], outside the image counts as the erosion's neutral (ink)
            for (int i = -r; i <= r; i++) count += at(in, w, rows, l, i, len, !dilate) ? 1 : 0;
            for (int i = 0; i < len; i++) {
                boolean v = dilate ? count > 0 : count == 2 * r + 1;
                out[rows ? l * w + i : i * w + l] = v;
                count -= at(in, w, rows, l, i - r, len, !dilate) ? 1 : 0;
                count += at(in, w, rows, l, i + r + 1, len, !dilate) ? 1 : 0;
            }
        }
        return out;
    }

    private static boolean at(boolean[] in, int w, boolean rows, int line, int i, int len, boolean outside) {
        if (i < 0 || i >= len) return outside;
        return in[rows ? line * w + i : i * w + line];
    }

    /** Bicubic scaling of a grey image by {@code factor}. */
    public static BufferedImage scale(BufferedImage gray, double factor) {
        int w = Math.max(1, (int) Math.round(gray.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(gray.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(gray, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Otsu's threshold of a grey image's histogram: the level that best separates two classes. */
    public static int otsu(BufferedImage gray) {
        long[] hist = new long[256];
        int[] px = gray.getRaster().getPixels(0, 0, gray.getWidth(), gray.getHeight(), (int[]) null);
        for (int v : px) hist[v]++;
        long total = px.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) sum += (double) i * hist[i];
        double sumB = 0, best = -1;
        long wB = 0;
        int threshold = 127;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += (double) t * hist[t];
            double mB = sumB / wB, mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    /**
     * Black-and-white by Otsu's threshold, the smaller class (the writing) black on white: a picture whose
     * dark class is the larger one (light paint on a dark hull) comes out inverted.
     */
    public static BufferedImage binarise(BufferedImage gray) {
        int t = otsu(gray);
        int w = gray.getWidth(), h = gray.getHeight();
        int[] px = gray.getRaster().getPixels(0, 0, w, h, (int[]) null);
        long dark = 0;
        for (int v : px) if (v <= t) dark++;
        boolean invert = dark * 2 > px.length;
        for (int i = 0; i < px.length; i++) {
            boolean ink = invert ? px[i] > t : px[i] <= t;
            px[i] = ink ? 0 : 255;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setPixels(0, 0, w, h, px);
        return out;
    }

    /**
     * Black-and-white by Sauvola's local threshold (mean and deviation over a {@code window}² square, from
     * integral images): writing stays legible where a photograph's background changes brightness from one
     * part of the picture to another, which defeats a single threshold. The threshold is taken on the picture
     * and on its inverse; the one leaving less ink is the writing's polarity (writing is the sparse class).
     */
    public static BufferedImage sauvola(BufferedImage gray, int window, double k) {
        int w = gray.getWidth(), h = gray.getHeight();
        int[] px = gray.getRaster().getPixels(0, 0, w, h, (int[]) null);
        long[] sum = new long[(w + 1) * (h + 1)];
        long[] sq = new long[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            long row = 0, rowSq = 0;
            for (int x = 0; x < w; x++) {
                int v = px[y * w + x];
                row += v;
                rowSq += (long) v * v;
                sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + row;
                sq[(y + 1) * (w + 1) + x + 1] = sq[y * (w + 1) + x + 1] + rowSq;
            }
        }
        int r = window / 2;
        boolean[] dark = new boolean[px.length], light = new boolean[px.length];
        long darkCount = 0, lightCount = 0;
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
                long n = (long) (x1 - x0) * (y1 - y0);
                long s = sum[y1 * (w + 1) + x1] - sum[y0 * (w + 1) + x1] - sum[y1 * (w + 1) + x0] + sum[y0 * (w + 1) + x0];
                long s2 = sq[y1 * (w + 1) + x1] - sq[y0 * (w + 1) + x1] - sq[y1 * (w + 1) + x0] + sq[y0 * (w + 1) + x0];
                double mean = (double) s / n;
                double sd = Math.sqrt(Math.max(0, (double) s2 / n - mean * mean));
                int v = px[y * w + x];
                // dark writing: below mean·(1 + k(sd/128 − 1)); light writing: the same on the inverted picture
                if (v < mean * (1 + k * (sd / 128 - 1))) {
                    dark[y * w + x] = true;
                    darkCount++;
                }
                double inv = 255 - mean;
                if (255 - v < inv * (1 + k * (sd / 128 - 1))) {
                    light[y * w + x] = true;
                    lightCount++;
                }
            }
        }
        boolean[] ink = darkCount <= lightCount ? dark : light;
        for (int i = 0; i < px.length; i++) px[i] = ink[i] ? 0 : 255;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setPixels(0, 0, w, h, px);
        return out;
    }

    /**
     * The angle (degrees, within ±{@code maxDegrees} by {@code stepDegrees}) that straightens the writing of a
     * binarised image: the rotation whose row sums of ink vary most (lines of text fall into few rows).
     */
    public static double skewAngle(BufferedImage binary, double maxDegrees, double stepDegrees) {
        double f = Math.min(1.0, 400.0 / Math.max(binary.getWidth(), binary.getHeight()));
        BufferedImage small = f < 1 ? scale(binary, f) : binary;
        int w = small.getWidth(), h = small.getHeight();
        int[] px = small.getRaster().getPixels(0, 0, w, h, (int[]) null);
        double cx = w / 2.0, cy = h / 2.0, bestScore = -1, bestAngle = 0;
        for (double a = -maxDegrees; a <= maxDegrees + 1e-9; a += stepDegrees) {
            double rad = Math.toRadians(a), cos = Math.cos(rad), sin = Math.sin(rad);
            long[] rows = new long[2 * (w + h)];
            int off = w + h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (px[y * w + x] >= 128) continue;
                    int ry = (int) Math.round((x - cx) * sin + (y - cy) * cos + cy);
                    rows[ry + off]++;
                }
            }
            double score = 0;
            for (long r : rows) score += (double) r * r;
            if (score > bestScore + 1e-6 || (Math.abs(score - bestScore) <= 1e-6 && Math.abs(a) < Math.abs(bestAngle))) {
                bestScore = score;
                bestAngle = a;
            }
        }
        return bestAngle;
    }

    /**
     * A binarised image that was rotated by {@code degrees} with its pixels outside the rotated picture (and within
     * {@code margin} of its edges) made white: a local threshold turns the step from the picture to the blank
     * corners into black bars along the frame, which a reader takes for writing or lets swallow the real line.
     */
    public static BufferedImage clearOutsideFrame(BufferedImage binary, double degrees, int margin) {
        if (degrees == 0 && margin <= 0) return binary;
        int w = binary.getWidth(), h = binary.getHeight();
        int[] px = binary.getRaster().getPixels(0, 0, w, h, (int[]) null);
        double rad = Math.toRadians(-degrees), cos = Math.cos(rad), sin = Math.sin(rad), cx = w / 2.0, cy = h / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                double ox = dx * cos - dy * sin + cx, oy = dx * sin + dy * cos + cy;
                if (ox < margin || oy < margin || ox >= w - margin || oy >= h - margin) px[y * w + x] = 255;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setPixels(0, 0, w, h, px);
        return out;
    }

    /** The ink of a binarised image as 1 (black, below 128) or 0, row by row. */
    public static int[] ink(BufferedImage binary) {
        int[] px = binary.getRaster().getPixels(0, 0, binary.getWidth(), binary.getHeight(), (int[]) null);
        for (int i = 0; i < px.length; i++) px[i] = px[i] < 128 ? 1 : 0;
        return px;
    }

    /** The part of an image inside {@code box} (clipped to the image), scaled by {@code factor}, as a new grey image. */
    public static BufferedImage crop(BufferedImage gray, Region box, double factor) {
        int x0 = Math.max(0, box.x()), y0 = Math.max(0, box.y());
        int x1 = Math.min(gray.getWidth(), box.x() + box.w()), y1 = Math.min(gray.getHeight(), box.y() + box.h());
        BufferedImage part = new BufferedImage(Math.max(1, x1 - x0), Math.max(1, y1 - y0), BufferedImage.TYPE_BYTE_GRAY);
        part.getRaster().setRect(gray.getSubimage(x0, y0, part.getWidth(), part.getHeight()).getRaster());
        return factor == 1.0 ? part : scale(part, factor);
    }

    /** The image rotated by {@code degrees} about its centre on a canvas of the same size, corners filled white. */
    public static BufferedImage rotate(BufferedImage gray, double degrees) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), gray.getWidth() / 2.0, gray.getHeight() / 2.0));
        g.drawImage(gray, 0, 0, null);
        g.dispose();
        return out;
    }
}
