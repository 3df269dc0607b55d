package org.custody.store.story;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Story rows shared by the two ways a document joins others: a related text (evidence intake) and a re-posted
 * picture (photo intake). Both keep the oldest story and fold the others into it, and both count a document's
 * claims under the same default origin.
 */
public final class Stories {

    private Stories() {
    }

    /** Moves every document of {@code others} into {@code story} and deletes the emptied stories. */
    public static void mergeInto(Connection c, String story, Collection<String> others) throws SQLException {
        try (PreparedStatement move = c.prepareStatement("UPDATE evidence_document SET story_id = ? WHERE story_id = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM evidence_story WHERE id = ?")) {
            for (String s : others) {
                if (s.equals(story)) continue;
                move.setString(1, story);
                move.setString(2, s);
                move.executeUpdate();
                delete.setString(1, s);
                delete.executeUpdate();
            }
        }
    }

    /** The origin a stored document's claims count under by default: its first credited origin, else its own. */
    public static String primaryOrigin(Connection c, String doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT origin_key FROM evidence_origin WHERE document_id = ? ORDER BY credited DESC, position, origin_key LIMIT 1")) {
            ps.setString(1, doc);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : doc;
            }
        }
    }
}
