package org.custody.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.custody.catalog.json.CatalogJson;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

    static CatalogJson.Contents read(String json) throws IOException {
        return CatalogJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "cat.json");
    }

    @Test
    void readsArticlesAndFamilies() throws IOException {
        var c = read("""
                {"families":[{"name":"LAV","aliases":["LAV family"]}],
                 "articles":[{"id":"lav-25","category":"infantry fighting vehicle","designation":"LAV-25",
                              "family":"LAV","aliases":["LAV 25"],"enhancedMonitoring":true}]}""");
        assertThat(c.articles()).singleElement().satisfies(a -> {
            assertThat(a.category()).isEqualTo(Category.INFANTRY_FIGHTING_VEHICLE);
            assertThat(a.enhancedMonitoring()).isTrue();
        });
        assertThat(c.familyAliases()).containsKey("LAV");
    }

    @Test
    void badCategoryNamesRecordAndField() {
        assertThatThrownBy(() -> read("""
                {"articles":[{"id":"a","category":"MBT","designation":"A"},
                             {"id":"b","category":"spaceship","designation":"B"}]}"""))
                .hasMessageContaining("cat.json").hasMessageContaining("articles[0]")
                .hasMessageContaining("'category'");
    }

    @Test
    void missingDesignationAndWrongTypesAreRefused() {
        assertThatThrownBy(() -> read("{\"articles\":[{\"id\":\"a\",\"category\":\"MORTAR\"}]}"))
                .hasMessageContaining("articles[0]").hasMessageContaining("'designation'");
        assertThatThrownBy(() -> read("{\"articles\":[{\"id\":\"a\",\"category\":\"MORTAR\",\"designation\":\"A\","
                + "\"enhancedMonitoring\":\"yes\"}]}")).hasMessageContaining("'enhancedMonitoring'");
        assertThatThrownBy(() -> read("{\"articles\":[{\"id\":\"A B\",\"category\":\"MORTAR\",\"designation\":\"A\"}]}"))
                .hasMessageContaining("id");
        assertThatThrownBy(() -> read("{\"articles\":")).hasMessageContaining("not valid JSON");
    }

    @Property(tries = 300)
    void arbitraryInputIsReadOrRefusedWithAMessage(@ForAll String text) {
        try {
            read(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("cat.json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
