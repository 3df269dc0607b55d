package org.custody.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest job's file listing and packing: path order kept, hidden names passed over, groups bounded. */
class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void listsFilesInPathOrderPassingOverHiddenNamesAndReadsThem() throws IOException {
        write("b/2.txt", "two");
        write("a.txt", "one");
        write("b/10.txt", "ten");
        write("_spark_metadata/x.txt", "hidden");
        write("b/.partial.txt", "hidden");
        List<InputFiles.File> files = InputFiles.list(new Configuration(), List.of(dir.toString()));
        List<String> names = new ArrayList<>();
        for (InputFiles.File f : files) names.add(dir.relativize(Path.of(IngestJob.localName(f.path()))).toString());
        assertThat(names).containsExactly("a.txt", "b/10.txt", "b/2.txt");
        assertThat(files).extracting(InputFiles.File::index).containsExactly(0L, 1L, 2L);
        assertThat(new String(files.get(1).read(new Configuration()), StandardCharsets.UTF_8)).isEqualTo("ten");
        assertThatThrownBy(() -> InputFiles.list(new Configuration(), List.of(dir.resolve("missing").toString())))
                .hasMessageContaining("missing: no such file or folder");
    }

    @Test
    void packsConsecutiveFilesUnderTheBoundAndSpreadsSmallInputsOverTheCores() {
        List<InputFiles.File> files = new ArrayList<>();
        for (int i = 0; i < 100; i++) files.add(new InputFiles.File("f" + i, i, 1000, 0));
        List<List<InputFiles.File>> big = InputFiles.pack(files, 10_000, 1000, 1);
        assertThat(big).hasSize(20).allSatisfy(g -> assertThat(g).hasSize(5));
        List<InputFiles.File> again = new ArrayList<>();
        big.forEach(again::addAll);
        assertThat(again).containsExactlyElementsOf(files);
        // 200,000 bytes in all over 4 cores: 50,000 a group at most, whatever the bound
        assertThat(InputFiles.pack(files, 1L << 30, 1000, 4)).hasSize(4);
        assertThat(InputFiles.pack(List.of(), 1 << 20, 1000, 2)).isEmpty();
        assertThat(IngestJob.orderPrefix(42)).isEqualTo("000000000042|").hasSize(IngestJob.ORDER_PREFIX);
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
