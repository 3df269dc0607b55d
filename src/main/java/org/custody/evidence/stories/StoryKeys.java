package org.custody.evidence.stories;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custody.evidence.Analysis;
import org.custody.evidence.Origin;
import org.custody.evidence.Quote;
import org.custody.evidence.SerialTokens;

/**
 * The keys by which the evidence store joins a document to others of its story, computed from the document
 * alone: MinHash band hashes (near-duplicates), sampled paragraph hashes (shared running text), quote hashes
 * (shared quotes), credited origin keys, and the serial-shaped tokens of its text (serial key to serial as
 * written). The store computes exactly these when it stores a document; a batch job that writes documents
 * elsewhere writes these beside them.
 */
public record StoryKeys(List<Long> minhashBands, List<Long> passages, List<String> quoteHashes,
                        List<String> creditedOrigins, Map<String, String> serialTokens) {

    public StoryKeys {
        minhashBands = List.copyOf(minhashBands);
        passages = List.copyOf(passages);
        quoteHashes = List.copyOf(quoteHashes);
        creditedOrigins = List.copyOf(creditedOrigins);
        serialTokens = Map.copyOf(serialTokens);
    }

    public static StoryKeys of(Analysis a) {
        String text = a.document().text();
        List<Long> bands = new ArrayList<>();
        for (long b : MinHash.bands(MinHash.signature(text))) bands.add(b);
        Set<Long> passages = new LinkedHashSet<>();
        Passages.of(text).forEach(passages::addAll);
        List<String> quotes = new ArrayList<>();
        for (Quote q : a.quotes()) quotes.add(quoteHash(q.text()));
        List<String> origins = new ArrayList<>();
        for (Origin o : a.origins()) if (o.credited()) origins.add(o.key());
        return new StoryKeys(bands, new ArrayList<>(passages), quotes, origins, SerialTokens.in(text));
    }

    /** A quote's text in lower case with every run of non-letters, non-digits one space, hashed (SHA-256, hex). */
    public static String quoteHash(String quote) {
        String norm = quote.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(norm.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
