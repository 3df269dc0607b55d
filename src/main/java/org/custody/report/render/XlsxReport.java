package org.custody.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.custody.report.QuarterlyReport;
import org.custody.report.ReportTable;

/**
 * Every table of the report as one sheet of an XLSX workbook (Apache POI, streaming, so large tables stay
 * out of memory). Whole numbers are written as numbers, everything else as text exactly as in the CSV.
 */
public final class XlsxReport {

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?\\d{1,15}");

    private XlsxReport() {}

    public static byte[] render(QuarterlyReport r) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            var props = wb.getXSSFWorkbook().getProperties().getCoreProperties();
            props.setTitle(r.title());
            props.setCreator("Custody " + r.custodyVersion());
            props.setDescription("data-fingerprint=" + r.dataFingerprint());
            props.setCreated(java.util.Optional.of(java.util.Date.from(r.asOf().atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
            for (ReportTable t : r.tables()) {
                Sheet sheet = wb.createSheet(t.id());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(t.title() + ": " + t.basis());
                Row header = sheet.createRow(1);
                List<String> cols = t.columns();
                for (int c = 0; c < cols.size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(cols.get(c));
                    cell.setCellStyle(head);
                }
                int n = 2;
                for (List<String> values : t.rows()) {
                    Row row = sheet.createRow(n++);
                    for (int c = 0; c < values.size(); c++) {
                        String v = values.get(c);
                        Cell cell = row.createCell(c);
                        if (WHOLE.matcher(v).matches()) cell.setCellValue(Long.parseLong(v));
                        else cell.setCellValue(v);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
