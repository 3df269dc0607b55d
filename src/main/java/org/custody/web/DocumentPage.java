package org.custody.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.server.ApiException;
import org.custody.store.evidence.DocumentQuery;

/**
 * An evidence document: its text with every claim's source sentence and every mention (article, actor,
 * place, date, amount) highlighted at the character spans extraction stored, and the claims listed.
 */
final class DocumentPage {

    private final WebAreas areas;

    DocumentPage(WebAreas areas) {
        this.areas = areas;
    }

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        DocumentQuery.Document d = areas.db().read(c -> DocumentQuery.document(c, id))
                .orElseThrow(() -> ApiException.notFound("no evidence document '" + id + "'"));
        WebSupport.render(ctx, "document.jte", Chrome.of(ctx, d.title() == null ? d.id() : d.title(), "dashboard"),
                Map.of("doc", d, "segments", Highlights.segments(d.body(), spans(d))));
    }

    static List<Highlights.Span> spans(DocumentQuery.Document d) {
        List<Highlights.Span> out = new ArrayList<>();
        for (DocumentQuery.Claim c : d.claims()) {
            out.add(new Highlights.Span(c.start(), c.end(), "claim stance-" + c.stance(),
                    "claim " + c.seq() + ": " + c.holder() + " — " + c.kind() + " — " + (c.article() == null ? "?" : c.article())
                            + " (" + c.stance() + ")", "claim-" + c.seq()));
        }
        for (DocumentQuery.Mention m : d.mentions()) {
            String resolved = m.resolvedName() == null ? "" : " → " + m.resolvedName()
                    + (m.resolvedId() == null ? "" : " (" + m.resolvedId() + ")");
            out.add(new Highlights.Span(m.start(), m.end(), "mention m-" + m.type().toLowerCase(Locale.ROOT),
                    m.type() + ": " + m.text() + resolved, null));
        }
        return out;
    }
}
