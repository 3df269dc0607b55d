package org.custody.report.render;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custody.report.Figure;
import org.custody.report.QuarterlyReport;
import org.custody.report.ReportTable;
import org.custody.report.Section;

/**
 * The report as one self-contained HTML file (charts embedded as PNG data) that prints well: A4 pages, each
 * section on a new page, table headers repeated across pages, no navigation chrome.
 */
public final class HtmlReport {

    /** Rows of one table shown in the HTML; the CSV and XLSX hold all of them. */
    public static final int MAX_ROWS = 1000;

    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;font-size:10pt;color:#111;max-width:60em;margin:2em auto;padding:0 1em}
            h1{color:#1f3a5f;font-size:18pt}h2{color:#1f3a5f;font-size:15pt;border-bottom:1px solid #ccd}h3{font-size:11.5pt;margin-bottom:.2em}
            .basis,.how{color:#555;font-size:8.5pt}.fig{margin:.35em 0}.fig .v{font-weight:bold;color:#1f3a5f}.sub{margin-left:1.5em}
            table{border-collapse:collapse;width:100%;font-size:8pt;margin:.3em 0 1em}th{background:#e8ecf2;text-align:left}
            th,td{border-bottom:1px solid #d0d0d0;padding:2px 4px;vertical-align:top}img{max-width:100%;height:auto}
            nav ol{line-height:1.6}code{font-size:8pt;word-break:break-all}
            @page{size:A4;margin:18mm 15mm}
            @media print{body{margin:0;max-width:none}section{break-before:page}thead{display:table-header-group}tr,img,.fig{break-inside:avoid}}
            """;

    private HtmlReport() {}

    public static byte[] render(QuarterlyReport r, List<Charts.Chart> charts) {
        Map<String, Charts.Chart> chartFor = new HashMap<>();
        for (Charts.Chart c : charts) chartFor.put(c.section(), c);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(r.title()))
                .append("</title>\n<meta name=\"generator\" content=\"Custody ").append(esc(r.custodyVersion())).append("\">\n")
                .append("<meta name=\"custody-quarter\" content=\"").append(r.quarter()).append("\">\n")
                .append("<meta name=\"custody-country\" content=\"").append(esc(r.country().orElse(""))).append("\">\n")
                .append("<meta name=\"custody-data-fingerprint\" content=\"").append(r.dataFingerprint()).append("\">\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>").append(esc(r.title()))
                .append("</h1>\n<p>Built by Custody ").append(esc(r.custodyVersion())).append(" from the record as it stood; states are as of ")
                .append(r.asOf()).append(". Quarter ").append(r.quarter()).append(" (").append(r.quarter().start()).append(" to ")
                .append(r.quarter().end()).append(")").append(esc(r.country().map(c -> ", country " + c).orElse(", all countries")))
                .append(".</p>\n<p class=\"basis\">Data fingerprint (SHA-256 over every table): <code>").append(r.dataFingerprint())
                .append("</code>. The tables are also delivered as CSV and XLSX; <code>custody report verify FILE</code> tells whether "
                        + "a report still matches the record it claims.</p>\n<p class=\"basis\">\"In the quarter\" means the date a fact is "
                        + "about where the record has one (delivery, inventory check, follow-up, the date a vetting request is made for, the "
                        + "date of a case's evidence), otherwise the day Custody recorded it (vetting decisions and dismissals, case status "
                        + "changes), in UTC. Monitoring states are assessed on the quarter's last day.</p>\n")
                .append("<nav><h2>Contents</h2><ol>\n");
        for (Section s : r.sections()) {
            h.append("<li><a href=\"#").append(s.id()).append("\">").append(esc(s.title())).append("</a></li>\n");
        }
        h.append("</ol></nav>\n</header>\n");
        for (Section s : r.sections()) {
            h.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(esc(s.title())).append("</h2>\n<p class=\"basis\">")
                    .append(esc(s.basis())).append("</p>\n");
            for (Figure f : s.figures()) {
                boolean sub = f.label().startsWith("  ");
                h.append("<div class=\"fig").append(sub ? " sub" : "").append("\">").append(esc(f.label().trim()))
                        .append(": <span class=\"v\">").append(esc(f.value())).append("</span><div class=\"how\">")
                        .append(esc(f.explanation())).append("</div></div>\n");
            }
            Charts.Chart c = chartFor.get(s.id());
            if (c != null) {
                h.append("<figure><img width=\"").append(c.width()).append("\" height=\"").append(c.height())
                        .append("\" alt=\"").append(esc(c.description())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(c.png())).append("\"><figcaption class=\"how\">")
                        .append(esc(c.description())).append("</figcaption></figure>\n");
            }
            for (ReportTable t : s.tables()) table(h, t);
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder h, ReportTable t) {
        h.append("<h3 id=\"t-").append(t.id()).append("\">").append(esc(t.title())).append("</h3>\n<p class=\"basis\">")
                .append(esc(t.basis())).append(" (").append(t.id()).append(".csv)</p>\n<table>\n<thead><tr>");
        for (String c : t.columns()) h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(MAX_ROWS, t.rows().size());
        for (int i = 0; i < shown; i++) {
            h.append("<tr>");
            for (String v : t.rows().get(i)) h.append("<td>").append(esc(v)).append("</td>");
            h.append("</tr>\n");
        }
        if (t.rows().isEmpty()) h.append("<tr><td colspan=\"").append(t.columns().size()).append("\">(none)</td></tr>\n");
        h.append("</tbody>\n</table>\n");
        if (t.rows().size() > shown) {
            h.append("<p class=\"basis\">").append(t.rows().size() - shown).append(" more rows in ").append(t.id())
                    .append(".csv and report.xlsx.</p>\n");
        }
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
