package org.custody.catalog.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.catalog.Article;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.Category;
import org.custody.catalog.Resolution;

/**
 * Reads a catalogue file: {@code {"families":[{"name":..,"aliases":[..]}], "articles":[{"id","category",
 * "designation","family","aliases","origin","enhancedMonitoring"}]}}. Bad records are refused with the
 * file, the record index and the field named.
 */
public final class CatalogJson {

    public static final String STARTER_RESOURCE = "/catalog/starter-catalog.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a catalogue file holds. */
    public record Contents(List<Article> articles, Map<String, List<String>> familyAliases) {
        public ArticleCatalog catalog() {
            return new ArticleCatalog(articles, familyAliases);
        }
    }

    private CatalogJson() {}

    /** The catalogue Custody ships. */
    public static Contents starter() {
        try (InputStream in = CatalogJson.class.getResourceAsStream(STARTER_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + STARTER_RESOURCE);
            return read(in, STARTER_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Contents read(InputStream in, String file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": expected a JSON object");
        Map<String, List<String>> families = new LinkedHashMap<>();
        JsonNode fams = root.path("families");
        for (int i = 0; i < fams.size(); i++) {
            JsonNode f = fams.get(i);
            String where = file + ": families[" + i + "]";
            String name = text(f, "name", where, true);
            families.put(name, strings(f, "aliases", where));
        }
        List<Article> articles = new ArrayList<>();
        JsonNode arts = root.path("articles");
        if (!arts.isArray()) throw new IllegalArgumentException(file + ": field 'articles' must be an array");
        for (int i = 0; i < arts.size(); i++) {
            articles.add(article(arts.get(i), file + ": articles[" + i + "]"));
        }
        return new Contents(articles, families);
    }

    /** One mention the catalogue resolved in a text: span, what matched, how specific, and why. */
    public static Map<String, Object> mention(ArticleCatalog.Mention m) {
        Resolution r = m.resolution();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("start", m.start());
        row.put("end", m.end());
        row.put("matched", r.matched());
        row.put("specificity", r.specificity());
        row.put("category", r.category());
        row.put("family", r.familyIfAny().orElse(null));
        row.put("article", r.articleIfAny().map(Article::id).orElse(null));
        row.put("explanation", r.explanation());
        return row;
    }

    /** One article record ({@code where} names it in errors: file and index, or a request body). */
    public static Article article(JsonNode a, String where) {
        String id = text(a, "id", where, true);
        Category category;
        try {
            category = Category.parse(text(a, "category", where, true));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (" + id + "), field 'category': " + e.getMessage());
        }
        JsonNode em = a.path("enhancedMonitoring");
        if (!em.isMissingNode() && !em.isBoolean()) {
            throw new IllegalArgumentException(where + " (" + id + "), field 'enhancedMonitoring': expected true/false");
        }
        try {
            return new Article(id, category, text(a, "designation", where, true), text(a, "family", where, false),
                    strings(a, "aliases", where), text(a, "origin", where, false), em.asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (" + id + "): " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) throw new IllegalArgumentException(where + ", field '" + field + "': missing");
            return null;
        }
        if (!v.isTextual()) throw new IllegalArgumentException(where + ", field '" + field + "': expected a string");
        if (required && v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ", field '" + field + "': empty");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) return List.of();
        if (!v.isArray()) throw new IllegalArgumentException(where + ", field '" + field + "': expected an array");
        List<String> out = new ArrayList<>();
        for (JsonNode s : v) {
            if (!s.isTextual()) {
                throw new IllegalArgumentException(where + ", field '" + field + "': expected strings only");
            }
            out.add(s.asText());
        }
        return out;
    }
}
