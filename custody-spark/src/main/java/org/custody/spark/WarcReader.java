package org.custody.spark;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A strict reader of WARC files (ISO 28500, versions 1.0 and 1.1; {@code .warc} or {@code .warc.gz}, one gzip member
 * a record or the whole file compressed): the documents a crawl holds, i.e. {@code response} records of HTTP
 * responses with status 2xx and {@code resource} records, whose content is HTML or plain text. Every other record
 * (warcinfo, request, metadata, revisit, conversion, images, scripts, redirects, errors) is passed over.
 * A malformed file (a record not starting with {@code WARC/1.0} or {@code WARC/1.1}, a missing or bad
 * {@code Content-Length}, a record cut short, a record not ended by CRLF CRLF, a malformed HTTP message or chunk)
 * is a {@link Malformed} naming the file and the byte offset of the record (in the uncompressed stream).
 */
public final class WarcReader {

    /** What a file holds that is not a well-formed WARC, with the file and the record's byte offset. */
    public static final class Malformed extends RuntimeException {
        Malformed(String file, long offset, String message) {
            super(file + ": WARC record at byte " + offset + ": " + message);
        }
    }

    /** One document of the file: its record's offset, target URI, date, content type and the payload's bytes. */
    public record Document(long offset, String targetUri, Instant date, boolean html, byte[] payload) {}

    private static final int MAX_HEADER_LINE = 64 * 1024;

    private WarcReader() {}

    public static boolean isWarc(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".warc") || lower.endsWith(".warc.gz");
    }

    /** The documents of the WARC file {@code name} whose bytes are {@code bytes}, in file order. */
    public static List<Document> read(String name, byte[] bytes) {
        try {
            InputStream raw = new ByteArrayInputStream(bytes);
            boolean gzip = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
            if (name.toLowerCase(Locale.ROOT).endsWith(".gz") && !gzip) {
                throw new Malformed(name, 0, "the name ends in .gz but the file is not gzip-compressed");
            }
            return read(name, gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
        } catch (IOException e) {
            throw new Malformed(name, 0, "cannot decompress: " + e.getMessage());
        }
    }

    /** The documents of a WARC stream (already decompressed), in order. */
    public static List<Document> read(String name, InputStream in) {
        Counting c = new Counting(new BufferedInputStream(in, 1 << 16));
        List<Document> out = new ArrayList<>();
        while (true) {
            long offset = c.position;
            String version;
            try {
                version = c.line(name, offset);
            } catch (IOException e) {
                throw new Malformed(name, offset, "cannot read: " + e.getMessage());
            }
            if (version == null) return out;                          // end of the file after a whole record
            if (!version.equals("WARC/1.0") && !version.equals("WARC/1.1")) {
                throw new Malformed(name, offset, "expected WARC/1.0 or WARC/1.1, found '" + shorten(version) + "'");
            }
            Map<String, String> headers = headers(c, name, offset);
            String type = headers.get("warc-type");
            if (type == null) throw new Malformed(name, offset, "no WARC-Type header");
            String lengthText = headers.get("content-length");
            if (lengthText == null) throw new Malformed(name, offset, "no Content-Length header");
            long length;
            try {
                length = Long.parseLong(lengthText.strip());
            } catch (NumberFormatException e) {
                throw new Malformed(name, offset, "Content-Length is not a number: '" + shorten(lengthText) + "'");
            }
            if (length < 0 || length > Integer.MAX_VALUE - 16) {
                throw new Malformed(name, offset, "Content-Length " + length + " is out of range");
            }
            byte[] block;
            try {
                block = c.exactly((int) length);
                if (c.read() != '\r' || c.read() != '\n' || c.read() != '\r' || c.read() != '\n') {
                    throw new Malformed(name, offset, "the record's " + length + " content bytes are not followed by CRLF CRLF"
                            + " (Content-Length wrong?)");
                }
            } catch (EOFException e) {
                throw new Malformed(name, offset, "the file ends inside the record (Content-Length " + length + ")");
            } catch (IOException e) {
                throw new Malformed(name, offset, "cannot read: " + e.getMessage());
            }
            Document d = document(name, offset, type.strip().toLowerCase(Locale.ROOT), headers, block);
            if (d != null) out.add(d);
        }
    }

    private static Document document(String name, long offset, String type, Map<String, String> headers, byte[] block) {
        String contentType = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        String target = headers.get("warc-target-uri");
        Instant date = date(name, offset, headers.get("warc-date"));
        if (type.equals("resource")) {
            Boolean html = textual(contentType);
            return html == null ? null : new Document(offset, target, date, html, block);
        }
        if (!type.equals("response") || !contentType.startsWith("application/http")) return null;
        Http http = Http.parse(name, offset, block);
        if (http.status < 200 || http.status > 299) return null;
        Boolean html = textual(http.headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT));
        if (html == null) return null;
        return new Document(offset, target, date, html, http.body(name, offset));
    }

    /** true for HTML, false for plain text, null for anything else (not a document). */
    private static Boolean textual(String contentType) {
        String t = contentType.strip();
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi).strip();
        return switch (t) {
            case "text/html", "application/xhtml+xml" -> true;
            case "text/plain" -> false;
            default -> null;
        };
    }

    private static Instant date(String name, long offset, String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Malformed(name, offset, "WARC-Date is not a UTC date and time: '" + shorten(text) + "'");
        }
    }

    /** Header lines up to the empty line; names lower-cased; continuation lines (leading blank) joined. */
    private static Map<String, String> headers(Counting c, String name, long offset) {
        Map<String, String> headers = new LinkedHashMap<>();
        String last = null;
        while (true) {
            String line;
            try {
                line = c.line(name, offset);
            } catch (IOException e) {
                throw new Malformed(name, offset, "cannot read: " + e.getMessage());
            }
            if (line == null) throw new Malformed(name, offset, "the file ends inside the record's header");
            if (line.isEmpty()) return headers;
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                headers.merge(last, " " + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) throw new Malformed(name, offset, "header line without a name: '" + shorten(line) + "'");
            last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.put(last, line.substring(colon + 1).strip());
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** An HTTP response message: status, headers (names lower-cased) and the raw body. */
    private record Http(int status, Map<String, String> headers, byte[] raw, int bodyStart) {

        static Http parse(String name, long offset, byte[] block) {
            int pos = 0;
            List<String> lines = new ArrayList<>();
            while (true) {
                int end = indexOf(block, (byte) '\n', pos);
                if (end < 0) throw new Malformed(name, offset, "the HTTP response has no end of header");
                int stop = end > pos && block[end - 1] == '\r' ? end - 1 : end;
                String line = new String(block, pos, stop - pos, StandardCharsets.ISO_8859_1);
                pos = end + 1;
                if (line.isEmpty()) break;
                lines.add(line);
            }
            if (lines.isEmpty() || !lines.get(0).startsWith("HTTP/")) {
                throw new Malformed(name, offset, "the response record does not hold an HTTP response (no status line)");
            }
            String[] status = lines.get(0).split(" +", 3);
            int code;
            try {
                code = Integer.parseInt(status.length > 1 ? status[1] : "");
            } catch (NumberFormatException e) {
                throw new Malformed(name, offset, "bad HTTP status line: '" + shorten(lines.get(0)) + "'");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String l : lines.subList(1, lines.size())) {
                int colon = l.indexOf(':');
                if (colon > 0) headers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
            }
            return new Http(code, headers, block, pos);
        }

        /** The body with transfer coding (chunked) and content coding (gzip, deflate) undone. */
        byte[] body(String name, long offset) {
            byte[] body = java.util.Arrays.copyOfRange(raw, bodyStart, raw.length);
            String transfer = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).strip();
            if (transfer.equals("chunked")) body = dechunk(name, offset, body);
            else if (!transfer.isEmpty() && !transfer.equals("identity")) {
                throw new Malformed(name, offset, "unsupported HTTP Transfer-Encoding '" + shorten(transfer) + "'");
            }
            String coding = headers.getOrDefault("content-encoding", "").toLowerCase(Locale.ROOT).strip();
            try {
                return switch (coding) {
                    case "", "identity" -> body;
                    case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
                    case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body)).readAllBytes();
                    default -> throw new Malformed(name, offset, "unsupported HTTP Content-Encoding '" + shorten(coding) + "'");
                };
            } catch (IOException e) {
                throw new Malformed(name, offset, "the " + coding + " HTTP body cannot be decompressed: " + e.getMessage());
            }
        }

        private static byte[] dechunk(String name, long offset, byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
            int pos = 0;
            while (true) {
                int end = indexOf(body, (byte) '\n', pos);
                if (end < 0) throw new Malformed(name, offset, "chunked HTTP body: a chunk size line is missing");
                String size = new String(body, pos, end - pos, StandardCharsets.ISO_8859_1).strip();
                int semi = size.indexOf(';');
                if (semi >= 0) size = size.substring(0, semi).strip();
                int n;
                try {
                    n = Integer.parseInt(size, 16);
                } catch (NumberFormatException e) {
                    throw new Malformed(name, offset, "chunked HTTP body: bad chunk size '" + shorten(size) + "'");
                }
                pos = end + 1;
                if (n == 0) return out.toByteArray();
                if (n < 0 || pos + n > body.length) throw new Malformed(name, offset, "chunked HTTP body: a chunk runs past the record");
                out.write(body, pos, n);
                pos += n;
                if (pos < body.length && body[pos] == '\r') pos++;
                if (pos < body.length && body[pos] == '\n') pos++;
            }
        }

        private static int indexOf(byte[] a, byte b, int from) {
            for (int i = from; i < a.length; i++) if (a[i] == b) return i;
            return -1;
        }
    }

    /** A stream that knows how many bytes it has given out. */
    private static final class Counting {
        private final InputStream in;
        long position;

        Counting(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            int b = in.read();
            if (b < 0) throw new EOFException();
            position++;
            return b;
        }

        byte[] exactly(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            position += b.length;
            if (b.length < n) throw new EOFException();
            return b;
        }

        /** One CRLF-ended line without its end (ISO-8859-1 bytes as UTF-8 text), null at the end of the stream. */
        String line(String name, long offset) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(128);
            int c = in.read();
            if (c < 0) return null;
            while (c >= 0 && c != '\n') {
                position++;
                b.write(c);
                if (b.size() > MAX_HEADER_LINE) throw new Malformed(name, offset, "a header line is over " + MAX_HEADER_LINE + " bytes");
                c = in.read();
            }
            if (c < 0) throw new Malformed(name, offset, "the file ends inside a header line");
            position++;
            byte[] bytes = b.toByteArray();
            if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                throw new Malformed(name, offset, "a header line does not end in CRLF");
            }
            return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
        }
    }
}
