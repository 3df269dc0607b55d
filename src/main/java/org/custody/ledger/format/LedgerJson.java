package org.custody.ledger.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.custody.ledger.AreaOfOperation;
import org.custody.ledger.Echelon;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.FieldLimits;
import org.custody.ledger.LedgerFormatException;
import org.custody.ledger.NewOrgUnit;
import org.custody.ledger.NewPerson;
import org.custody.ledger.Programme;
import org.custody.ledger.Where;

/**
 * Reads Custody's ledger JSON format: one document {@code {"units":[..], "persons":[..], "posts":[..],
 * "transfers":[{.., "lots":[{.., "serials":[..]}]}]}}. Errors name the file, the line where the record
 * starts, the record's path and the field. See docs/ledger-format.md.
 */
public final class LedgerJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            // a key given twice is refused, not silently decided by the last one
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP = Set.of("units", "persons", "posts", "transfers", "description");

    private LedgerJson() {}

    public static LedgerBatch read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static LedgerBatch read(InputStream in, String name) throws IOException {
        List<LedgerBatch.UnitRow> units = new ArrayList<>();
        List<LedgerBatch.PersonRow> persons = new ArrayList<>();
        List<LedgerBatch.PostRow> posts = new ArrayList<>();
        List<LedgerBatch.TransferRow> transfers = new ArrayList<>();
        List<LedgerBatch.LotRow> lots = new ArrayList<>();
        List<LedgerBatch.SerialRow> serials = new ArrayList<>();
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new LedgerFormatException(new Where(name, line(p)), "*", "expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                if (!TOP.contains(section)) {
                    throw new LedgerFormatException(new Where(name, line(p)), section, "unknown section (expected "
                            + String.join(", ", TOP) + ")");
                }
                JsonToken t = p.nextToken();
                if (section.equals("description")) {
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new LedgerFormatException(new Where(name, line(p)), section, "expected an array");
                }
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Where w = new Where(name, line(p), section + "[" + i++ + "]");
                    JsonNode n = MAPPER.readTree(p);
                    if (n == null || !n.isObject()) throw new LedgerFormatException(w, "*", "expected an object");
                    switch (section) {
                        case "units" -> units.add(unit(new Obj(w, n)));
                        case "persons" -> persons.add(person(new Obj(w, n)));
                        case "posts" -> posts.add(post(new Obj(w, n)));
                        default -> transfer(new Obj(w, n), transfers, lots, serials);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new LedgerFormatException(new Where(name, line), "*", "not valid JSON: " + e.getOriginalMessage());
        }
        List<LedgerBatch.SerialFeed> feeds = serials.isEmpty() ? List.of() : List.of(sink -> serials.forEach(sink));
        return new LedgerBatch(name, units, persons, posts, transfers, lots, feeds);
    }

    private static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static LedgerBatch.UnitRow unit(Obj o) {
        o.only("code", "name", "echelon", "country", "parent", "aliases", "area");
        Optional<AreaOfOperation> area = Optional.empty();
        JsonNode a = o.n.get("area");
        if (a != null && !a.isNull()) {
            Obj ao = new Obj(o.where.at("area"), a);
            ao.only("place", "lat", "lon");
            area = Optional.of(ao.check("place", () -> new AreaOfOperation(ao.required("place"),
                    ao.number("lat").orElse(null), ao.number("lon").orElse(null))));
        }
        Optional<AreaOfOperation> fa = area;
        Echelon e = o.check("echelon", () -> Echelon.parse(o.required("echelon")));
        return new LedgerBatch.UnitRow(o.where, o.check("code", () -> new NewOrgUnit(o.required("code"),
                o.required("name"), e, o.required("country"), o.text("parent"), o.strings("aliases"), fa)));
    }

    private static LedgerBatch.PersonRow person(Obj o) {
        o.only("code", "name", "birthDate", "nationality", "aliases");
        return new LedgerBatch.PersonRow(o.where, o.check("name", () -> new NewPerson(o.text("code"),
                o.required("name"), o.date("birthDate"), o.text("nationality"), o.strings("aliases"))));
    }

    private static LedgerBatch.PostRow post(Obj o) {
        o.only("person", "unit", "title", "start", "end");
        return new LedgerBatch.PostRow(o.where, o.required("person"), o.required("unit"), o.required("title"),
                o.date("start").orElseThrow(() -> new LedgerFormatException(o.where, "start", "missing")),
                o.date("end"));
    }

    private static void transfer(Obj o, List<LedgerBatch.TransferRow> transfers, List<LedgerBatch.LotRow> lots,
                                 List<LedgerBatch.SerialRow> serials) {
        o.only("caseId", "supplier", "recipientCountry", "programme", "notificationDate", "endUsers", "endUseTerms",
                "notes", "lots");
        String caseId = o.required("caseId");
        transfers.add(new LedgerBatch.TransferRow(o.where, caseId, o.required("supplier"),
                o.required("recipientCountry"), o.check("programme", () -> Programme.parse(o.required("programme"))),
                o.date("notificationDate"), o.strings("endUsers"), o.strings("endUseTerms"),
                o.text("notes").orElse("")));
        JsonNode ls = o.n.get("lots");
        if (ls == null || ls.isNull()) return;
        if (!ls.isArray()) throw new LedgerFormatException(o.where, "lots", "expected an array");
        for (int i = 0; i < ls.size(); i++) {
            Obj l = new Obj(o.where.at("lots[" + i + "]"), ls.get(i));
            l.only("lot", "article", "quantity", "deliveryDate", "deliveredTo", "overrideJustification", "serials");
            String lotNo = l.required("lot");
            lots.add(new LedgerBatch.LotRow(l.where, caseId, lotNo, l.required("article"), true, Optional.empty(),
                    l.positiveInt("quantity"), false, l.date("deliveryDate"), Optional.empty(), l.text("deliveredTo"),
                    l.text("overrideJustification")));
            List<String> ss = l.strings("serials");
            for (int k = 0; k < ss.size(); k++) {
                String s = ss.get(k).trim();
                Where sw = l.where.at("serials[" + k + "]");
                if (s.isEmpty()) throw new LedgerFormatException(sw, "serials", "empty serial number");
                if (s.length() > 64) throw new LedgerFormatException(sw, "serials", "longer than 64 characters");
                serials.add(new LedgerBatch.SerialRow(sw, caseId, lotNo, s));
            }
        }
    }

    /** Typed, checked access to one JSON object. */
    private record Obj(Where where, JsonNode n) {

        Obj {
            if (n == null || !n.isObject()) throw new LedgerFormatException(where, "*", "expected an object");
        }

        void only(String... fields) {
            Set<String> allowed = Set.of(fields);
            n.fieldNames().forEachRemaining(f -> {
                if (!allowed.contains(f)) {
                    throw new LedgerFormatException(where, f, "unknown field (expected " + String.join(", ", fields) + ")");
                }
            });
        }

        Optional<String> text(String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) return Optional.empty();
            if (!v.isTextual()) throw new LedgerFormatException(where, field, "expected a string");
            String s = v.asText().trim();
            FieldLimits.problem(field, s).ifPresent(p -> {
                throw new LedgerFormatException(where, field, p);
            });
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }

        String required(String field) {
            return text(field).orElseThrow(() -> new LedgerFormatException(where, field, "missing or empty"));
        }

        Optional<LocalDate> date(String field) {
            return text(field).map(s -> {
                try {
                    return LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    throw new LedgerFormatException(where, field, "'" + s + "' is not a date (YYYY-MM-DD)");
                }
            });
        }

        Optional<Double> number(String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) return Optional.empty();
            if (!v.isNumber()) throw new LedgerFormatException(where, field, "expected a number");
            return Optional.of(v.asDouble());
        }

        int positiveInt(String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) throw new LedgerFormatException(where, field, "missing");
            if (!v.isIntegralNumber()) {
                throw new LedgerFormatException(where, field, "expected a whole number, found " + v);
            }
            if (!v.canConvertToInt()) {
                throw new LedgerFormatException(where, field, v + " is too large (at most " + Integer.MAX_VALUE + ")");
            }
            if (v.asInt() < 1) throw new LedgerFormatException(where, field, "must be at least 1, is " + v.asInt());
            return v.asInt();
        }

        List<String> strings(String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) return List.of();
            if (!v.isArray()) throw new LedgerFormatException(where, field, "expected an array of strings");
            List<String> out = new ArrayList<>();
            for (JsonNode s : v) {
                if (!s.isTextual()) throw new LedgerFormatException(where, field, "expected an array of strings");
                FieldLimits.problem(field, s.asText()).ifPresent(p -> {
                    throw new LedgerFormatException(where.at(field + "[" + out.size() + "]"), field, p);
                });
                out.add(s.asText());
            }
            return out;
        }

        <T> T check(String field, Supplier<T> make) {
            try {
                return make.get();
            } catch (LedgerFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new LedgerFormatException(where, field, e.getMessage());
            }
        }
    }
}
