package org.custody.store.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Which ledger material has been imported, so an identical re-import is a recognised no-op. */
public final class ImportRecords {

    public record Previous(String source, Instant importedAt, String summary) {}

    private ImportRecords() {}

    /** SHA-256 over the file (or a folder's regular files, by name) plus the import options. */
    public static String hash(Path path, String options) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        sha.update(options.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    public static Optional<Previous> find(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT source, imported_at, summary FROM ledger_import WHERE content_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Previous(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    public static void record(Connection c, String hash, String source, String actor, String summary)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_import(content_hash, source, actor, summary) VALUES (?,?,?,?)")) {
            ps.setString(1, hash);
            ps.setString(2, source);
            ps.setString(3, actor);
            ps.setString(4, summary);
            ps.executeUpdate();
        }
    }
}
