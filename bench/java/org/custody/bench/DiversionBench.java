package org.custody.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.HashMap;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.CandidateTransfer;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.Designation;
import org.custody.diversion.DesignationView;
import org.custody.diversion.DiversionDetector;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.Finding;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.InMemoryLedger;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.Stance;
import org.custody.diversion.SuspicionModel;
import org.custody.diversion.UnitRef;

/**
 * Diversion detection throughput: N claims (default 100,000) against a ledger of S serial numbers (default
 * 1,000,000 in 10,000 deliveries). Compared, in the same run, with a naive baseline that scans every
 * delivery (and every serial) for each claim; the baseline runs on a slice and is extrapolated.
 *
 * <pre>bench/diversion.sh [claims] [serials] [baselineSlice]</pre>
 */
public final class DiversionBench {

    static final String[] COUNTRIES = {"Iraq", "Afghanistan", "Lebanon", "Yemen", "Syria"};
    static final String[] CATEGORIES = {"main battle tank", "armoured personnel carrier", "rifle", "machine gun",
            "night-vision device", "MRAP", "light utility vehicle", "anti-tank missile", "mortar", "howitzer",
            "grenade launcher", "sniper rifle", "helicopter", "radio", "pistol"};

    record Catalogue(List<ArticleRef> articles) {}

    public static void main(String[] args) {
        int claimsN = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int serialsN = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int slice = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Random rnd = new Random(20261123L);

        // catalogue: 15 categories x 4 families x 3 designations = 180 articles
        List<ArticleRef> articles = new ArrayList<>();
        for (String cat : CATEGORIES) {
            for (int f = 0; f < 4; f++) {
                String family = cat.substring(0, 3).toUpperCase(Locale.ROOT) + "-F" + f;
                for (int d = 0; d < 3; d++) articles.add(new ArticleRef(family + "A" + d, family, cat));
            }
        }
        // units: per country a ministry, 4 services, 20 divisions, 80 brigades
        List<UnitRef> leafUnits = new ArrayList<>();
        List<UnitRef> allUnits = new ArrayList<>();
        Map<String, String> countryOfUnit = new HashMap<>();
        for (String c : COUNTRIES) {
            UnitRef mod = new UnitRef(c + "-mod", c + " Ministry of Defence", null, null, 0);
            allUnits.add(mod);
            for (int s = 0; s < 4; s++) {
                UnitRef svc = new UnitRef(c + "-s" + s, c + " service " + s, mod.id(), null, 0);
                allUnits.add(svc);
                for (int d = 0; d < 5; d++) {
                    GeoPoint centre = new GeoPoint(25 + rnd.nextDouble() * 10, 35 + rnd.nextDouble() * 15);
                    UnitRef div = new UnitRef(svc.id() + "-d" + d, c + " division " + s + "." + d, svc.id(), centre, 80);
                    allUnits.add(div);
                    for (int b = 0; b < 4; b++) {
                        UnitRef bde = new UnitRef(div.id() + "-b" + b, c + " brigade " + s + "." + d + "." + b, div.id(),
                                centre, 30);
                        allUnits.add(bde);
                        leafUnits.add(bde);
                    }
                }
            }
        }
        for (UnitRef u : allUnits) countryOfUnit.put(u.id(), u.id().substring(0, u.id().indexOf('-')));

        // ledger
        long t0 = System.nanoTime();
        int transfersN = Math.max(1, serialsN / 100);
        InMemoryLedger ledger = new InMemoryLedger();
        for (UnitRef u : allUnits) ledger.addUnit(u);
        List<CandidateTransfer> transfers = new ArrayList<>(transfersN);
        List<String[]> serialList = new ArrayList<>(serialsN); // for the baseline: {serial, transferId}
        int serialNo = 0;
        for (int i = 0; i < transfersN; i++) {
            UnitRef endUser = rnd.nextInt(3) == 0 ? allUnits.get(rnd.nextInt(allUnits.size())) : leafUnits.get(rnd.nextInt(leafUnits.size()));
            ArticleRef a = articles.get(rnd.nextInt(articles.size()));
            CandidateTransfer t = new CandidateTransfer("T" + i, "CASE-" + i, "FMS", countryOfUnit.get(endUser.id()),
                    LocalDate.of(2005, 1, 1).plusDays(rnd.nextInt(5000)), a, List.of(endUser), true, 100);
            List<String> serials = new ArrayList<>(100);
            int per = serialsN / transfersN;
            for (int k = 0; k < per; k++) {
                String s = "SN" + (serialNo++);
                serials.add(s);
                serialList.add(new String[] {s, t.transferId()});
            }
            ledger.addTransfer(t, serials);
            transfers.add(t);
        }
        long tLedger = System.nanoTime() - t0;

        // actors: ledger units (by name) and 400 outside groups, a quarter of them designated
        List<Actor> actors = new ArrayList<>();
        for (UnitRef u : leafUnits) actors.add(new Actor(null, u.name()));
        Map<String, Designation> designated = new HashMap<>();
        for (int g = 0; g < 400; g++) {
            Actor a = new Actor("group-" + g, "Armed group " + g);
            actors.add(a);
            if (g % 4 == 0) {
                designated.put(a.id(), new Designation(Designation.Path.SELF, a.name(), "list-" + g, a.name().toUpperCase(Locale.ROOT),
                        List.of("us-ofac-sdn"), 0.95, "synthetic"));
            }
        }
        DesignationView designations = h -> Optional.ofNullable(h.id() == null ? null : designated.get(h.id()));

        // claims
        List<EvidenceClaim> claims = new ArrayList<>(claimsN);
        Stance[] stances = Stance.values();
        for (int i = 0; i < claimsN; i++) {
            Actor holder = actors.get(rnd.nextInt(actors.size()));
            ArticleRef a = articles.get(rnd.nextInt(articles.size()));
            int kind = rnd.nextInt(10);
            String serial = null;
            if (kind < 3) {
                serial = rnd.nextInt(3) == 0 ? "XX" + rnd.nextInt(1_000_000) : "SN" + rnd.nextInt(Math.max(1, serialNo));
            } else if (kind < 5) {
                a = new ArticleRef(null, a.family(), a.category());
            } else if (kind < 6) {
                a = new ArticleRef(null, null, a.category());
            }
            claims.add(new EvidenceClaim("c" + i, ClaimKind.POSSESSION, a, holder, serial, null,
                    new GeoPoint(25 + rnd.nextDouble() * 10, 35 + rnd.nextDouble() * 15),
                    COUNTRIES[rnd.nextInt(COUNTRIES.length)], LocalDate.of(2012, 1, 1).plusDays(rnd.nextInt(4000)),
                    stances[rnd.nextInt(stances.length)], Set.of("origin-" + rnd.nextInt(5000)), null, "doc" + i, "s", null));
        }

        DiversionDetector detector = new DiversionDetector(ledger, designations, new SuspicionModel(ScoringConfig.defaults()));
        LocalDate asOf = LocalDate.of(2024, 1, 1);
        // warm-up on a tenth, then the measured run
        detector.detect(claims.subList(0, Math.min(claims.size(), claimsN / 10)), asOf);
        long t1 = System.nanoTime();
        List<Finding> findings = detector.detect(claims, asOf);
        long tDetect = System.nanoTime() - t1;
        long opened = findings.stream().filter(Finding::opensCase).count();
        long serialHits = findings.stream().filter(f -> !f.sighting().serialMatches().isEmpty()).count();

        // naive baseline on a slice: per claim, scan all serials (when one is seen) and all transfers
        List<EvidenceClaim> sliceClaims = claims.subList(0, Math.min(slice, claims.size()));
        long t2 = System.nanoTime();
        long baselineMatches = 0;
        for (EvidenceClaim c : sliceClaims) {
            if (c.serial() != null) {
                for (String[] s : serialList) {
                    if (s[0].equalsIgnoreCase(c.serial())) {
                        baselineMatches++;
                        break;
                    }
                }
            }
            for (CandidateTransfer t : transfers) {
                if (eq(t.article().designation(), c.article().designation()) || eq(t.article().family(), c.article().family())
                        || eq(t.article().category(), c.article().category())) {
                    if (!t.deliveryDate().isAfter(c.date())) baselineMatches++;
                }
            }
        }
        long tBaseline = System.nanoTime() - t2;
        double baselinePerClaim = tBaseline / 1e9 / sliceClaims.size();

        System.out.printf(Locale.ROOT, "ledger: %,d serials in %,d deliveries, %,d units; indexed in %.2f s%n",
                ledger.serialCount(), ledger.transferCount(), allUnits.size(), tLedger / 1e9);
        System.out.printf(Locale.ROOT, "indexed detection: %,d claims -> %,d findings (%,d open a case, %,d with a serial match) in %.2f s = %,.0f claims/s%n",
                claims.size(), findings.size(), opened, serialHits, tDetect / 1e9, claims.size() / (tDetect / 1e9));
        System.out.printf(Locale.ROOT, "naive baseline (nested loops, %d-claim slice, %,d matches): %.3f s = %.2f ms/claim; "
                        + "EXTRAPOLATED to %,d claims: %.0f s%n", sliceClaims.size(), baselineMatches, tBaseline / 1e9,
                baselinePerClaim * 1000, claims.size(), baselinePerClaim * claims.size());
        System.out.printf(Locale.ROOT, "target <= 60 s for 100,000 claims x 1,000,000 serials: %s%n",
                tDetect / 1e9 <= 60 && claimsN >= 100_000 && serialsN >= 1_000_000 ? "MET" : (tDetect / 1e9 <= 60 ? "met at this size" : "NOT MET"));
    }

    private static boolean eq(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    private DiversionBench() {}
}
