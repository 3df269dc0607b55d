package org.custody.store.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.catalog.Article;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.Category;
import org.custody.catalog.json.CatalogJson;

/**
 * The installation's article catalogue in the database: the shipped starter catalogue (seeded on first
 * use) plus articles users add.
 */
public final class ArticleStore {

    private ArticleStore() {}

    /** Adds the starter catalogue's articles that are not yet recorded; returns how many were added. */
    public static int seedStarter(Connection c) throws SQLException {
        CatalogJson.Contents starter = CatalogJson.starter();
        int added = 0;
        for (Article a : starter.articles()) {
            if (insert(c, a, "starter", false)) added++;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_family_alias(family, alias) VALUES (?,?) ON CONFLICT DO NOTHING")) {
            for (Map.Entry<String, List<String>> f : starter.familyAliases().entrySet()) {
                for (String alias : f.getValue()) {
                    ps.setString(1, f.getKey());
                    ps.setString(2, alias);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        return added;
    }

    /**
     * Adds a user article as {@code custody ledger catalog add} and the server do: seeds the starter
     * catalogue on first use, refuses an id that exists, records the addition in the audit log.
     */
    public static org.custody.audit.AuditEntry add(Connection c, Article a, String actor) throws SQLException {
        catalog(c);
        addUserArticle(c, a);
        return org.custody.audit.AuditLog.append(c, actor, "ledger.catalog.add", "article:" + a.id(), Details.json(a));
    }

    /** Adds a user article; refuses an id that exists. */
    public static void addUserArticle(Connection c, Article a) throws SQLException {
        if (!insert(c, a, "user", false)) {
            throw new IllegalArgumentException("article id '" + a.id() + "' is already in the catalogue");
        }
    }

    private static boolean insert(Connection c, Article a, String source, boolean replace) throws SQLException {
        int n;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_article(id, category, designation, family, "
                + "origin, enhanced_monitoring, source) VALUES (?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, a.id());
            ps.setString(2, a.category().name());
            ps.setString(3, a.designation());
            ps.setString(4, a.family());
            ps.setString(5, a.origin());
            ps.setBoolean(6, a.enhancedMonitoring());
            ps.setString(7, source);
            n = ps.executeUpdate();
        }
        if (n == 0) return false;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_article_alias(article_id, alias) VALUES (?,?) ON CONFLICT DO NOTHING")) {
            for (String alias : a.aliases()) {
                ps.setString(1, a.id());
                ps.setString(2, alias);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return true;
    }

    /** Whether the catalogue was ever seeded (any article recorded). */
    public static boolean isEmpty(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM ledger_article)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    public static List<Article> all(Connection c) throws SQLException {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT article_id, alias FROM ledger_article_alias ORDER BY article_id, alias");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) aliases.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
        List<Article> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, category, designation, family, origin, "
                + "enhanced_monitoring FROM ledger_article ORDER BY category, family, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Article(rs.getString(1), Category.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), aliases.getOrDefault(rs.getString(1), List.of()), rs.getString(5),
                        rs.getBoolean(6)));
            }
        }
        return out;
    }

    public static Optional<Article> byId(Connection c, String id) throws SQLException {
        return all(c).stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * The catalogue as recorded (seeding the starter catalogue first if nothing is recorded yet, which
     * needs a writable connection).
     */
    public static ArticleCatalog catalog(Connection c) throws SQLException {
        if (isEmpty(c)) seedStarter(c);
        Map<String, List<String>> families = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family, alias FROM ledger_family_alias ORDER BY 1, 2");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) families.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
        return new ArticleCatalog(all(c), families);
    }
}
