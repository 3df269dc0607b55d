package org.custody.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.accounts.Capability;

/**
 * One route of the server: method, path (Javalin's {@code {param}} syntax, which is also OpenAPI's), who
 * may call it, what it is for, and its handler. {@code needs} is null only for the few open routes
 * (sign-in, health, static files); every other route names the capability it requires.
 *
 * @param kind      JSON API or HTML page: decides how errors and a missing sign-in are answered
 * @param query     the query parameters it reads, for the OpenAPI document
 * @param body      a short description of the request body it takes, or null
 */
public record Route(HandlerType method, String path, Capability needs, Kind kind, String tag, String summary,
                    List<Param> query, String body, Handler handler) {

    public enum Kind { API, PAGE }

    /** A documented query parameter. */
    public record Param(String name, String type, String description) {}

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-zA-Z0-9_]+)}");

    public Route {
        query = List.copyOf(query);
    }

    public boolean open() {
        return needs == null;
    }

    /** The names of the {@code {param}} segments of the path. */
    public List<String> pathParams() {
        Matcher m = PATH_PARAM.matcher(path);
        return m.results().map(r -> r.group(1)).toList();
    }

    /** True for methods that change state: they need a CSRF token when made with a session cookie. */
    public boolean changesState() {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }
}
