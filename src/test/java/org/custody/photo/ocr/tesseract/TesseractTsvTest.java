package org.custody.photo.ocr.tesseract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.custody.photo.Region;
import org.custody.photo.ocr.ReadLine;
import org.junit.jupiter.api.Test;

class TesseractTsvTest {

    static final String TSV = """
            level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
            1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t
            4\t1\t1\t1\t1\t0\t100\t200\t300\t50\t-1\t
            5\t1\t1\t1\t1\t1\t100\t200\t60\t50\t91.5\tS/N
            5\t1\t1\t1\t1\t2\t180\t202\t220\t48\t64.25\tFE123456
            5\t1\t2\t1\t1\t1\t300\t400\t200\t60\t80\tكتائب
            5\t1\t2\t1\t1\t2\t100\t400\t150\t60\t70\t \s
            """;

    @Test
    void wordsAreGroupedIntoLinesWithTheirOwnBoxesAndConfidences() {
        List<ReadLine> lines = TesseractTsv.lines(TSV);
        assertThat(lines).hasSize(2);
        ReadLine first = lines.get(0);
        assertThat(first.text()).isEqualTo("S/N FE123456");
        assertThat(first.words().get(1).region()).isEqualTo(new Region(180, 202, 220, 48));
        assertThat(first.words().get(1).confidence()).isEqualTo(0.6425);
        assertThat(first.region()).isEqualTo(new Region(100, 200, 300, 50));
        assertThat(first.confidence()).isEqualTo(0.6425);
        assertThat(first.script()).isEqualTo("Latin");
        assertThat(lines.get(1).script()).isEqualTo("Arabic");
        assertThat(lines.get(1).words()).hasSize(1);
    }

    @Test
    void aTruncatedRowIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> TesseractTsv.lines("level\tx\n5\t1\t1\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void aRunOverSeveralPicturesIsSplitIntoPagesEvenWhereNothingWasRead() {
        String tsv = """
                level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
                1\t1\t0\t0\t0\t0\t0\t0\t400\t90\t-1\t
                5\t1\t1\t1\t1\t1\t10\t20\t300\t50\t0.0\tSN117-41825
                1\t2\t0\t0\t0\t0\t0\t0\t400\t90\t-1\t
                1\t3\t0\t0\t0\t0\t0\t0\t400\t90\t-1\t
                5\t3\t1\t1\t1\t1\t12\t22\t290\t48\t55\tHN-49-203
                """;
        List<List<ReadLine>> pages = TesseractTsv.pages(tsv, 3);
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0)).singleElement().extracting(ReadLine::text).isEqualTo("SN117-41825");
        assertThat(pages.get(1)).isEmpty();
        assertThat(pages.get(2)).singleElement().extracting(ReadLine::text).isEqualTo("HN-49-203");
        assertThatThrownBy(() -> TesseractTsv.pages(tsv, 4)).hasMessageContaining("3 pages, 4 pictures");
    }
}
