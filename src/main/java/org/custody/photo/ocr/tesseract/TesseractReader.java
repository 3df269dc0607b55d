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
import org.custody.photo.Region;
import org.custody.photo.ocr.TextLines;
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
     * latter with stencil gaps closed (a closing of the ink by a square one fiftieth of the smaller side); the lines
     * of writing found in the straightened Sauvola view, cropped and read one by one (see {@code readCrops}).
     */
    public enum View { GRAY, BINARY, DESKEWED, LOCAL, CLOSED, LINES }

    /** The characters a serial is written with (and its labels' "/" and "."), the only ones a line crop may be read as. */
    public static final String SERIAL_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/.";
    /** Lines of writing cropped by a {@link View#LINES} pass, most prominent first. */
    static final int MAX_LINES = 3;
    /** The letter height, in pixels, a line crop is scaled to before it is read. */
    static final int CROP_LETTER_HEIGHT = 48;

    /**
     * The serial passes frozen on the development parts of the serial image set (docs/benchmarks.md, "Photo OCR"):
     * the straightened Sauvola view read as sparse text, and the line crops read as single lines of serial
     * characters; then one Arabic pass over the grey picture for banners, of which only Arabic-script words are kept.
     * (The Otsu view, {@code DESKEWED:11}, added nothing once the line crops were read and was dropped.)
     */
    public static final List<Pass> SERIAL_PASSES = List.of(
            new Pass(View.LOCAL, 11, "eng"),
            new Pass(View.LINES, 7, "eng"));
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
            if (pass.view() == View.LINES) {
                if (views[View.LOCAL.ordinal()] == null) {
                    views[View.LOCAL.ordinal()] = prepare(View.LOCAL, scaled, scale, img.getWidth(), img.getHeight());
                }
                out.addAll(readCrops(views[View.LOCAL.ordinal()], scaled, pass, imageFile));
                continue;
            }
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
            case LOCAL, LINES -> {
                BufferedImage smooth = Preprocess.median3(scaled);
                int window = localWindow(scaled);
                BufferedImage bin = Preprocess.sauvola(smooth, window, 0.2);
                double angle = Preprocess.skewAngle(bin, 15, 1);
                // the blank corners a rotation leaves would come out of the local threshold as black bars: cleared
                yield new Preprocess.View(angle == 0 ? bin : Preprocess.clearOutsideFrame(
                        Preprocess.sauvola(Preprocess.rotate(smooth, angle), window, 0.2), angle, window / 2 + 2), scale, angle, w, h);
            }
            case CLOSED -> {
                Preprocess.View straight = prepare(View.LOCAL, scaled, scale, w, h);
                int k = Math.max(3, Math.min(scaled.getWidth(), scaled.getHeight()) / 50);
                yield new Preprocess.View(Preprocess.close(straight.image(), k), scale, straight.angleDegrees(), w, h);
            }
        };
    }

    private static int localWindow(BufferedImage scaled) {
        return Math.max(15, Math.min(scaled.getWidth(), scaled.getHeight()) / 20) | 1;
    }

    /**
     * A {@link View#LINES} pass: the lines of writing found in the straightened Sauvola view ({@link TextLines}),
     * each cropped with a margin and scaled to a letter height of {@link #CROP_LETTER_HEIGHT}, in three forms (the
     * straightened grey, the Sauvola ink, the ink with stencil bridges closed), all read in one tesseract run as
     * single lines restricted to {@link #SERIAL_CHARACTERS}. Regions are mapped back to the original picture.
     */
    private List<ReadLine> readCrops(Preprocess.View local, BufferedImage scaled, Pass pass, Path source) throws IOException {
        BufferedImage ink = local.image();
        List<TextLines.Line> lines = TextLines.find(Preprocess.ink(ink), ink.getWidth(), ink.getHeight(), MAX_LINES);
        if (lines.isEmpty()) return List.of();
        BufferedImage smooth = Preprocess.median3(scaled);
        BufferedImage straight = local.angleDegrees() == 0 ? smooth : Preprocess.rotate(smooth, local.angleDegrees());
        List<BufferedImage> crops = new ArrayList<>();
        List<Region> boxes = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        for (TextLines.Line line : lines) {
            int lh = line.letterHeight();
            int padX = (int) Math.round(0.6 * lh), padY = (int) Math.round(0.4 * lh);
            Region box = new Region(Math.max(0, line.box().x() - padX), Math.max(0, line.box().y() - padY),
                    line.box().w() + 2 * padX, line.box().h() + 2 * padY);
            double f = Math.max(0.5, Math.min(3.0, (double) CROP_LETTER_HEIGHT / lh));
            BufferedImage grey = Preprocess.crop(straight, box, f);
            BufferedImage bin = Preprocess.crop(ink, box, f);
            BufferedImage closed = Preprocess.close(Preprocess.binarise(bin), Math.max(3, CROP_LETTER_HEIGHT / 10));
            for (BufferedImage c : List.of(grey, bin, closed)) {
                crops.add(c);
                boxes.add(box);
                factors.add(f);
            }
        }
        List<List<ReadLine>> pages = runMany(crops, pass, source);
        List<ReadLine> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            Region box = boxes.get(i);
            double f = factors.get(i);
            for (ReadLine line : pages.get(i)) {
                List<ImageText> words = line.words().stream().map(t -> {
                    Region r = t.region();
                    Region inView = new Region(box.x() + (int) Math.floor(r.x() / f), box.y() + (int) Math.floor(r.y() / f),
                            (int) Math.ceil(r.w() / f), (int) Math.ceil(r.h() / f));
                    return new ImageText(t.text(), local.toOriginal(inView), t.confidence(), t.script());
                }).toList();
                out.add(new ReadLine(words));
            }
        }
        return out;
    }

    /** Several pictures read in one tesseract run (a list file), as single lines of serial characters. */
    private List<List<ReadLine>> runMany(List<BufferedImage> images, Pass pass, Path source) throws IOException {
        Path dir = Files.createTempDirectory("custody-ocr-");
        try {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < images.size(); i++) {
                Path f = dir.resolve("crop-" + i + ".png");
                ImageIO.write(images.get(i), "png", f.toFile());
                list.append(f).append('\n');
            }
            Path listFile = dir.resolve("crops.txt");
            Files.writeString(listFile, list.toString());
            Process p = start(List.of(binary, listFile.toString(), "stdout", "--psm", Integer.toString(pass.psm()),
                    "-l", pass.languages(), "-c", "tessedit_char_whitelist=" + SERIAL_CHARACTERS, "tsv"));
            return TesseractTsv.pages(drain(p, source), images.size());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
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
