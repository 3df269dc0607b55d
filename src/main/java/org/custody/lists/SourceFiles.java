package org.custody.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Helpers every format importer shares: strict UTF-8 readers and the content hash of a file set. */
public final class SourceFiles {

    private SourceFiles() {}

    /** A reader that refuses bytes that are not UTF-8 instead of silently replacing them. */
    public static BufferedReader utf8(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    /**
     * The provenance of a list version's own files: each file as {@code name} (its path when
     * {@code withPath}), its SHA-256 and its length, separated by "; ".
     */
    public static String provenance(List<Path> files, boolean withPath) {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            if (!sb.isEmpty()) sb.append("; ");
            MessageDigest sha = sha256();
            long length = digest(f, sha);
            String name = withPath ? f.toAbsolutePath().normalize().toString() : f.getFileName().toString();
            sb.append(name).append(" sha256:").append(HexFormat.of().formatHex(sha.digest())).append(" (")
                    .append(length).append(" bytes)");
        }
        return sb.toString();
    }

    /**
     * SHA-256 over each file's name, length and bytes, in the order given (callers fix the order). Files
     * are read in blocks, so a list file of any size hashes in constant memory.
     */
    public static String contentHash(List<Path> files) {
        MessageDigest sha = sha256();
        for (Path f : files) {
            long length;
            try {
                length = Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            long read = digest(f, sha);
            if (read != length) {
                throw new ListFormatException(f.getFileName().toString(), 0, "", "the file changed while it was read ("
                        + length + " bytes, then " + read + ")");
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Feeds the file's bytes to {@code sha} block by block; returns how many there were. */
    private static long digest(Path f, MessageDigest sha) {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
