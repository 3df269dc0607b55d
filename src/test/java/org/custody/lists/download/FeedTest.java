package org.custody.lists.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class FeedTest {

    @Test
    void defaultsAreTheOfficialPublishers() {
        List<Feed> feeds = Feed.resolve(List.of(), new Properties());
        assertThat(feeds).extracting(Feed::name).containsExactly("ofac-sdn", "un-sc");
        assertThat(feeds.get(0).urls()).hasSize(4).allSatisfy(u ->
                assertThat(u.toString()).startsWith("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"));
        assertThat(feeds.get(1).urls()).containsExactly(URI.create("https://scsanctions.un.org/resources/xml/en/consolidated.xml"));
    }

    @Test
    void propertiesReplaceAddOrDropFeeds() {
        Properties p = new Properties();
        p.setProperty("lists.source.un-sc", "https://mirror.example/un.xml");
        p.setProperty("lists.source.ofac-cons", "https://x.example/cons_prim.csv https://x.example/cons_alt.csv");
        p.setProperty("lists.source.ofac-sdn", "");
        List<Feed> feeds = Feed.resolve(null, p);
        assertThat(feeds).extracting(Feed::name).containsExactly("un-sc", "ofac-cons");
        assertThat(feeds.get(0).urls()).containsExactly(URI.create("https://mirror.example/un.xml"));
        assertThat(feeds.get(1).urls()).hasSize(2);
    }

    @Test
    void commandLineSourcesWinAndMayNameTheirList() {
        Properties p = new Properties();
        p.setProperty("lists.source.un-sc", "https://mirror.example/un.xml");
        List<Feed> feeds = Feed.resolve(List.of("ofac-sdn=http://127.0.0.1:8080/SDN.CSV", "http://127.0.0.1:8080/x.xml"), p);
        assertThat(feeds).extracting(Feed::name).containsExactly("ofac-sdn", "default");
        assertThat(Feed.fileName(feeds.get(0).urls().getFirst(), 1)).isEqualTo("sdn.csv");
        assertThatThrownBy(() -> Feed.resolve(List.of("file:///etc/passwd"), p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an http(s) URL");
    }
}
