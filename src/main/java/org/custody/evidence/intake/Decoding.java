package org.custody.evidence.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns raw bytes into text, refusing what is not text. The policy (documented in docs/evidence-formats.md):
 * <ul>
 *   <li>larger than {@link #MAX_BYTES}: refused;</li>
 *   <li>binary (a NUL byte, a known binary signature, or more than 5% control bytes in the first 8 KiB):
 *       refused;</li>
 *   <li>a UTF-8 or UTF-16 byte-order mark: decoded accordingly;</li>
 *   <li>valid UTF-8: decoded as UTF-8;</li>
 *   <li>invalid UTF-8 that contains no valid multi-byte UTF-8 sequence at all: a single-byte legacy file,
 *       decoded as windows-1252 (and the fallback reported);</li>
 *   <li>valid multi-byte UTF-8 sequences and invalid bytes in one file (mixed encodings): refused, naming
 *       the byte offset of the first invalid sequence.</li>
 * </ul>
 */
public final class Decoding {

    /** The largest file intake reads: 5 MiB, far beyond any article, post or field report. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Decoding() {}

    /** The decoded text and which charset was used. */
    public record Decoded(String text, String charset) {}

    public static Decoded decode(String source, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IntakeRefusal(source, "file is " + bytes.length + " bytes, over the limit of " + MAX_BYTES
                    + " bytes (" + (MAX_BYTES / (1024 * 1024)) + " MiB)");
        }
        if (bytes.length == 0) throw new IntakeRefusal(source, "file is empty");
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(source, bytes, 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(strict(source, bytes, 0, StandardCharsets.UTF_16), "UTF-16 (BOM)");
        }
        String signature = binarySignature(bytes);
        if (signature != null) throw new IntakeRefusal(source, "binary content (" + signature + "), not text");
        int window = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < window; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) throw new IntakeRefusal(source, "binary content (NUL byte at offset " + i + "), not text");
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') control++;
        }
        if (control * 20 > window) {
            throw new IntakeRefusal(source, "binary content (" + control + " control bytes in the first " + window
                    + "), not text");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Decoded(utf8.decode(ByteBuffer.wrap(bytes)).toString(), "UTF-8");
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            if (hasValidMultiByteUtf8(bytes)) {
                throw new IntakeRefusal(source, "mixed encodings: valid UTF-8 multi-byte sequences and an invalid byte"
                        + " 0x" + Integer.toHexString(bytes[bad] & 0xFF).toUpperCase(Locale.ROOT)
                        + " at byte offset " + bad + "; re-save the file in one encoding (UTF-8)");
            }
            return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252 (not valid UTF-8 at byte " + bad + ")");
        }
    }

    private static String strict(String source, byte[] bytes, int offset, Charset cs) {
        try {
            CharBuffer cb = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            String s = cb.toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new IntakeRefusal(source, "declares " + cs.name() + " by its byte-order mark but is not valid "
                    + cs.name());
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    private static String binarySignature(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) return "PDF";
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) return "ZIP archive";
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)) return "PNG image";
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return "JPEG image";
        if (startsWith(b, 0x47, 0x49, 0x46, 0x38)) return "GIF image";
        if (startsWith(b, 0x1F, 0x8B)) return "gzip data";
        if (startsWith(b, 0x7F, 0x45, 0x4C, 0x46)) return "ELF executable";
        if (startsWith(b, 0xCA, 0xFE, 0xBA, 0xBE)) return "Java class file";
        return null;
    }

    /** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
    static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int len = sequenceLength(b, i);
            if (len < 0) return i;
            i += len;
        }
        return -1;
    }

    static boolean hasValidMultiByteUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int len = sequenceLength(b, i);
            if (len > 1) return true;
            i += len < 0 ? 1 : len;
        }
        return false;
    }

    /** Length of the well-formed UTF-8 sequence at {@code i}, or -1. */
    private static int sequenceLength(byte[] b, int i) {
        int c = b[i] & 0xFF;
        int n;
        int min;
        if (c < 0x80) return 1;
        else if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
        else return -1;
        if (i + n > b.length) return -1;
        int cp = c & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            int cc = b[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
        return n;
    }
}
