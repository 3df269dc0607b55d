package org.custody.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quarterly vetting and end-use-monitoring report as data: sections of figures and tables, the series
 * its charts draw, the points of its map and the gazetteer places under them. Renderers (PDF, HTML, CSV,
 * XLSX) only lay this out; every number is computed once, here or by the query that built it.
 *
 * @param asOf the day states (monitoring, decisions in force) are taken on: the quarter's last day
 */
public record QuarterlyReport(Quarter quarter, Optional<String> country, LocalDate asOf, String custodyVersion,
                              List<Section> sections, List<TrendPoint> delinquency, Map<String, Integer> casesByStatus,
                              Map<String, Integer> deliveriesByCategory, List<MapPoint> mapPoints,
                              List<BasePlace> basePlaces) {

    /** Enhanced-monitoring items delinquent on a day, of those delivered by then. */
    public record TrendPoint(LocalDate day, int delinquent, int enhanced) {
        public double share() {
            return enhanced == 0 ? 0 : (double) delinquent / enhanced;
        }
    }

    public QuarterlyReport {
        sections = List.copyOf(sections);
        delinquency = List.copyOf(delinquency);
        casesByStatus = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(casesByStatus));
        deliveriesByCategory = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deliveriesByCategory));
        mapPoints = List.copyOf(mapPoints);
        basePlaces = List.copyOf(basePlaces);
    }

    public String title() {
        return "Quarterly vetting and end-use monitoring report, " + quarter + country.map(c -> ", " + c).orElse("");
    }

    /** Parameters as they are printed, recorded in the audit log and read back by verification. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarter", quarter.toString());
        p.put("country", country.orElse(""));
        p.put("asOf", asOf.toString());
        return p;
    }

    /** Every table in print order, first the headline figures of all sections as one table. */
    public List<ReportTable> tables() {
        List<List<String>> rows = new ArrayList<>();
        for (Section s : sections) {
            for (Figure f : s.figures()) rows.add(List.of(s.title(), f.label(), f.value(), f.explanation()));
        }
        List<ReportTable> out = new ArrayList<>();
        out.add(new ReportTable("figures", "Headline figures", "Each figure with how it was computed and as of which date.",
                List.of("section", "figure", "value", "how computed"), rows));
        for (Section s : sections) out.addAll(s.tables());
        return out;
    }

    /**
     * Tables that describe the issuing of a report rather than the record (the audit checkpoint signed when
     * it was issued): printed, but left out of the data fingerprint and of verification, since a report
     * rebuilt later is issued at another point of the audit chain.
     */
    public static final java.util.Set<String> ISSUANCE_TABLES = java.util.Set.of("audit-checkpoint");

    /** The report with {@code table} added at the end of its appendix. */
    public QuarterlyReport withAppendixTable(ReportTable table) {
        List<Section> out = new ArrayList<>();
        boolean added = false;
        for (Section s : sections) {
            if (s.id().equals("appendix")) {
                List<ReportTable> tables = new ArrayList<>(s.tables());
                tables.add(table);
                s = new Section(s.id(), s.title(), s.basis(), s.figures(), tables);
                added = true;
            }
            out.add(s);
        }
        if (!added) throw new IllegalStateException("the report has no appendix");
        return new QuarterlyReport(quarter, country, asOf, custodyVersion, out, delinquency, casesByStatus,
                deliveriesByCategory, mapPoints, basePlaces);
    }

    /** SHA-256 of each table's CSV, by table id (tables of the record only, see {@link #ISSUANCE_TABLES}). */
    public Map<String, String> tableHashes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ReportTable t : tables()) if (!ISSUANCE_TABLES.contains(t.id())) out.put(t.id(), sha256(t.csv()));
        return out;
    }

    /** One SHA-256 over every table id and CSV: equal exactly when every table and figure is equal. */
    public String dataFingerprint() {
        StringBuilder sb = new StringBuilder();
        tableHashes().forEach((id, h) -> sb.append(id).append(' ').append(h).append('\n'));
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
