package org.custody.server.api;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.custody.ledger.OrgUnit;
import org.custody.server.ApiException;
import org.custody.server.Services;
import org.custody.store.ledger.OrgUnitStore;

/** Small parsing helpers the API handlers share: ids, dates, unit references (code or id). */
final class ApiSupport {

    private ApiSupport() {}

    static long id(Context ctx, String param) {
        String v = ctx.pathParam(param);
        try {
            long id = Long.parseLong(v);
            if (id <= 0) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(param + " must be a positive whole number, not '" + v + "'", param);
        }
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be a date YYYY-MM-DD, not '" + text + "'", field);
        }
    }

    static LocalDate dateParam(Context ctx, String name, LocalDate defaultValue) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? defaultValue : date(v, name);
    }

    /** A ledger unit by its code (IQ-35BDE), or its numeric id when no unit has that code; 404 otherwise. */
    static OrgUnit unit(Services s, String text) {
        String t = text.strip();
        return s.database().read(c -> {
            var byCode = OrgUnitStore.byCode(c, t);
            if (byCode.isPresent()) return byCode;
            if (t.matches("\\d{1,18}")) return OrgUnitStore.byId(c, Long.parseLong(t));
            return byCode;
        }).orElseThrow(() -> ApiException.notFound("unit '" + t + "' is not recorded (GET /api/ledger/units lists them)"));
    }

    /** An IllegalArgumentException/IllegalStateException of a use case as a 400 (bad input) or 409 (refused now). */
    static ApiException refused(RuntimeException e) {
        if (e instanceof IllegalStateException) return ApiException.conflict(e.getMessage());
        return ApiException.badRequest(e.getMessage(), null);
    }
}
