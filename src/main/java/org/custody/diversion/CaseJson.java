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
 */
public final class CaseJson {

    private CaseJson() {}

    public static Map<String, Object> of(DiversionCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("status", c.status().wire());
        m.put("score", c.score());
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("id", c.holder().id());
        holder.put("name", c.holder().name());
        holder.put("unitId", c.holderUnitId());
        holder.put("status", c.holderStatus());
        holder.put("designation", c.designation());
        m.put("holder", holder);
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("designation", c.article().designation());
        article.put("family", c.article().family());
        article.put("category", c.article().category());
        m.put("article", article);
        m.put("transfers", links(c, CaseLink.Kind.TRANSFER));
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
