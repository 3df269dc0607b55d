package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.custody.catalog.json.CatalogJson;
import org.custody.evidence.extract.AmountExtractor;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.extract.DateExtractor;
import org.custody.evidence.extract.Gazetteer;
import org.custody.evidence.intake.Intake;
import org.junit.jupiter.api.Test;

class ExtractionTest {

    static final EvidenceAnalyzer ANALYZER = EvidenceAnalyzer.standard(
            new CatalogArticleResolver(CatalogJson.starter().catalog()), null);

    static Analysis analyze(String text) {
        return ANALYZER.analyze(Intake.ofText("t.txt", text));
    }

    static Mention first(Analysis a, MentionType type, String text) {
        return a.mentions(type).stream().filter(m -> m.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " '" + text + "' in " + a.mentions()));
    }

    @Test
    void articlesWithQuantitiesResolveAgainstTheCatalogue() {
        Analysis a = analyze("Iraq received 175 M1 Abrams tanks and the coalition provided hundreds of guns to the fighters.");
        Mention tanks = first(a, MentionType.ARTICLE, "175 M1 Abrams tanks");
        assertThat(tanks.detail()).containsEntry("count", "175");
        assertThat(tanks.resolved()).isNotNull();
        assertThat(tanks.resolved().name()).contains("Abrams");
        Mention guns = first(a, MentionType.ARTICLE, "hundreds of guns");
        assertThat(guns.detail()).containsEntry("approximate", "true");
    }

    @Test
    void weakHeadsNeedAModifierOrQuantity() {
        Analysis a = analyze("The arms of the chair were broken. Militias display American arms and military hardware.");
        assertThat(a.mentions(MentionType.ARTICLE)).extracting(Mention::text)
                .containsExactly("American arms", "military hardware");
    }

    @Test
    void actorsResolveThroughAliasesIncludingArabicAndCollectiveNames() {
        Analysis a = analyze("The PMU, also called al-Hashd al-Shaabi or الحشد الشعبي, includes Shiite militias and the Badr Organization. "
                + "Kataib Hizballah and Daesh fought near Mosul.");
        assertThat(first(a, MentionType.ACTOR, "PMU").resolved().id()).isEqualTo("actor:pmf");
        assertThat(first(a, MentionType.ACTOR, "al-Hashd al-Shaabi").resolved().id()).isEqualTo("actor:pmf");
        assertThat(first(a, MentionType.ACTOR, "الحشد الشعبي").resolved().id()).isEqualTo("actor:pmf");
        assertThat(first(a, MentionType.ACTOR, "Shiite militias").resolved().id()).isEqualTo("actor:shiite-militias");
        assertThat(first(a, MentionType.ACTOR, "Badr Organization").resolved().id()).isEqualTo("actor:badr");
        assertThat(first(a, MentionType.ACTOR, "Kataib Hizballah").resolved().id()).isEqualTo("actor:kh");
        assertThat(first(a, MentionType.ACTOR, "Daesh").resolved().id()).isEqualTo("actor:isis");
    }

    @Test
    void acronymsOnlyMatchInCapitals() {
        Analysis a = analyze("It is what it is, said the IS spokesman.");
        assertThat(a.mentions(MentionType.ACTOR)).extracting(Mention::text).containsExactly("IS");
    }

    @Test
    void titledPeopleAndUnitsAreActors() {
        Analysis a = analyze("Maj. Gen. Gary Volesky, commander of the 82nd Airborne Division, spoke in Baghdad.");
        assertThat(a.mentions(MentionType.ACTOR)).extracting(Mention::text).contains("Gary Volesky", "82nd Airborne Division");
    }

    @Test
    void placesResolveWithCoordinatesAndLocativeGovernmentNamesArePlaces() {
        Analysis a = analyze("Fighters moved from Tel Afar to Mosul. Officials in Tehran said Tehran's role is growing.");
        Mention mosul = first(a, MentionType.PLACE, "Mosul");
        assertThat(mosul.resolved().id()).isEqualTo("geonames:99072");
        assertThat(mosul.detail()).containsKeys("latitude", "longitude");
        assertThat(first(a, MentionType.PLACE, "Tel Afar").resolved()).isNotNull();
        List<Mention> tehran = a.mentions().stream().filter(m -> m.text().equals("Tehran")).toList();
        assertThat(tehran).extracting(Mention::type).containsExactly(MentionType.PLACE, MentionType.ACTOR);
    }

    @Test
    void gazetteerToleratesRomanisationVariants() {
        Gazetteer g = ANALYZER.gazetteer();
        assertThat(g.resolve("Sala al-Din").orElseThrow().name()).isEqualTo("Salah ad Din");
        assertThat(g.resolve("Ninewa").orElseThrow().name()).isEqualTo("Nineveh");
        assertThat(g.resolve("Thi-Qar").orElseThrow().name()).isEqualTo("Dhi Qar");
        assertThat(g.resolve("Basrah").orElseThrow().latitude()).isNotNull();
        assertThat(g.resolve("Anbar province").orElseThrow().name()).isEqualTo("Al Anbar");
        assertThat(g.resolve("الموصل").orElseThrow().name()).isEqualTo("Mosul");
    }

    @Test
    void datesAbsoluteAndRelativeToPublication() {
        LocalDate pub = LocalDate.of(2017, 1, 10);
        DateExtractor d = new DateExtractor();
        List<Mention> ms = d.extract("Training began on Dec. 4 and the offensive started in October; last month the law "
                + "passed. On Wednesday, Nov. 9, 2016 troops moved. Two weeks ago they met. The report of 2015-01-05 and May 2014.", pub);
        assertThat(ms).extracting(m -> m.text() + "=" + (m.resolved() == null ? null : m.resolved().name())).containsExactly(
                "Dec. 4=2016-12-04", "October=2016-10", "last month=2016-12", "Wednesday, Nov. 9, 2016=2016-11-09",
                "Two weeks ago=2016-12-26/2017-01-01", "2015-01-05=2015-01-05", "May 2014=2014-05");
        assertThat(d.extract("This may be true; it happened last month.", null)).extracting(Mention::resolved).containsOnlyNulls();
    }

    @Test
    void aDateCountedSinceIsThePeriodsStartAndAMonthInANameIsNoDate() {
        LocalDate pub = LocalDate.of(2018, 2, 27);
        DateExtractor d = new DateExtractor();
        List<Mention> ms = d.extract("Fighters advanced on Feb. 26. On average 14 died each day since the beginning of the "
                + "offensive on January 20th, and 42 since fighting started on February 20th. The 18th March Division and the "
                + "17 April Brigade took part; troops left in March.", pub);
        assertThat(ms).extracting(m -> m.text() + "=" + m.detail().getOrDefault(DateExtractor.ROLE, "event")).containsExactly(
                "Feb. 26=event", "January 20th=period start", "February 20th=period start", "March=event");
        // a claim takes the day of the event, not the day a period began
        Analysis a = ANALYZER.analyze(new SourceDocument("t", org.custody.evidence.SourceKind.TEXT, "t.txt", null, null, null,
                null, null, pub, null, "t", "Since the offensive started on January 20, Hezbollah has received 40 Kornet missiles.",
                List.of()));
        assertThat(a.claims()).isNotEmpty().allSatisfy(c -> assertThat(c.date()).isNull());
    }

    @Test
    void aCountryJoinedToAnAdjectiveIsAnAttributeNotAPlace() {
        Analysis a = analyze("Turkey-backed rebels, Russia-made jets, Iraq-based fighters and pro-Iran militias moved near Mosul.");
        assertThat(a.mentions(MentionType.PLACE)).extracting(Mention::text).containsExactly("Mosul");
        assertThat(analyze("Fighters crossed the Iraq-Syria border near Qaim.").mentions(MentionType.PLACE)).extracting(Mention::text)
                .contains("Iraq", "Syria");
        // an Arabic article before or after the hyphen is part of the name, not an adjective
        assertThat(analyze("Shelling hit al-Hasakah and Deir-ez-Zor.").mentions(MentionType.PLACE)).hasSize(2);
    }

    @Test
    void aDatelineIsWhereTheStoryWasFiledNotAnActor() {
        for (String text : List.of("WASHINGTON — The Pentagon said Kata'ib Hezbollah has Abrams tanks.",
                "WASHINGTON (Reuters) - The Pentagon said Kata'ib Hezbollah has Abrams tanks.",
                "Title: x\n\nWashington, Jan. 5 — The Pentagon said Kata'ib Hezbollah has Abrams tanks.")) {
            assertThat(analyze(text).mentions(MentionType.ACTOR)).extracting(m -> m.resolved().id())
                    .as(text).doesNotContain("actor:us-government").contains("actor:kh");
        }
        assertThat(analyze("Officials in Washington said Kata'ib Hezbollah has Abrams tanks.").mentions(MentionType.ACTOR))
                .extracting(m -> m.resolved().id()).contains("actor:us-government");
    }

    @Test
    void moneyAmounts() {
        List<Mention> ms = new AmountExtractor().extract("It received $1.2 billion, US$ 300m and 5 million Iraqi dinars.");
        assertThat(ms).extracting(m -> m.resolved().id()).containsExactly("amount:USD:1200000000", "amount:USD:300000000",
                "amount:IQD:5000000");
    }

    @Test
    void everyMentionSpanIsItsText() throws Exception {
        for (String f : List.of("../shared/corpus/newsmax-2015-us-weapons-militias.txt", "../shared/corpus/breitbart-2017-us-arming-militias.txt")) {
            SourceDocument d = Intake.read(java.nio.file.Path.of(f)).getFirst();
            Analysis a = ANALYZER.analyze(d);
            for (Mention m : a.mentions()) assertThat(d.text().substring(m.start(), m.end())).isEqualTo(m.text());
            for (Claim c : a.claims()) assertThat(d.text().substring(c.start(), c.end())).isEqualTo(c.sentence());
            for (Quote q : a.quotes()) assertThat(d.text().substring(q.start(), q.end())).isEqualTo(q.text());
        }
    }
}
