package org.custody.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pictures made in the test: a random "scene" (a sky-to-ground gradient with shapes of many sizes, so that
 * different seeds differ as photographs do), its edited copies, JPEG encoding, and an EXIF block (camera,
 * capture time, GPS) written by hand in the TIFF layout EXIF uses.
 */
public final class TestImages {

    private TestImages() {}

    public static BufferedImage scene(long seed, int w, int h) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color top = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
        Color bottom = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
        g.setPaint(new java.awt.GradientPaint(0, 0, top, r.nextInt(w), h, bottom));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 120 + r.nextInt(136)));
            int s = (int) (Math.max(w, h) * (0.05 + 0.35 * r.nextDouble()));
            int x = r.nextInt(w) - s / 2, y = r.nextInt(h) - s / 2;
            if (r.nextBoolean()) g.fillOval(x, y, s, (int) (s * (0.3 + r.nextDouble())));
            else g.fillRect(x, y, s, (int) (s * (0.3 + r.nextDouble())));
        }
        g.dispose();
        return img;
    }

    public static BufferedImage scale(BufferedImage src, double f) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * f)), h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Keeps the region from (x0, y0) of fractional size (fw, fh). */
    public static BufferedImage crop(BufferedImage src, double x0, double y0, double fw, double fh) {
        BufferedImage sub = src.getSubimage((int) (src.getWidth() * x0), (int) (src.getHeight() * y0),
                (int) (src.getWidth() * fw), (int) (src.getHeight() * fh));
        BufferedImage out = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(sub, 0, 0, null);
        g.dispose();
        return out;
    }

    public static byte[] jpeg(BufferedImage img, float quality) {
        return jpeg(img, quality, null);
    }

    /** JPEG bytes, with an EXIF APP1 segment right after the start-of-image marker when {@code exif} is given. */
    public static byte[] jpeg(BufferedImage img, float quality, byte[] exif) {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
        byte[] plain = bos.toByteArray();
        if (exif == null) return plain;
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(plain, 0, 2);
        byte[] payload = new byte[6 + exif.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, payload, 0, 6);
        System.arraycopy(exif, 0, payload, 6, exif.length);
        withExif.write(0xFF);
        withExif.write(0xE1);
        withExif.write((payload.length + 2) >> 8);
        withExif.write((payload.length + 2) & 0xff);
        withExif.write(payload, 0, payload.length);
        withExif.write(plain, 2, plain.length - 2);
        return withExif.toByteArray();
    }

    public static byte[] png(BufferedImage img) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    // ---- EXIF (TIFF, big-endian) ----

    private record Entry(int tag, int type, int count, byte[] value) {}

    private static Entry ascii(int tag, String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
        return new Entry(tag, 2, b.length, b);
    }

    private static Entry rationals(int tag, long... numDen) {
        ByteBuffer b = ByteBuffer.allocate(numDen.length * 4);
        for (long v : numDen) b.putInt((int) v);
        return new Entry(tag, 5, numDen.length / 2, b.array());
    }

    private static Entry pointer(int tag) {
        return new Entry(tag, 4, 1, new byte[4]);
    }

    private static long[] dms(double deg) {
        deg = Math.abs(deg);
        long d = (long) deg;
        double m = (deg - d) * 60;
        long mi = (long) m;
        long s100 = Math.round((m - mi) * 60 * 100);
        return new long[] {d, 1, mi, 1, s100, 100};
    }

    private static int ifdSize(List<Entry> es) {
        int n = 2 + 12 * es.size() + 4;
        for (Entry e : es) if (e.value().length > 4) n += e.value().length + (e.value().length & 1);
        return n;
    }

    private static void writeIfd(ByteBuffer buf, int at, List<Entry> es) {
        int data = at + 2 + 12 * es.size() + 4;
        buf.position(at);
        buf.putShort((short) es.size());
        for (Entry e : es) {
            buf.putShort((short) e.tag());
            buf.putShort((short) e.type());
            buf.putInt(e.count());
            if (e.value().length <= 4) {
                byte[] v = java.util.Arrays.copyOf(e.value(), 4);
                buf.put(v);
            } else {
                buf.putInt(data);
                int here = buf.position();
                buf.position(data);
                buf.put(e.value());
                data += e.value().length + (e.value().length & 1);
                buf.position(here);
            }
        }
        buf.putInt(0);
    }

    /** A TIFF/EXIF block stating camera, capture time (DateTimeOriginal) and, when lat is not null, GPS. */
    public static byte[] exif(String make, String model, LocalDateTime taken, Double lat, Double lon) {
        List<Entry> ifd0 = new ArrayList<>(List.of(ascii(0x010F, make), ascii(0x0110, model), pointer(0x8769)));
        if (lat != null) ifd0.add(pointer(0x8825));
        List<Entry> exifIfd = List.of(ascii(0x9003, taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss"))));
        List<Entry> gps = lat == null ? List.of() : List.of(
                new Entry(0x0000, 1, 4, new byte[] {2, 3, 0, 0}),
                ascii(0x0001, lat >= 0 ? "N" : "S"), rationals(0x0002, dms(lat)),
                ascii(0x0003, lon >= 0 ? "E" : "W"), rationals(0x0004, dms(lon)));
        int ifd0At = 8;
        int exifAt = ifd0At + ifdSize(ifd0);
        int gpsAt = exifAt + ifdSize(exifIfd);
        int total = gpsAt + (gps.isEmpty() ? 0 : ifdSize(gps));
        // fill the pointers now that offsets are known
        List<Entry> ifd0Final = new ArrayList<>();
        for (Entry e : ifd0) {
            if (e.tag() == 0x8769) ifd0Final.add(new Entry(e.tag(), 4, 1, ByteBuffer.allocate(4).putInt(exifAt).array()));
            else if (e.tag() == 0x8825) ifd0Final.add(new Entry(e.tag(), 4, 1, ByteBuffer.allocate(4).putInt(gpsAt).array()));
            else ifd0Final.add(e);
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        buf.put(new byte[] {'M', 'M', 0, 42});
        buf.putInt(ifd0At);
        writeIfd(buf, ifd0At, ifd0Final);
        writeIfd(buf, exifAt, exifIfd);
        if (!gps.isEmpty()) writeIfd(buf, gpsAt, gps);
        return buf.array();
    }
}
