package org.custody.screening;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.custody.lists.Schema;

/**
 * One listed entity that resembles the query, with the score's reasons. The explanation is built on
 * first use: most callers of a screen only read the score and the alert flag, and building every hit's
 * explanation would cost as much as the search itself.
 */
public final class Hit {
    private final String entityId;
    private final String name;
    private final Schema schema;
    private final List<String> lists;
    private final double score;
    private final boolean alert;
    private Supplier<Explanation> pending;
    private volatile Explanation explanation;

    public Hit(String entityId, String name, Schema schema, List<String> lists, double score, boolean alert,
               Explanation explanation) {
        this(entityId, name, schema, lists, score, alert, (Supplier<Explanation>) null);
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    Hit(String entityId, String name, Schema schema, List<String> lists, double score, boolean alert,
        Supplier<Explanation> explanation) {
        this.entityId = entityId;
        this.name = name;
        this.schema = schema;
        this.lists = List.copyOf(lists);
        this.score = score;
        this.alert = alert;
        this.pending = explanation;
    }

    public String entityId() { return entityId; }

    public String name() { return name; }

    public Schema schema() { return schema; }

    public List<String> lists() { return lists; }

    public double score() { return score; }

    public boolean alert() { return alert; }

    public Explanation explanation() {
        Explanation e = explanation;
        if (e == null) {
            synchronized (this) {
                e = explanation;
                if (e == null) {
                    e = pending.get();
                    explanation = e;
                    pending = null;
                }
            }
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hit h && entityId.equals(h.entityId) && name.equals(h.name) && schema == h.schema
                && lists.equals(h.lists) && score == h.score && alert == h.alert && explanation().equals(h.explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityId, name, schema, lists, score, alert);
    }

    @Override
    public String toString() {
        return "Hit[entityId=" + entityId + ", name=" + name + ", schema=" + schema + ", lists=" + lists
                + ", score=" + score + ", alert=" + alert + "]";
    }
}
