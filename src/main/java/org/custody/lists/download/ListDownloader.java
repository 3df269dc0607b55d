package org.custody.lists.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fetches every file of every feed into a fresh temporary folder (one sub-folder per feed) and checks
 * each arrived whole: HTTP 200, not empty, and as long as the server said. Any failure removes the
 * folder and throws, so a caller imports either everything that was fetched or nothing.
 */
public final class ListDownloader {

    private final HttpClient http;
    private final Duration timeout;

    public ListDownloader(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout).build();
    }

    /** One feed's files, downloaded. */
    public record Fetched(Feed feed, Path folder, List<Path> files) {}

    /** The downloads of one update, in {@code root}; delete it with {@link #cleanUp} when done. */
    public record Batch(Path root, List<Fetched> feeds) {}

    public Batch fetchAll(List<Feed> feeds, Path parent, Progress progress) {
        Path root;
        try {
            Files.createDirectories(parent);
            root = Files.createTempDirectory(parent, "update-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<Fetched> out = new ArrayList<>();
            for (Feed feed : feeds) {
                Path dir = Files.createDirectories(root.resolve(feed.name()));
                List<Path> files = new ArrayList<>();
                int i = 0;
                for (URI url : feed.urls()) {
                    Path target = dir.resolve(Feed.fileName(url, ++i));
                    fetch(url, target, progress);
                    files.add(target);
                }
                out.add(new Fetched(feed, dir, files));
            }
            return new Batch(root, out);
        } catch (IOException | RuntimeException e) {
            cleanUp(root);
            if (e instanceof DownloadException d) throw d;
            throw new DownloadException(String.valueOf(root), e.getMessage(), e);
        }
    }

    private void fetch(URI url, Path target, Progress progress) {
        HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout)
                .header("User-Agent", "custody-lists-update/0.1").GET().build();
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // a refused or unreachable connection often has no message of its own: name its kind instead
            String why = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                    : e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            throw new DownloadException(url.toString(), "cannot connect (" + why + "); check the network or set"
                    + " lists.source.<list> in custody.properties to a reachable copy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(url.toString(), "interrupted", e);
        }
        long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = resp.body()) {
            if (resp.statusCode() != 200) {
                throw new DownloadException(url.toString(), "HTTP " + resp.statusCode(), null);
            }
            progress.start(target.getFileName().toString(), declared);
            long n = 0;
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = in.read(buf)) != -1) {
                    out.write(buf, 0, r);
                    n += r;
                    progress.advance(r);
                }
            } finally {
                progress.finish();
            }
            if (n == 0) throw new DownloadException(url.toString(), "empty response", null);
            if (declared >= 0 && n != declared) {
                throw new DownloadException(url.toString(), "received " + n + " of " + declared + " bytes", null);
            }
        } catch (IOException e) {
            throw new DownloadException(url.toString(), "download broke off: " + e.getMessage(), e);
        }
    }

    public static void cleanUp(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
