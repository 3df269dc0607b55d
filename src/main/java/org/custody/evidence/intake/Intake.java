package org.custody.evidence.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.StructuredItem;

/**
 * Reads a file (or bytes) of any supported kind into {@link SourceDocument}s, or refuses it with an
 * {@link IntakeRefusal} that names the file. The kind is chosen by extension ({@code .html/.htm},
 * {@code .json}, anything else is text) and, for text files, by sniffing for an HTML document.
 */
public final class Intake {

    private Intake() {}

    /** One document read from a file and the pictures it references (paths relative to the file). */
    public record Read(SourceDocument document, List<MediaRef> media) {
        public Read {
            media = List.copyOf(media);
        }
    }

    public static List<SourceDocument> read(Path file) {
        return readAll(file).stream().map(Read::document).toList();
    }

    /** Like {@link #read(Path)}, keeping each document's picture references. */
    public static List<Read> readAll(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > Decoding.MAX_BYTES) {
                throw new IntakeRefusal(name, "file is " + size + " bytes, over the limit of " + Decoding.MAX_BYTES
                        + " bytes (" + (Decoding.MAX_BYTES / (1024 * 1024)) + " MiB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IntakeRefusal(name, "cannot read: " + e.getMessage());
        }
        Instant retrieved;
        try {
            retrieved = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException e) {
            retrieved = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        return readAll(name, bytes, retrieved);
    }

    public static List<SourceDocument> read(String name, byte[] bytes, Instant retrieved) {
        return readAll(name, bytes, retrieved).stream().map(Read::document).toList();
    }

    /**
     * One JSON record (a social post, a field report) whose name does not end in {@code .json}: a line of a
     * JSON Lines file, named {@code FILE:LINE}. Read exactly as a {@code .json} file holding that record.
     */
    public static List<SourceDocument> readJson(String name, byte[] bytes, Instant retrieved) {
        return readAll(name, bytes, retrieved, true).stream().map(Read::document).toList();
    }

    public static List<Read> readAll(String name, byte[] bytes, Instant retrieved) {
        return readAll(name, bytes, retrieved, false);
    }

    private static List<Read> readAll(String name, byte[] bytes, Instant retrieved, boolean json) {
        Decoding.Decoded decoded = Decoding.decode(name, bytes);
        String raw = decoded.text();
        String lower = name.toLowerCase(Locale.ROOT);
        List<Draft> drafts;
        if (json || lower.endsWith(".json")) {
            drafts = JsonReaders.read(name, raw, retrieved);
        } else if (lower.endsWith(".html") || lower.endsWith(".htm") || looksLikeHtml(raw)) {
            drafts = List.of(HtmlReader.read(name, raw, retrieved));
        } else {
            drafts = List.of(PlainTextReader.read(name, raw, retrieved));
        }
        return drafts.stream().map(d -> new Read(finish(name, d), d.media())).toList();
    }

    private static boolean looksLikeHtml(String raw) {
        String head = raw.stripLeading();
        head = head.substring(0, Math.min(head.length(), 512)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static SourceDocument finish(String name, Draft d) {
        String text = TextNormalizer.normalize(d.text());
        if (text.isBlank()) throw new IntakeRefusal(name, "no text found in the " + d.kind().label() + " input");
        String hash = contentHash(text);
        return new SourceDocument("doc-" + hash.substring(0, 16), d.kind(), name, blankToNull(d.outlet()),
                blankToNull(d.url()), blankToNull(d.title()), blankToNull(d.author()), blankToNull(d.platform()),
                d.published(), d.retrieved(), hash, text, d.captions(), items(d.items()));
    }

    /** Item lines normalised like the text, so analysis finds them in it. */
    private static List<StructuredItem> items(List<StructuredItem> items) {
        List<StructuredItem> out = new java.util.ArrayList<>(items.size());
        for (StructuredItem i : items) {
            out.add(new StructuredItem(i.source(), i.description(), i.quantity(), i.serials(), i.place(), i.latitude(),
                    i.longitude(), i.observed(), i.holder(), i.line() == null ? null : TextNormalizer.normalize(i.line()).strip()));
        }
        return out;
    }

    /** SHA-256 over the normalised text with whitespace runs collapsed, so re-wrapped copies hash alike. */
    public static String contentHash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String canonical = text.replaceAll("\\s+", " ").trim();
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Convenience for tests and callers holding text already. */
    public static SourceDocument ofText(String name, String text) {
        return read(name, text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH).getFirst();
    }
}
