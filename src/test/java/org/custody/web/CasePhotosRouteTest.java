package org.custody.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.custody.accounts.Role;
import org.custody.cli.CliContext;
import org.custody.cli.CustodyCommand;
import org.custody.cli.Json;
import org.custody.config.CustodyHome;
import org.custody.server.TestServer;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case's pictures over HTTP: the thumbnail route (signed in only, a JPEG scaled down from the stored picture,
 * privately cacheable, revalidated by ETag, never a path on disk) and the case JSON's picture facts (EXIF time,
 * place and camera, the claims supported, the re-post family with its earliest poster).
 */
@Tag("db")
class CasePhotosRouteTest {

    @TempDir
    static Path home;
    static Database db;
    static TestServer server;
    static String token;
    static long caseId;
    static String sha;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.fresh();
        CliContext cli = new CliContext(new CustodyHome(home), db);
        run(cli, "ledger", "import", "data/demo/ledger-iraq.json");
        for (Path post : CasePhotoFixture.write(home.resolve("posts"))) run(cli, "ingest", post.toString());
        run(cli, "detect", "--as-of", "2015-08-01");
        server = new TestServer(db, home);
        token = server.token(Role.AUDITOR);
        caseId = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT min(id) FROM diversion_case"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        sha = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT sha256 FROM evidence_image ORDER BY width DESC LIMIT 1"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (db != null) db.close();
    }

    private static void run(CliContext cli, String... args) {
        int code = CustodyCommand.execute(cli, args);
        if (code != 0) throw new IllegalStateException("custody " + String.join(" ", args) + " exited " + code);
    }

    private static HttpResponse<byte[]> bytes(String path, String bearer, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path)).GET();
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (ifNoneMatch != null) b.header("If-None-Match", ifNoneMatch);
        return server.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theThumbnailIsAScaledDownJpegForSignedInUsersOnly() throws Exception {
        HttpResponse<byte[]> res = bytes("/web/images/" + sha + "/thumbnail", token, null);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
        assertThat(res.headers().firstValue("Cache-Control").orElse("")).contains("private").contains("max-age");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(res.body()));
        assertThat(Math.max(img.getWidth(), img.getHeight())).isEqualTo(320);   // from a 1200 x 800 original
        assertThat(Math.abs(img.getWidth() * 800 - img.getHeight() * 1200)).isLessThanOrEqualTo(1200);   // proportions kept

        HttpResponse<byte[]> small = bytes("/web/images/" + sha + "/thumbnail?side=64", token, null);
        BufferedImage s = ImageIO.read(new ByteArrayInputStream(small.body()));
        assertThat(Math.max(s.getWidth(), s.getHeight())).isEqualTo(64);

        String etag = res.headers().firstValue("ETag").orElseThrow();
        assertThat(bytes("/web/images/" + sha + "/thumbnail", token, etag).statusCode()).isEqualTo(304);
        assertThat(bytes("/web/images/" + sha + "/thumbnail", null, null).statusCode()).isEqualTo(401);
        assertThat(bytes("/web/images/" + sha + "/thumbnail?side=5000", token, null).statusCode()).isEqualTo(400);
        assertThat(bytes("/web/images/" + "0".repeat(64) + "/thumbnail", token, null).statusCode()).isEqualTo(404);
        assertThat(bytes("/web/images/..%2F..%2Fetc%2Fpasswd/thumbnail", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theCaseJsonCarriesThePictureFacts() throws Exception {
        HttpResponse<String> res = server.get("/api/cases/" + caseId, token);
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode photos = Json.MAPPER.readTree(res.body()).get("photos");
        assertThat(photos).isNotNull();
        // two pictures (the original and its smaller re-post), one family: both credit the channel that posted first
        assertThat(photos.size()).as(res.body()).isEqualTo(2);
        assertThat(photos.get(0).get("family").asText()).isEqualTo(photos.get(1).get("family").asText());
        JsonNode p = photos.get(0).get("sha256").asText().equals(sha) ? photos.get(0) : photos.get(1);
        assertThat(p.get("sha256").asText()).isEqualTo(sha);
        assertThat(p.get("camera").asText()).isEqualTo(CasePhotoFixture.CAMERA);
        assertThat(p.get("taken").asText()).isEqualTo("2015-06-08T16:05");
        assertThat(p.get("latitude").asDouble()).isEqualTo(34.39);
        assertThat(p.get("thumbnail").asText()).isEqualTo("/web/images/" + sha + "/thumbnail");
        for (JsonNode x : photos) {
            assertThat(x.get("earliestPoster").asText()).contains(CasePhotoFixture.EARLIEST_POSTER);
            assertThat(x.get("familyDocuments").size()).isEqualTo(2);
        }
        assertThat(p.get("claims").size()).isPositive();
    }
}
