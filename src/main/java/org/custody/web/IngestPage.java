package org.custody.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * The evidence upload page. Its script sends the chosen files to the API's upload ({@code POST /api/evidence},
 * the same job the API's clients start, ingesting each file through {@code EvidenceIntake} as the signed-in
 * user) with the page's CSRF token, then polls {@code GET /api/jobs/{id}} and shows the progress.
 */
final class IngestPage {

    void form(Context ctx) {
        WebSupport.render(ctx, "ingest.jte", Chrome.of(ctx, "Ingest evidence", "dashboard"), Map.of());
    }
}
