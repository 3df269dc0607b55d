package org.custody.report;

import java.util.List;

/** A chapter of a report: its headline figures with their explanations, then its tables. */
public record Section(String id, String title, String basis, List<Figure> figures, List<ReportTable> tables) {

    public Section {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }
}
