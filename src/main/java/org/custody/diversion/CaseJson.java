package org.custody.diversion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stable wire shape of a case (one JSON Lines record of {@code custody cases --json} and the body of
 * a webhook notification): {@code {"id", "status", "score", "holder":{…}, "article":{…}, "transfers":[…],
 * "evidence":[…], "factors":[{"name", "value", "weight", "explanation"}]}}. Plain maps; the CLI renders them.
 * A ledger unit appears as {@code "unitId"} (the numeric id, an integer) and {@code "unit"} (its public code,
 * a string), like in every other JSON output; either is null when not known.
 */
public final class CaseJson {

    private CaseJson() {}

    /** A ledger unit's public code from its id, or null when there is none. */
    @FunctionalInterface
    public interface UnitCodes {
        String code(String unitId);

        /** No ledger at hand: a non-numeric id is taken as the code itself. */
        UnitCodes NONE = id -> null;
    }

    public static Map<String, Object> of(DiversionCase c) {
        return of(c, UnitCodes.NONE);
    }

    public static Map<String, Object> of(DiversionCase c, UnitCodes codes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("status", c.status().wire());
        m.put("score", c.score());
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("id", c.holder().id());
        holder.put("name", c.holder().name());
        holder.put("unitId", numericId(c.holderUnitId()));
        holder.put("unit", code(c.holderUnitId(), codes));
        holder.put("status", c.holderStatus());
        holder.put("designation", c.designation());
        m.put("holder", holder);
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("designation", c.article().designation());
        article.put("family", c.article().family());
        article.put("category", c.article().category());
        m.put("article", article);
        List<Map<String, Object>> transfers = links(c, CaseLink.Kind.TRANSFER);
        for (Map<String, Object> t : transfers) {
            if (t.get("approvedEndUsers") instanceof List<?> users) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Object u : users) {
                    if (!(u instanceof Map<?, ?> um)) continue;
                    String id = um.get("id") == null ? null : um.get("id").toString();
                    Map<String, Object> wire = new LinkedHashMap<>();
                    wire.put("unitId", numericId(id));
                    wire.put("unit", code(id, codes));
                    wire.put("name", um.get("name"));
                    out.add(wire);
                }
                t.put("approvedEndUsers", out);
            }
        }
        m.put("transfers", transfers);
        m.put("evidence", links(c, CaseLink.Kind.EVIDENCE));
        List<Map<String, Object>> factors = new ArrayList<>();
        for (Factor f : c.factors()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("value", f.value());
            fm.put("weight", f.weight());
            fm.put("explanation", f.explanation() + String.format(Locale.ROOT,
                    " [adds %.3f, %.0f%% of the score]", f.contribution(), f.share() * 100));
            factors.add(fm);
        }
        m.put("factors", factors);
        return m;
    }

    /** The ledger's unit ids are numbers; any other id (a unit known only by a code) has no numeric id. */
    static Long numericId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) return null;
        return Long.parseLong(id);
    }

    static String code(String id, UnitCodes codes) {
        if (id == null) return null;
        String code = codes.code(id);
        if (code != null) return code;
        return numericId(id) == null ? id : null;
    }

    /** The case's links of one kind: id (the reference), the link's details, and whether it is still used. */
    public static List<Map<String, Object>> links(DiversionCase c, CaseLink.Kind kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CaseLink l : c.links(kind)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.ref());
            m.putAll(l.detail());
            m.put("current", l.current());
            out.add(m);
        }
        return out;
    }
}
