package org.custody.store.diversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custody.audit.AuditLog;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.CandidateTransfer;
import org.custody.diversion.CaseContextView;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.DiversionCase;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.Identity;
import org.custody.diversion.IdentityView;
import org.custody.diversion.InMemoryLedger;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.Stance;
import org.custody.diversion.UnitRef;
import org.custody.evidence.extract.ActorRegistry;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One identity per holder against the bundled OFAC SDN list: the registry's Hezbollah is the listed
 * HIZBALLAH, Kata'ib Hezbollah is KATA'IB HIZBALLAH and stays apart from it, spellings meet; cases opened
 * under the names as written are merged by a later run, with history and audit.
 */
@Tag("db")
class IdentityMergeTest {

    static final UnitRef DIV = new UnitRef("9", "9th Armoured Division", null, new GeoPoint(33.52, 44.26), 50);
    static final ArticleRef M1A1 = new ArticleRef("M1A1 Abrams", "M1 Abrams", "main battle tank");
    static ActorIdentities identities;

    @BeforeAll
    static void screener() throws Exception {
        var sdn = OfacCsvImporter.read(OfacCsvSet.inFolder(Path.of("data/lists/ofac-sdn")).orElseThrow());
        identities = new ActorIdentities(ActorRegistry.bundled(), ScreeningEngine.build(sdn.entities(), List.of()));
    }

    static Database db;

    @BeforeAll
    static void database() {
        db = TestDatabases.fresh();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aListedArmedGroupOfTheRegistryIsItsListEntity() {
        Identity registryHezbollah = identities.identify(new Actor("actor:hezbollah", "Hezbollah"));
        Identity kh = identities.identify(new Actor("actor:kh", "Kata'ib Hezbollah"));
        assertThat(registryHezbollah.key()).startsWith("ofac-sdn:");
        assertThat(registryHezbollah.listed().listedName()).isEqualTo("HIZBALLAH");
        assertThat(kh.key()).startsWith("ofac-sdn:").isNotEqualTo(registryHezbollah.key());
        assertThat(kh.listed().listedName()).contains("KATA'IB HIZBALLAH");
        // the list entity itself, and names as written, reach the same identities
        assertThat(identities.identify(new Actor(registryHezbollah.key(), "HIZBALLAH")).key()).isEqualTo(registryHezbollah.key());
        assertThat(identities.identify(new Actor(null, "Kataib Hizbollah")).key()).isEqualTo(kh.key());
        assertThat(identities.identify(new Actor(null, "Hizbollah")).key()).isEqualTo(registryHezbollah.key());
        // shown under the listed name, with the registry's as an also-known-as
        assertThat(kh.name()).isEqualTo("KATA'IB HIZBALLAH (also known as Kata'ib Hezbollah)");
        assertThat(identities.identify(new Actor(kh.key(), "KATA'IB HIZBALLAH")).name()).isEqualTo(kh.name());
        // the classes come with the identity: a PMF faction and a Shiite militia
        assertThat(kh.classes()).extracting(Actor::name).contains("Popular Mobilization Forces", "Shiite militias");
        // an actor that is no listed group keeps its registry id; a unit name stays as written
        assertThat(identities.identify(new Actor("actor:shiite-militias", "Shia militias")).key()).isEqualTo("actor:shiite-militias");
        assertThat(identities.identify(new Actor(null, "9th Armoured Division")).key()).isEqualTo("name:9th armoured division");
    }

    @Test
    void anAliasTwoListedGroupsShareNeverMergesTheirIdentities() {
        // both lists give HIZBALLAH the alias "ANSAR ALLAH"; the 2024 one also lists ANSARALLAH (the Houthis)
        Identity houthis = identities.identify(new Actor("actor:houthis", "Houthis"));
        Identity hezbollah = identities.identify(new Actor("actor:hezbollah", "Hezbollah"));
        assertThat(houthis.key()).isNotEqualTo(hezbollah.key());
        assertThat(houthis.listed().listedName()).isEqualTo("ANSARALLAH");
        // the July 2021 list has no ANSARALLAH: the Houthis stay the registry's own actor, not HIZBALLAH
        Path shared = Path.of(System.getenv().getOrDefault("CUSTODY_SHARED_DATA", "../shared/data"));
        var older = OfacCsvImporter.read(OfacCsvSet.inFolder(shared.resolve("ofac-sdn-2021-07")).orElseThrow());
        ActorIdentities in2021 = new ActorIdentities(ActorRegistry.bundled(), ScreeningEngine.build(older.entities(), List.of()));
        assertThat(in2021.identify(new Actor("actor:houthis", "Houthis")).key()).isEqualTo("actor:houthis");
        assertThat(in2021.identify(new Actor("actor:hezbollah", "Hezbollah")).listed().listedName()).isEqualTo("HIZBALLAH");
    }

    static EvidenceClaim claim(String id, Actor holder) {
        return new EvidenceClaim(id, ClaimKind.POSSESSION, M1A1, holder, "AB-0001", "Al-Qa'im", new GeoPoint(34.37, 41.09),
                "Iraq", LocalDate.of(2015, 6, 1), Stance.ASSERTED, Set.of("origin-" + id), "story-" + id, "doc-" + id,
                "sentence " + id, null);
    }

    @Test
    void casesOfOneIdentityAreMergedWithHistoryAndAudit() {
        InMemoryLedger ledger = new InMemoryLedger().addUnit(DIV);
        ledger.addTransfer(new CandidateTransfer("T-1", "IQ-B-UAL", "FMS", "Iraq", LocalDate.of(2010, 8, 1), M1A1,
                List.of(DIV), true, 140), List.of("AB-0001"));
        DiversionRunner runner = new DiversionRunner(db, ScoringConfig.defaults(), (org.custody.notify.WebhookNotifier) null,
                (c, caseId, units, reason, actor) -> List.of());
        List<EvidenceClaim> claims = List.of(claim("a", new Actor("actor:hezbollah", "Hezbollah")),
                claim("b", new Actor(null, "Hizballah")), claim("c", new Actor("actor:kh", "Kata'ib Hezbollah")));
        LocalDate asOf = LocalDate.of(2016, 1, 1);
        runner.detect(ledger, h -> Optional.empty(), IdentityView.asWritten(), CaseContextView.none(), claims, asOf, "test");
        List<DiversionCase> first = db.read(c -> CaseStore.list(c, null));
        assertThat(first).hasSize(3);

        runner.detect(ledger, h -> Optional.empty(), identities, CaseContextView.none(), claims, asOf, "test");
        List<DiversionCase> cases = db.read(c -> CaseStore.list(c, null));
        assertThat(cases).hasSize(2);
        // a listed identity is shown under its listed name, the registry's name as an also-known-as
        DiversionCase hezbollah = cases.stream().filter(x -> x.holder().name().equals("HIZBALLAH (also known as Hezbollah)"))
                .findFirst().orElseThrow();
        assertThat(hezbollah.id()).isEqualTo(1);
        assertThat(hezbollah.links()).extracting(l -> l.ref()).contains("a", "b");
        List<org.custody.diversion.CaseEvent> events = db.read(c -> CaseStore.events(c, hezbollah.id()));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("merged");
            assertThat(e.detail().replace(" ", "")).contains("\"mergedCase\":2", "history", "opened");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.action()).isEqualTo("rekeyed"));
        List<org.custody.audit.AuditEntry> audit = db.read(c -> AuditLog.entries(c, CaseStore.subject(hezbollah.id())));
        assertThat(audit).anySatisfy(a -> assertThat(a.action()).isEqualTo("diversion.case.merged"));
        assertThat(cases).anySatisfy(x -> assertThat(x.holder().name()).isEqualTo("KATA'IB HIZBALLAH (also known as Kata'ib Hezbollah)"));

        // a third run changes nothing more
        runner.detect(ledger, h -> Optional.empty(), identities, CaseContextView.none(), claims, asOf, "test");
        List<DiversionCase> third = db.read(c -> CaseStore.list(c, null));
        assertThat(third).hasSize(2);
    }
}
