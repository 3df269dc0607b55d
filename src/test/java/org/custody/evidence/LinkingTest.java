package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custody.catalog.json.CatalogJson;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.lists.ListVersion;
import org.custody.lists.ParsedList;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.screening.ScreeningEngine;
import org.junit.jupiter.api.Test;

/**
 * Actor linking against the real OFAC SDN list (2024-05-03), which lists WASHINGTON TRADING LTD, HAMAS and
 * KATA'IB HIZBALLAH: a one-word match links only to an entity listed under that one word, and context
 * (the text's country) reads "regime" without a watchlist.
 */
class LinkingTest {

    private static final EvidenceAnalyzer ANALYZER;

    static {
        Path shared = Path.of(System.getenv().getOrDefault("CUSTODY_SHARED_DATA", "../shared/data"));
        ParsedList sdn = OfacCsvImporter.read(OfacCsvSet.inFolder(shared.resolve("ofac-sdn")).orElseThrow());
        ScreeningEngine engine = ScreeningEngine.build(sdn.entities(), List.of(new ListVersion("ofac-sdn", 1,
                "2024-05-03", Instant.EPOCH, sdn.contentHash(), sdn.entities().size(), "shared data")));
        ANALYZER = EvidenceAnalyzer.standard(new CatalogArticleResolver(CatalogJson.starter().catalog()), engine);
    }

    private static EvidenceAnalyzer analyzer2021;

    private static synchronized List<String> links2021(String text) {
        if (analyzer2021 == null) {
            Path shared = Path.of(System.getenv().getOrDefault("CUSTODY_SHARED_DATA", "../shared/data"));
            ParsedList sdn = OfacCsvImporter.read(OfacCsvSet.inFolder(shared.resolve("ofac-sdn-2021-07")).orElseThrow());
            ScreeningEngine engine = ScreeningEngine.build(sdn.entities(), List.of(new ListVersion("ofac-sdn", 1,
                    "2021-07", Instant.EPOCH, sdn.contentHash(), sdn.entities().size(), "shared data")));
            analyzer2021 = EvidenceAnalyzer.standard(new CatalogArticleResolver(CatalogJson.starter().catalog()), engine);
        }
        return links(analyzer2021, text);
    }

    private static List<String> links(String text) {
        return links(ANALYZER, text);
    }

    private static List<String> links(EvidenceAnalyzer analyzer, String text) {
        SourceDocument d = new SourceDocument("t", SourceKind.TEXT, "t.txt", null, null, null, null, null,
                LocalDate.of(2018, 3, 1), null, "t", text, List.of());
        return analyzer.analyze(d).mentions(MentionType.ACTOR).stream()
                .filter(m -> m.resolved() != null && m.resolved().source().equals("watchlist"))
                .map(m -> m.text() + "=" + m.resolved().id()).toList();
    }

    @Test
    void aDatelineOrMetonymWashingtonNeverLinksTheListedCompany() {
        assertThat(links("WASHINGTON — U.S. officials said Kata'ib Hizballah fighters drove an Abrams tank near Jurf al-Sakhar."))
                .containsExactly("Kata'ib Hizballah=ofac-sdn:11462");
        assertThat(links("If Washington were to stop arming the Iraqi military, the situation would get worse.")).isEmpty();
        assertThat(links("Ahmed Washington, a contractor, said the trucks were unloaded in Erbil.")).isEmpty();
    }

    @Test
    void anAliasSharedWithAnotherListedGroupNeverPullsAnActorIntoItsIdentity() {
        // the July 2021 list has no ANSARALLAH entry, but lists "ANSAR ALLAH" as an alias of HIZBALLAH: the
        // registry's Houthis ("Ansarallah") must not become HIZBALLAH, which belongs to the registry's Hezbollah
        assertThat(links2021("Tehran denied sending weapons to the Houthis.")).isEmpty();
        assertThat(links2021("Hezbollah fighters received the rifles.")).containsExactly("Hezbollah=ofac-sdn:4697");
        // on the 2024 list the Houthis are listed under their own name
        assertThat(links("Tehran denied sending weapons to the Houthis.")).containsExactly("Houthis=ofac-sdn:47664");
    }

    @Test
    void theCompanyNamedInFullStillLinks() {
        assertThat(links("Washington Trading Ltd was named in the customs file.")).contains("Washington Trading Ltd=ofac-sdn:28934");
    }

    @Test
    void aOneWordNameLinksWhenTheEntityIsListedUnderThatWord() {
        assertThat(links("Hamas said it had received no weapons from Iraq.")).containsExactly("Hamas=ofac-sdn:4695");
    }

    @Test
    void regimeIsReadFromTheTextsCountryAndNeverAsASetOfRules() {
        SourceDocument syria = new SourceDocument("s", SourceKind.TEXT, "s.txt", null, null, null, null, null,
                LocalDate.of(2018, 3, 1), null, "s", "Regime forces shelled Saraqib in eastern Idlib. The sanctions regime "
                        + "was discussed in Aleppo. Warplanes, likely regime, struck Binnish.", List.of());
        List<Mention> actors = ANALYZER.analyze(syria).mentions(MentionType.ACTOR);
        // the registry's Syrian Arab Army is itself listed (SYRIAN ARAB ARMY, SYRIA program)
        assertThat(actors).extracting(m -> m.text() + "=" + m.detail().get("registryId") + "=" + m.resolved().id())
                .containsExactly("Regime forces=actor:saa=ofac-sdn:20954", "regime=actor:syrian-government=actor:syrian-government");
        SourceDocument nowhere = new SourceDocument("n", SourceKind.TEXT, "n.txt", null, null, null, null, null,
                LocalDate.of(2018, 3, 1), null, "n", "The regime said nothing about the shipment.", List.of());
        assertThat(ANALYZER.analyze(nowhere).mentions(MentionType.ACTOR)).isEmpty();
    }
}
