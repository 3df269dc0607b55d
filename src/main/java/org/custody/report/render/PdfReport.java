package org.custody.report.render;

import com.ibm.icu.text.Transliterator;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.custody.report.Figure;
import org.custody.report.QuarterlyReport;
import org.custody.report.ReportTable;
import org.custody.report.Section;

/**
 * Lays a {@link QuarterlyReport} out as a tagged PDF (PDFBox): selectable text in the standard Helvetica
 * fonts, a structure tree (document, headings, paragraphs, tables with header cells, figures with their
 * description as alternate text), bookmarks per section, a contents page and page numbers. The file is a
 * function of the report: fixed dates and a document id derived from the data fingerprint.
 */
public final class PdfReport {

    /** Rows of one table printed in the PDF; the CSV and XLSX hold all of them. */
    public static final int MAX_ROWS = 60;

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 20;
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private final PDStructureElement document;
    private final Map<PDPage, List<PDStructureElement>> marked = new LinkedHashMap<>();
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    private PdfReport() {
        PDStructureTreeRoot root = new PDStructureTreeRoot();
        doc.getDocumentCatalog().setStructureTreeRoot(root);
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        root.appendKid(document);
        PDMarkInfo info = new PDMarkInfo();
        info.setMarked(true);
        doc.getDocumentCatalog().setMarkInfo(info);
        doc.getDocumentCatalog().setLanguage("en");
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }

    public static byte[] render(QuarterlyReport r, List<Charts.Chart> charts) {
        try {
            return new PdfReport().write(r, charts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(QuarterlyReport r, List<Charts.Chart> charts) throws IOException {
        Map<String, Charts.Chart> chartFor = new HashMap<>();
        for (Charts.Chart c : charts) chartFor.put(c.section(), c);
        // the body first, so the contents page knows where each section starts; then the cover goes in front
        Map<String, PDPage> starts = new LinkedHashMap<>();
        PDDocumentOutline outline = new PDDocumentOutline();
        PDStructureElement coverPart = new PDStructureElement(StandardStructureTypes.PART, document);
        document.appendKid(coverPart);
        for (Section s : r.sections()) {
            newPage();
            starts.put(s.title(), page);
            PDStructureElement part = new PDStructureElement(StandardStructureTypes.SECT, document);
            document.appendKid(part);
            heading(part, s.title(), 16, StandardStructureTypes.H1);
            paragraph(part, s.basis(), 9.5f, false, Color.DARK_GRAY);
            if (!s.figures().isEmpty()) figures(part, s.figures());
            Charts.Chart chart = chartFor.get(s.id());
            if (chart != null) image(part, chart);
            for (ReportTable t : s.tables()) table(part, t);
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(s.title());
            PDPageFitWidthDestination dest = new PDPageFitWidthDestination();
            dest.setPage(starts.get(s.title()));
            item.setDestination(dest);
            outline.addLast(item);
        }
        cs.close();
        PDPage first = doc.getPage(0);
        newPage();
        doc.getPages().remove(page);
        doc.getPages().insertBefore(page, first);
        cover(coverPart, r, starts);
        cs.close();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        pageNumbers(r);
        parentTree();
        metadata(r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        doc.close();
        return out.toByteArray();
    }

    private void cover(PDStructureElement part, QuarterlyReport r, Map<String, PDPage> starts) throws IOException {
        heading(part, r.title(), 18, StandardStructureTypes.H1);
        paragraph(part, "Built by Custody " + r.custodyVersion() + " from the record as it stood; states are as of "
                + r.asOf() + ". Quarter " + r.quarter() + " (" + r.quarter().start() + " to " + r.quarter().end() + ")"
                + r.country().map(c -> ", country " + c).orElse(", all countries") + ".", 10, false, Color.BLACK);
        paragraph(part, "Data fingerprint (SHA-256 over every table): " + r.dataFingerprint(), 8, false, Color.DARK_GRAY);
        paragraph(part, "Every figure states how it was computed; the tables are also delivered as CSV and XLSX. "
                + "`custody report verify FILE` tells whether a report still matches the record it claims.", 9.5f, false, Color.DARK_GRAY);
        y -= 10;
        heading(part, "Contents", 13, StandardStructureTypes.H2);
        PDStructureElement toc = new PDStructureElement(StandardStructureTypes.TOC, part);
        part.appendKid(toc);
        for (Map.Entry<String, PDPage> e : starts.entrySet()) {
            int number = doc.getPages().indexOf(e.getValue()) + 1;
            PDStructureElement item = new PDStructureElement(StandardStructureTypes.TOCI, toc);
            toc.appendKid(item);
            text(item, StandardStructureTypes.P, e.getKey(), regular, 11, MARGIN + 10, y - 11, Color.BLACK);
            String n = String.valueOf(number);
            text(item, StandardStructureTypes.P, n, regular, 11, MARGIN + WIDTH - width(n, regular, 11), y - 11, Color.BLACK);
            y -= 17;
        }
        y -= 10;
        paragraph(part, "How to read this report: \"in the quarter\" means the date a fact is about where the record has one "
                + "(delivery, inventory check, follow-up, the date a vetting request is made for, the date of a case's evidence), "
                + "otherwise the day Custody recorded it (vetting decisions and dismissals, case status changes), in UTC. "
                + "Monitoring states are assessed on the quarter's last day.", 9, false, Color.DARK_GRAY);
    }

    private void figures(PDStructureElement parent, List<Figure> figures) throws IOException {
        PDStructureElement list = new PDStructureElement(StandardStructureTypes.L, parent);
        parent.appendKid(list);
        for (Figure f : figures) {
            PDStructureElement li = new PDStructureElement(StandardStructureTypes.LI, list);
            list.appendKid(li);
            boolean sub = f.label().startsWith("  ");
            float x = MARGIN + (sub ? 18 : 0);
            ensure(30);
            text(li, StandardStructureTypes.LBL, f.label().trim() + ": ", bold, 10, x, y - 10, Color.BLACK);
            float lw = width(f.label().trim() + ": ", bold, 10);
            text(li, StandardStructureTypes.L_BODY, f.value(), bold, 10, x + lw, y - 10, new Color(0x1f, 0x3a, 0x5f));
            y -= 13;
            for (String line : wrap(f.explanation(), regular, 8, WIDTH - (x - MARGIN) - 6)) {
                ensure(10);
                text(li, StandardStructureTypes.P, line, regular, 8, x + 6, y - 8, Color.DARK_GRAY);
                y -= 10;
            }
            y -= 3;
        }
        y -= 6;
    }

    private void image(PDStructureElement parent, Charts.Chart chart) throws IOException {
        float w = WIDTH;
        float h = w * chart.height() / chart.width();
        ensure(h + 14);
        PDImageXObject img = LosslessFactory.createFromImage(doc, chart.image());
        PDStructureElement fig = new PDStructureElement(StandardStructureTypes.Figure, parent);
        fig.setAlternateDescription(chart.description());
        parent.appendKid(fig);
        mark(fig, StandardStructureTypes.Figure);
        cs.drawImage(img, MARGIN, y - h, w, h);
        cs.endMarkedContent();
        y -= h + 14;
    }

    private void table(PDStructureElement parent, ReportTable t) throws IOException {
        ensure(60);
        y -= 6;
        heading(parent, t.title(), 12, StandardStructureTypes.H2);
        paragraph(parent, t.basis(), 8, false, Color.DARK_GRAY);
        int n = t.columns().size();
        float size = n > 7 ? 6.5f : 7.5f;
        float[] widths = columnWidths(t, size);
        PDStructureElement table = new PDStructureElement(StandardStructureTypes.TABLE, parent);
        parent.appendKid(table);
        if (t.rows().isEmpty()) {
            row(table, t.columns(), widths, size, true);
            paragraph(parent, "(none)", 8, false, Color.DARK_GRAY);
            return;
        }
        float headerHeight = rowHeight(wrapRow(t.columns(), widths, size), size);
        PDPage headerPage = null;
        int shown = Math.min(MAX_ROWS, t.rows().size());
        for (int i = 0; i < shown; i++) {
            float h = rowHeight(wrapRow(t.rows().get(i), widths, size), size);
            if (headerPage != page ? y - h - headerHeight < BOTTOM : y - h < BOTTOM) newPage();
            if (headerPage != page) {
                row(table, t.columns(), widths, size, true);
                headerPage = page;
            }
            row(table, t.rows().get(i), widths, size, false);
        }
        if (t.rows().size() > shown) {
            paragraph(parent, (t.rows().size() - shown) + " more rows in " + t.id() + ".csv and report.xlsx (sheet "
                    + t.id() + ").", 8, false, Color.DARK_GRAY);
        }
        y -= 8;
    }

    private void row(PDStructureElement table, List<String> values, float[] widths, float size, boolean header)
            throws IOException {
        List<List<String>> cells = wrapRow(values, widths, size);
        float h = rowHeight(cells, size);
        if (y - h < BOTTOM) newPage();
        PDStructureElement tr = new PDStructureElement(StandardStructureTypes.TR, table);
        table.appendKid(tr);
        if (header) {
            cs.beginMarkedContent(COSName.ARTIFACT);
            cs.setNonStrokingColor(new Color(0xe8, 0xec, 0xf2));
            cs.addRect(MARGIN, y - h, WIDTH, h);
            cs.fill();
            cs.endMarkedContent();
        }
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            PDStructureElement cell = new PDStructureElement(header ? StandardStructureTypes.TH : StandardStructureTypes.TD, tr);
            tr.appendKid(cell);
            float ly = y - size - 1;
            for (String line : cells.get(c)) {
                text(cell, StandardStructureTypes.P, line, header ? bold : regular, size, x + 2, ly, Color.BLACK);
                ly -= size + 2;
            }
            x += widths[c];
        }
        y -= h;
        cs.beginMarkedContent(COSName.ARTIFACT);
        cs.setStrokingColor(new Color(0xd0, 0xd0, 0xd0));
        cs.setLineWidth(0.4f);
        cs.moveTo(MARGIN, y);
        cs.lineTo(MARGIN + WIDTH, y);
        cs.stroke();
        cs.endMarkedContent();
    }

    private List<List<String>> wrapRow(List<String> values, float[] widths, float size) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < values.size(); c++) out.add(wrap(values.get(c), regular, size, widths[c] - 4));
        return out;
    }

    private static float rowHeight(List<List<String>> cells, float size) {
        int lines = 1;
        for (List<String> c : cells) lines = Math.max(lines, c.size());
        return lines * (size + 2) + 3;
    }

    private float[] columnWidths(ReportTable t, float size) throws IOException {
        int n = t.columns().size();
        float[] want = new float[n];
        for (int c = 0; c < n; c++) {
            want[c] = Math.max(width(t.columns().get(c), bold, size), 24);
            int rows = 0;
            for (List<String> r : t.rows()) {
                if (rows++ >= MAX_ROWS) break;
                want[c] = Math.max(want[c], Math.min(width(r.get(c), regular, size), 260));
            }
            want[c] += 6;
        }
        float total = 0;
        for (float w : want) total += w;
        if (total > WIDTH) {
            // shrink the widest columns first: narrow ones (counts, dates) keep their width
            float fair = WIDTH / n;
            float fixed = 0;
            float flexible = 0;
            for (float w : want) {
                if (w <= fair) fixed += w;
                else flexible += w;
            }
            float scale = (WIDTH - fixed) / flexible;
            for (int c = 0; c < n; c++) if (want[c] > fair) want[c] *= scale;
        } else {
            for (int c = 0; c < n; c++) want[c] *= WIDTH / total;
        }
        return want;
    }

    private void heading(PDStructureElement parent, String s, float size, String type) throws IOException {
        ensure(size + 24);
        for (String line : wrap(s, bold, size, WIDTH)) {
            text(parent, type, line, bold, size, MARGIN, y - size, new Color(0x1f, 0x3a, 0x5f));
            y -= size + 4;
        }
        y -= size * 0.6f;
    }

    private void paragraph(PDStructureElement parent, String s, float size, boolean isBold, Color colour) throws IOException {
        PDType1Font font = isBold ? bold : regular;
        for (String line : wrap(s, font, size, WIDTH)) {
            ensure(size + 4);
            text(parent, StandardStructureTypes.P, line, font, size, MARGIN, y - size, colour);
            y -= size + 3;
        }
        y -= 5;
    }

    /** Draws one line of text as its own structure element (kind {@code type}) under {@code parent}. */
    private void text(PDStructureElement parent, String type, String s, PDType1Font font, float size, float x, float baseline,
                      Color colour) throws IOException {
        PDStructureElement el = new PDStructureElement(type, parent);
        parent.appendKid(el);
        mark(el, type);
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, baseline);
        cs.showText(printable(s));
        cs.endText();
        cs.endMarkedContent();
    }

    /** Opens marked content with the next MCID of the page and records {@code el} for the parent tree. */
    private int mark(PDStructureElement el, String type) throws IOException {
        List<PDStructureElement> onPage = marked.computeIfAbsent(page, p -> new ArrayList<>());
        int mcid = onPage.size();
        onPage.add(el);
        el.setPage(page);
        el.appendKid(mcid);
        COSDictionary props = new COSDictionary();
        props.setInt(COSName.MCID, mcid);
        cs.beginMarkedContent(COSName.getPDFName(type), PDPropertyList.create(props));
        return mcid;
    }

    private void parentTree() {
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        Map<Integer, COSBase> numbers = new LinkedHashMap<>();
        int key = 0;
        for (PDPage p : doc.getPages()) {
            List<PDStructureElement> els = marked.get(p);
            if (els == null) continue;
            COSArray arr = new COSArray();
            for (PDStructureElement e : els) arr.add(e);
            p.setStructParents(key);
            numbers.put(key++, arr);
        }
        PDNumberTreeNode tree = new PDNumberTreeNode(COSBase.class);
        tree.setNumbers(numbers);
        root.setParentTree(tree);
        root.setParentTreeNextKey(key);
    }

    private void pageNumbers(QuarterlyReport r) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage p = doc.getPage(i);
            p.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                s.beginMarkedContent(COSName.ARTIFACT);
                s.beginText();
                s.setFont(regular, 8);
                s.setNonStrokingColor(Color.GRAY);
                String left = printable(r.title());
                String right = "page " + (i + 1) + " of " + total;
                s.newLineAtOffset(MARGIN, MARGIN - 10);
                s.showText(left);
                s.endText();
                s.beginText();
                s.newLineAtOffset(MARGIN + WIDTH - width(right, regular, 8), MARGIN - 10);
                s.showText(right);
                s.endText();
                s.endMarkedContent();
            }
        }
    }

    private void metadata(QuarterlyReport r) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(printable(r.title()));
        info.setAuthor("Custody");
        info.setSubject("quarter=" + r.quarter() + "; country=" + r.country().orElse("") + "; asOf=" + r.asOf());
        info.setCreator("Custody " + r.custodyVersion());
        info.setProducer("Custody " + r.custodyVersion() + " (Apache PDFBox)");
        info.setKeywords("data-fingerprint=" + r.dataFingerprint());
        Calendar day = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        day.clear();
        day.set(r.asOf().getYear(), r.asOf().getMonthValue() - 1, r.asOf().getDayOfMonth());
        info.setCreationDate(day);
        info.setModificationDate(day);
        info.setCustomMetadataValue("CustodyDataFingerprint", r.dataFingerprint());
        byte[] id = java.util.HexFormat.of().parseHex(r.dataFingerprint().substring(0, 32));
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private void newPage() throws IOException {
        if (cs != null) cs.close();
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = TOP;
    }

    private void ensure(float h) throws IOException {
        if (y - h < BOTTOM) newPage();
    }

    private float width(String s, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(printable(s)) / 1000 * size;
    }

    private List<String> wrap(String s, PDType1Font font, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        String text = printable(s);
        if (text.isEmpty()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) lines.add(line.toString());
            line.setLength(0);
            // a word longer than the line (hashes, serial lists) is cut where it no longer fits
            String w = word;
            while (width(w, font, size) > max && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && width(w.substring(0, cut), font, size) > max) cut--;
                lines.add(w.substring(0, cut));
                w = w.substring(cut);
            }
            line.append(w);
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /**
     * Text the standard fonts can show: other scripts are romanised (ICU Any-Latin), anything still outside
     * WinAnsi becomes '?', and control characters become spaces.
     */
    String printable(String s) {
        if (s == null) return "";
        boolean ok = true;
        for (int i = 0; i < s.length() && ok; i++) {
            char ch = s.charAt(i);
            ok = ch >= ' ' && ch != 0x7f && canShow(ch);
        }
        if (ok) return s;
        String t = CONTROL.matcher(s).replaceAll(" ");
        t = TO_LATIN.transliterate(t);
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) sb.append(canShow(t.charAt(i)) ? t.charAt(i) : '?');
        return sb.toString();
    }

    private boolean canShow(char ch) {
        if (ch < 128) return true;
        return encodable.computeIfAbsent((int) ch, k -> {
            try {
                regular.encode(String.valueOf(ch));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }
}
