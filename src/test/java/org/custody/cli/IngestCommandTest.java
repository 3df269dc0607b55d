package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custody.config.CustodyHome;
import org.custody.evidence.StoredClaim;
import org.custody.evidence.Story;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.evidence.EvidenceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class IngestCommandTest {

    @TempDir
    Path home;

    private Database db;
    private CliContext context;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh();
        context = new CliContext(new CustodyHome(home), db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        CliRun r = CliRun.run(context, args);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String line : out.split("\n")) if (!line.isBlank()) l.add(Json.MAPPER.readTree(line));
        return l;
    }

    private long count(String table) {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void ingestPrintsTheDocumentedShapeAndReingestChangesNothing() throws Exception {
        Run r = run("ingest", "--json", "data/corpus", "../shared/corpus/newsmax-2015-us-weapons-militias.txt");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> docs = lines(r.out());
        assertThat(docs).hasSize(7);
        for (JsonNode d : docs) {
            assertThat(iterable(d.fieldNames())).containsExactly("document", "mentions", "claims", "quotes", "origins", "storyId", "photos", "notes");
            for (JsonNode m : d.get("mentions")) {
                assertThat(iterable(m.fieldNames())).containsExactly("type", "text", "start", "end", "resolved");
                assertThat(Set.of("article", "actor", "place", "date", "amount")).contains(m.get("type").asText());
                if (!m.get("resolved").isNull()) assertThat(iterable(m.get("resolved").fieldNames())).containsExactly("id", "name");
            }
            for (JsonNode c : d.get("claims")) {
                assertThat(iterable(c.fieldNames())).containsExactly("kind", "article", "holder", "stance", "attributedTo",
                        "sentence", "start", "end");
                assertThat(Set.of("asserted", "denied", "hedged")).contains(c.get("stance").asText());
            }
            assertThat(d.get("storyId").asText()).startsWith("story-");
        }
        long documents = count("evidence_document");
        long mentions = count("evidence_mention");
        long audit = count("audit_log");
        assertThat(documents).isEqualTo(7);

        Run again = run("ingest", "--json", "data/corpus", "../shared/corpus/newsmax-2015-us-weapons-militias.txt");
        assertThat(again.code()).isZero();
        assertThat(count("evidence_document")).isEqualTo(documents);
        assertThat(count("evidence_mention")).isEqualTo(mentions);
        assertThat(count("audit_log")).isEqualTo(audit);
        List<JsonNode> second = lines(again.out());
        for (int i = 0; i < docs.size(); i++) {
            assertThat(second.get(i).get("document").get("stored").asText()).isEqualTo("unchanged");
            assertThat(second.get(i).get("storyId")).isEqualTo(docs.get(i).get("storyId"));
        }
    }

    @Test
    void syndicatedCopyIsLinkedToItsOriginalAndCountsAsOneSource() {
        assertThat(run("ingest", "data/corpus/wire-2018-kirkuk-humvees.txt").code()).isZero();
        assertThat(run("ingest", "data/corpus/syndicated-2018-kirkuk-humvees.txt", "data/corpus/statement-2015-pentagon-denial.txt").code()).isZero();
        EvidenceStore store = new EvidenceStore(db);
        List<Story> stories = store.stories();
        assertThat(stories).hasSize(2);
        Story kirkuk = stories.stream().filter(s -> s.documents().size() == 2).findFirst().orElseThrow();
        assertThat(kirkuk.documents().get(1).nearDuplicateOf()).isEqualTo(kirkuk.documents().get(0).id());
        assertThat(kirkuk.independentSources()).isEqualTo(1);
        List<StoredClaim> claims = store.claims();
        assertThat(claims).isNotEmpty();
        assertThat(claims).allSatisfy(c -> assertThat(c.storyId()).isNotNull());
        Run stories2 = run("stories", "--json");
        assertThat(stories2.out().lines().count()).isEqualTo(2);
    }

    @Test
    void storedClaimsCarryPlaceDateSerialsAndFeedDiversion() {
        assertThat(run("ingest", "data/corpus/wire-2018-kirkuk-humvees.txt", "data/corpus/syndicated-2018-kirkuk-humvees.txt",
                "data/corpus/field-report-2018-tuz-khurmatu.json").code()).isZero();
        EvidenceStore store = new EvidenceStore(db);
        List<StoredClaim> claims = store.claims();
        StoredClaim drove = claims.stream().filter(c -> c.kind() == org.custody.evidence.ClaimKind.USE
                && "actor:kh".equals(c.holderId())).findFirst().orElseThrow(() -> new AssertionError(claims.toString()));
        assertThat(drove.articleFamily()).isEqualTo("HMMWV");
        assertThat(drove.placeName()).isEqualTo("Kirkuk");
        assertThat(drove.latitude()).isNotNull();
        assertThat(drove.date()).isEqualTo(java.time.LocalDate.of(2018, 2, 5));
        assertThat(drove.claimId()).startsWith(drove.documentId() + "#");
        List<org.custody.diversion.EvidenceClaim> feed = org.custody.store.evidence.DiversionFeed.claims(store);
        assertThat(feed).isNotEmpty();
        // the wire story and its syndicated copy: same relation, one origin
        Set<Set<String>> originsOfKh = new java.util.HashSet<>();
        feed.stream().filter(e -> "actor:kh".equals(e.holder().id()) && e.kind() == org.custody.diversion.ClaimKind.USE)
                .forEach(e -> originsOfKh.add(e.origins()));
        assertThat(originsOfKh).hasSize(1);
        assertThat(claims.stream().flatMap(c -> c.serials().stream())).contains("W1234567");
    }

    @Test
    void refusedFilesAreReportedAndNothingOfThemIsStored(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("junk.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Files.writeString(dir.resolve("bad.json"), "{\"format\":\"custody-field-report/1\",\"reportId\":\"A\"}");
        Files.writeString(dir.resolve("good.txt"), "Badr Organization fighters were seen with M16 rifles in Kirkuk.");
        Run r = run("ingest", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("junk.txt").contains("PNG").contains("bad.json").contains("'organisation'")
                .contains("1 document(s) stored").contains("2 refused");
        assertThat(count("evidence_document")).isEqualTo(1);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
