package org.custody.photo.ocr.tesseract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.custody.photo.ImageText;
import org.custody.photo.ocr.ImageLineReader;
import org.custody.photo.ocr.ReadLine;
import org.custody.photo.ocr.Preprocess;

/**
 * Reads a picture's text with Debian's {@code tesseract} command line. The picture is prepared in Java
 * ({@link Preprocess}: grey, small pictures scaled up, binarised with the writing dark, straightened) and each
 * configured pass (a prepared view × a page segmentation mode) is one {@code tesseract view.png stdout --psm N
 * -l LANGS tsv} run with a timeout; the lines of all passes are returned with their regions mapped back to
 * the original picture (the same place read by two passes appears twice; matching judges them together).
 */
public final class TesseractReader implements ImageLineReader {

    /** One reading: which prepared view, which page segmentation mode, which languages. */
    public record Pass(View view, int psm, String languages) {}

    /**
     * The prepared views: grey only; binarised (median 3×3, Otsu, writing dark); binarised and straightened;
     * binarised by Sauvola's local threshold (window one twentieth of the smaller side) and straightened; the
     * latter with stencil gaps closed (a closing of the ink by a square one fiftieth of the smaller side).
     */
    public enum View { GRAY, BINARY, DESKEWED, LOCAL, CLOSED }

    /**
     * The serial passes frozen on the development part of the serial image set (docs/benchmarks.md, "Photo OCR"),
     * then one Arabic pass over the grey picture for banners, of which only Arabic-script words are kept.
     */
    public static final List<Pass> SERIAL_PASSES = List.of(
            new Pass(View.LOCAL, 11, "eng"),
            new Pass(View.DESKEWED, 11, "eng"));
    public static final List<Pass> DEFAULT_PASSES = List.of(
            SERIAL_PASSES.get(0), SERIAL_PASSES.get(1),
            new Pass(View.GRAY, 11, "ara"));

    private final String binary;
    private final List<Pass> passes;
    private final Duration timeout;
    private final int minSide;

    public TesseractReader(String binary, List<Pass> passes, Duration timeout) {
        this.binary = binary;
        this.passes = List.copyOf(passes);
        this.timeout = timeout;
        this.minSide = 400;
    }

    public TesseractReader() {
        this("tesseract", DEFAULT_PASSES, Duration.ofSeconds(60));
    }

    /** The default reader when a {@code tesseract} executable is on the PATH, else empty (nothing is run). */
    public static java.util.Optional<TesseractReader> ifInstalled() {
        String path = System.getenv("PATH");
        if (path == null) return java.util.Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "tesseract"))) return java.util.Optional.of(new TesseractReader());
        }
        return java.util.Optional.empty();
    }

    /** The tesseract version line, or an IOException saying the command is missing. */
    public String version() throws IOException {
        Process p = start(List.of(binary, "--version"));
        String out = drain(p, Path.of(binary));
        return out.lines().findFirst().orElse("").strip();
    }

    @Override
    public List<ReadLine> readLines(Path imageFile) throws IOException {
        BufferedImage img = ImageIO.read(imageFile.toFile());
        if (img == null) throw new IOException(imageFile + ": not an image this reader can decode");
        BufferedImage gray = Preprocess.gray(img);
        int small = Math.min(gray.getWidth(), gray.getHeight());
        double scale = small < minSide ? Math.min(2.0, (double) minSide / small) : 1.0;
        BufferedImage scaled = scale == 1.0 ? gray : Preprocess.scale(gray, scale);
        List<ReadLine> out = new ArrayList<>();
        Preprocess.View[] views = new Preprocess.View[View.values().length];
        for (Pass pass : passes) {
            int v = pass.view().ordinal();
            if (views[v] == null) views[v] = prepare(pass.view(), scaled, scale, img.getWidth(), img.getHeight());
            Preprocess.View view = views[v];
            boolean arabicOnly = "ara".equals(pass.languages());
            for (ReadLine line : run(view.image(), pass, imageFile)) {
                List<ImageText> words = line.words().stream()
                        .filter(t -> !arabicOnly || "Arabic".equals(t.script()))
                        .map(t -> new ImageText(t.text(), view.toOriginal(t.region()), t.confidence(), t.script())).toList();
                if (!words.isEmpty()) out.add(new ReadLine(words));
            }
        }
        return out;
    }

    private static Preprocess.View prepare(View kind, BufferedImage scaled, double scale, int w, int h) {
        return switch (kind) {
            case GRAY -> new Preprocess.View(scaled, scale, 0, w, h);
            case BINARY -> new Preprocess.View(Preprocess.binarise(Preprocess.median3(scaled)), scale, 0, w, h);
            case DESKEWED -> {
                BufferedImage smooth = Preprocess.median3(scaled);
                BufferedImage bin = Preprocess.binarise(smooth);
                double angle = Preprocess.skewAngle(bin, 15, 1);
                yield new Preprocess.View(angle == 0 ? bin : Preprocess.binarise(Preprocess.rotate(smooth, angle)), scale, angle, w, h);
            }
            case LOCAL -> {
                BufferedImage smooth = Preprocess.median3(scaled);
                int window = Math.max(15, Math.min(scaled.getWidth(), scaled.getHeight()) / 20) | 1;
                BufferedImage bin = Preprocess.sauvola(smooth, window, 0.2);
                double angle = Preprocess.skewAngle(bin, 15, 1);
                yield new Preprocess.View(angle == 0 ? bin : Preprocess.sauvola(Preprocess.rotate(smooth, angle), window, 0.2),
                        scale, angle, w, h);
            }
            case CLOSED -> {
                Preprocess.View straight = prepare(View.LOCAL, scaled, scale, w, h);
                int k = Math.max(3, Math.min(scaled.getWidth(), scaled.getHeight()) / 50);
                yield new Preprocess.View(Preprocess.close(straight.image(), k), scale, straight.angleDegrees(), w, h);
            }
        };
    }

    private List<ReadLine> run(BufferedImage image, Pass pass, Path source) throws IOException {
        Path tmp = Files.createTempFile("custody-ocr-", ".png");
        try {
            ImageIO.write(image, "png", tmp.toFile());
            Process p = start(List.of(binary, tmp.toString(), "stdout", "--psm", Integer.toString(pass.psm()),
                    "-l", pass.languages(), "tsv"));
            return TesseractTsv.lines(drain(p, source));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Process start(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        try {
            return pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + binary + " (install Debian's tesseract-ocr, tesseract-ocr-eng and"
                    + " tesseract-ocr-ara): " + e.getMessage(), e);
        }
    }

    private String drain(Process p, Path source) throws IOException {
        try (InputStream in = p.getInputStream()) {
            byte[][] holder = new byte[1][];
            IOException[] failure = new IOException[1];
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    holder[0] = in.readAllBytes();
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(source + ": tesseract did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join();
            if (failure[0] != null) throw failure[0];
            if (p.exitValue() != 0) throw new IOException(source + ": tesseract exited with status " + p.exitValue());
            return new String(holder[0], StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(source + ": interrupted while tesseract ran", e);
        }
    }
}
