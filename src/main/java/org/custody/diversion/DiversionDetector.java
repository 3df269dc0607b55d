package org.custody.diversion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins evidence claims to the ledger. Claims that put an article in an actor's hands (possession, use,
 * transfer) are grouped by holder and article family; for each group the detector finds the candidate
 * deliveries (by serial when one was seen — decisive — else by exact designation, then family, then
 * category, within the time window and preferring the sighting's country), decides whether the holder is
 * an approved end-user (the unit itself or a sub-unit), asks whether it is designated, and scores it.
 */
public final class DiversionDetector {

    private final LedgerView ledger;
    private final DesignationView designations;
    private final SuspicionModel model;
    private final IdentityView identities;
    private final CaseContextView context;
    private final Map<String, Identity> identityCache = new java.util.HashMap<>();

    public DiversionDetector(LedgerView ledger, DesignationView designations, SuspicionModel model) {
        this(ledger, designations, model, IdentityView.asWritten(), CaseContextView.none());
    }

    /**
     * @param identities resolves holders to one identity each (cases are keyed by it)
     * @param context    inventory records of candidate deliveries, and statements/denials in the evidence
     */
    public DiversionDetector(LedgerView ledger, DesignationView designations, SuspicionModel model,
                             IdentityView identities, CaseContextView context) {
        this.ledger = ledger;
        this.designations = designations;
        this.model = model;
        this.identities = identities;
        this.context = context;
    }

    /** The canonical identity of a holder as written (cached for the detector's life). */
    public Identity identity(Actor holder) {
        return identityCache.computeIfAbsent(holder.key() + "\u0000" + holder.name(), k -> identities.identify(holder));
    }

    /** The grouping key of an article: its family, else designation, else category. */
    public static String articleKey(ArticleRef a) {
        if (a.familyKey() != null) return "family:" + a.familyKey();
        if (a.designationKey() != null) return "designation:" + a.designationKey();
        return "category:" + a.categoryKey();
    }

    public static String caseKey(Actor holder, ArticleRef article) {
        return holder.key() + "|" + articleKey(article);
    }

    /** The case key of a claim: its holder's canonical identity and its article group. */
    public String caseKeyOf(EvidenceClaim c) {
        return identity(c.holder()).key() + "|" + articleKey(c.article());
    }

    /** Findings for every group of claims, in first-seen order; {@code asOf} anchors recency. */
    public List<Finding> detect(Collection<EvidenceClaim> claims, LocalDate asOf) {
        Map<String, List<EvidenceClaim>> groups = new LinkedHashMap<>();
        for (EvidenceClaim c : claims) {
            if (!c.kind().placesArticleWithHolder()) continue;
            groups.computeIfAbsent(caseKeyOf(c), k -> new ArrayList<>()).add(c);
        }
        List<Finding> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, List<EvidenceClaim>> g : groups.entrySet()) {
            out.add(evaluate(g.getKey(), g.getValue(), asOf));
        }
        return out;
    }

    /** Evaluates one holder–article group (all claims must share the case key). */
    public Finding evaluate(String key, List<EvidenceClaim> claims, LocalDate asOf) {
        ScoringConfig cfg = model.config();
        EvidenceClaim first = claims.getFirst();
        Identity identity = identity(first.holder());
        Actor holder = identity.actor();
        ArticleRef article = mostSpecific(claims);
        List<Statement> statements = statementsAbout(identity, claims);

        // 1. serials: decisive
        Map<String, String> serialMatches = new LinkedHashMap<>();
        Map<String, CandidateTransfer> bySerial = new LinkedHashMap<>();
        for (EvidenceClaim c : claims) {
            if (c.serial() == null) continue;
            Optional<CandidateTransfer> t = ledger.bySerial(c.serial());
            if (t.isPresent()) {
                serialMatches.put(c.serial(), t.get().transferId());
                bySerial.putIfAbsent(t.get().transferId(), t.get());
            }
        }
        List<CandidateTransfer> candidates;
        ArticleLevel level;
        String countryNote = null;
        if (!bySerial.isEmpty()) {
            candidates = new ArrayList<>(bySerial.values());
            level = ArticleLevel.SERIAL;
        } else {
            LocalDate latest = claims.stream().map(EvidenceClaim::date).filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            LocalDate cutoff = latest == null ? null : latest.plusDays((long) cfg.get("window.grace_days"));
            Set<String> countries = new HashSet<>();
            for (EvidenceClaim c : claims) {
                if (c.country() != null && !c.country().isBlank()) countries.add(c.country().trim().toLowerCase(Locale.ROOT));
            }
            candidates = List.of();
            level = null;
            for (ArticleLevel tier : new ArticleLevel[] {ArticleLevel.EXACT, ArticleLevel.FAMILY, ArticleLevel.CATEGORY}) {
                List<CandidateTransfer> found = lookup(tier, claims);
                List<CandidateTransfer> inWindow = new ArrayList<>();
                for (CandidateTransfer t : found) {
                    if (cutoff == null || t.deliveryDate() == null || !t.deliveryDate().isAfter(cutoff)) inWindow.add(t);
                }
                if (inWindow.isEmpty()) continue;
                if (!countries.isEmpty()) {
                    List<CandidateTransfer> inCountry = new ArrayList<>();
                    for (CandidateTransfer t : inWindow) {
                        if (t.recipientCountry() != null
                                && countries.contains(t.recipientCountry().trim().toLowerCase(Locale.ROOT))) inCountry.add(t);
                    }
                    if (inCountry.isEmpty()) {
                        countryNote = "no delivery to " + String.join(", ", new java.util.TreeSet<>(countries))
                                + "; candidates were delivered to other countries";
                    } else {
                        inWindow = inCountry;
                    }
                }
                candidates = inWindow;
                level = tier;
                break;
            }
        }
        if (candidates.isEmpty()) {
            Sighting s = new Sighting(holder, article, claims, List.of(), 0, ArticleLevel.CATEGORY, serialMatches,
                    unitFor(holder, first.holder()), HolderStatus.UNKNOWN_ACTOR, null, Optional.empty(), null, asOf,
                    identity, List.of(), statements);
            return new Finding(key, s, 0, List.of(), false,
                    "no delivery in the ledger matches " + article.label() + " (by serial, designation, family or "
                            + "category, within the time window): nothing it could have been diverted from");
        }

        // 2. is the holder an approved end-user of any candidate?
        Optional<UnitRef> holderUnit = unitFor(holder, first.holder());
        HolderStatus status = holderUnit.isPresent() ? HolderStatus.OTHER_UNIT : HolderStatus.UNKNOWN_ACTOR;
        UnitRef approvedVia = null;
        CandidateTransfer approvingTransfer = null;
        if (holderUnit.isPresent()) {
            String unitId = holderUnit.get().id();
            String holderCountry = ledger.unitCountry(unitId);
            search:
            for (CandidateTransfer t : candidates) {
                for (UnitRef u : t.approvedEndUsers()) {
                    if (ledger.isUnitOrSubUnit(unitId, u.id())) {
                        status = unitId.equals(u.id()) ? HolderStatus.APPROVED_UNIT : HolderStatus.APPROVED_SUB_UNIT;
                        approvedVia = u;
                        approvingTransfer = t;
                        break search;
                    }
                }
            }
            if (approvedVia == null && holderCountry != null) {
                for (CandidateTransfer t : candidates) {
                    if (t.approvedEndUsers().isEmpty() && t.recipientCountry() != null
                            && t.recipientCountry().trim().equalsIgnoreCase(holderCountry.trim())) {
                        status = HolderStatus.RECIPIENT_FORCES;
                        approvedVia = holderUnit.get();
                        approvingTransfer = t;
                        break;
                    }
                }
            }
        }

        // 3. keep the most telling candidates: the approving one, then the most recent deliveries
        int total = candidates.size();
        int max = Math.max(1, (int) cfg.get("candidates.max"));
        List<CandidateTransfer> kept = new ArrayList<>();
        if (approvingTransfer != null) kept.add(approvingTransfer);
        if (candidates.size() > max) {
            candidates = new ArrayList<>(candidates);
            candidates.sort(Comparator.comparing(CandidateTransfer::deliveryDate,
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(CandidateTransfer::transferId));
        }
        for (CandidateTransfer t : candidates) {
            if (kept.size() >= max) break;
            if (t != approvingTransfer) kept.add(t);
        }

        Optional<Designation> designation = identity.listed() != null ? Optional.of(identity.listed())
                : designations.designation(holder);
        if (designation.isEmpty() && !holder.equals(first.holder())) designation = designations.designation(first.holder());
        List<InventoryGap> inventory = new ArrayList<>();
        for (CandidateTransfer t : kept) inventory.add(context.inventory(t));
        Sighting s = new Sighting(holder, article, claims, kept, total, level, serialMatches, holderUnit, status,
                approvedVia, designation, countryNote, asOf, identity, inventory, statements);
        SuspicionModel.Scored scored = model.score(s);
        double threshold = cfg.get("case.open_threshold");
        boolean opens;
        String reason;
        boolean anyNotDenied = claims.stream().anyMatch(c -> c.stance() != Stance.DENIED);
        if (!anyNotDenied) {
            opens = false;
            reason = "every claim is a denial; no source asserts or suggests that " + holder.name() + " holds "
                    + article.label();
        } else if (status.approved() && designation.isEmpty()) {
            opens = false;
            reason = (status == HolderStatus.RECIPIENT_FORCES
                    ? holder.name() + " belongs to the recipient country's forces (country-level delivery naming no unit)"
                    : holder.name() + " is an approved end-user (" + status.wire() + " of " + approvedVia.name() + ")")
                    + " and is not designated: an approved holding";
        } else if (scored.score() < threshold) {
            opens = false;
            reason = "score " + scored.score() + " is below the opening threshold " + threshold;
        } else {
            opens = true;
            reason = "score " + scored.score() + " reaches the opening threshold " + threshold + "; "
                    + (status.approved() ? "the approved holder is designated" : "holder is not an approved end-user");
        }
        return new Finding(key, s, scored.score(), scored.factors(), opens, reason);
    }

    private Optional<UnitRef> unitFor(Actor identity, Actor written) {
        Optional<UnitRef> u = ledger.unitForActor(identity);
        return u.isPresent() || identity.equals(written) ? u : ledger.unitForActor(written);
    }

    /**
     * Statements and denials about the holder's identity or one of its classes (a denial about "Shiite
     * militias" concerns Kata'ib Hezbollah, a Shiite militia).
     */
    private List<Statement> statementsAbout(Identity identity, List<EvidenceClaim> claims) {
        Set<String> keys = new HashSet<>();
        keys.add(identity.key());
        for (Actor a : identity.classes()) keys.add(a.key());
        Set<String> own = new HashSet<>();
        for (EvidenceClaim c : claims) {
            own.add(c.claimId());
            int slash = c.claimId().indexOf('/');
            if (slash > 0) own.add(c.claimId().substring(0, slash));
        }
        List<Statement> out = new ArrayList<>();
        for (Statement st : context.statements()) {
            if (own.contains(st.claimId())) continue; // already weighed as one of the finding's own claims
            if (keys.contains(identity(st.about()).key()) || keys.contains(st.about().key())) out.add(st);
        }
        return out;
    }

    private List<CandidateTransfer> lookup(ArticleLevel tier, List<EvidenceClaim> claims) {
        Set<String> keys = new LinkedHashSet<>();
        for (EvidenceClaim c : claims) {
            String k = switch (tier) {
                case EXACT -> c.article().designationKey();
                case FAMILY -> c.article().familyKey();
                case CATEGORY -> c.article().categoryKey();
                case SERIAL -> null;
            };
            if (k != null) keys.add(k);
        }
        if (keys.size() == 1) {
            String k = keys.iterator().next();
            return switch (tier) {
                case EXACT -> ledger.byDesignation(k);
                case FAMILY -> ledger.byFamily(k);
                default -> ledger.byCategory(k);
            };
        }
        Map<String, CandidateTransfer> all = new LinkedHashMap<>();
        for (String k : keys) {
            List<CandidateTransfer> found = switch (tier) {
                case EXACT -> ledger.byDesignation(k);
                case FAMILY -> ledger.byFamily(k);
                default -> ledger.byCategory(k);
            };
            for (CandidateTransfer t : found) all.putIfAbsent(t.transferId(), t);
        }
        return new ArrayList<>(all.values());
    }

    private static ArticleRef mostSpecific(List<EvidenceClaim> claims) {
        for (EvidenceClaim c : claims) if (c.article().designation() != null) return c.article();
        for (EvidenceClaim c : claims) if (c.article().family() != null) return c.article();
        return claims.getFirst().article();
    }
}
