package org.custody.photo.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.custody.photo.Region;
import org.junit.jupiter.api.Test;

class PreprocessTest {

    static BufferedImage text(Color ink, Color paper, double angle) {
        BufferedImage img = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, 600, 300);
        g.rotate(Math.toRadians(angle), 300, 150);
        g.setColor(ink);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 48));
        g.drawString("FE 123456 HN", 120, 130);
        g.drawString("IQ M1A1 0127", 120, 200);
        g.dispose();
        return img;
    }

    @Test
    void lightPaintOnADarkHullComesOutDarkOnLight() {
        BufferedImage bin = Preprocess.binarise(Preprocess.gray(text(Color.WHITE, new Color(40, 54, 24), 0)));
        int[] px = bin.getRaster().getPixels(0, 0, 600, 300, (int[]) null);
        long black = java.util.Arrays.stream(px).filter(v -> v == 0).count();
        assertThat(black).isPositive().isLessThan(px.length / 4);
        assertThat(bin.getRaster().getSample(5, 5, 0)).isEqualTo(255);
    }

    @Test
    void theSkewOfTiltedWritingIsFoundAndUndone() {
        for (double tilt : new double[] {-12, -5, 0, 7, 14}) {
            BufferedImage bin = Preprocess.binarise(Preprocess.gray(text(Color.BLACK, Color.LIGHT_GRAY, tilt)));
            assertThat(Preprocess.skewAngle(bin, 15, 1)).as("tilt %s", tilt).isCloseTo(-tilt, org.assertj.core.data.Offset.offset(1.01));
        }
    }

    @Test
    void aRegionInAScaledAndRotatedViewMapsBackToTheOriginal() {
        Preprocess.View unrotated = new Preprocess.View(null, 2.0, 0, 600, 300);
        assertThat(unrotated.toOriginal(new Region(200, 100, 40, 20))).isEqualTo(new Region(100, 50, 20, 10));
        Preprocess.View rotated = new Preprocess.View(null, 1.0, 90, 600, 300);
        // the centre stays where it is whatever the rotation
        Region centre = rotated.toOriginal(new Region(299, 149, 2, 2));
        assertThat(centre.x()).isBetween(297, 300);
        assertThat(centre.y()).isBetween(147, 150);
    }

    @Test
    void otsuSeparatesTwoLevels() {
        BufferedImage g = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 10; y++) for (int x = 0; x < 10; x++) g.getRaster().setSample(x, y, 0, x < 3 ? 30 : 200);
        assertThat(Preprocess.otsu(g)).isBetween(30, 199);
    }

    @Test
    void closingFillsAStencilBridgeButKeepsTwoLettersApart() {
        BufferedImage b = new BufferedImage(60, 40, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 60; x++) b.getRaster().setSample(x, y, 0, 255);
        for (int y = 5; y < 35; y++) {
            if (y == 19 || y == 20) continue;                      // a bridge of 2 px cut across a stroke
            for (int x = 10; x < 16; x++) b.getRaster().setSample(x, y, 0, 0);
            for (int x = 40; x < 46; x++) b.getRaster().setSample(x, y, 0, 0);   // another stroke 24 px away
        }
        BufferedImage c = Preprocess.close(b, 5);
        assertThat(c.getRaster().getSample(12, 19, 0)).isZero();      // the bridge is ink again
        assertThat(c.getRaster().getSample(28, 20, 0)).isEqualTo(255); // the gap between strokes is not
        assertThat(c.getRaster().getSample(10, 5, 0)).isZero();        // the corner of the stroke stays
        assertThat(c.getRaster().getSample(9, 5, 0)).isEqualTo(255);
    }

    @Test
    void theBarsALocalThresholdDrawsAlongARotatedFrameAreCleared() {
        BufferedImage grey = Preprocess.gray(text(Color.BLACK, new Color(150, 150, 140), 0));
        BufferedImage rotated = Preprocess.rotate(grey, 12);
        BufferedImage bin = Preprocess.sauvola(rotated, 31, 0.2);
        // the step from the picture to the blank corner comes out as ink near the rotated frame's edge (top left)
        int barInk = inkIn(bin, 0, 0, 120, 40);
        assertThat(barInk).isPositive();
        BufferedImage cleared = Preprocess.clearOutsideFrame(bin, 12, 17);
        assertThat(inkIn(cleared, 0, 0, 120, 40)).isZero();
        // the writing in the middle is untouched
        assertThat(inkIn(cleared, 100, 80, 400, 140)).isEqualTo(inkIn(bin, 100, 80, 400, 140)).isPositive();
    }

    @Test
    void aCropIsClippedToThePictureAndScaled() {
        BufferedImage g = new BufferedImage(100, 50, BufferedImage.TYPE_BYTE_GRAY);
        g.getRaster().setSample(95, 45, 0, 200);
        BufferedImage c = Preprocess.crop(g, new Region(90, 40, 30, 30), 2.0);
        assertThat(c.getWidth()).isEqualTo(20);
        assertThat(c.getHeight()).isEqualTo(20);
        assertThat(Preprocess.crop(g, new Region(90, 40, 30, 30), 1.0).getRaster().getSample(5, 5, 0)).isEqualTo(200);
    }

    static int inkIn(BufferedImage bin, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) for (int x = x0; x < x0 + w; x++) if (bin.getRaster().getSample(x, y, 0) < 128) n++;
        return n;
    }
}
