package org.custody.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Custody process at a time per embedded database. The lock is an operating-system lock on
 * {@code <pgdata>/../custody.lock}, so it disappears with its process however that process ends (kill -9
 * included). A second process waits for it (up to a timeout, saying so once) instead of failing; the
 * holder of the lock may then stop an embedded PostgreSQL left running by a process that died
 * ({@link #stopStaleServer}).
 */
public final class HomeLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock on {@code file}, waiting up to {@code timeout}; {@code onWait} hears once that it waits. */
    public static HomeLock acquire(Path file, Duration timeout, Consumer<String> onWait) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean told = false;
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    l = null;                                   // held by this same process (another context)
                }
                if (l != null) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                    ch.force(true);
                    return new HomeLock(ch, l);
                }
                if (System.nanoTime() > deadline) {
                    ch.close();
                    throw new StoreException("another Custody process (pid " + holder(file) + ") is using "
                            + file.getParent() + "; gave up waiting after " + timeout.toSeconds() + " s");
                }
                if (!told) {
                    onWait.accept("waiting for another Custody process (pid " + holder(file) + ") using "
                            + file.getParent() + " to finish (up to " + timeout.toSeconds() + " s)...");
                    told = true;
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for " + file);
        }
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? "?" : s;
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * With the lock held, a PostgreSQL whose pid is in {@code dataDirectory/postmaster.pid} can only be
     * the server of a Custody process that died without stopping it: stop it (smart shutdown, then a
     * forced one), so the next start does not fail on it. Returns the pid stopped, if any.
     */
    public static Optional<Long> stopStaleServer(Path dataDirectory, Duration patience) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty()) return Optional.empty();
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();              // unreadable: PostgreSQL itself will judge the file
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) return Optional.empty();   // dead server: PostgreSQL recovers alone
        String command = p.get().info().command().orElse("");
        if (!command.contains("postgres")) return Optional.empty();       // the pid was reused by something else
        ProcessHandle server = p.get();
        server.destroy();                                                   // SIGTERM: PostgreSQL's smart shutdown
        try {
            server.onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            server.destroyForcibly();
            try {
                server.onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception ignored) {
                // reported by the start that follows
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException ignored) {
            // onExit does not fail
        }
        return Optional.of(pid);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
