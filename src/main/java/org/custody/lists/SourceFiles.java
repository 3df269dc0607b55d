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
            try {
                byte[] bytes = Files.readAllBytes(f);
                String name = withPath ? f.toAbsolutePath().normalize().toString() : f.getFileName().toString();
                sb.append(name).append(" sha256:").append(HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(bytes))).append(" (").append(bytes.length).append(" bytes)");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    /** SHA-256 over each file's name, length and bytes, in the order given (callers fix the order). */
    public static String contentHash(List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
