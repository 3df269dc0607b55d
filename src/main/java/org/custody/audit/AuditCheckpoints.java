package org.custody.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signed checkpoints of the audit chain, kept outside the database. After every commit the newest
 * entry's sequence number and hash are signed with an Ed25519 key that lives in
 * {@code $CUSTODY_HOME/audit/} (mode 0600, never in the database) and appended to
 * {@code $CUSTODY_HOME/audit/checkpoints.log}. Someone who can rewrite the {@code audit_log} table (a
 * database superuser) can recompute every hash, but cannot make the rewritten chain match the signed
 * checkpoints: {@link #verify} detects edited, deleted, truncated and re-chained entries up to the last
 * checkpoint. See {@code docs/reliability.md} for the trust model.
 */
public final class AuditCheckpoints {

    private static final String FORMAT = "custody-audit-checkpoint/1";

    private final Path folder;
    private final Path log;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private long lastExportedSeq;
    private Checkpoint latest;

    /** One signed checkpoint: the chain's newest entry at {@code at}. */
    public record Checkpoint(long seq, String hash, Instant at, String signature) {
        String signedText() {
            return FORMAT + "|" + seq + "|" + hash + "|" + at;
        }

        public String line() {
            return FORMAT + " " + seq + " " + hash + " " + at + " " + signature;
        }
    }

    private AuditCheckpoints(Path folder, PrivateKey privateKey, PublicKey publicKey) {
        this.folder = folder;
        this.log = folder.resolve("checkpoints.log");
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Opens (creating on first use) the signing key and checkpoint log in {@code folder}. */
    public static AuditCheckpoints open(Path folder) {
        try {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
            Path key = folder.resolve("checkpoint-signing.key");
            Path pub = folder.resolve("checkpoint-signing.pub");
            if (!Files.exists(key)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Path tmp = folder.resolve("checkpoint-signing.key.tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(tmp, Base64.getEncoder().encode(pair.getPrivate().getEncoded()));
                Files.write(pub, Base64.getEncoder().encode(pair.getPublic().getEncoded()));
                Files.move(tmp, key, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(
                    Files.readString(key).trim())));
            PublicKey pubKey = kf.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(
                    Files.readString(pub).trim())));
            AuditCheckpoints cp = new AuditCheckpoints(folder, priv, pubKey);
            List<Checkpoint> logged = cp.read(cp.log);
            cp.lastExportedSeq = logged.stream().mapToLong(Checkpoint::seq).max().orElse(0);
            cp.latest = logged.isEmpty() ? null : logged.getLast();
            return cp;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open the audit checkpoint key in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: permissions are the platform's
        }
    }

    public Path logFile() {
        return log;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Signs and exports the chain's newest entry if no checkpoint covers it yet. Called after each commit;
     * returns the checkpoint written, if any.
     */
    public synchronized Optional<Checkpoint> export(Connection c) throws SQLException {
        long seq;
        String hash;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (!rs.next()) return Optional.empty();
            seq = rs.getLong(1);
            hash = rs.getString(2);
        }
        if (seq <= lastExportedSeq) return Optional.empty();
        Checkpoint cp = sign(seq, hash, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        append(cp);
        lastExportedSeq = seq;
        latest = cp;
        return Optional.of(cp);
    }

    /** The newest checkpoint in this installation's log, if any. */
    public synchronized Optional<Checkpoint> latest() {
        return Optional.ofNullable(latest);
    }

    /**
     * The fingerprint of the public key checkpoints are verified with: "SHA256:" and the hex SHA-256 of
     * its X.509 encoding, printed beside exported checkpoints so a reader can tell which key signed them.
     */
    public String publicKeyFingerprint() {
        try {
            return "SHA256:" + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Checkpoint sign(long seq, String hash, Instant at) {
        try {
            Signature sig = Signature.getInstance("Ed25519");
            sig.initSign(privateKey);
            Checkpoint unsigned = new Checkpoint(seq, hash, at, "");
            sig.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(seq, hash, at, Base64.getEncoder().encodeToString(sig.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint: " + e.getMessage(), e);
        }
    }

    private void append(Checkpoint cp) {
        byte[] line = (cp.line() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
             FileLock ignored = ch.lock()) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the audit checkpoint to " + log + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code cp} carries a valid signature by this installation's key. */
    public boolean signatureValid(Checkpoint cp) {
        try {
            Signature sig = Signature.getInstance("Ed25519");
            sig.initVerify(publicKey);
            sig.update(cp.signedText().getBytes(StandardCharsets.UTF_8));
            return sig.verify(Base64.getDecoder().decode(cp.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The checkpoints in {@code file} (this installation's log, or an exported copy). */
    public List<Checkpoint> read(Path file) throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            out.add(parse(file, lineNo, line));
        }
        return out;
    }

    private static final java.util.regex.Pattern EMBEDDED = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(FORMAT) + " (\\d+) ([0-9a-f]{64}) (\\S+?) ([A-Za-z0-9+/]+={0,2})");

    /**
     * The checkpoints kept outside this installation in {@code file}: a copy of the checkpoint log (every
     * line a checkpoint, read strictly as {@link #read} does) or any text that quotes checkpoint lines,
     * such as a report's appendix ({@code audit-checkpoint.csv}, {@code report.html}) or a note with a
     * pasted line. A file that holds none is refused.
     */
    public List<Checkpoint> readExported(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.lines().filter(l -> !l.isBlank()).allMatch(l -> l.trim().startsWith(FORMAT + " "))) {
            List<Checkpoint> strict = read(file);
            if (!strict.isEmpty()) return strict;
        }
        List<Checkpoint> out = new ArrayList<>();
        java.util.regex.Matcher m = EMBEDDED.matcher(text);
        while (m.find()) {
            String line = m.group();
            long lineNo = text.substring(0, m.start()).lines().count();
            Checkpoint cp = parse(file, (int) Math.max(lineNo, 1), line);
            if (out.stream().noneMatch(x -> x.line().equals(cp.line()))) out.add(cp);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": holds no audit checkpoint (a line starting with '" + FORMAT + "')");
        }
        return out;
    }

    /** A checkpoint given as its text (as printed by {@code audit --checkpoint} or in a report's appendix). */
    public static Checkpoint parseLine(String line) {
        return parse(Path.of("--checkpoint-value"), 1, line.trim());
    }

    static Checkpoint parse(Path file, int lineNo, String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 5 || !f[0].equals(FORMAT)) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": not a " + FORMAT + " line");
        }
        try {
            return new Checkpoint(Long.parseLong(f[1]), f[2], Instant.parse(f[3]), f[4]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": field seq/at: " + e.getMessage(), e);
        }
    }

    /** What {@link #verify} found: problems (empty when intact) and what it checked. */
    public record Verification(List<String> problems, int entries, int checkpoints, long lastCheckpointSeq,
                               int entriesAfterLastCheckpoint) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /**
     * Recomputes the hash chain and checks it against every signed checkpoint in {@code checkpointFile}:
     * a bad signature, a checkpointed entry that is gone (deleted, truncated) or whose hash changed (edited,
     * re-chained) is a problem. Entries after the last checkpoint are counted, not trusted.
     */
    public Verification verify(Connection c, Path checkpointFile) throws SQLException, IOException {
        return verify(c, read(checkpointFile), checkpointFile.toString());
    }

    /** As {@link #verify(Connection, Path)}, against checkpoints read elsewhere ({@code from} names where). */
    public Verification verify(Connection c, List<Checkpoint> cps, String from) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<AuditEntry> entries = AuditLog.entries(c, null);
        AuditLog.firstBrokenLinkIn(entries).ifPresent(e ->
                problems.add("hash chain broken at entry " + e.seq() + " (" + e.action() + ", " + e.subject() + ")"));
        java.util.Map<Long, String> hashBySeq = new java.util.HashMap<>();
        for (AuditEntry e : entries) hashBySeq.put(e.seq(), e.hash());
        long maxSeq = entries.isEmpty() ? 0 : entries.getLast().seq();
        long last = 0;
        int n = 0;
        for (Checkpoint cp : cps) {
            n++;
            if (!signatureValid(cp)) {
                problems.add(from + ":" + n + ": checkpoint for entry " + cp.seq()
                        + " has no valid signature by this installation's key");
                continue;
            }
            last = Math.max(last, cp.seq());
            String actual = hashBySeq.get(cp.seq());
            if (actual == null) {
                problems.add("entry " + cp.seq() + ", signed in the checkpoint of " + cp.at() + ", is missing"
                        + (cp.seq() > maxSeq ? " (the log was truncated after entry " + maxSeq + ")" : " (deleted)"));
            } else if (!actual.equals(cp.hash())) {
                problems.add("entry " + cp.seq() + " does not match the checkpoint signed at " + cp.at()
                        + " (it or an earlier entry was rewritten and the chain recomputed)");
            }
        }
        final long lastSeq = last;
        int after = (int) entries.stream().filter(e -> e.seq() > lastSeq).count();
        return new Verification(problems, entries.size(), cps.size(), last, after);
    }
}
