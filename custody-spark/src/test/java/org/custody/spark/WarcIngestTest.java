package org.custody.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.custody.catalog.json.CatalogJson;
import org.custody.cli.BatchLines;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;
import org.custody.spark.synthetic.SyntheticArticles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WARC input of the {@code ingest} job: a crawl file written here (warcinfo, request, HTTP responses of HTML pages,
 * one chunked and gzip-encoded, a 404, an image, a redirect, a text resource, metadata), read by the job in local[2];
 * its documents must be exactly the pages and the text, each analysed as {@code custody ingest} analyses the
 * same bytes, and a malformed file must be refused whole with its name and the record's offset.
 */
class WarcIngestTest {

    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = CustodySparkJobs.session("custody warc test");
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) spark.stop();
    }

    /** One WARC record: version line, headers, CRLF, the block, CRLF CRLF. */
    static byte[] record(String version, String type, String uri, String date, String contentType, byte[] block) {
        String head = version + "\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(block)
                + ">\r\nWARC-Date: " + date + "\r\n" + (uri == null ? "" : "WARC-Target-URI: " + uri + "\r\n")
                + "Content-Type: " + contentType + "\r\nContent-Length: " + block.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(block);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] http(int status, String contentType, String extraHeaders, byte[] body) {
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\n" + extraHeaders + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    static byte[] chunked(byte[] b, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < b.length; i += size) {
            int n = Math.min(size, b.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static String page(String article) {
        // the synthetic article's header lines become the page's title, its body the paragraphs
        String[] parts = article.split("\n\n", 2);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>");
        html.append(parts[0].lines().filter(l -> l.startsWith("Title:")).findFirst().orElse("Title: page").substring(6).strip());
        html.append("</title></head><body>");
        for (String p : parts[1].split("\n\n")) html.append("<p>").append(p.strip()).append("</p>");
        return html.append("</body></html>").toString();
    }

    record Written(Path file, TreeMap<Long, String> expectedNames, TreeMap<Long, byte[]> payloads, TreeMap<Long, Instant> dates) {}

    /** A crawl of six records, three of them documents; each record its own gzip member when {@code gz}. */
    static Written crawl(Path file, boolean gz, String version) throws IOException {
        SyntheticArticles synthetic = new SyntheticArticles();
        String a0 = synthetic.document(21, 0), a1 = synthetic.document(21, 1), a2 = synthetic.document(21, 2);
        byte[] html0 = page(a0).getBytes(StandardCharsets.UTF_8);
        byte[] html1 = page(a1).getBytes(StandardCharsets.UTF_8);
        byte[] text2 = a2.getBytes(StandardCharsets.UTF_8);
        List<byte[]> records = new ArrayList<>();
        records.add(record(version, "warcinfo", null, "2026-11-30T10:00:00Z", "application/warc-fields",
                "software: custody test\r\nformat: WARC File Format 1.1\r\n".getBytes(StandardCharsets.UTF_8)));
        records.add(record(version, "request", "https://news.example/a0", "2026-11-30T10:00:01Z", "application/http; msgtype=request",
                "GET /a0 HTTP/1.1\r\nHost: news.example\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        records.add(record(version, "response", "https://news.example/a0", "2026-11-30T10:00:02Z", "application/http; msgtype=response",
                http(200, "text/html; charset=utf-8", "", html0)));
        records.add(record(version, "response", "https://news.example/a1", "2026-11-30T10:00:03Z", "application/http; msgtype=response",
                http(200, "text/html", "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(gzip(html1), 100))));
        records.add(record(version, "response", "https://news.example/missing", "2026-11-30T10:00:04Z", "application/http; msgtype=response",
                http(404, "text/html", "", "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8))));
        records.add(record(version, "response", "https://news.example/logo.png", "2026-11-30T10:00:05Z", "application/http; msgtype=response",
                http(200, "image/png", "", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2})));
        records.add(record(version, "response", "https://news.example/old", "2026-11-30T10:00:06Z", "application/http; msgtype=response",
                http(301, "text/html", "Location: https://news.example/a0\r\n", new byte[0])));
        records.add(record(version, "resource", "file:///field/a2.txt", "2026-11-30T10:00:07Z", "text/plain", text2));
        records.add(record(version, "metadata", "https://news.example/a0", "2026-11-30T10:00:08Z", "application/warc-fields",
                "via: https://news.example/\r\n".getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long offset = 0;
        TreeMap<Long, String> names = new TreeMap<>();
        TreeMap<Long, byte[]> payloads = new TreeMap<>();
        TreeMap<Long, Instant> dates = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i);
            if (i == 2 || i == 3 || i == 7) {
                names.put(offset, file + "@" + offset + (i == 7 ? ".txt" : ".html"));
                payloads.put(offset, i == 2 ? html0 : i == 3 ? html1 : text2);
                dates.put(offset, Instant.parse("2026-11-30T10:00:0" + (i == 7 ? 7 : i) + "Z"));
            }
            out.writeBytes(gz ? gzip(r) : r);
            offset += r.length;
        }
        Files.write(file, out.toByteArray());
        return new Written(file, names, payloads, dates);
    }

    @Test
    void readerFindsTheDocumentsOfACrawlAndPassesOverTheRest() throws IOException {
        Written w = crawl(dir.resolve("reader.warc"), false, "WARC/1.0");
        List<WarcReader.Document> docs = WarcReader.read(w.file().toString(), Files.readAllBytes(w.file()));
        assertThat(docs).extracting(WarcReader.Document::offset).containsExactlyElementsOf(w.expectedNames().keySet());
        for (WarcReader.Document d : docs) {
            assertThat(d.payload()).as("payload at %d", d.offset()).isEqualTo(w.payloads().get(d.offset()));
            assertThat(d.date()).isEqualTo(w.dates().get(d.offset()));
        }
        assertThat(docs).extracting(WarcReader.Document::html).containsExactly(true, true, false);
        assertThat(docs.get(1).targetUri()).isEqualTo("https://news.example/a1");
    }

    @Test
    void malformedFilesAreRefusedWithTheFileAndTheOffset() throws IOException {
        byte[] good = record("WARC/1.1", "resource", "file:///x.txt", "2026-11-30T10:00:00Z", "text/plain",
                "Title: x\n\nSome text.".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 10);
        byte[] both = new byte[good.length + truncated.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(truncated, 0, both, good.length, truncated.length);
        assertThatThrownBy(() -> WarcReader.read("cut.warc", both)).isInstanceOf(WarcReader.Malformed.class)
                .hasMessageContaining("cut.warc").hasMessageContaining("byte " + good.length).hasMessageContaining("ends inside");
        byte[] old = new String(good, StandardCharsets.ISO_8859_1).replace("WARC/1.1", "WARC/0.9").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> WarcReader.read("old.warc", old)).hasMessageContaining("old.warc: WARC record at byte 0")
                .hasMessageContaining("WARC/0.9");
        byte[] wrongLength = new String(good, StandardCharsets.ISO_8859_1).replace("Content-Length: ", "Content-Length: 1")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> WarcReader.read("long.warc", wrongLength)).isInstanceOf(WarcReader.Malformed.class)
                .hasMessageContaining("long.warc: WARC record at byte 0");
        byte[] noLength = new String(good, StandardCharsets.ISO_8859_1).replaceAll("Content-Length: \\d+\r\n", "")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> WarcReader.read("nolength.warc", noLength)).hasMessageContaining("no Content-Length");
        assertThatThrownBy(() -> WarcReader.read("plain.warc.gz", good)).hasMessageContaining("not gzip-compressed");
    }

    @Test
    void theJobTakesInCompressedCrawlsAsTheCliAnalysesTheSameBytes() throws IOException {
        Path input = dir.resolve("crawls");
        Files.createDirectories(input.resolve("2026/11"));
        Written gz = crawl(input.resolve("2026/11/crawl-1.warc.gz"), true, "WARC/1.1");
        Written plain = crawl(input.resolve("crawl-2.warc"), false, "WARC/1.0");   // the same documents again
        Path out = dir.resolve("warc-out");
        IngestJob.Summary summary = IngestJob.run(spark, null, null,
                new IngestJob.Settings(List.of(input.toString()), out.toString(), false, 200));
        assertThat(summary.refused()).isZero();
        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.documents()).isEqualTo(3);
        assertThat(summary.duplicates()).as("the second crawl repeats the first").isEqualTo(3);

        // what the CLI's intake and analysis make of each payload under the record's name and date
        EvidenceAnalyzer analyzer = EvidenceAnalyzer.standard(new CatalogArticleResolver(CatalogJson.starter().catalog()), null);
        List<String> expected = new ArrayList<>();
        // the copy kept is the first in path order: crawl-1 sorts under 2026/, before crawl-2.warc
        String first = gz.file().toString().compareTo(plain.file().toString()) < 0 ? "gz" : "plain";
        Written kept = first.equals("gz") ? gz : plain;
        for (long offset : kept.expectedNames().keySet()) {
            for (var d : Intake.read(kept.expectedNames().get(offset), kept.payloads().get(offset), kept.dates().get(offset))) {
                expected.add(BatchLines.ingest(analyzer.analyze(d)));
            }
        }
        List<String> lines = SparkEquivalenceTest.partLines(out.resolve("jsonl"));
        assertThat(lines).containsExactlyElementsOf(expected);
        assertThat(String.join("\n", lines)).contains("\"kind\":\"html\"").contains(".warc.gz@");
    }

    @Test
    void theJobRefusesAMalformedCrawlWhole() throws IOException {
        Path input = dir.resolve("bad-crawls");
        Files.createDirectories(input);
        Written w = crawl(input.resolve("bad.warc"), false, "WARC/1.1");
        byte[] bytes = Files.readAllBytes(w.file());
        long cut = w.expectedNames().lastKey();
        Files.write(w.file(), java.util.Arrays.copyOf(bytes, (int) cut + 40));
        Path out = dir.resolve("bad-out");
        IngestJob.Summary summary = IngestJob.run(spark, null, null,
                new IngestJob.Settings(List.of(input.toString()), out.toString(), false, 200));
        assertThat(summary.refused()).isEqualTo(1);
        assertThat(summary.documents()).as("nothing of a refused file is kept").isZero();
        String reasons = String.join("\n", SparkEquivalenceTest.partLines(out.resolve("refused")));
        assertThat(reasons).contains("bad.warc: WARC record at byte " + cut);
    }
}
