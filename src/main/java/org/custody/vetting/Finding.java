package org.custody.vetting;

import java.util.Locale;
import java.util.Objects;
import org.custody.screening.Hit;

/**
 * One screening hit found while vetting a subject: which node of the walk was screened under which of its
 * names, the path from the subject to that node, and the screening engine's hit with its explanation.
 */
public record Finding(GraphPath path, String screenedName, Hit hit) {
    public Finding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(screenedName, "screenedName");
        Objects.requireNonNull(hit, "hit");
    }

    public NodeRef node() {
        return path.end().ref();
    }

    /** Identifies the finding across re-screenings: the node screened and the listed entity it matched. */
    public String key() {
        return key(node(), hit.entityId());
    }

    public static String key(NodeRef node, String entityId) {
        return node.key() + "|" + entityId;
    }

    /** "Brigade 45 --part_of--> Kata'ib Hizballah matched ofac-sdn:11462 KATA'IB HIZBALLAH 0.97". */
    public String headline() {
        String via = path.length() == 0 ? path.end().name() : path.render();
        String name = screenedName.equals(path.end().name()) ? "" : " (as \"" + screenedName + "\")";
        return "%s%s matched %s %s %s".formatted(via, name, hit.entityId(), hit.name(),
                String.format(Locale.ROOT, "%.2f", hit.score()));
    }
}
