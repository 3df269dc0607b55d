package org.custody.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A list version's own files and publisher's date, as screening results and {@code lists show} give them. */
class ListVersionTest {

    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);

    static ListVersion version(String publishedAt, String source) {
        return new ListVersion("ofac-sdn", 3, publishedAt, Instant.EPOCH, "c".repeat(64), 10, source);
    }

    @Test
    void filesAreReadFromAnImportOfLocalFiles(@TempDir Path dir) throws Exception {
        Path sdn = Files.writeString(dir.resolve("sdn.csv"), "1,\"X\"\n");
        Path alt = Files.writeString(dir.resolve("alt.csv"), "");
        ListVersion v = version(null, SourceFiles.provenance(List.of(sdn, alt), true));
        assertThat(v.files()).extracting(ListVersion.SourceFile::name).containsExactly("sdn.csv", "alt.csv");
        assertThat(v.files().get(0).bytes()).isEqualTo(Files.size(sdn));
        assertThat(v.files().get(1).sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"); // SHA-256 of nothing
        assertThat(v.publisherDate()).isEqualTo("not stated by the publisher");
        assertThat(v.provenanceLine()).isEqualTo("ofac-sdn v3, published date not stated by the publisher; sdn.csv sha256:"
                + v.files().get(0).sha256() + ", alt.csv sha256:" + v.files().get(1).sha256());
    }

    @Test
    void filesAreReadFromAnUpdateThatNamesItsFeed() {
        ListVersion v = version("2026-02-27T00:00:09.554Z", "https://example.org/a/SDN.CSV https://example.org/a/ALT.CSV → sdn.csv sha256:"
                + A + " (12 bytes); alt.csv sha256:" + B + " (0 bytes)");
        assertThat(v.files()).containsExactly(new ListVersion.SourceFile("sdn.csv", A, 12),
                new ListVersion.SourceFile("alt.csv", B, 0));
        assertThat(v.provenanceLine()).startsWith("ofac-sdn v3, published 2026-02-27T00:00:09.554Z; sdn.csv sha256:" + A);
    }

    @Test
    void aVersionRecordedWithoutItsFilesSaysSo() {
        ListVersion v = version(" ", "bundled");
        assertThat(v.files()).isEmpty();
        assertThat(v.publisherDate()).isEqualTo(ListVersion.NOT_STATED);
        assertThat(v.provenanceLine()).endsWith("files not recorded (content sha256:" + "c".repeat(64) + ")");
    }
}
