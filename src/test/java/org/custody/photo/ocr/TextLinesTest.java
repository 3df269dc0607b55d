package org.custody.photo.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.custody.photo.Region;
import org.junit.jupiter.api.Test;

class TextLinesTest {

    /** Black writing on white: a large serial (optionally with stencil bridges cut) above a small notice, plus specks. */
    static BufferedImage page(boolean stencil, long seed) {
        BufferedImage img = new BufferedImage(800, 500, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 500);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 72));
        FontMetrics fm = g.getFontMetrics();
        String serial = "HN-49-203";
        g.drawString(serial, 120, 220);
        if (stencil) {
            g.setColor(Color.WHITE);
            for (int i = 0; i < serial.length(); i++) {
                int cx = 120 + fm.stringWidth(serial.substring(0, i)) + fm.charWidth(serial.charAt(i)) / 2;
                g.fillRect(cx - 2, 220 - fm.getAscent(), 5, fm.getAscent() / 3);
            }
            g.setColor(Color.BLACK);
        }
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 30));
        g.drawString("US ARMY", 120, 320);
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) g.fillRect(r.nextInt(800), r.nextInt(500), 1 + r.nextInt(3), 1 + r.nextInt(3));
        g.dispose();
        return img;
    }

    static List<TextLines.Line> lines(BufferedImage img) {
        return TextLines.find(Preprocess.ink(img), img.getWidth(), img.getHeight(), 3);
    }

    @Test
    void theLargeSerialLineComesFirstAndTheSmallNoticeSecond() {
        List<TextLines.Line> found = lines(page(false, 1));
        assertThat(found).hasSize(2);
        Region serial = found.get(0).box();
        // "HN-49-203" at 72 px: from x 120, letters between y ~167 and 220
        assertThat(serial.x()).isBetween(110, 130);
        assertThat(serial.y()).isBetween(155, 175);
        assertThat(serial.y() + serial.h()).isBetween(215, 228);
        assertThat(serial.w()).isBetween(300, 500);
        assertThat(found.get(0).letterHeight()).isBetween(45, 60);
        assertThat(found.get(1).box().y()).isBetween(285, 300);
        assertThat(found.get(1).letterHeight()).isLessThan(found.get(0).letterHeight());
    }

    @Test
    void aStencilledLineCutIntoPiecesIsStillOneLine() {
        List<TextLines.Line> found = lines(page(true, 2));
        assertThat(found.get(0).box().y()).isBetween(155, 185);
        assertThat(found.get(0).box().w()).isBetween(300, 500);
        assertThat(found.get(0).parts()).isGreaterThanOrEqualTo(TextLines.MIN_PARTS);
    }

    @Test
    void specksAloneAreNoLine() {
        BufferedImage img = page(false, 3);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 100, 800, 300);   // the writing painted over, the specks above and below left
        g.dispose();
        assertThat(lines(img)).isEmpty();
    }

    @Test
    void atMostTheAskedNumberOfLinesComeBack() {
        assertThat(TextLines.find(Preprocess.ink(page(false, 4)), 800, 500, 1)).hasSize(1);
    }
}
