package org.custody.store.vetting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import org.custody.lists.ListVersion;
import org.custody.lists.Schema;
import org.custody.screening.Explanation;
import org.custody.store.StoreException;
import org.custody.vetting.Edge;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Party;
import org.custody.vetting.GraphPath;
import org.custody.vetting.Relation;

/** How vetting's paths, explanations and list versions are kept in JSONB columns. */
final class VettingJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private VettingJson() {}

    record PartyJson(String ref, String name, List<String> aliases, String schema, String birthDate,
                     String nationality) {}

    record EdgeJson(String from, String relation, String to, String source, String note) {}

    record PathJson(List<PartyJson> parties, List<EdgeJson> edges) {}

    record ScreenedJson(String node, String path) {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read stored vetting JSON: " + e.getMessage(), e);
        }
    }

    static String path(GraphPath p) {
        List<PartyJson> parties = p.parties().stream()
                .map(x -> new PartyJson(x.ref().key(), x.name(), x.aliases(), x.schema().name(),
                        x.birthDate(), x.nationality())).toList();
        List<EdgeJson> edges = p.edges().stream()
                .map(e -> new EdgeJson(e.from().key(), e.relation().label(), e.to().key(), e.source(), e.note()))
                .toList();
        return write(new PathJson(parties, edges));
    }

    static GraphPath path(String json) {
        PathJson pj = read(json, new TypeReference<>() {});
        List<Party> parties = new ArrayList<>();
        for (PartyJson x : pj.parties()) {
            parties.add(new Party(NodeRef.parse(x.ref()), x.name(), x.aliases(), Schema.valueOf(x.schema()),
                    x.birthDate(), x.nationality()));
        }
        List<Edge> edges = new ArrayList<>();
        for (EdgeJson e : pj.edges()) {
            edges.add(new Edge(NodeRef.parse(e.from()), Relation.valueOf(e.relation().toUpperCase(java.util.Locale.ROOT)),
                    NodeRef.parse(e.to()), e.source(), e.note()));
        }
        return new GraphPath(parties, edges);
    }

    static Explanation explanation(String json) {
        return read(json, new TypeReference<>() {});
    }

    static List<ListVersion> listVersions(String json) {
        return read(json, new TypeReference<>() {});
    }

    static List<ScreenedJson> screened(String json) {
        return read(json, new TypeReference<>() {});
    }
}
