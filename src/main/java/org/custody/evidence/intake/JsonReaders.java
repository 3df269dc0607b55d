package org.custody.evidence.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custody.evidence.SourceKind;
import org.custody.evidence.StructuredItem;

/**
 * The two JSON inputs: social-media posts and Custody field reports (format {@value #FIELD_REPORT_FORMAT},
 * documented in docs/evidence-formats.md). A file holds one object or an array of objects; every record
 * is checked before any is returned, and a refusal names the record index and field.
 */
final class JsonReaders {

    static final String FIELD_REPORT_FORMAT = "custody-field-report/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(Decoding.MAX_BYTES).build());
    }

    private JsonReaders() {}

    static List<Draft> read(String source, String json, Instant retrieved) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new IntakeRefusal(source, "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) throw new IntakeRefusal(source, "empty JSON document");
        List<JsonNode> records = new ArrayList<>();
        if (root.isArray()) root.forEach(records::add);
        else records.add(root);
        if (records.isEmpty()) throw new IntakeRefusal(source, "JSON array holds no records");
        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            String where = records.size() == 1 ? "" : "record " + i + ": ";
            if (!r.isObject()) throw new IntakeRefusal(source, where + "expected a JSON object, found " + r.getNodeType());
            if (FIELD_REPORT_FORMAT.equals(text(r, "format"))) out.add(fieldReport(source, where, r, retrieved));
            else if (r.has("format")) {
                throw new IntakeRefusal(source, where + "field 'format': unknown format '" + text(r, "format")
                        + "' (expected " + FIELD_REPORT_FORMAT + ")");
            } else out.add(socialPost(source, where, r, retrieved));
        }
        return out;
    }

    private static Draft socialPost(String source, String where, JsonNode r, Instant retrieved) {
        String platform = required(source, where, r, "platform");
        String text = text(r, "text");
        List<String> captions = new ArrayList<>();
        JsonNode media = r.get("media");
        if (media != null && !media.isNull()) {
            if (!media.isArray()) throw new IntakeRefusal(source, where + "field 'media': expected an array");
            for (int k = 0; k < media.size(); k++) {
                JsonNode m = media.get(k);
                if (!m.isObject()) throw new IntakeRefusal(source, where + "field 'media[" + k + "]': expected an object");
                String c = text(m, "caption");
                if (c != null && !c.isBlank()) captions.add(c.strip());
            }
        }
        if ((text == null || text.isBlank()) && captions.isEmpty()) {
            throw new IntakeRefusal(source, where + "field 'text': missing, and no media caption either");
        }
        String posted = text(r, "postedAt");
        LocalDate published = MetaDates.parse(posted);
        if (posted != null && published == null) {
            throw new IntakeRefusal(source, where + "field 'postedAt': not a date or timestamp: '" + posted + "'");
        }
        StringBuilder body = new StringBuilder(text == null ? "" : text.strip());
        for (String c : captions) {
            if (body.length() > 0) body.append("\n\n");
            body.append(c);
        }
        String author = text(r, "author");
        return new Draft(SourceKind.SOCIAL_POST, platform, text(r, "url"), null, author, platform, published,
                retrieved, body.toString(), captions);
    }

    private static Draft fieldReport(String source, String where, JsonNode r, Instant retrieved) {
        String id = required(source, where, r, "reportId");
        String organisation = required(source, where, r, "organisation");
        String observed = text(r, "observedOn");
        String reported = text(r, "reportedOn");
        LocalDate published = MetaDates.parse(reported != null ? reported : observed);
        if ((reported != null || observed != null) && published == null) {
            throw new IntakeRefusal(source, where + "field '" + (reported != null ? "reportedOn" : "observedOn")
                    + "': not a date: '" + (reported != null ? reported : observed) + "'");
        }
        StringBuilder body = new StringBuilder();
        List<StructuredItem> structured = new ArrayList<>();
        String reportHolder = text(r, "holder");
        String placeName = null;
        Double lat = null;
        Double lon = null;
        String title = text(r, "title");
        if (title != null) body.append(title.strip()).append("\n\n");
        JsonNode loc = r.get("location");
        if (loc != null && loc.isObject() && text(loc, "name") != null) {
            body.append("Location: ").append(text(loc, "name").strip()).append('\n');
            placeName = text(loc, "name").strip();
        }
        if (loc != null && loc.isObject()) {
            lat = coordinate(source, where, loc, "latitude", 90);
            lon = coordinate(source, where, loc, "longitude", 180);
            if ((lat == null) != (lon == null)) {
                throw new IntakeRefusal(source, where + "field 'location': latitude and longitude go together");
            }
        }
        LocalDate observedOn = MetaDates.parse(observed);
        if (observed != null && observedOn == null) {
            throw new IntakeRefusal(source, where + "field 'observedOn': not a date: '" + observed + "'");
        }
        if (observed != null) body.append("Observed: ").append(observed.strip()).append("\n\n");
        String summary = text(r, "summary");
        if (summary != null) body.append(summary.strip()).append("\n\n");
        JsonNode obs = r.get("observations");
        if (obs != null && !obs.isNull()) {
            if (!obs.isArray()) throw new IntakeRefusal(source, where + "field 'observations': expected an array");
            for (int k = 0; k < obs.size(); k++) {
                JsonNode o = obs.get(k);
                String t = o.isTextual() ? o.asText() : text(o, "text");
                if (t == null) throw new IntakeRefusal(source, where + "field 'observations[" + k + "].text': missing");
                body.append(t.strip()).append("\n");
                JsonNode items = o.get("items");
                if (items != null && items.isArray()) {
                    for (int j = 0; j < items.size(); j++) {
                        JsonNode it = items.get(j);
                        String d = text(it, "description");
                        if (d == null) {
                            throw new IntakeRefusal(source, where + "field 'observations[" + k + "].items[" + j
                                    + "].description': missing");
                        }
                        JsonNode q = it.get("quantity");
                        if (q != null && !q.isNull() && !q.canConvertToInt()) {
                            throw new IntakeRefusal(source, where + "field 'observations[" + k + "].items[" + j
                                    + "].quantity': not a whole number");
                        }
                        StringBuilder line = new StringBuilder("- ");
                        if (q != null && !q.isNull()) line.append(q.asInt()).append(' ');
                        line.append(d.strip());
                        JsonNode serials = it.get("serials");
                        List<String> s = new ArrayList<>();
                        if (serials != null && !serials.isNull()) {
                            if (!serials.isArray()) {
                                throw new IntakeRefusal(source, where + "field 'observations[" + k + "].items[" + j
                                        + "].serials': expected an array");
                            }
                            serials.forEach(x -> { if (!x.asText().isBlank()) s.add(x.asText().strip()); });
                        }
                        if (!s.isEmpty()) line.append(" (serials: ").append(String.join(", ", s)).append(')');
                        body.append(line).append('\n');
                        String itemHolder = text(it, "holder");
                        structured.add(new StructuredItem("field report " + id + ", observations[" + k + "].items[" + j + "]",
                                d.strip(), q == null || q.isNull() ? null : q.asInt(), s, placeName, lat, lon, observedOn,
                                itemHolder != null && !itemHolder.isBlank() ? itemHolder.strip()
                                        : reportHolder != null && !reportHolder.isBlank() ? reportHolder.strip() : null,
                                line.toString()));
                    }
                }
                body.append('\n');
            }
        }
        if (summary == null && (obs == null || obs.isEmpty())) {
            throw new IntakeRefusal(source, where + "field 'summary': missing, and no observations either");
        }
        return new Draft(SourceKind.FIELD_REPORT, organisation, text(r, "url"), title != null ? title : id,
                text(r, "author"), null, published, retrieved, body.toString(), List.of(), structured);
    }

    private static Double coordinate(String source, String where, JsonNode loc, String field, double limit) {
        JsonNode n = loc.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isNumber() || Math.abs(n.asDouble()) > limit) {
            throw new IntakeRefusal(source, where + "field 'location." + field + "': not a number within ±" + (int) limit
                    + ": " + n);
        }
        return n.asDouble();
    }

    private static String required(String source, String where, JsonNode r, String field) {
        String v = text(r, field);
        if (v == null || v.isBlank()) throw new IntakeRefusal(source, where + "field '" + field + "': missing");
        return v;
    }

    private static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        if (n == null || n.isNull()) return null;
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
