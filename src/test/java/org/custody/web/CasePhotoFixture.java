package org.custody.web;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.custody.photo.TestImages;

/**
 * A photo of the demo's sighting (EXIF camera, time and GPS near Al-Qa'im) posted by a channel, and the same
 * photo re-posted smaller and recompressed by an outlet the next day: one picture family, the channel the
 * earliest poster. Both posts name Kata'ib Hizballah with an M1A1 Abrams, so they join the demo's case.
 */
final class CasePhotoFixture {

    static final String CAMERA = "Canon EOS 80D";
    static final String EARLIEST_POSTER = "frontline photo channel";

    private CasePhotoFixture() {}

    /** Writes the two posts and their pictures into {@code dir}; returns the posts in the order to ingest them. */
    static List<Path> write(Path dir) throws Exception {
        Files.createDirectories(dir);
        BufferedImage scene = TestImages.scene(4242, 1200, 800);
        Files.write(dir.resolve("abrams.jpg"), TestImages.jpeg(scene, 0.9f,
                TestImages.exif("Canon", CAMERA, LocalDateTime.of(2015, 6, 8, 16, 5), 34.39, 41.01)));
        Files.write(dir.resolve("abrams-repost.jpg"), TestImages.jpeg(TestImages.scale(scene, 0.5), 0.6f));
        Path post = dir.resolve("photo-post.json");
        Files.writeString(post, """
                {"platform": "telegram", "author": "%s", "postedAt": "2015-06-09T09:00:00Z",
                 "text": "Kata'ib Hizballah fighters with an M1A1 Abrams tank near Al-Qa'im.",
                 "media": [{"type": "photo", "file": "abrams.jpg", "caption": "Abrams tank with the Kata'ib Hizballah banner"}]}
                """.formatted(EARLIEST_POSTER));
        Path repost = dir.resolve("photo-repost.json");
        Files.writeString(repost, """
                {"platform": "twitter", "author": "regional news desk", "postedAt": "2015-06-10T12:00:00Z",
                 "text": "Photo circulating today: Kata'ib Hizballah fighters with an M1A1 Abrams tank near Al-Qa'im.",
                 "media": [{"type": "photo", "file": "abrams-repost.jpg", "caption": "Abrams near Al-Qa'im (via Telegram)"}]}
                """);
        return List.of(post, repost);
    }
}
