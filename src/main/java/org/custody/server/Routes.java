package org.custody.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import org.custody.accounts.Capability;

/**
 * The route table: every route of the server, declared in one place with the capability it needs, so
 * the role-matrix test and the OpenAPI document walk the same list the server serves.
 */
public final class Routes {

    private final List<Route> all = new ArrayList<>();
    private String tag = "custody";

    /** Routes declared after this call are grouped under {@code tag} in the API document. */
    public Routes tag(String tag) {
        this.tag = tag;
        return this;
    }

    public Routes add(Route r) {
        for (Route x : all) {
            if (x.method() == r.method() && x.path().equals(r.path())) {
                throw new IllegalStateException("route declared twice: " + r.method() + " " + r.path());
            }
        }
        all.add(r);
        return this;
    }

    public Builder get(String path, Capability needs, String summary) {
        return new Builder(HandlerType.GET, path, needs, Route.Kind.API, summary);
    }

    public Builder post(String path, Capability needs, String summary) {
        return new Builder(HandlerType.POST, path, needs, Route.Kind.API, summary);
    }

    public Builder patch(String path, Capability needs, String summary) {
        return new Builder(HandlerType.PATCH, path, needs, Route.Kind.API, summary);
    }

    public Builder delete(String path, Capability needs, String summary) {
        return new Builder(HandlerType.DELETE, path, needs, Route.Kind.API, summary);
    }

    /** An HTML page (GET): a missing sign-in answers 401 with the sign-in form. */
    public Builder page(String path, Capability needs, String summary) {
        return new Builder(HandlerType.GET, path, needs, Route.Kind.PAGE, summary);
    }

    /** A form post of a page: errors are rendered as HTML. */
    public Builder form(String path, Capability needs, String summary) {
        return new Builder(HandlerType.POST, path, needs, Route.Kind.PAGE, summary);
    }

    public List<Route> all() {
        return List.copyOf(all);
    }

    /** Declares one route: the optional parts, then {@link #to}. */
    public final class Builder {
        private final HandlerType method;
        private final String path;
        private final Capability needs;
        private final Route.Kind kind;
        private final String summary;
        private final List<Route.Param> query = new ArrayList<>();
        private String body;

        Builder(HandlerType method, String path, Capability needs, Route.Kind kind, String summary) {
            this.method = method;
            this.path = path;
            this.needs = needs;
            this.kind = kind;
            this.summary = summary;
        }

        public Builder query(String name, String type, String description) {
            query.add(new Route.Param(name, type, description));
            return this;
        }

        /** limit and offset, as {@link Pagination} reads them. */
        public Builder paged() {
            query("limit", "integer", "items per page, 1-" + Pagination.MAX_LIMIT + " (default " + Pagination.DEFAULT_LIMIT + ")");
            return query("offset", "integer", "items to skip (default 0)");
        }

        public Builder body(String description) {
            this.body = description;
            return this;
        }

        public Routes to(Handler handler) {
            return add(new Route(method, path, needs, kind, tag, summary, query, body, handler));
        }
    }
}
