package org.custody.diversion.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.Stance;

/**
 * Reads evidence claims as JSON Lines, one claim per line (blank lines and lines starting with {@code #}
 * skipped), for exchange with other tools and for structured field reports that already name the article,
 * holder and place. Fields: {@code id, kind, article{designation,family,category}, holder{id,name}, serial,
 * place, lat, lon, country, date (YYYY-MM-DD), stance, origins[], story, document, sentence, attributedTo}.
 * The whole file is refused at the first bad line, with the file, line and field named.
 */
public final class ClaimsJsonl {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "kind", "article", "holder", "serial", "place", "lat", "lon",
            "country", "date", "stance", "origins", "story", "document", "sentence", "attributedTo");
    static final int MAX_LINE = 1 << 20;

    private ClaimsJsonl() {}

    public static List<EvidenceClaim> read(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
            return read(r, file.toString());
        } catch (CharacterCodingException e) {
            throw new ClaimsFormatException(file.toString(), 0, "*", "not UTF-8 text");
        }
    }

    public static List<EvidenceClaim> read(Reader reader, String name) throws IOException {
        List<EvidenceClaim> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        long no = 0;
        while ((line = br.readLine()) != null) {
            no++;
            if (line.length() > MAX_LINE) throw new ClaimsFormatException(name, no, "*", "line longer than " + MAX_LINE + " characters");
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            JsonNode n;
            try {
                n = MAPPER.readTree(t);
            } catch (JsonProcessingException e) {
                throw new ClaimsFormatException(name, no, "*", "not JSON: " + e.getOriginalMessage());
            }
            if (n == null || !n.isObject()) throw new ClaimsFormatException(name, no, "*", "expected a JSON object");
            EvidenceClaim c = claim(n, name, no);
            if (!ids.add(c.claimId())) throw new ClaimsFormatException(name, no, "id", "duplicate claim id '" + c.claimId() + "'");
            out.add(c);
        }
        return out;
    }

    private static EvidenceClaim claim(JsonNode n, String file, long line) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new ClaimsFormatException(file, line, f, "unknown field");
        }
        String id = required(n, "id", file, line);
        ClaimKind kind = parse(file, line, "kind", () -> ClaimKind.parse(required(n, "kind", file, line)));
        Stance stance = parse(file, line, "stance", () -> Stance.parse(required(n, "stance", file, line)));
        JsonNode a = n.get("article");
        if (a == null || !a.isObject()) throw new ClaimsFormatException(file, line, "article", "missing or not an object");
        ArticleRef article = parse(file, line, "article", () -> new ArticleRef(text(a, "designation", file, line),
                text(a, "family", file, line), text(a, "category", file, line)));
        JsonNode h = n.get("holder");
        if (h == null || !h.isObject()) throw new ClaimsFormatException(file, line, "holder", "missing or not an object");
        Actor holder = parse(file, line, "holder", () -> new Actor(text(h, "id", file, line), text(h, "name", file, line)));
        GeoPoint where = null;
        JsonNode lat = n.get("lat");
        JsonNode lon = n.get("lon");
        if ((lat == null || lat.isNull()) != (lon == null || lon.isNull())) {
            throw new ClaimsFormatException(file, line, lat == null || lat.isNull() ? "lat" : "lon", "give both lat and lon, or neither");
        }
        if (lat != null && !lat.isNull()) {
            if (!lat.isNumber()) throw new ClaimsFormatException(file, line, "lat", "not a number");
            if (!lon.isNumber()) throw new ClaimsFormatException(file, line, "lon", "not a number");
            where = parse(file, line, "lat", () -> new GeoPoint(lat.asDouble(), lon.asDouble()));
        }
        LocalDate date = null;
        String d = text(n, "date", file, line);
        if (d != null) {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw new ClaimsFormatException(file, line, "date", "not a date (YYYY-MM-DD): '" + d + "'");
            }
        }
        Set<String> origins = new LinkedHashSet<>();
        JsonNode o = n.get("origins");
        if (o != null && !o.isNull()) {
            if (!o.isArray()) throw new ClaimsFormatException(file, line, "origins", "expected an array of strings");
            for (JsonNode x : o) {
                if (!x.isTextual() || x.asText().isBlank()) throw new ClaimsFormatException(file, line, "origins", "expected non-empty strings");
                origins.add(x.asText().strip());
            }
        }
        return new EvidenceClaim(id, kind, article, holder, text(n, "serial", file, line), text(n, "place", file, line),
                where, text(n, "country", file, line), date, stance, origins, text(n, "story", file, line),
                text(n, "document", file, line), text(n, "sentence", file, line), text(n, "attributedTo", file, line));
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(String file, long line, String field, Parse<T> p) {
        try {
            return p.get();
        } catch (ClaimsFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ClaimsFormatException(file, line, field, e.getMessage());
        }
    }

    private static String required(JsonNode n, String field, String file, long line) {
        String v = text(n, field, file, line);
        if (v == null) throw new ClaimsFormatException(file, line, field, "missing");
        return v;
    }

    private static String text(JsonNode n, String field, String file, long line) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new ClaimsFormatException(file, line, field, "expected a string");
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
