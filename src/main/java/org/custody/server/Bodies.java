package org.custody.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Reading a JSON request body: malformed JSON or a missing or mistyped field is a 400 naming the field. */
public final class Bodies {

    private Bodies() {}

    /** The body as a JSON object (an empty body reads as {}). */
    public static JsonNode object(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) return ServerApp.JSON.createObjectNode();
        JsonNode n;
        try {
            n = ServerApp.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", null);
        }
        if (n == null || !n.isObject()) throw ApiException.badRequest("the body must be a JSON object", null);
        return n;
    }

    public static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ApiException.badRequest("missing field '" + field + "'", field);
            return null;
        }
        if (!v.isTextual()) throw ApiException.badRequest("field '" + field + "' must be a string", field);
        String s = v.asText().strip();
        if (required && s.isEmpty()) throw ApiException.badRequest("field '" + field + "' must not be empty", field);
        return s;
    }

    public static Boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) throw ApiException.badRequest("field '" + field + "' must be true or false", field);
        return v.asBoolean();
    }

    /** A string or an array of strings (FtM property style), as a list; empty when absent. */
    public static List<String> texts(JsonNode body, String field) {
        JsonNode v = body.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isTextual()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) throw ApiException.badRequest("field '" + field + "' must be a string or an array of strings", field);
        for (JsonNode x : v) {
            if (!x.isTextual()) throw ApiException.badRequest("field '" + field + "' must contain only strings", field);
            out.add(x.asText());
        }
        return out;
    }
}
