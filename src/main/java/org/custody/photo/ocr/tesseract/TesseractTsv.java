package org.custody.photo.ocr.tesseract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.photo.ImageText;
import org.custody.photo.Region;
import org.custody.photo.ocr.ReadLine;

/**
 * Tesseract's {@code tsv} output (level, page, block, paragraph, line, word, left, top, width, height, conf,
 * text) turned into lines of words, each word with its box, its confidence (0–1) and its script (Arabic when
 * any letter is Arabic, else Latin).
 */
public final class TesseractTsv {

    private TesseractTsv() {}

    public static List<ReadLine> lines(String tsv) {
        Map<String, List<ImageText>> byLine = new LinkedHashMap<>();
        String[] rows = tsv.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i];
            if (row.isBlank() || row.startsWith("level")) continue;
            String[] f = row.split("\t", -1);
            if (f.length < 12) throw new IllegalArgumentException("tesseract tsv line " + (i + 1) + ": " + f.length + " fields, 12 expected");
            if (!"5".equals(f[0]) || f[11].isBlank()) continue;
            Region box = new Region(Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]));
            String text = f[11].strip();
            double conf = Math.max(0, Double.parseDouble(f[10])) / 100.0;
            byLine.computeIfAbsent(f[1] + "/" + f[2] + "/" + f[3] + "/" + f[4], k -> new ArrayList<>())
                    .add(new ImageText(text, box, conf, script(text)));
        }
        List<ReadLine> out = new ArrayList<>();
        for (List<ImageText> words : byLine.values()) out.add(new ReadLine(words));
        return out;
    }

    /**
     * The output of one run over several pictures (a list file): the lines of each picture in the list's order.
     * Every picture, read or not, opens with a page row (level 1).
     */
    public static List<List<ReadLine>> pages(String tsv, int count) {
        List<StringBuilder> pages = new ArrayList<>();
        for (String row : tsv.split("\\R")) {
            if (row.isBlank() || row.startsWith("level")) continue;
            if (row.startsWith("1\t")) pages.add(new StringBuilder());
            else if (!pages.isEmpty()) pages.get(pages.size() - 1).append(row).append('\n');
        }
        if (pages.size() != count) {
            throw new IllegalArgumentException("tesseract tsv holds " + pages.size() + " pages, " + count + " pictures were given");
        }
        List<List<ReadLine>> out = new ArrayList<>();
        for (StringBuilder page : pages) out.add(lines(page.toString()));
        return out;
    }

    static String script(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) ? "Arabic" : "Latin";
    }
}
