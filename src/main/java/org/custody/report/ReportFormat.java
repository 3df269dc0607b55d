package org.custody.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The files a report can be written as. */
public enum ReportFormat {
    PDF, HTML, CSV, XLSX;

    /** Parses {@code pdf,html,csv,xlsx} (any subset, any order). */
    public static Set<ReportFormat> parse(String list) {
        Set<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
        for (String part : list.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            try {
                out.add(valueOf(p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format: '" + part.trim() + "' is not one of pdf, html, csv, xlsx");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--format: name at least one of pdf, html, csv, xlsx");
        return out;
    }
}
