package org.custody.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image file's bytes into a {@link Photo}, or refuses it ({@link PhotoRefusal}) naming the file and
 * the reason. The refusal rules, in order:
 * <ul>
 *   <li>larger than {@link #MAX_BYTES} (25 MiB);</li>
 *   <li>not JPEG, PNG or WebP by its leading bytes (HEIC/HEIF, AVIF, GIF, TIFF, BMP are named);</li>
 *   <li>truncated: a JPEG without its end-of-image marker, a PNG without its IEND chunk, a WebP whose RIFF
 *       size disagrees with the file;</li>
 *   <li>a decompression bomb: the dimensions the header declares are read before any pixel is decoded, and
 *       more than {@link #MAX_PIXELS} pixels or a side over {@link #MAX_SIDE} is refused;</li>
 *   <li>a decoder error or warning (corrupt data).</li>
 * </ul>
 */
public final class PhotoReader {

    public static final int MAX_BYTES = 25 * 1024 * 1024;
    /** 100 megapixels: beyond any phone or press camera; decoding it takes 400 MB. */
    public static final long MAX_PIXELS = 100_000_000L;
    public static final int MAX_SIDE = 30_000;

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private PhotoReader() {}

    /** A read image and its decoded pixels (for thumbnails; not kept). */
    public record Loaded(Photo photo, BufferedImage image) {}

    /** Reads, checks and hashes one image; {@code source} names it in refusals. */
    public static Photo read(String source, byte[] bytes) {
        return load(source, bytes).photo();
    }

    /** {@link #read} keeping the decoded pixels. */
    public static Loaded load(String source, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new PhotoRefusal(source, "image is " + bytes.length + " bytes, over the limit of " + MAX_BYTES
                    + " bytes (" + MAX_BYTES / (1024 * 1024) + " MiB)");
        }
        ImageFormat format = ImageFormat.sniff(source, bytes);
        checkComplete(source, format, bytes);
        BufferedImage image = decode(source, format, bytes);
        return new Loaded(new Photo(sha256(bytes), format, image.getWidth(), image.getHeight(), bytes.length,
                PerceptualHash.views(image), PhotoMetadata.read(bytes)), image);
    }

    /** Decodes an image with the same checks as {@link #read} (used to draw thumbnails and by text readers). */
    public static BufferedImage decode(String source, ImageFormat format, byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.label());
            if (!readers.hasNext()) throw new PhotoRefusal(source, "no decoder for " + format.label() + " installed");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new PhotoRefusal(source, "image declares " + w + " x " + h + " pixels, over the limit of "
                            + MAX_PIXELS / 1_000_000 + " megapixels or " + MAX_SIDE + " pixels a side (decompression bomb?);"
                            + " not decoded");
                }
                String[] warning = new String[1];
                reader.addIIOReadWarningListener((r, msg) -> {
                    if (warning[0] == null) warning[0] = msg;
                });
                ImageReadParam param = reader.getDefaultReadParam();
                BufferedImage img = reader.read(0, param);
                if (warning[0] != null && warning[0].toLowerCase(Locale.ROOT).matches(".*(premature|corrupt|truncat|end of).*")) {
                    throw new PhotoRefusal(source, "damaged " + format.label() + " data: " + warning[0]);
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRefusal p) throw p;
            throw new PhotoRefusal(source, "cannot decode the " + format.label() + " image: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static void checkComplete(String source, ImageFormat format, byte[] b) {
        switch (format) {
            case JPEG -> {
                // the end-of-image marker, allowing trailing padding some cameras and editors append
                int from = Math.max(2, b.length - 4096);
                boolean eoi = false;
                for (int i = b.length - 2; i >= from && !eoi; i--) eoi = (b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9;
                if (!eoi) throw new PhotoRefusal(source, "truncated JPEG: no end-of-image marker (FFD9) at the end of the file");
            }
            case PNG -> {
                boolean iend = false;
                for (int i = b.length - 8; i >= Math.max(8, b.length - 4096) && !iend; i--) {
                    iend = b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D';
                }
                if (!iend) throw new PhotoRefusal(source, "truncated PNG: no IEND chunk at the end of the file");
            }
            case WEBP -> {
                long riff = ByteBuffer.wrap(b, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
                if (riff + 8 > b.length) {
                    throw new PhotoRefusal(source, "truncated WebP: RIFF header declares " + (riff + 8) + " bytes, file has " + b.length);
                }
            }
        }
    }

    /** A JPEG of at most {@code maxSide} pixels on its long side, for pages that list pictures. */
    public static byte[] thumbnail(BufferedImage image, int maxSide) {
        double f = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * f));
        int h = Math.max(1, (int) Math.round(image.getHeight() * f));
        BufferedImage t = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = t.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            if (!ImageIO.write(t, "jpeg", out)) throw new IllegalStateException("no JPEG writer");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
