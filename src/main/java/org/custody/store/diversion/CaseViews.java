package org.custody.store.diversion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.diversion.CaseEvent;
import org.custody.diversion.CaseJson;
import org.custody.diversion.CaseLink;
import org.custody.diversion.DiversionCase;

/**
 * A case in full as JSON objects, the same for {@code custody case show --json} and the server's API:
 * the {@link CaseJson} shape plus assignee, reason, screening and vetting links and the history.
 */
public final class CaseViews {

    private CaseViews() {}

    public static Map<String, Object> detail(DiversionCase dc, List<CaseEvent> events) {
        Map<String, Object> m = new LinkedHashMap<>(CaseJson.of(dc));
        m.put("assignee", dc.assignee());
        m.put("reason", dc.reason());
        m.put("belowThreshold", dc.belowThreshold());
        m.put("screening", CaseJson.links(dc, CaseLink.Kind.SCREENING));
        m.put("vetting", CaseJson.links(dc, CaseLink.Kind.VETTING));
        List<Map<String, Object>> ev = new ArrayList<>();
        for (CaseEvent e : events) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("at", e.at().toString());
            em.put("actor", e.actor());
            em.put("action", e.action());
            em.put("detail", e.detail());
            ev.add(em);
        }
        m.put("history", ev);
        return m;
    }
}
