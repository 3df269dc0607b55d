package org.custody.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Abbreviations of words in organisation names become the words ("SHPG" → shipping, "MGMT" →
 * management, "TRDG" → trading, "INTL" → international), so an abbreviated registry name meets the
 * spelled-out listed one. The table is the common English business abbreviations. Those that are also
 * names or words ("DEV", "GEN", "IND", "ENG", "TECH", "ST", "MT") are expanded only in a name that is
 * evidently an organisation's: one holding an organisation-type word or another abbreviation.
 */
public final class AbbreviationExpander implements AnalysisStep.TokenStep {

    /** Abbreviations that are no ordinary word or name. */
    private static final Map<String, String> ALWAYS = Map.ofEntries(
            Map.entry("shpg", "shipping"), Map.entry("shipg", "shipping"), Map.entry("mgmt", "management"),
            Map.entry("mgt", "management"), Map.entry("trdg", "trading"), Map.entry("mfg", "manufacturing"),
            Map.entry("mfrs", "manufacturers"), Map.entry("intl", "international"), Map.entry("assn", "association"),
            Map.entry("assoc", "association"), Map.entry("bros", "brothers"), Map.entry("svcs", "services"),
            Map.entry("svc", "service"), Map.entry("natl", "national"), Map.entry("dept", "department"),
            Map.entry("coml", "commercial"), Map.entry("hldg", "holding"), Map.entry("hldgs", "holdings"),
            Map.entry("grp", "group"), Map.entry("univ", "university"), Map.entry("agcy", "agency"),
            Map.entry("engg", "engineering"), Map.entry("invt", "investment"), Map.entry("invts", "investments"),
            Map.entry("pvt", "private"), Map.entry("govt", "government"), Map.entry("admin", "administration"),
            Map.entry("mgr", "manager"), Map.entry("distr", "distribution"), Map.entry("equip", "equipment"),
            Map.entry("elec", "electric"), Map.entry("petrochem", "petrochemical"));
    /** Abbreviations that are also names or words: expanded only in an organisation's name. */
    private static final Map<String, String> IN_ORGANISATIONS = Map.ofEntries(
            Map.entry("dev", "development"), Map.entry("devt", "development"), Map.entry("gen", "general"),
            Map.entry("ind", "industries"), Map.entry("inds", "industries"), Map.entry("eng", "engineering"),
            Map.entry("tech", "technology"), Map.entry("inv", "investment"), Map.entry("st", "saint"),
            Map.entry("mt", "mount"), Map.entry("bk", "bank"), Map.entry("ent", "enterprise"),
            Map.entry("inst", "institute"), Map.entry("chem", "chemical"), Map.entry("mkt", "market"),
            Map.entry("transp", "transport"));

    @Override public String name() { return "abbreviations"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        boolean organisation = false;
        for (NameToken t : tokens) {
            if (t.weak() || ALWAYS.containsKey(t.text()) || OrganisationTypeMarker.classOf(t) != null) {
                organisation = true;
                break;
            }
        }
        List<NameToken> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken t = tokens.get(i);
            if (t.weak() || t.abjad()) continue;
            String full = ALWAYS.get(t.text());
            if (full == null && organisation && tokens.size() > 1) full = IN_ORGANISATIONS.get(t.text());
            if (full != null) {
                if (out == null) out = new ArrayList<>(tokens);
                out.set(i, t.withText(full));
            }
        }
        return out == null ? tokens : out;
    }
}
