package org.custody.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.custody.report.BasePlace;
import org.custody.report.MapPoint;
import org.custody.report.QuarterlyReport;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts and map, drawn by JFreeChart into images. The map needs no tiles or network: it
 * plots longitude against latitude (equirectangular, corrected for the latitude's shrinking of a degree of
 * longitude) over the bundled gazetteer's cities and province centres.
 */
public final class Charts {

    /** A rendered chart: a PNG, its size in pixels, and the sentence that describes it (alt text). */
    public record Chart(String id, String title, byte[] png, int width, int height, BufferedImage image, String description) {

        /** The report section the chart belongs in. */
        public String section() {
            return switch (id) {
                case "delinquency" -> "monitoring";
                case "cases" -> "diversion";
                case "deliveries" -> "deliveries";
                default -> "map";
            };
        }
    }

    static final int WIDTH = 1000;
    static final int HEIGHT = 520;
    private static final Color INK = new Color(0x1f, 0x3a, 0x5f);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private Charts() {}

    public static List<Chart> all(QuarterlyReport r) {
        return List.of(delinquency(r), cases(r), deliveries(r), map(r));
    }

    static Chart delinquency(QuarterlyReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);
        for (QuarterlyReport.TrendPoint p : r.delinquency()) {
            data.addValue(100 * p.share(), "delinquent share of enhanced items (%)", p.day().format(month));
        }
        JFreeChart chart = ChartFactory.createLineChart("Delinquency over time", "month end",
                "% of enhanced items delinquent", data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        plot.getDomainAxis().setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        LineAndShapeRenderer line = (LineAndShapeRenderer) plot.getRenderer();
        line.setSeriesPaint(0, INK);
        line.setSeriesStroke(0, new BasicStroke(3f));
        line.setDefaultShapesVisible(true);
        style(chart);
        QuarterlyReport.TrendPoint last = r.delinquency().isEmpty() ? null : r.delinquency().get(r.delinquency().size() - 1);
        return draw("delinquency", chart, "Line chart of the share of enhanced-monitoring items delinquent for inventory at "
                + "each month end" + (last == null ? "" : String.format(Locale.ROOT, "; on %s %d of %d (%.1f %%)",
                last.day(), last.delinquent(), last.enhanced(), 100 * last.share())) + ".");
    }

    static Chart cases(QuarterlyReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        r.casesByStatus().forEach((s, n) -> data.addValue(n, "cases", s));
        JFreeChart chart = ChartFactory.createBarChart("Diversion cases by status", "status", "cases", data,
                PlotOrientation.VERTICAL, false, false, false);
        bars(chart);
        return draw("cases", chart, "Bar chart of the quarter's diversion cases by current status: " + describe(r.casesByStatus()) + ".");
    }

    static Chart deliveries(QuarterlyReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        r.deliveriesByCategory().forEach((s, n) -> data.addValue(n, "items", s));
        JFreeChart chart = ChartFactory.createBarChart("Deliveries by category", "article category", "items delivered", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        bars(chart);
        return draw("deliveries", chart, "Bar chart of items delivered in the quarter by article category: "
                + (r.deliveriesByCategory().isEmpty() ? "none" : describe(r.deliveriesByCategory())) + ".");
    }

    static Chart map(QuarterlyReport r) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries cities = new XYSeries("gazetteer place", false, true);
        for (BasePlace p : r.basePlaces()) cities.add(p.lon(), p.lat());
        data.addSeries(cities);
        for (MapPoint.Kind k : MapPoint.Kind.values()) {
            XYSeries s = new XYSeries(k.legend(), false, true);
            for (MapPoint p : r.mapPoints()) if (p.kind() == k) s.add(p.lon(), p.lat());
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createScatterPlot("Sightings, checks and units' areas", "longitude (degrees)",
                "latitude (degrees)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        Shape small = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
        dots.setSeriesShape(0, small);
        dots.setSeriesPaint(0, new Color(0xb0, 0xb0, 0xb0));
        Color[] colours = {new Color(0x2b, 0x6c, 0xb0), new Color(0x2e, 0x8b, 0x57), new Color(0xc0, 0x39, 0x2b)};
        Shape[] shapes = {new Rectangle2D.Double(-7, -7, 14, 14), new Ellipse2D.Double(-6, -6, 12, 12),
                new java.awt.Polygon(new int[] {0, 8, -8}, new int[] {-9, 6, 6}, 3)};
        for (int i = 0; i < 3; i++) {
            dots.setSeriesShape(i + 1, shapes[i]);
            dots.setSeriesPaint(i + 1, colours[i]);
        }
        plot.setRenderer(dots);
        plot.setBackgroundPaint(new Color(0xf4, 0xf1, 0xea));
        // label the larger gazetteer places so the reader can place the points
        r.basePlaces().stream().filter(p -> p.kind().equals("city"))
                .sorted(Comparator.comparingLong(BasePlace::population).reversed().thenComparing(BasePlace::name)).limit(12)
                .forEach(p -> {
                    XYTextAnnotation a = new XYTextAnnotation(p.name(), p.lon(), p.lat() + 0.12);
                    a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                    a.setPaint(Color.DARK_GRAY);
                    a.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                    plot.addAnnotation(a);
                });
        if (!r.mapPoints().isEmpty() || !r.basePlaces().isEmpty()) {
            double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
            for (MapPoint p : r.mapPoints()) {
                minLat = Math.min(minLat, p.lat()); maxLat = Math.max(maxLat, p.lat());
                minLon = Math.min(minLon, p.lon()); maxLon = Math.max(maxLon, p.lon());
            }
            for (BasePlace p : r.basePlaces()) {
                minLat = Math.min(minLat, p.lat()); maxLat = Math.max(maxLat, p.lat());
                minLon = Math.min(minLon, p.lon()); maxLon = Math.max(maxLon, p.lon());
            }
            // equal ground distances on both axes: a degree of longitude is cos(latitude) of a degree of latitude
            double midLat = Math.toRadians((minLat + maxLat) / 2);
            double latSpan = Math.max(1, maxLat - minLat) + 1;
            double lonSpan = Math.max(1, maxLon - minLon) + 1;
            double aspect = (double) WIDTH / HEIGHT * 0.9;
            if (lonSpan * Math.cos(midLat) / latSpan < aspect) lonSpan = latSpan * aspect / Math.cos(midLat);
            else latSpan = lonSpan * Math.cos(midLat) / aspect;
            double cLat = (minLat + maxLat) / 2;
            double cLon = (minLon + maxLon) / 2;
            plot.getDomainAxis().setRange(cLon - lonSpan / 2, cLon + lonSpan / 2);
            plot.getRangeAxis().setRange(cLat - latSpan / 2, cLat + latSpan / 2);
        }
        style(chart);
        long units = r.mapPoints().stream().filter(p -> p.kind() == MapPoint.Kind.UNIT_AREA).count();
        long checks = r.mapPoints().stream().filter(p -> p.kind() == MapPoint.Kind.CHECK).count();
        long sightings = r.mapPoints().stream().filter(p -> p.kind() == MapPoint.Kind.SIGHTING).count();
        return draw("map", chart, "Map (longitude against latitude) of " + units + " unit areas, " + checks
                + " inventory checks and " + sightings + " sighting places over " + r.basePlaces().size()
                + " gazetteer places (GeoNames, CC BY).");
    }

    private static void bars(JFreeChart chart) {
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, INK);
        bars.setMaximumBarWidth(0.12);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(chart);
    }

    private static void style(JFreeChart chart) {
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
            p.getDomainAxis().setTickLabelFont(FONT);
            p.getRangeAxis().setTickLabelFont(FONT);
            p.getDomainAxis().setLabelFont(FONT);
            p.getRangeAxis().setLabelFont(FONT);
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.setDomainGridlinePaint(Color.WHITE);
            p.setRangeGridlinePaint(Color.WHITE);
            p.getDomainAxis().setLabelFont(FONT);
            p.getRangeAxis().setLabelFont(FONT);
        }
    }

    private static String describe(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    private static Chart draw(String id, JFreeChart chart, String description) {
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Chart(id, chart.getTitle().getText(), png.toByteArray(), WIDTH, HEIGHT, image, description);
    }
}
