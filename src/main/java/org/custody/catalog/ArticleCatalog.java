package org.custody.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of defense articles and the resolver that maps a written mention ("M-1A1", "Abrams tank",
 * "Humvees", "a rifle") to the most specific entry it names: an article's designation or alias, then a
 * family, then a category word.
 *
 * <p>Every catalogue name is indexed under its compact key (lower case, letters and digits only), so
 * hyphen, space and case variants meet. A key claimed by several articles of one family resolves to the
 * family; by several families of one category, to the category; by several categories, to nothing.
 * Short all-capital acronyms ("PK", "SAM", "AT4": up to three characters, or four letters) only match
 * text written in capitals, so "at 4 pm" is not an AT4.
 */
public final class ArticleCatalog {

    private static final int SHORT_ACRONYM = 4;

    private final Map<String, Article> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> familyAliases = new LinkedHashMap<>();
    private final Map<String, List<Entry>> index = new HashMap<>();
    private int maxTokens = 1;

    /** What one indexed name points at. */
    private sealed interface Target {}

    private record ArticleTarget(Article article) implements Target {}

    private record FamilyTarget(String family) implements Target {}

    private record CategoryTarget(Category category) implements Target {}

    private record Entry(String name, Target target, boolean acronym) {}

    /** A resolved mention with its character span in the text it came from. */
    public record Mention(int start, int end, Resolution resolution) {}

    public ArticleCatalog(Collection<Article> articles, Map<String, List<String>> familyAliases) {
        for (Article a : articles) {
            if (byId.putIfAbsent(a.id(), a) != null) {
                throw new IllegalArgumentException("duplicate article id '" + a.id() + "'");
            }
        }
        familyAliases.forEach((family, aliases) -> this.familyAliases.put(family, List.copyOf(aliases)));
        for (Article a : byId.values()) {
            add(a.designation(), new ArticleTarget(a));
            for (String alias : a.aliases()) add(alias, new ArticleTarget(a));
            add(a.family(), new FamilyTarget(a.family()));
        }
        this.familyAliases.forEach((family, aliases) -> {
            for (String alias : aliases) add(alias, new FamilyTarget(family));
        });
        for (Category c : Category.values()) {
            for (String w : c.words()) add(w, new CategoryTarget(c));
        }
    }

    private void add(String name, Target target) {
        String key = MentionText.compactKey(name);
        if (key.isEmpty() || key.chars().allMatch(Character::isDigit)) return;
        boolean shortKey = key.length() <= SHORT_ACRONYM - 1
                || (key.length() <= SHORT_ACRONYM && key.chars().allMatch(Character::isLetter));
        boolean acronym = shortKey && name.chars().filter(Character::isLetter)
                .allMatch(Character::isUpperCase) && name.chars().anyMatch(Character::isLetter);
        List<Entry> entries = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (entries.stream().noneMatch(e -> e.target.equals(target))) entries.add(new Entry(name, target, acronym));
        maxTokens = Math.max(maxTokens, Math.min(8, MentionText.tokens(name).size()));
    }

    public List<Article> articles() {
        return List.copyOf(byId.values());
    }

    public Optional<Article> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Article> family(String family) {
        return byId.values().stream().filter(a -> a.family().equalsIgnoreCase(family)).toList();
    }

    public Map<String, List<String>> familyAliases() {
        return Map.copyOf(familyAliases);
    }

    /** A new catalogue with {@code article} added or replaced (same id). */
    public ArticleCatalog with(Article article) {
        Map<String, Article> copy = new LinkedHashMap<>(byId);
        copy.put(article.id(), article);
        return new ArticleCatalog(copy.values(), familyAliases);
    }

    /** The most specific article, family or category named anywhere in {@code text}. */
    public Optional<Resolution> resolve(String text) {
        return candidates(text).stream()
                .max(Comparator.<Mention>comparingInt(m -> m.resolution().specificity().ordinal())
                        .thenComparingInt(m -> m.end() - m.start())
                        .thenComparingInt(m -> -m.start()))
                .map(Mention::resolution);
    }

    /** Every non-overlapping mention in {@code text}, longest first where they compete, in text order. */
    public List<Mention> mentions(String text) {
        List<Mention> all = new ArrayList<>(candidates(text));
        all.sort(Comparator.<Mention>comparingInt(m -> -(m.end() - m.start()))
                .thenComparingInt(m -> -m.resolution().specificity().ordinal())
                .thenComparingInt(Mention::start));
        List<Mention> chosen = new ArrayList<>();
        for (Mention m : all) {
            if (chosen.stream().noneMatch(c -> m.start() < c.end() && c.start() < m.end())) chosen.add(m);
        }
        chosen.sort(Comparator.comparingInt(Mention::start));
        return chosen;
    }

    private List<Mention> candidates(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<MentionText.Token> tokens = MentionText.tokens(text);
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder key = new StringBuilder();
            boolean upper = true;
            for (int j = i; j < tokens.size() && j < i + maxTokens; j++) {
                if (j > i && !MentionText.joinable(text, tokens.get(j - 1).end(), tokens.get(j).start())) break;
                key.append(tokens.get(j).text());
                upper &= tokens.get(j).upperCase();
                int start = tokens.get(i).start();
                int end = tokens.get(j).end();
                Optional<Resolution> r = lookup(key.toString(), upper, text.substring(start, end));
                if (r.isEmpty() && key.length() > 2 && key.charAt(key.length() - 1) == 's') {
                    // plural as reporters write it: "Humvees", "T-72s", "AK-47s"
                    r = lookup(key.substring(0, key.length() - 1), upper, text.substring(start, end));
                }
                r.ifPresent(res -> out.add(new Mention(start, end, res)));
            }
        }
        return out;
    }

    private Optional<Resolution> lookup(String key, boolean upperCaseText, String matched) {
        List<Entry> entries = index.get(key);
        if (entries == null) return Optional.empty();
        List<Entry> usable = entries.stream().filter(e -> !e.acronym || upperCaseText).toList();
        if (usable.isEmpty()) return Optional.empty();
        return combine(usable, matched);
    }

    private Optional<Resolution> combine(List<Entry> entries, String matched) {
        Set<Article> named = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.target instanceof ArticleTarget a) named.add(a.article);
        }
        if (named.size() == 1) {
            // a designation or alias names one article: that beats a family or category of the same spelling
            Entry e = entries.stream().filter(x -> x.target instanceof ArticleTarget).findFirst().orElseThrow();
            return Optional.of(new Resolution.OfArticle(named.iterator().next(), matched, e.name));
        }
        String via = entries.get(0).name;
        Set<Article> articles = new LinkedHashSet<>(named);
        Set<String> families = new LinkedHashSet<>();
        Set<Category> categories = new LinkedHashSet<>();
        named.forEach(a -> {
            families.add(a.family());
            categories.add(a.category());
        });
        boolean categoryWord = false;
        for (Entry e : entries) {
            switch (e.target) {
                case ArticleTarget a -> { }
                case FamilyTarget f -> {
                    families.add(f.family);
                    List<Article> members = family(f.family);
                    articles.addAll(members);
                    members.forEach(m -> categories.add(m.category()));
                }
                case CategoryTarget c -> {
                    categoryWord = true;
                    categories.add(c.category);
                }
            }
        }
        if (!categoryWord && families.size() == 1 && !articles.isEmpty()) {
            String family = families.iterator().next();
            Category category = categories.size() == 1 ? categories.iterator().next() : Category.OTHER;
            return Optional.of(new Resolution.OfFamily(family, category, List.copyOf(articles), matched, via));
        }
        if (categories.size() == 1) {
            return Optional.of(new Resolution.OfCategory(categories.iterator().next(), matched, via));
        }
        return Optional.empty();
    }
}
