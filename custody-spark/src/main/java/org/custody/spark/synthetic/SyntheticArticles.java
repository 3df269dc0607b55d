package org.custody.spark.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.custody.catalog.Article;
import org.custody.catalog.json.CatalogJson;

/**
 * News-style articles and social posts (seeded, repeatable) made of Custody's own lexicons: armed groups and
 * forces from the actor registry, outlets, Iraqi and Syrian places of the gazetteer and the starter catalogue's
 * articles, in sentences of the kinds open sources write (sightings, captures, deliveries, denials, quotes,
 * credits to other outlets). One document in fifty repeats an earlier one word for word, as syndication does.
 * Articles are plain-text files with a {@code Key: value} header; every tenth document is a post in a JSON Lines
 * file of posts.
 */
public final class SyntheticArticles {

    private final List<String> actors = Lexicons.column("/org/custody/evidence/actors.tsv", 2);
    private final List<String> outlets = Lexicons.column("/org/custody/evidence/outlets.tsv", 1);
    private final List<String> places = Lexicons.column("/org/custody/evidence/places/places.tsv", 1);
    private final List<String> articles = new ArrayList<>();

    public SyntheticArticles() {
        for (Article a : CatalogJson.starter().articles()) {
            articles.add(a.designation());
            articles.addAll(a.aliases().stream().limit(2).toList());
        }
    }

    private static final String[] SIGHTING = {
        "Fighters of %1$s paraded %2$s %3$s near %4$s on %5$s, according to witnesses.",
        "Photographs seen by %6$s show %1$s using %2$s %3$s in the fighting around %4$s.",
        "%1$s captured %2$s %3$s from government forces outside %4$s, a local official said.",
        "The United States delivered %2$s %3$s to %1$s at %4$s on %5$s.",
        "Video posted online appears to show %1$s operating %2$s %3$s near %4$s.",
        "A commander of %1$s denied that the group had received any %3$s.",
        "%1$s seized %2$s %3$s with serial number %7$s at a checkpoint near %4$s.",
    };
    private static final String[] FILLER = {
        "The area has seen heavy clashes in recent weeks.",
        "Officials did not respond to requests for comment.",
        "Residents said the road to %4$s had been closed since the morning.",
        "\"We will not allow these weapons to fall into the wrong hands,\" a spokesman for %1$s said.",
        "%6$s reported that the equipment had been supplied under a foreign assistance programme.",
        "The ministry said an investigation was under way.",
    };
    private static final String[] COUNT = {"two", "three", "several", "at least four", "a", "five", "dozens of"};

    /** Document {@code i} of the stream seeded {@code seed}: a post (JSON object) when {@link #isPost}, else an article. */
    public String document(long seed, long i) {
        long source = i % 50 == 49 ? i - 7 : i;     // syndicated copy of an earlier document
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + source);
        String actor = pick(actors, r);
        String outlet = pick(outlets, r);
        String place = pick(places, r);
        LocalDate date = LocalDate.of(2014, 1, 1).plusDays(r.nextInt(3000));
        String when = date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        String serial = String.format(Locale.ROOT, "%c%c-%d-%04d", (char) ('A' + r.nextInt(26)), (char) ('A' + r.nextInt(26)),
                10 + r.nextInt(10), r.nextInt(10000));
        Object[] slots = {actor, pick(COUNT, r), pick(articles, r), place, when, outlet, serial};
        if (isPost(source)) {
            String text = String.format(Locale.ROOT, pick(SIGHTING, r), slots);
            return "{\"platform\": \"telegram\", \"author\": \"channel " + r.nextInt(500) + "\", \"postedAt\": \""
                    + date + "T12:00:00Z\", \"text\": " + json(text) + ", \"media\": [{\"type\": \"photo\", \"caption\": "
                    + json(String.format(Locale.ROOT, "%3$s of %1$s near %4$s.", slots)) + "}]}";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Title: ").append(actor).append(" and the ").append(slots[2]).append(" near ").append(place).append('\n');
        sb.append("Outlet: ").append(outlet).append('\n');
        sb.append("Published: ").append(date).append("\n\n");
        int paragraphs = 2 + r.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            sb.append(String.format(Locale.ROOT, pick(SIGHTING, r), slots)).append(' ');
            sb.append(String.format(Locale.ROOT, pick(FILLER, r), slots)).append("\n\n");
        }
        return sb.toString();
    }

    public static boolean isPost(long i) {
        return i % 10 == 3;
    }

    /**
     * Writes documents {@code from} to {@code to} under {@code dir}: articles as {@code a/NNN/ID.txt} (a thousand
     * a folder) and the posts into {@code posts-FROM.jsonl}, or with {@code postFiles} each as {@code a/NNN/ID.json}
     * (the form {@code custody ingest} reads).
     */
    public void write(Path dir, long seed, long from, long to, boolean postFiles) throws IOException {
        StringBuilder posts = new StringBuilder();
        for (long i = from; i < to; i++) {
            String doc = document(seed, i);
            boolean post = isPost(i % 50 == 49 ? i - 7 : i);
            if (post && !postFiles) {
                posts.append(doc).append('\n');
                continue;
            }
            Path f = dir.resolve("a").resolve(String.format(Locale.ROOT, "%05d", i / 1000))
                    .resolve(String.format(Locale.ROOT, post ? "%09d.json" : "%09d.txt", i));
            Files.createDirectories(f.getParent());
            Files.writeString(f, doc, StandardCharsets.UTF_8);
        }
        if (posts.length() > 0) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "posts-%09d.jsonl", from)), posts, StandardCharsets.UTF_8);
        }
    }

    private static String pick(List<String> xs, SplittableRandom r) {
        return xs.get(r.nextInt(xs.size()));
    }

    private static String pick(String[] xs, SplittableRandom r) {
        return xs[r.nextInt(xs.length)];
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
