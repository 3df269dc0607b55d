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

    /** Longest id, name, platform, url or date field (documented in docs/evidence-formats.md). */
    static final int MAX_FIELD_CHARS = 2000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(Decoding.MAX_BYTES).build());
        // a key given twice is refused, not silently decided by the last one
        MAPPER.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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
            if (FIELD_REPORT_FORMAT.equals(text(source, where, r, "format"))) out.add(fieldReport(source, where, r, retrieved));
            else if (r.has("format")) {
                throw new IntakeRefusal(source, where + "field 'format': unknown format '" + text(source, where, r, "format")
                        + "' (expected " + FIELD_REPORT_FORMAT + ")");
            } else out.add(socialPost(source, where, r, retrieved));
        }
        return out;
    }

    private static Draft socialPost(String source, String where, JsonNode r, Instant retrieved) {
        String platform = required(source, where, r, "platform");
        String text = longText(source, where, r, "text");
        List<String> captions = new ArrayList<>();
        List<MediaRef> files = media(source, where, r, captions);
        if ((text == null || text.isBlank()) && captions.isEmpty()) {
            throw new IntakeRefusal(source, where + "field 'text': missing, and no media caption either");
        }
        String posted = text(source, where, r, "postedAt");
        LocalDate published = MetaDates.parse(posted);
        if (posted != null && published == null) {
            throw new IntakeRefusal(source, where + "field 'postedAt': not a date or timestamp: '" + posted + "'");
        }
        StringBuilder body = new StringBuilder(text == null ? "" : text.strip());
        for (String c : captions) {
            if (body.length() > 0) body.append("\n\n");
            body.append(c);
        }
        String author = text(source, where, r, "author");
        return new Draft(SourceKind.SOCIAL_POST, platform, text(source, where, r, "url"), null, author, platform, published,
                retrieved, body.toString(), captions, List.of(), files);
    }

    private static Draft fieldReport(String source, String where, JsonNode r, Instant retrieved) {
        String id = required(source, where, r, "reportId");
        String organisation = required(source, where, r, "organisation");
        String observed = text(source, where, r, "observedOn");
        String reported = text(source, where, r, "reportedOn");
        LocalDate published = MetaDates.parse(reported != null ? reported : observed);
        if ((reported != null || observed != null) && published == null) {
            throw new IntakeRefusal(source, where + "field '" + (reported != null ? "reportedOn" : "observedOn")
                    + "': not a date: '" + (reported != null ? reported : observed) + "'");
        }
        StringBuilder body = new StringBuilder();
        String title = text(source, where, r, "title");
        if (title != null) body.append(title.strip()).append("\n\n");
        JsonNode loc = r.get("location");
        if (loc != null && !loc.isNull() && !loc.isObject()) {
            throw new IntakeRefusal(source, where + "field 'location': expected an object, found " + loc.getNodeType());
        }
        String locName = loc == null || loc.isNull() ? null : text(source, where + "location.", loc, "name");
        if (locName != null) body.append("Location: ").append(locName.strip()).append('\n');
        List<StructuredItem> structured = new ArrayList<>();
        String reportHolder = text(source, where, r, "holder");
        String placeName = locName == null ? null : locName.strip();
        Double lat = null;
        Double lon = null;
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
        String summary = longText(source, where, r, "summary");
        if (summary != null) body.append(summary.strip()).append("\n\n");
        JsonNode obs = r.get("observations");
        if (obs != null && !obs.isNull()) {
            if (!obs.isArray()) throw new IntakeRefusal(source, where + "field 'observations': expected an array");
            for (int k = 0; k < obs.size(); k++) {
                JsonNode o = obs.get(k);
                if (!o.isTextual() && !o.isObject()) {
                    throw new IntakeRefusal(source, where + "field 'observations[" + k + "]': expected a string or an object, found "
                            + o.getNodeType());
                }
                String t = o.isTextual() ? checked(source, where + "observations[" + k + "]", o.asText(), Integer.MAX_VALUE)
                        : longText(source, where + "observations[" + k + "].", o, "text");
                if (t == null) throw new IntakeRefusal(source, where + "field 'observations[" + k + "].text': missing");
                body.append(t.strip()).append("\n");
                JsonNode items = o.get("items");
                if (items != null && items.isArray()) {
                    for (int j = 0; j < items.size(); j++) {
                        JsonNode it = items.get(j);
                        String d = text(source, where + "observations[" + k + "].items[" + j + "].", it, "description");
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
                        if (serials != null && !serials.isNull() && !serials.isArray()) {
                            throw new IntakeRefusal(source, where + "field 'observations[" + k + "].items[" + j
                                    + "].serials': expected an array");
                        }
                        if (serials != null && serials.isArray()) {
                            for (int m = 0; m < serials.size(); m++) {
                                String label = "observations[" + k + "].items[" + j + "].serials[" + m + "]";
                                if (!serials.get(m).isTextual()) {
                                    throw new IntakeRefusal(source, where + "field '" + label + "': expected a string, found "
                                            + serials.get(m).getNodeType());
                                }
                                String serial = checked(source, where + label, serials.get(m).asText(), MAX_FIELD_CHARS);
                                if (!serial.isBlank()) s.add(serial.strip());
                            }
                        }
                        if (!s.isEmpty()) line.append(" (serials: ").append(String.join(", ", s)).append(')');
                        body.append(line).append('\n');
                        String itemHolder = text(source, where + "observations[" + k + "].items[" + j + "].", it, "holder");
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
        List<MediaRef> files = media(source, where, r, new ArrayList<>());
        return new Draft(SourceKind.FIELD_REPORT, organisation, text(source, where, r, "url"), title != null ? title : id,
                text(source, where, r, "author"), null, published, retrieved, body.toString(), List.of(), structured, files);
    }

    /**
     * The {@code media} array: each entry an object with an optional {@code type} ("photo"), {@code caption}
     * (collected into {@code captions}) and {@code file} (a picture next to the input, relative to it).
     */
    private static List<MediaRef> media(String source, String where, JsonNode r, List<String> captions) {
        List<MediaRef> files = new ArrayList<>();
        JsonNode media = r.get("media");
        if (media == null || media.isNull()) return files;
        if (!media.isArray()) throw new IntakeRefusal(source, where + "field 'media': expected an array");
        for (int k = 0; k < media.size(); k++) {
            JsonNode m = media.get(k);
            String at = where + "media[" + k + "].";
            if (!m.isObject()) throw new IntakeRefusal(source, where + "field 'media[" + k + "]': expected an object");
            String c = longText(source, at, m, "caption");
            if (c != null && !c.isBlank()) captions.add(c.strip());
            String type = text(source, at, m, "type");
            // a video or other medium keeps its caption; only pictures are read as files
            boolean picture = type == null || type.strip().equalsIgnoreCase("photo") || type.strip().equalsIgnoreCase("image");
            String file = text(source, at, m, "file");
            if (file != null && picture) {
                if (file.isBlank()) throw new IntakeRefusal(source, where + "field 'media[" + k + "].file': empty");
                if (file.matches("(?i)^[a-z][a-z0-9+.-]*://.*") || file.startsWith("/")) {
                    throw new IntakeRefusal(source, where + "field 'media[" + k + "].file': '" + file
                            + "' must be a path relative to this file (a downloaded copy), not a URL or absolute path");
                }
                files.add(new MediaRef(file.strip(), c == null || c.isBlank() ? null : c.strip(), where + "media[" + k + "].file"));
            }
        }
        return files;
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
        String v = text(source, where, r, field);
        if (v == null || v.isBlank()) throw new IntakeRefusal(source, where + "field '" + field + "': missing");
        return v;
    }

    /**
     * A short field (ids, names, platform, url, dates): a JSON string of at most {@value #MAX_FIELD_CHARS}
     * characters with no control characters; anything else is refused naming the field.
     */
    private static String text(String source, String where, JsonNode r, String field) {
        return string(source, where, r, field, MAX_FIELD_CHARS);
    }

    /** A free-text field (post text, summary, observation): a string without NUL or control characters but line breaks and tabs. */
    private static String longText(String source, String where, JsonNode r, String field) {
        return string(source, where, r, field, Integer.MAX_VALUE);
    }

    private static String string(String source, String where, JsonNode r, String field, int maxChars) {
        JsonNode n = r.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            throw new IntakeRefusal(source, fieldWhere(where, field) + "expected a string, found " + n.getNodeType());
        }
        return checked(source, fieldWhere(where, field), n.asText(), maxChars);
    }

    /** "record 3: field 'media[0].caption': " from "record 3: media[0]." and "caption". */
    private static String fieldWhere(String where, String field) {
        int colon = where.lastIndexOf(": ");
        String record = colon < 0 ? "" : where.substring(0, colon + 2);
        String path = colon < 0 ? where : where.substring(colon + 2);
        return record + "field '" + path + field + "': ";
    }

    /** Refuses NUL and control characters (line breaks and tabs only in free text) and over-long values. */
    private static String checked(String source, String fieldWhere, String v, int maxChars) {
        if (!fieldWhere.endsWith(": ")) fieldWhere = fieldWhereOf(fieldWhere);
        if (v.length() > maxChars) {
            throw new IntakeRefusal(source, fieldWhere + "longer than " + maxChars + " characters (" + v.length() + ")");
        }
        boolean free = maxChars == Integer.MAX_VALUE;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            if (control && !(free && (c == '\n' || c == '\t' || c == '\r'))) {
                throw new IntakeRefusal(source, fieldWhere + "control character U+%04X at position %d".formatted((int) c, i));
            }
        }
        return v;
    }

    private static String fieldWhereOf(String whereAndPath) {
        return fieldWhere(whereAndPath, "");
    }
}
