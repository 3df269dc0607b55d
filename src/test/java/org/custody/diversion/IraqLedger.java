package org.custody.diversion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small realistic ledger for domain tests: the Iraqi Ministry of Defence hierarchy, 140 M1A1 Abrams
 * delivered to the 9th Armoured Division (FMS case, no re-transfer), HMMWVs to the 1st Division, and
 * M1A2S tanks to Saudi Arabia; plus designations for Kata'ib Hizballah (listed itself) and one of its
 * brigades (listed through its parent).
 */
final class IraqLedger {

    static final GeoPoint TAJI = new GeoPoint(33.52, 44.26);
    static final GeoPoint HABBANIYAH = new GeoPoint(33.37, 43.57);
    static final GeoPoint AL_QAIM = new GeoPoint(34.37, 41.09);
    static final GeoPoint BAGHDAD = new GeoPoint(33.34, 44.40);

    static final UnitRef MOD = new UnitRef("iq-mod", "Iraqi Ministry of Defence", null, null, 0);
    static final UnitRef ARMY = new UnitRef("iq-army", "Iraqi Army", "iq-mod", null, 0);
    static final UnitRef DIV9 = new UnitRef("iq-9div", "9th Armoured Division", "iq-army", TAJI, 60);
    static final UnitRef BDE35 = new UnitRef("iq-35bde", "35th Armoured Brigade", "iq-9div", TAJI, 30);
    static final UnitRef DIV1 = new UnitRef("iq-1div", "1st Division", "iq-army", HABBANIYAH, 80);
    static final UnitRef RSLF = new UnitRef("sa-rslf", "Royal Saudi Land Forces", null, new GeoPoint(24.71, 46.67), 500);

    static final ArticleRef M1A1 = new ArticleRef("M1A1 Abrams", "M1 Abrams", "main battle tank");
    static final ArticleRef M1A2S = new ArticleRef("M1A2S Abrams", "M1 Abrams", "main battle tank");
    static final ArticleRef HMMWV = new ArticleRef("M1114 HMMWV", "HMMWV", "light utility vehicle");

    static final CandidateTransfer ABRAMS = new CandidateTransfer("T-IQ-B-UAL", "IQ-B-UAL", "FMS", "Iraq",
            LocalDate.of(2010, 8, 1), M1A1, List.of(DIV9), true, 140);
    static final CandidateTransfer HUMVEES = new CandidateTransfer("T-IQ-D-HMV", "IQ-D-HMV", "ISFF", "Iraq",
            LocalDate.of(2008, 3, 1), HMMWV, List.of(DIV1), true, 250);
    static final CandidateTransfer SAUDI = new CandidateTransfer("T-SR-D-AAB", "SR-D-AAB", "FMS", "Saudi Arabia",
            LocalDate.of(2017, 6, 1), M1A2S, List.of(RSLF), true, 153);

    static final Actor KH = new Actor("ofac-11462", "Kata'ib Hizballah");
    static final Actor KH_BRIGADE = new Actor("pmf-45", "45th PMF Brigade");
    static final Actor ISIS = new Actor("ofac-isil", "Islamic State");

    static InMemoryLedger ledger() {
        InMemoryLedger l = new InMemoryLedger();
        l.addUnit(MOD).addUnit(ARMY).addUnit(DIV9, "9th Division", "Iraqi Army 9th Division").addUnit(BDE35)
                .addUnit(DIV1).addUnit(RSLF);
        List<String> abrams = new ArrayList<>();
        for (int i = 1; i <= 140; i++) abrams.add("AB-%04d".formatted(i));
        l.addTransfer(ABRAMS, abrams);
        List<String> hmv = new ArrayList<>();
        for (int i = 1; i <= 250; i++) hmv.add("HMV-%05d".formatted(i));
        l.addTransfer(HUMVEES, hmv);
        l.addTransfer(SAUDI, List.of("SA-1"));
        return l;
    }

    /** Designations for tests: an explicit table, as a screening adapter would return them. */
    static DesignationView designations() {
        Map<String, Designation> m = new HashMap<>();
        m.put(KH.id(), new Designation(Designation.Path.SELF, KH.name(), "ofac-11462", "KATA'IB HIZBALLAH",
                List.of("us-ofac-sdn"), 0.97, "name matches primary name after folding"));
        m.put(KH_BRIGADE.id(), new Designation(Designation.Path.PARENT, "Kata'ib Hizballah", "ofac-11462",
                "KATA'IB HIZBALLAH", List.of("us-ofac-sdn"), 0.97, "45th PMF Brigade -part of-> Kata'ib Hizballah"));
        m.put(ISIS.id(), new Designation(Designation.Path.SELF, ISIS.name(), "un-qde115", "ISLAMIC STATE IN IRAQ AND THE LEVANT",
                List.of("un-sc"), 0.9, "alias match"));
        return holder -> Optional.ofNullable(holder.id() == null ? null : m.get(holder.id()));
    }

    static int seq = 0;

    static EvidenceClaim claim(Actor holder, ArticleRef article, Stance stance, String origin, GeoPoint where,
                               LocalDate date) {
        return claim(holder, article, stance, origin, where, date, null);
    }

    static EvidenceClaim claim(Actor holder, ArticleRef article, Stance stance, String origin, GeoPoint where,
                               LocalDate date, String serial) {
        int n = ++seq;
        return new EvidenceClaim("c" + n, ClaimKind.POSSESSION, article, holder, serial, where == null ? null : "place-" + n,
                where, "Iraq", date, stance, Set.of(origin), "story-" + origin, "doc" + n,
                "sentence " + n, stance == Stance.DENIED ? "Iraqi MoD spokesman" : origin);
    }

    private IraqLedger() {}
}
