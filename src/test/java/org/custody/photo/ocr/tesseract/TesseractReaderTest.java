package org.custody.photo.ocr.tesseract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.custody.photo.ImageText;
import org.custody.photo.ocr.ConfusionFold;
import org.custody.photo.ocr.PictureReading;
import org.custody.photo.ocr.ReadLine;
import org.custody.photo.ocr.SerialMatch;
import org.custody.photo.ocr.SerialMatcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's tesseract on rendered pictures; CI installs it, so a missing tesseract fails these tests. */
@Tag("ocr")
public class TesseractReaderTest {

    @TempDir
    Path dir;

    /** A metal-grey plate with light paint, tilted and noised, one serial and a distracting word. */
    public static Path plate(Path dir, String name, String serial, double angle, boolean stencil) throws IOException {
        BufferedImage img = new BufferedImage(720, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(75, 83, 32));
        g.fillRect(0, 0, 720, 420);
        g.rotate(Math.toRadians(angle), 360, 210);
        g.setColor(new Color(235, 235, 225));
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 64));
        g.drawString(serial, 90, 230);
        if (stencil) {
            g.setColor(new Color(75, 83, 32));
            var fm = g.getFontMetrics();
            for (int i = 0; i < serial.length(); i++) {
                int cx = 90 + fm.stringWidth(serial.substring(0, i)) + fm.charWidth(serial.charAt(i)) / 2;
                g.fillRect(cx - 2, 230 - fm.getAscent(), 5, fm.getAscent() / 3);
            }
        }
        g.setColor(new Color(235, 235, 225));
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 30));
        g.drawString("US ARMY", 90, 320);
        g.dispose();
        Random r = new Random(7);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y), n = (int) (r.nextGaussian() * 8);
                int rr = Math.max(0, Math.min(255, ((rgb >> 16) & 255) + n));
                int gg = Math.max(0, Math.min(255, ((rgb >> 8) & 255) + n));
                int bb = Math.max(0, Math.min(255, (rgb & 255) + n));
                img.setRGB(x, y, (rr << 16) | (gg << 8) | bb);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    public static Path banner(Path dir, String text) throws IOException {
        BufferedImage img = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(245, 200, 40));
        g.fillRect(0, 0, 900, 300);
        g.setColor(new Color(20, 110, 40));
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 72));
        g.drawString(text, 80, 180);
        g.dispose();
        Path file = dir.resolve("banner.png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    static SerialMatcher matcher(String... serials) {
        Map<String, List<String>> byFold = new HashMap<>();
        for (String s : serials) {
            String key = org.custody.ledger.SerialKey.of(s);
            byFold.computeIfAbsent(ConfusionFold.foldKey(key), f -> new java.util.ArrayList<>()).add(key);
        }
        return new SerialMatcher(f -> byFold.getOrDefault(f, List.of()), 6, 0.30);
    }

    @Test
    void aTiltedStencilledSerialIsReadAndMatchedWithItsRegion() throws IOException {
        TesseractReader reader = new TesseractReader();
        assertThat(reader.version()).startsWith("tesseract");
        Path file = plate(dir, "plate.png", "AB-4820-7735", 8, true);
        List<ReadLine> lines = reader.readLines(file);
        // the ledger also holds a near-miss (…7736) a careless reader could match
        PictureReading reading = PictureReading.of(lines, matcher("AB-4820-7735", "AB-4820-7736", "FE123456"));
        assertThat(reading.serials()).as("read: %s", lines.stream().map(ReadLine::text).toList()).singleElement().isInstanceOfSatisfying(SerialMatch.Matched.class, m -> {
            assertThat(m.ledgerKey()).isEqualTo("AB48207735");
            // the serial is drawn around x 90..600, y 170..240 of the 720×420 plate (tilted 8°)
            assertThat(m.region().x()).isBetween(40, 200);
            assertThat(m.region().y()).isBetween(80, 240);
            assertThat(m.region().w()).isBetween(300, 640);
        });
        assertThat(reading.strings()).extracting(ImageText::text).anyMatch(t -> t.contains("ARMY"));
    }

    @Test
    void aLineCropPassAloneReadsATiltedStencilledSerialAndMapsItsRegionBack() throws IOException {
        TesseractReader reader = new TesseractReader("tesseract",
                List.of(new TesseractReader.Pass(TesseractReader.View.LINES, 7, "eng")), java.time.Duration.ofSeconds(60));
        Path file = plate(dir, "plate-lines.png", "HN-49-203", -11, true);
        List<ReadLine> lines = reader.readLines(file);
        // only serial characters come out of a line crop
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.text()).matches("[A-Z0-9/. -]+"));
        PictureReading reading = PictureReading.of(lines, matcher("HN-49-203", "HN-49-208", "FE123456"));
        assertThat(reading.serials()).as("read: %s", lines.stream().map(ReadLine::text).toList()).singleElement()
                .isInstanceOfSatisfying(SerialMatch.Matched.class, m -> {
                    assertThat(m.ledgerKey()).isEqualTo("HN49203");
                    assertThat(m.region().x()).isBetween(40, 200);
                    assertThat(m.region().y()).isBetween(100, 300);
                    assertThat(m.region().w()).isBetween(200, 600);
                });
    }

    @Test
    void anArabicBannerIsReadInArabicScript() throws IOException {
        List<ImageText> texts = new TesseractReader().read(banner(dir, "كتائب حزب الله"));
        assertThat(texts).anySatisfy(t -> {
            assertThat(t.script()).isEqualTo("Arabic");
            assertThat(t.text()).contains("حزب");
        });
    }

    @Test
    void aFileThatIsNotAPictureIsRefusedByName() throws IOException {
        Path notImage = Files.writeString(dir.resolve("notes.png"), "not a picture");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TesseractReader().read(notImage))
                .isInstanceOf(IOException.class).hasMessageContaining("notes.png");
    }
}
