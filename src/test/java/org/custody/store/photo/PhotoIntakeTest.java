package org.custody.store.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.custody.evidence.ClaimKind;
import org.custody.evidence.StoredClaim;
import org.custody.evidence.Story;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.photo.TestImages;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.evidence.EvidenceIntake;
import org.custody.store.evidence.EvidenceStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photo evidence end to end on PostgreSQL: a militia's post with a photo, two re-posts of that photo by other
 * outlets (resized and recompressed; cropped), and a field photo with EXIF GPS and capture time referenced by a
 * field report. The three posts count as one origin crediting the earliest poster, and the field photo's
 * EXIF place and time become the sighting's.
 */
@Tag("db")
class PhotoIntakeTest {

    @TempDir
    Path dir;

    static final BufferedImage TANK = TestImages.scene(1601, 1200, 900);
    static final BufferedImage CHECKPOINT = TestImages.scene(1602, 1024, 768);

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private Path post(String name, String author, String date, String text, String photo) throws Exception {
        return post(name, "Telegram", author, date, text, photo);
    }

    private Path post(String name, String platform, String author, String date, String text, String photo) throws Exception {
        return write(name, ("""
                {"platform": "%s", "author": "%s", "postedAt": "%s",
                 "text": "%s",
                 "media": [{"type": "photo", "file": "%s", "caption": "Photo"}]}
                """).formatted(platform, author, date, text, photo).getBytes());
    }

    @Test
    void threePostsOfOnePhotoAreOneOriginAndTheFieldPhotoPlacesTheSighting() throws Exception {
        write("img/tank.jpg", TestImages.jpeg(TANK, 0.92f));
        write("img/tank-small.jpg", TestImages.jpeg(TestImages.scale(TANK, 0.45), 0.55f));
        write("img/tank-cropped.jpg", TestImages.jpeg(TestImages.crop(TANK, 0.06, 0.05, 0.88, 0.9), 0.8f));
        write("img/checkpoint.jpg", TestImages.jpeg(CHECKPOINT, 0.9f, TestImages.exif("Samsung", "SM-G960F",
                LocalDateTime.of(2018, 1, 28, 10, 14, 5), 35.4681, 44.3922)));
        // ingested out of order: the earliest poster arrives last and is still credited
        Path repost1 = post("repost-gulf.json", "X", "Gulf Wire Service", "2018-02-11",
                "Kata'ib Hizballah fighters were seen with an M1A1 Abrams tank near Kirkuk, a picture shared online shows.",
                "img/tank-small.jpg");
        Path repost2 = post("repost-levant.json", "Facebook", "Levant Monitor", "2018-02-12",
                "On Sunday Kata'ib Hizballah fighters were seen with an M1A1 Abrams tank outside Kirkuk, according to a picture circulating on social media.", "img/tank-cropped.jpg");
        Path original = post("original.json", "kh_media", "2018-02-10",
                "Our Kata'ib Hizballah fighters were seen driving an M1A1 Abrams tank into Kirkuk today.", "img/tank.jpg");
        Path report = write("report.json", """
                {"format": "custody-field-report/1", "reportId": "FR-2018-0131", "organisation": "Monitoring Team North",
                 "reportedOn": "2018-01-30", "holder": "Kata'ib Hizballah",
                 "title": "Checkpoint visit",
                 "observations": [{"text": "Monitors photographed a tank at a checkpoint.",
                                   "items": [{"description": "M1A1 Abrams", "quantity": 1}]}],
                 "media": [{"type": "photo", "file": "img/checkpoint.jpg", "caption": "Tank at the checkpoint"}]}
                """.getBytes());
        try (Database db = TestDatabases.fresh()) {
            EvidenceIntake intake = new EvidenceIntake(db, null);
            var r1 = intake.ingest(repost1).getFirst();
            var r2 = intake.ingest(repost2).getFirst();
            var o = intake.ingest(original).getFirst();
            var f = intake.ingest(report).getFirst();

            assertThat(r1.photos()).singleElement().satisfies(p -> assertThat(p.newImage()).isTrue());
            assertThat(r1.notes()).anySatisfy(n -> assertThat(n).contains("no text reader configured"));
            String family = r1.photos().getFirst().family();
            assertThat(r2.photos().getFirst().family()).as("cropped copy").isEqualTo(family);
            assertThat(o.photos().getFirst().family()).as("original").isEqualTo(family);
            assertThat(o.photos().getFirst().earliestDocument()).isEqualTo(o.document().id());
            assertThat(o.photos().getFirst().earliestPoster()).isEqualTo("kh_media on Telegram");
            assertThat(f.photos().getFirst().family()).isNotEqualTo(family);

            EvidenceStore store = new EvidenceStore(db);
            List<String> postIds = List.of(r1.document().id(), r2.document().id(), o.document().id());
            List<StoredClaim> postClaims = store.claims().stream().filter(c -> postIds.contains(c.documentId())).toList();
            assertThat(postClaims).extracting(StoredClaim::documentId).containsAll(postIds);
            assertThat(postClaims).extracting(StoredClaim::originKey).as("one origin: the earliest poster's").containsOnly(
                    postClaims.stream().filter(c -> c.documentId().equals(o.document().id())).findFirst().orElseThrow().originKey());
            Story story = store.stories().stream().filter(s -> s.documents().stream().anyMatch(d -> d.id().equals(o.document().id())))
                    .findFirst().orElseThrow();
            assertThat(story.documents()).extracting(Story.StoryDocument::id).containsAll(postIds);
            assertThat(story.independentSources()).isEqualTo(1);
            StoredClaim sighting = store.claims().stream().filter(c -> c.documentId().equals(f.document().id())).findFirst().orElseThrow();
            assertThat(sighting.latitude()).isCloseTo(35.4681, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(sighting.longitude()).isCloseTo(44.3922, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(sighting.date()).isEqualTo(LocalDate.of(2018, 1, 28));
            db.inTransaction(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT family) FROM evidence_image")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(4);
                    assertThat(rs.getInt(2)).isEqualTo(2);
                }
                return null;
            });
        }
    }

    @Test
    void aBadPictureRefusesItsWholeFileAndNothingIsStored() throws Exception {
        byte[] jpeg = TestImages.jpeg(TANK, 0.9f);
        write("img/cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 3));
        Path bad = post("bad.json", "someone", "2018-02-10", "Kata'ib Hizballah fighters with an M1A1 Abrams tank.", "img/cut.jpg");
        Path missing = post("missing.json", "someone", "2018-02-10", "A tank.", "img/nowhere.jpg");
        try (Database db = TestDatabases.fresh()) {
            EvidenceIntake intake = new EvidenceIntake(db, null);
            assertThatThrownBy(() -> intake.ingest(bad)).isInstanceOf(IntakeRefusal.class)
                    .hasMessageContaining("bad.json").hasMessageContaining("media[0].file").hasMessageContaining("truncated JPEG");
            assertThatThrownBy(() -> intake.ingest(missing)).isInstanceOf(IntakeRefusal.class)
                    .hasMessageContaining("media[0].file").hasMessageContaining("no such file");
            db.inTransaction(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM evidence_document) + (SELECT count(*) FROM evidence_image)")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
                return null;
            });
        }
    }

    @Test
    void aPictureAloneIsAPhotoDocumentAndAPostedBeforeTakenContradictionIsFlagged() throws Exception {
        Path alone = write("field.jpg", TestImages.jpeg(CHECKPOINT, 0.9f, TestImages.exif("Apple", "iPhone 8",
                LocalDateTime.of(2018, 3, 10, 9, 0), 35.4681, 44.3922)));
        Path early = post("early.json", "someone", "2018-03-01", "Kata'ib Hizballah fighters with an M1A1 Abrams tank.", "field.jpg");
        try (Database db = TestDatabases.fresh()) {
            EvidenceIntake intake = new EvidenceIntake(db, null);
            var photo = intake.ingest(alone).getFirst();
            assertThat(photo.document().kind().label()).isEqualTo("photo");
            assertThat(photo.document().text()).contains("Taken: 2018-03-10 09:00").contains("GPS position: 35.46810, 44.39220");
            var post = intake.ingest(early).getFirst();
            assertThat(post.photos().getFirst().newImage()).isFalse();
            assertThat(post.photos().getFirst().flags()).anySatisfy(fl -> assertThat(fl).startsWith("posted-before-taken")
                    .contains("posted 2018-03-01"));
        }
    }
}
