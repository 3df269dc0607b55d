package org.custody.lists.download;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where one list's current files are published: a name (the list id, or "default" for URLs given
 * without one) and the URLs of its files. The official publishers are the defaults; each can be
 * replaced in {@code custody.properties} ({@code lists.source.<list>=URL URL ...}) or on the command line.
 */
public record Feed(String name, List<URI> urls) {

    public Feed {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) throw new IllegalArgumentException("feed " + name + " has no URLs");
    }

    /** OFAC's Sanctions List Service exports of the legacy CSV set. */
    public static final String OFAC_BASE = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/";
    /** The UN Security Council consolidated list. */
    public static final String UN_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml";

    public static List<Feed> defaults() {
        List<URI> ofac = new ArrayList<>();
        for (String f : List.of("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")) ofac.add(URI.create(OFAC_BASE + f));
        return List.of(new Feed("ofac-sdn", ofac), new Feed("un-sc", List.of(URI.create(UN_URL))));
    }

    /**
     * The feeds to fetch: {@code --source} values when given ({@code [list=]URL}), else the defaults with
     * any {@code lists.source.<list>} property replacing a default or adding a list.
     */
    public static List<Feed> resolve(List<String> sourceArgs, Properties props) {
        Map<String, List<URI>> byName = new LinkedHashMap<>();
        if (sourceArgs != null && !sourceArgs.isEmpty()) {
            for (String arg : sourceArgs) {
                for (String one : arg.split("[\\s,]+")) {
                    if (one.isBlank()) continue;
                    int eq = one.indexOf('=');
                    boolean named = eq > 0 && !one.substring(0, eq).contains(":");
                    String name = named ? one.substring(0, eq) : "default";
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(uri(named ? one.substring(eq + 1) : one));
                }
            }
        } else {
            for (Feed f : defaults()) byName.put(f.name(), new ArrayList<>(f.urls()));
            for (String key : props.stringPropertyNames().stream().sorted().toList()) {
                if (!key.startsWith("lists.source.")) continue;
                String name = key.substring("lists.source.".length());
                List<URI> urls = new ArrayList<>();
                for (String u : props.getProperty(key).split("[\\s,]+")) if (!u.isBlank()) urls.add(uri(u));
                if (urls.isEmpty()) byName.remove(name);
                else byName.put(name, urls);
            }
        }
        List<Feed> out = new ArrayList<>();
        byName.forEach((n, u) -> out.add(new Feed(n, u)));
        return out;
    }

    /** The local file name for a URL: its last path segment, lower-cased (OFAC serves SDN.CSV too). */
    public static String fileName(URI url, int index) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.isBlank() || !last.matches("[A-Za-z0-9._-]+")) return "download-" + index;
        return last.toLowerCase(Locale.ROOT);
    }

    private static URI uri(String s) {
        URI u = URI.create(s.strip());
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) URL: " + s);
        }
        return u;
    }
}
