package org.custody.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-post families on real photographs (Debian's mate-backgrounds "nature" set, twelve photos; CI installs
 * the package): copies of a photo — resized, recompressed, cropped, overlaid with text, framed as a
 * screenshot — are found as that photo through the hash index, while distinct photos and the abutting thirds
 * of one photo (different shots of one scene) stay apart.
 */
class RepostFamilyTest {

    static final Path NATURE = Path.of("/usr/share/backgrounds/mate/nature");
    static final List<BufferedImage> PHOTOS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        assertThat(NATURE).as("Debian's mate-backgrounds package (apt-get install mate-backgrounds)").isDirectory();
        try (Stream<Path> s = Files.list(NATURE)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                BufferedImage img = ImageIO.read(p.toFile());
                double f = 640.0 / Math.max(img.getWidth(), img.getHeight());
                PHOTOS.add(TestImages.scale(img, f));
            }
        }
        assertThat(PHOTOS).hasSizeGreaterThanOrEqualTo(10);
    }

    static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    static BufferedImage overlay(BufferedImage src) {
        BufferedImage out = TestImages.crop(src, 0, 0, 1, 1);
        Graphics2D g = out.createGraphics();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, out.getHeight() / 12));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.75f));
        g.setColor(Color.WHITE);
        g.drawString("@channel · BREAKING", out.getWidth() / 10, out.getHeight() * 9 / 10);
        g.dispose();
        return out;
    }

    static BufferedImage screenshot(BufferedImage src, Color frame) {
        int side = src.getWidth() / 25, top = src.getHeight() / 10, bottom = src.getHeight() / 7;
        BufferedImage out = new BufferedImage(src.getWidth() + 2 * side, src.getHeight() + top + bottom, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(frame);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, side, top, null);
        g.setColor(frame.getRed() < 128 ? Color.LIGHT_GRAY : Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, top / 3)));
        g.drawString("10:02  4G  71%   @news_desk · 1h", side, top * 2 / 3);
        g.drawString("Like   Reply   Share", side, src.getHeight() + top + bottom / 2);
        g.dispose();
        return out;
    }

    static Map<String, BufferedImage> copies(BufferedImage src) throws IOException {
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        out.put("resize 40 %", TestImages.scale(src, 0.4));
        out.put("resize 160 %", TestImages.scale(src, 1.6));
        out.put("JPEG quality 35", decode(TestImages.jpeg(src, 0.35f)));
        out.put("crop 12 % of the width (right)", TestImages.crop(src, 0, 0, 0.88, 1));
        out.put("crop 12 % of the height (top)", TestImages.crop(src, 0, 0.12, 1, 0.88));
        out.put("crop 6 % each way (centre)", TestImages.crop(src, 0.03, 0.03, 0.94, 0.94));
        out.put("text overlay", overlay(src));
        out.put("screenshot frame, dark", screenshot(src, new Color(16, 16, 16)));
        out.put("screenshot frame, white", screenshot(src, Color.WHITE));
        return out;
    }

    @Test
    void copiesOfAPhotoAreFoundAsThatPhotoThroughTheIndex() throws IOException {
        HashIndex index = new HashIndex();
        for (int i = 0; i < PHOTOS.size(); i++) for (long h : PerceptualHash.views(PHOTOS.get(i))) index.add(h, i);
        List<String> missed = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < PHOTOS.size(); i++) {
            for (var c : copies(PHOTOS.get(i)).entrySet()) {
                total++;
                long[] views = PerceptualHash.views(c.getValue());
                List<HashIndex.Hit> hits = new ArrayList<>();
                for (long q : PerceptualHash.queryViews(views)) hits.addAll(index.within(q, PerceptualHash.SAME_IMAGE));
                hits.sort((a, b) -> Integer.compare(a.distance(), b.distance()));
                if (hits.isEmpty()) missed.add("photo " + i + ", " + c.getKey());
                else if (hits.getFirst().id() != i) wrong.add("photo " + i + ", " + c.getKey() + " nearest photo " + hits.getFirst().id());
            }
        }
        assertThat(wrong).as("a copy whose nearest stored photo is another photo").isEmpty();
        // the method's measured recall on unseen photos is about 0.95-0.99 (docs/benchmarks.md): a few misses are allowed
        assertThat(missed.size()).as("copies not recognised: " + missed).isLessThanOrEqualTo(total / 20);
    }

    @Test
    void distinctPhotosAndThirdsOfOneSceneStayApart() {
        List<long[]> items = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PHOTOS.size(); i++) {
            BufferedImage p = PHOTOS.get(i);
            items.add(PerceptualHash.views(p));
            names.add("photo " + i);
            for (int k = 0; k < 3; k++) {
                items.add(PerceptualHash.views(TestImages.crop(p, k / 3.0, 0, 1 / 3.0, 1)));
                names.add("photo " + i + " third " + k);
            }
        }
        List<String> together = new ArrayList<>();
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                boolean wholeAndItsThird = names.get(b).startsWith(names.get(a) + " third");
                if (wholeAndItsThird) continue;   // a third is a 67 % crop of its photo: neither one image nor a near miss
                int d = PerceptualHash.distance(items.get(a), items.get(b));
                if (d <= PerceptualHash.SAME_IMAGE) together.add(names.get(a) + " ~ " + names.get(b) + " at " + d);
            }
        }
        assertThat(together).isEmpty();
    }
}
