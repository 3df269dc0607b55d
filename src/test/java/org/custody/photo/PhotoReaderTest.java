package org.custody.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Reading pictures: facts from EXIF, refusals for what intake must not take, and the perceptual hash. */
class PhotoReaderTest {

    static final BufferedImage SCENE = TestImages.scene(7, 640, 480);

    @Test
    void exifCaptureTimeGpsAndCameraAreRead() {
        byte[] exif = TestImages.exif("Canon", "Canon EOS 80D", LocalDateTime.of(2018, 1, 28, 10, 14, 5), 34.888, 44.633);
        Photo p = PhotoReader.read("field.jpg", TestImages.jpeg(SCENE, 0.9f, exif));
        assertThat(p.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(p.width()).isEqualTo(640);
        assertThat(p.height()).isEqualTo(480);
        assertThat(p.sha256()).hasSize(64);
        assertThat(p.facts().taken()).isEqualTo(LocalDateTime.of(2018, 1, 28, 10, 14, 5));
        assertThat(p.facts().latitude()).isCloseTo(34.888, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(p.facts().longitude()).isCloseTo(44.633, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(p.facts().camera()).isEqualTo("Canon EOS 80D");
        assertThat(p.facts().edits()).isEmpty();
    }

    @Test
    void aPictureWithoutMetadataHasNoFacts() {
        Photo p = PhotoReader.read("plain.png", TestImages.png(SCENE));
        assertThat(p.format()).isEqualTo(ImageFormat.PNG);
        assertThat(p.facts().taken()).isNull();
        assertThat(p.facts().hasPosition()).isFalse();
    }

    @Test
    void truncatedFilesAreRefusedNamingTheFile() {
        byte[] jpeg = TestImages.jpeg(SCENE, 0.9f);
        assertThatThrownBy(() -> PhotoReader.read("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2)))
                .isInstanceOf(PhotoRefusal.class).hasMessageContaining("cut.jpg").hasMessageContaining("truncated JPEG");
        byte[] png = TestImages.png(SCENE);
        assertThatThrownBy(() -> PhotoReader.read("cut.png", Arrays.copyOf(png, png.length - 200)))
                .isInstanceOf(PhotoRefusal.class).hasMessageContaining("truncated PNG");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeDecoding() throws Exception {
        // a real 1 x 1 PNG whose header then claims 40,000 x 40,000 pixels (the CRC fixed so the header is valid)
        byte[] png = TestImages.png(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 40_000);
        b.putInt(20, 40_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        assertThatThrownBy(() -> PhotoReader.read("bomb.png", png)).isInstanceOf(PhotoRefusal.class)
                .hasMessageContaining("bomb.png").hasMessageContaining("40000 x 40000").hasMessageContaining("not decoded");
    }

    @Test
    void otherFormatsAreRefusedByName() {
        byte[] heic = new byte[32];
        System.arraycopy("\0\0\0\u0018ftypheic".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
        assertThatThrownBy(() -> PhotoReader.read("x.heic", heic)).isInstanceOf(PhotoRefusal.class).hasMessageContaining("HEIC");
        assertThatThrownBy(() -> PhotoReader.read("x.gif", "GIF89a......".getBytes())).hasMessageContaining("GIF image");
        assertThatThrownBy(() -> PhotoReader.read("x.txt", "hello world, not a picture".getBytes()))
                .hasMessageContaining("not a JPEG, PNG or WebP");
    }

    @Test
    void copiesOfOnePictureHashCloseAndDifferentPicturesFar() throws Exception {
        long[] original = PerceptualHash.views(SCENE);
        long[] smaller = PerceptualHash.views(ImageIO.read(new java.io.ByteArrayInputStream(
                TestImages.jpeg(TestImages.scale(SCENE, 0.4), 0.4f))));
        long[] other = PerceptualHash.views(TestImages.scene(8, 640, 480));
        long[] framed = PerceptualHash.views(frame(SCENE));
        assertThat(PerceptualHash.distance(original, framed)).as("screenshot frame").isLessThanOrEqualTo(PerceptualHash.SAME_IMAGE);
        assertThat(PerceptualHash.distance(original, smaller)).isLessThanOrEqualTo(PerceptualHash.SAME_IMAGE);
        // crops are measured on real photographs by bench/photos.sh (recall per copy kind), not on this drawing
        assertThat(PerceptualHash.distance(original, other)).isGreaterThan(PerceptualHash.SAME_IMAGE);
    }

    /** The picture inside a plain dark screenshot frame (status bar above, buttons bar below). */
    static BufferedImage frame(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth() + 40, src.getHeight() + 160, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(new java.awt.Color(20, 20, 20));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, 20, 60, null);
        g.dispose();
        return out;
    }

    @Test
    void postedBeforeTakenAndFarFromTheClaimedPlaceAreExplained() {
        PhotoFacts f = new PhotoFacts(LocalDateTime.of(2018, 3, 10, 9, 0), null, 36.34, 43.13, null, null, null);
        assertThat(PhotoChecks.postedBeforeTaken(LocalDate.of(2018, 3, 1), f)).get().asString()
                .contains("posted 2018-03-01").contains("9 days later");
        assertThat(PhotoChecks.postedBeforeTaken(LocalDate.of(2018, 3, 9), f)).isEmpty(); // within a time-zone day
        // Mosul (36.34, 43.13) against Basra (30.51, 47.78): about 780 km
        assertThat(PhotoChecks.farFromClaimedPlace("Basra", 30.51, 47.78, f)).get().asString().contains("Basra").contains("km");
        assertThat(PhotoChecks.farFromClaimedPlace("Mosul", 36.35, 43.15, f)).isEmpty();
        assertThat(PhotoChecks.distanceKm(36.34, 43.13, 30.51, 47.78)).isBetween(700.0, 850.0);
    }
}
