package org.custody.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.custody.lists.ListVersion;

/**
 * The list update page: the versions the screening index holds now, and a form whose script starts the
 * API's update job ({@code POST /api/lists/update}, the same job machine clients start, importing through
 * {@code ListImports} as the signed-in user) and polls {@code GET /api/jobs/{id}} for its progress.
 */
final class ListsPage {

    private final Supplier<List<ListVersion>> versions;

    ListsPage(Supplier<List<ListVersion>> versions) {
        this.versions = versions;
    }

    void form(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ListVersion v : versions.get()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("list", v.listId());
            m.put("version", v.version());
            m.put("entities", v.entityCount());
            m.put("published", v.publishedAt() == null ? "–" : v.publishedAt());
            m.put("imported", v.importedAt() == null ? "–" : v.importedAt());
            rows.add(m);
        }
        WebSupport.render(ctx, "lists-update.jte", Chrome.of(ctx, "Update watchlists", "dashboard"), Map.of("lists", rows));
    }
}
