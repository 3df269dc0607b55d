package org.custody.photo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The image formats photo intake decodes, recognised by their leading bytes (never by file name). HEIC/HEIF
 * and AVIF are recognised to be refused by name: no Java image library on Maven Central decodes them.
 */
public enum ImageFormat {
    JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of {@code bytes}, or a refusal naming what the bytes are when intake does not take them. */
    public static ImageFormat sniff(String source, byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) return JPEG;
        if (startsWith(bytes, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) return PNG;
        if (ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) return WEBP;
        if (ascii(bytes, 4, 4).equals("ftyp")) {
            String brand = ascii(bytes, 8, 4);
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                throw new PhotoRefusal(source, "HEIC/HEIF image (brand '" + brand.strip() + "'): no Java library Custody"
                        + " can use decodes HEIC; convert it to JPEG (e.g. heif-convert) and ingest the copy");
            }
            if (brand.startsWith("avi")) {
                throw new PhotoRefusal(source, "AVIF image: not supported; convert it to JPEG or PNG");
            }
        }
        if (ascii(bytes, 0, 4).equals("GIF8")) throw new PhotoRefusal(source, "GIF image: not supported (JPEG, PNG, WebP)");
        if (ascii(bytes, 0, 2).equals("BM")) throw new PhotoRefusal(source, "BMP image: not supported (JPEG, PNG, WebP)");
        if (ascii(bytes, 0, 4).equals("II*\0") || ascii(bytes, 0, 4).equals("MM\0*")) {
            throw new PhotoRefusal(source, "TIFF image: not supported (JPEG, PNG, WebP)");
        }
        throw new PhotoRefusal(source, "not a JPEG, PNG or WebP image (unrecognised leading bytes)");
    }

    /** Whether a file name looks like an image intake should read as one (by extension). */
    public static boolean looksLikeImage(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".webp")
                || n.endsWith(".heic") || n.endsWith(".heif") || n.endsWith(".avif");
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[at + i] != prefix[i]) return false;
        return true;
    }

    private static String ascii(byte[] b, int at, int n) {
        if (b.length < at + n) return "";
        return new String(b, at, n, StandardCharsets.ISO_8859_1);
    }
}
