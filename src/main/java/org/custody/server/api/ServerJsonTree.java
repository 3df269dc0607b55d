package org.custody.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.custody.server.ServerApp;

/** Converting a request's JSON tree back into plain values (to echo a query as it was sent). */
final class ServerJsonTree {

    private ServerJsonTree() {}

    static Object toPlain(JsonNode n) {
        return ServerApp.JSON.convertValue(n, Object.class);
    }
}
