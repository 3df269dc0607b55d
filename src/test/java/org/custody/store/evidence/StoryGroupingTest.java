package org.custody.store.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custody.catalog.json.CatalogJson;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.Story;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Re-publications meet their original through what they share even when the lead is rewritten, the outlet
 * misspelt and the text cut; a different event by the same outlet that reuses one background paragraph
 * stays its own story.
 */
@Tag("db")
class StoryGroupingTest {

    static final EvidenceAnalyzer ANALYZER = EvidenceAnalyzer.standard(
            new CatalogArticleResolver(CatalogJson.starter().catalog()), null);

    static final String BACKGROUND = "The Popular Mobilization Forces, an umbrella of mostly Shiite militias, were formed in "
            + "2014 after a religious edict called on Iraqis to take up arms, and were later made part of the state's forces.";

    static final String ORIGINAL = """
            Title: Militia convoy moves Humvees north of Baghdad
            Outlet: Reuters
            Published: 2019-03-04

            A convoy of at least twelve armoured Humvees flying the banners of Asa'ib Ahl al-Haq drove north from \
            Baghdad toward Samarra on Sunday, witnesses and local officials said.

            The vehicles, painted in the desert tan of the Iraqi army, carried machine guns and were escorted by \
            pickup trucks; two officials in Samarra said the convoy stopped at a base used by the group.

            %s

            The Iraqi Ministry of Defence did not respond to requests for comment on how the vehicles reached the group.
            """.formatted(BACKGROUND);

    static final String CUT_COPY = """
            Title: Iraqi militia seen with army Humvees
            Outlet: Gulf Evening Courier
            Published: 2019-03-05

            Questions mount in Baghdad over army vehicles in militia hands, Reutres reports.

            The vehicles, painted in the desert tan of the Iraqi army, carried machine guns and were escorted by \
            pickup trucks; two officials in Samarra said the convoy stopped at a base used by the group.

            The Iraqi Ministry of Defence did not respond to requests for comment on how the vehicles reached the group.
            """;

    static final String OTHER_EVENT = """
            Title: Militia commander killed in drone strike
            Outlet: Reuters
            Published: 2019-03-20

            A senior commander of Kata'ib Hezbollah was killed on Tuesday when a drone struck his car on the road \
            to Baghdad airport, two security sources said.

            %s

            No group claimed the strike, which came after weeks of rocket attacks on bases hosting foreign troops.
            """.formatted(BACKGROUND);

    @Test
    void aCutRewrittenCopyJoinsItsOriginalAndAnotherEventStaysApart() {
        try (Database db = TestDatabases.fresh()) {
            EvidenceStore store = new EvidenceStore(db);
            EvidenceStore.Stored original = store.store(ANALYZER.analyze(Intake.ofText("original.txt", ORIGINAL)));
            EvidenceStore.Stored copy = store.store(ANALYZER.analyze(Intake.ofText("copy.txt", CUT_COPY)));
            EvidenceStore.Stored other = store.store(ANALYZER.analyze(Intake.ofText("other.txt", OTHER_EVENT)));
            assertThat(copy.storyId()).as(copy.storyReasons().toString()).isEqualTo(original.storyId());
            assertThat(copy.storyReasons()).anySatisfy(r -> assertThat(r).contains("paragraph(s) of running text"));
            assertThat(other.storyId()).as(other.storyReasons().toString()).isNotEqualTo(original.storyId());
            List<Story> stories = store.stories();
            Story joined = stories.stream().filter(s -> s.id().equals(original.storyId())).findFirst().orElseThrow();
            assertThat(joined.documents()).hasSize(2);
            assertThat(joined.independentSources()).as(joined.origins().toString()).isEqualTo(1);
        }
    }
}
