package org.custody.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.custody.accounts.Capability;
import org.custody.audit.AuditLog;
import org.custody.eum.CheckKind;
import org.custody.eum.FollowUpOutcome;
import org.custody.eum.InventoryCheck;
import org.custody.eum.ItemHistory;
import org.custody.eum.MonitoringAssessor;
import org.custody.eum.MonitoringPolicy;
import org.custody.eum.Observation;
import org.custody.eum.ObservationStatus;
import org.custody.ledger.OrgUnit;
import org.custody.server.ApiException;
import org.custody.server.Bodies;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.Services;
import org.custody.store.eum.EumStore;
import org.custody.store.ledger.TransferStore;

/** End-use monitoring: inventory checks and the monitoring status of a transfer or a unit (as {@code custody eum}). */
public final class EumApi {

    private final Services services;

    public EumApi(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("end-use monitoring")
                .get("/api/eum/status", Capability.READ, "Monitoring figures of a transfer (case) or a unit and its sub-units")
                .query("case", "string", "transfer case id").query("unit", "string", "unit code or id")
                .query("asOf", "string", "YYYY-MM-DD (default today)").query("months", "integer", "verification interval (default 12)")
                .to(this::status)
                .post("/api/eum/checks", Capability.RECORD_MONITORING, "Record an inventory check")
                .body("{date, place, lat?, lon?, inspector, unit?, kind?: ROUTINE|ENHANCED|FOLLOW_UP, notes?, items: [{serial, status, evidence?}]}")
                .to(this::record)
                .post("/api/eum/follow-ups", Capability.RECORD_MONITORING, "Record a follow-up on an item (e.g. after a check did not see it)")
                .body("{serial, article? (when the serial exists for several articles), check? (the check it answers), date, "
                        + "outcome: PENDING|LOCATED|CONFIRMED_MISSING|CONFIRMED_DESTROYED|REPORTED, note}")
                .to(this::followUp);
    }

    /** As {@code custody eum follow-up}: the same store call, recorded in the audit log as the signed-in user. */
    private void followUp(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        String serial = Bodies.text(b, "serial", true);
        String article = Bodies.text(b, "article", false);
        JsonNode checkNode = b.get("check");
        Optional<Long> check = Optional.empty();
        if (checkNode != null && !checkNode.isNull()) {
            if (!checkNode.canConvertToLong() || checkNode.asLong() <= 0) throw ApiException.badRequest("check must be a check id (a positive whole number)", "check");
            check = Optional.of(checkNode.asLong());
        }
        LocalDate date = ApiSupport.date(Bodies.text(b, "date", true), "date");
        String outcomeText = Bodies.text(b, "outcome", true);
        FollowUpOutcome outcome;
        try {
            outcome = FollowUpOutcome.valueOf(outcomeText.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("outcome '" + outcomeText + "' is not PENDING, LOCATED, CONFIRMED_MISSING, "
                    + "CONFIRMED_DESTROYED or REPORTED", "outcome");
        }
        String note = Bodies.text(b, "note", true);
        String actor = AuditLog.currentActor();
        Optional<Long> checkId = check;
        long id;
        try {
            id = services.database().inTransaction(c -> EumStore.recordFollowUp(c, serial, Optional.ofNullable(article), checkId,
                    date, outcome, note, actor));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "serial");
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", id);
        out.put("serial", serial);
        out.put("date", date.toString());
        out.put("outcome", outcome.name());
        out.put("check", checkId.orElse(null));
        ctx.status(201).json(out);
    }

    private void status(Context ctx) {
        String caseId = ctx.queryParam("case");
        String unit = ctx.queryParam("unit");
        if ((caseId == null) == (unit == null)) throw ApiException.badRequest("give exactly one of case or unit", "case");
        int months = Pagination.intParam(ctx, "months", 12, 1, 120);
        LocalDate day = ApiSupport.dateParam(ctx, "asOf", LocalDate.now(ZoneOffset.UTC));
        List<ItemHistory> items;
        String scope;
        if (caseId != null) {
            if (services.database().read(c -> TransferStore.byCase(c, caseId)).isEmpty()) {
                throw ApiException.notFound("case '" + caseId + "' is not recorded");
            }
            items = services.database().read(c -> EumStore.forTransfer(c, caseId));
            scope = "case " + caseId;
        } else {
            OrgUnit u = ApiSupport.unit(services, unit);
            items = services.database().read(c -> EumStore.forUnit(c, u.id()));
            scope = "unit " + u.code() + " and sub-units";
        }
        ctx.json(new MonitoringAssessor(new MonitoringPolicy(Period.ofMonths(months))).figures(scope, items, day));
    }

    private void record(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        LocalDate date = ApiSupport.date(Bodies.text(b, "date", true), "date");
        String place = Bodies.text(b, "place", true);
        String inspector = Bodies.text(b, "inspector", true);
        String unit = Bodies.text(b, "unit", false);
        if (unit != null) unit = ApiSupport.unit(services, unit).code();
        String kindText = Bodies.text(b, "kind", false);
        CheckKind kind;
        try {
            kind = kindText == null ? CheckKind.ENHANCED : CheckKind.valueOf(kindText.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind must be ROUTINE, ENHANCED or FOLLOW_UP", "kind");
        }
        Optional<Double> lat = coordinate(b, "lat", 90);
        Optional<Double> lon = coordinate(b, "lon", 180);
        JsonNode items = b.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) throw ApiException.badRequest("items must be a non-empty array", "items");
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode it = items.get(i);
            String at = "items[" + i + "]";
            if (!it.isObject()) throw ApiException.badRequest(at + " must be an object", at);
            String serial = Bodies.text(it, "serial", true);
            String status = Bodies.text(it, "status", true);
            String evidence = Bodies.text(it, "evidence", false);
            ObservationStatus s;
            try {
                s = ObservationStatus.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(at + ".status '" + status + "' is not SEEN, NOT_SEEN, DAMAGED or DESTROYED", at + ".status");
            }
            try {
                obs.add(new Observation(serial, Optional.empty(), s, evidence == null ? "" : evidence));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(at + ": " + e.getMessage(), at);
            }
        }
        InventoryCheck check;
        try {
            check = new InventoryCheck(date, place, lat, lon, inspector, Optional.ofNullable(unit), kind,
                    Optional.ofNullable(Bodies.text(b, "notes", false)).orElse(""), obs);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), null);
        }
        String actor = AuditLog.currentActor();
        long id;
        try {
            id = services.database().inTransaction(c -> EumStore.recordCheck(c, check, actor));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "items");
        }
        ctx.status(201).json(Map.of("id", id, "date", date.toString(), "place", place, "items", obs.size()));
    }

    private static Optional<Double> coordinate(JsonNode b, String field, double bound) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isNumber() || Math.abs(v.asDouble()) > bound) {
            throw ApiException.badRequest(field + " must be a number from -" + (int) bound + " to " + (int) bound, field);
        }
        return Optional.of(v.asDouble());
    }
}
