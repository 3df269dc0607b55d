package org.custody.web;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custody.diversion.CaseLink;
import org.custody.diversion.CaseStatus;
import org.custody.diversion.DiversionCase;
import org.custody.eum.ItemEvent;
import org.custody.eum.ItemHistory;
import org.custody.photo.PhotoReader;
import org.custody.server.ApiException;
import org.custody.server.ServerApp;
import org.custody.store.diversion.CaseStore;
import org.custody.store.diversion.DiversionRunner;
import org.custody.store.eum.EumStore;
import org.custody.store.evidence.EvidenceIntake;
import org.custody.store.photo.PhotoReads;

/**
 * Diversion cases: the list, and one case with its evidence, its pictures (thumbnails, metadata facts,
 * text read, re-post family), candidate deliveries, score breakdown, history, map and timeline, and the
 * forms of its workflow (status moves the case's state allows, notes).
 * The forms call the same {@link DiversionRunner#update} the command line's {@code case update} calls.
 */
final class CasePage {

    private final WebAreas areas;

    CasePage(WebAreas areas) {
        this.areas = areas;
    }

    void list(Context ctx) {
        String statusText = ctx.queryParam("status");
        CaseStatus status;
        try {
            status = statusText == null || statusText.isBlank() ? null : CaseStatus.parse(statusText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "status");
        }
        List<DiversionCase> cases = areas.db().read(c -> CaseStore.list(c, status));
        WebSupport.render(ctx, "cases.jte", Chrome.of(ctx, "Diversion cases", "cases"),
                Map.of("cases", cases, "status", status == null ? "" : status.wire(), "statuses", CaseStatus.values()));
    }

    void show(Context ctx) {
        long id = WebSupport.id(ctx, "id", "diversion case");
        Map<String, Object> m = areas.db().read(c -> {
            DiversionCase dc = CaseStore.get(c, id).orElseThrow(() -> ApiException.notFound("no diversion case " + id));
            Map<String, Object> v = new HashMap<>();
            v.put("dc", dc);
            v.put("holderUnit", dc.holderUnitId() == null ? null : Subjects.unitById(c, dc.holderUnitId(), dc.holder().name()));
            v.put("events", CaseStore.events(c, id));
            v.put("evidence", evidence(dc));
            v.put("deliveries", deliveries(c, dc));
            v.put("timeline", timeline(c, dc));
            v.put("photos", photos(PhotoReads.forCase(c, dc)));
            return v;
        });
        DiversionCase dc = (DiversionCase) m.get("dc");
        m.put("next", List.copyOf(dc.status().allowedNext()));
        m.put("otherLinks", dc.links().stream().filter(l -> l.kind() == CaseLink.Kind.SCREENING || l.kind() == CaseLink.Kind.VETTING).toList());
        WebSupport.render(ctx, "case.jte", Chrome.of(ctx, "Case " + id, "cases"), m);
    }

    /** Moves the case (form: status, reason). */
    void move(Context ctx) {
        long id = WebSupport.id(ctx, "id", "diversion case");
        String path = "/cases/" + id;
        try {
            CaseStatus next = CaseStatus.parse(WebSupport.required(ctx, "status", "the new status"));
            String reason = WebSupport.required(ctx, "reason", "a reason");
            DiversionCase dc = areas.cases().update(id, new DiversionRunner.CaseUpdate(next, reason, null, null, List.of()),
                    ServerApp.principal(ctx).username());
            WebSupport.back(ctx, path, "done", "Case " + id + " is now " + dc.status().wire() + ".");
        } catch (IllegalArgumentException | IllegalStateException e) {
            failIfMissing(id);
            WebSupport.back(ctx, path, "error", e.getMessage());
        }
    }

    /** Adds a note (form: note). */
    void note(Context ctx) {
        long id = WebSupport.id(ctx, "id", "diversion case");
        String path = "/cases/" + id;
        try {
            String note = WebSupport.required(ctx, "note", "the note");
            areas.cases().update(id, new DiversionRunner.CaseUpdate(null, null, null, note, List.of()),
                    ServerApp.principal(ctx).username());
            WebSupport.back(ctx, path, "done", "Note added.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            failIfMissing(id);
            WebSupport.back(ctx, path, "error", e.getMessage());
        }
    }

    /** Long side of the thumbnails stored with every picture (intake draws them). */
    static final int THUMBNAIL_SIDE = EvidenceIntake.THUMBNAIL;
    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    /**
     * A stored picture's thumbnail (JPEG): the one drawn at intake, or scaled down further to {@code side}
     * (32-320 pixels on the long side), or drawn from the stored picture when a row has none. The picture is
     * addressed by its SHA-256, so the answer never changes: it may be cached privately (the browser only, it
     * is evidence behind a sign-in) and revalidated by its ETag.
     */
    void thumbnail(Context ctx) {
        String sha = ctx.pathParam("sha");
        if (!SHA256.matcher(sha).matches()) throw ApiException.notFound("no picture " + sha + " (pictures are named by their SHA-256)");
        String sideText = ctx.queryParam("side");
        int side;
        try {
            side = sideText == null || sideText.isBlank() ? THUMBNAIL_SIDE : Integer.parseInt(sideText.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("side must be a whole number of pixels (32-" + THUMBNAIL_SIDE + "), was " + sideText, "side");
        }
        if (side < 32 || side > THUMBNAIL_SIDE) {
            throw ApiException.badRequest("side must be 32-" + THUMBNAIL_SIDE + " pixels, was " + side, "side");
        }
        byte[] stored = areas.db().read(c -> PhotoReads.thumbnail(c, sha));
        byte[] original = stored != null ? null : areas.db().read(c -> PhotoReads.original(c, sha));
        if (stored == null && original == null) throw ApiException.notFound("no picture " + sha);
        String etag = "\"" + sha + "-" + side + "\"";
        ctx.header("Cache-Control", "private, max-age=86400, immutable");
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        byte[] jpeg;
        if (stored == null) jpeg = PhotoReader.thumbnail(PhotoReader.load(sha, original).image(), side);
        else if (side < THUMBNAIL_SIDE) jpeg = PhotoReader.thumbnail(PhotoReader.load(sha, stored).image(), side);
        else jpeg = stored;
        ctx.contentType("image/jpeg").result(jpeg);
    }

    /** The pictures' rows as the case page shows them (see {@link PhotoReads#forClaims} for the fields). */
    static List<Views.PhotoRow> photos(List<Map<String, Object>> photos) {
        List<Views.PhotoRow> out = new ArrayList<>();
        for (Map<String, Object> p : photos) {
            String sha = str(p.get("sha256"));
            Object lat = p.get("latitude");
            Object lon = p.get("longitude");
            String place = lat instanceof Number la && lon instanceof Number lo
                    ? String.format(java.util.Locale.ROOT, "%.5f, %.5f", la.doubleValue(), lo.doubleValue()) : null;
            String taken = str(p.get("taken"));
            if (taken != null) taken = taken.replace('T', ' ') + (p.get("takenOffset") == null ? " (no time zone stated)" : " " + p.get("takenOffset"));
            String edits = str(p.get("edits"));
            if (edits != null && (edits.equals("[]") || edits.isBlank())) edits = null;
            List<Views.ClaimRef> claims = new ArrayList<>();
            for (String cl : strings(p.get("claims"))) {
                int hash = cl.indexOf('#');
                claims.add(new Views.ClaimRef(cl, hash < 0 ? null : cl.substring(0, hash), claimAnchor(cl)));
            }
            List<Views.ReadRow> reads = new ArrayList<>();
            int unsure = 0;
            if (p.get("readings") instanceof List<?> rs) {
                for (Object o : rs) {
                    if (!(o instanceof Map<?, ?> r)) continue;
                    if (!shown(r)) {
                        unsure++;
                        continue;
                    }
                    String region = r.get("region") instanceof Map<?, ?> g
                            ? g.get("w") + "×" + g.get("h") + " at (" + g.get("x") + ", " + g.get("y") + ")" : null;
                    String conf = r.get("confidence") instanceof Number n ? Fmt.pct(n.doubleValue()) : null;
                    reads.add(new Views.ReadRow(str(r.get("text")), str(r.get("kind")), region, conf, str(r.get("explanation"))));
                }
            }
            out.add(new Views.PhotoRow(sha, "/web/images/" + sha + "/thumbnail", str(p.get("file")), str(p.get("caption")),
                    str(p.get("format")), p.get("width") instanceof Number w ? w.intValue() : 0,
                    p.get("height") instanceof Number h ? h.intValue() : 0, taken, place, str(p.get("camera")),
                    str(p.get("software")), edits, strings(p.get("flags")), claims, reads, unsure, str(p.get("earliestDocument")),
                    str(p.get("earliestPoster")), str(p.get("earliestPosted")), strings(p.get("familyDocuments"))));
        }
        return out;
    }

    /**
     * Whether the page lists a reading: serials (matched or ambiguous) always; plain text when the reader was at
     * least {@value Views#SHOWN_TEXT_CONFIDENCE} sure and it holds two letters or digits (the rest is counted, and is
     * in the case's JSON).
     */
    static boolean shown(Map<?, ?> r) {
        if (!"text".equals(r.get("kind"))) return true;
        String text = str(r.get("text"));
        long letters = text == null ? 0 : text.codePoints().filter(Character::isLetterOrDigit).count();
        return letters >= 2 && r.get("confidence") instanceof Number n && n.doubleValue() >= Views.SHOWN_TEXT_CONFIDENCE;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) for (Object x : l) if (x != null) out.add(x.toString());
        return out;
    }

    private void failIfMissing(long id) {
        if (areas.db().read(c -> CaseStore.get(c, id)).isEmpty()) throw ApiException.notFound("no diversion case " + id);
    }

    static List<Views.EvidenceRow> evidence(DiversionCase dc) {
        List<Views.EvidenceRow> out = new ArrayList<>();
        for (CaseLink l : dc.links(CaseLink.Kind.EVIDENCE)) {
            Map<String, Object> d = l.detail();
            String doc = str(d.get("document"));
            out.add(new Views.EvidenceRow(l.ref(), doc, claimAnchor(l.ref()), str(d.get("kind")), str(d.get("stance")),
                    str(d.get("sentence")), str(d.get("place")), str(d.get("date")), str(d.get("attributedTo")), l.current()));
        }
        return out;
    }

    /** "doc-1#3" or "doc-1#3/SERIAL" → "claim-3", the anchor of the claim on the document page. */
    static String claimAnchor(String claimRef) {
        int hash = claimRef.indexOf('#');
        if (hash < 0) return null;
        String rest = claimRef.substring(hash + 1);
        int slash = rest.indexOf('/');
        String seq = slash < 0 ? rest : rest.substring(0, slash);
        return seq.matches("\\d+") ? "claim-" + seq : null;
    }

    private static List<Views.DeliveryRow> deliveries(Connection c, DiversionCase dc) throws SQLException {
        List<Views.DeliveryRow> out = new ArrayList<>();
        for (CaseLink l : dc.links(CaseLink.Kind.TRANSFER)) {
            Map<String, Object> d = l.detail();
            List<Subjects.Named> users = new ArrayList<>();
            if (d.get("approvedEndUsers") instanceof List<?> us) {
                for (Object o : us) {
                    if (o instanceof Map<?, ?> u) users.add(Subjects.unitById(c, str(u.get("id")), str(u.get("name"))));
                }
            }
            String inventory = null;
            if (d.get("inventory") instanceof Map<?, ?> inv) {
                inventory = inv.get("checked") + " of " + inv.get("serials") + " serials checked"
                        + (inv.get("lastCheck") == null ? ", never" : ", last on " + inv.get("lastCheck"))
                        + (inv.get("notSeenOrMissing") instanceof List<?> miss && !miss.isEmpty()
                        ? "; not seen or missing: " + String.join(", ", miss.stream().map(String::valueOf).toList()) : "");
            }
            out.add(new Views.DeliveryRow(l.ref(), str(d.get("caseRef")), str(d.get("programme")), str(d.get("article")),
                    d.get("quantity"), str(d.get("deliveryDate")), users,
                    d.get("serialsMatched") instanceof List<?> s ? s : List.of(), inventory, l.current()));
        }
        return out;
    }

    /** Deliveries of the candidate transfers, the inventory checks of their items, and the sightings. */
    static Timeline timeline(Connection c, DiversionCase dc) throws SQLException {
        List<Timeline.Event> events = new ArrayList<>();
        for (CaseLink l : dc.links(CaseLink.Kind.TRANSFER)) {
            Map<String, Object> d = l.detail();
            LocalDate delivered = date(d.get("deliveryDate"));
            if (delivered != null) {
                events.add(new Timeline.Event(delivered, Timeline.Lane.DELIVERY,
                        "delivery " + l.ref() + ": " + d.get("quantity") + " × " + d.get("article")));
            }
            String caseRef = str(d.get("caseRef"));
            if (caseRef == null) continue;
            Map<String, Integer> checks = new java.util.TreeMap<>();
            for (ItemHistory item : EumStore.forTransfer(c, caseRef)) {
                for (ItemEvent e : item.events()) {
                    String what = switch (e) {
                        case ItemEvent.Observed o -> "inventory check" + (o.place() == null ? "" : " at " + o.place());
                        case ItemEvent.FollowedUp f -> "follow-up: " + f.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                    };
                    checks.merge(e.date() + "\t" + what, 1, Integer::sum);
                }
            }
            checks.forEach((k, n) -> {
                String[] parts = k.split("\t", 2);
                events.add(new Timeline.Event(LocalDate.parse(parts[0]), Timeline.Lane.INVENTORY,
                        parts[1] + " (" + n + " item" + (n == 1 ? "" : "s") + " of " + caseRef + ")"));
            });
        }
        for (CaseLink l : dc.links(CaseLink.Kind.EVIDENCE)) {
            Map<String, Object> d = l.detail();
            LocalDate seen = date(d.get("date"));
            if (seen == null) continue;
            String place = str(d.get("place"));
            events.add(new Timeline.Event(seen, Timeline.Lane.SIGHTING, str(d.get("stance")) + " " + str(d.get("kind"))
                    + (place == null ? "" : " at " + place) + " (" + l.ref() + ")"));
        }
        return new Timeline(events);
    }

    private static LocalDate date(Object o) {
        if (o == null) return null;
        try {
            return LocalDate.parse(o.toString().length() >= 10 ? o.toString().substring(0, 10) : o.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
