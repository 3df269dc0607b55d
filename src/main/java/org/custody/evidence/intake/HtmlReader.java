package org.custody.evidence.intake;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.custody.evidence.SourceKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * An HTML page reduced to its article: navigation, headers and footers, share bars, comment sections,
 * newsletter prompts, scripts and forms are dropped; the body is the {@code <article>} (or
 * {@code itemprop=articleBody}) element, else the element holding the most paragraph text. Blocks are
 * separated by blank lines. Metadata comes from Open Graph / article meta tags, {@code <time>} and the
 * canonical link. Pages nested deeper than {@link #MAX_DEPTH} elements are refused.
 */
final class HtmlReader {

    /** Deepest element nesting accepted; real article pages stay far below 100. */
    static final int MAX_DEPTH = 500;

    private static final Pattern BOILERPLATE_CLASS = Pattern.compile(
            "(?i)(^|[\\s_-])(nav|navbar|menu|share|sharing|social|comment|comments|disqus|related|footer|header|"
                    + "sidebar|newsletter|subscribe|promo|advert|ads?|cookie|breadcrumbs?|masthead|tags|byline-share|"
                    + "toolbar|popup|modal|signup|recommend(ed)?|trending|most-popular)([\\s_-]|$)");
    private static final Pattern BOILERPLATE_TEXT = Pattern.compile(
            "(?i)^(please let us know if you're having issues with commenting\\.?|share (this|on)\\b.*|"
                    + "(sign up|subscribe) (for|to) .*newsletter.*|join the (discussion|conversation).*|"
                    + "comments?( \\(\\d+\\))?|read more:?.*|advertisement|click here to .*|"
                    + "follow us on .*|tweet|share|email|print|facebook|twitter)$");

    private HtmlReader() {}

    static Draft read(String source, String html, Instant retrieved) {
        Parser parser = Parser.htmlParser();
        Document doc = Jsoup.parse(html, "", parser);
        int depth = maxDepth(doc);
        if (depth > MAX_DEPTH) {
            throw new IntakeRefusal(source, "HTML nested " + depth + " elements deep, over the limit of " + MAX_DEPTH);
        }
        String title = meta(doc, "og:title", "twitter:title");
        if (title == null) {
            Element h1 = doc.selectFirst("article h1, h1");
            title = h1 != null ? h1.text() : (doc.title().isBlank() ? null : doc.title());
        }
        String outlet = meta(doc, "og:site_name", "application-name");
        String url = meta(doc, "og:url");
        Element canonical = doc.selectFirst("link[rel=canonical]");
        if (url == null && canonical != null && !canonical.attr("href").isBlank()) url = canonical.attr("href");
        String author = meta(doc, "author", "article:author", "byl");
        String published = meta(doc, "article:published_time", "date", "pubdate", "publish-date", "dc.date",
                "DC.date.issued", "sailthru.date");
        if (published == null) {
            Element time = doc.selectFirst("time[datetime]");
            if (time != null) published = time.attr("datetime");
        }
        List<MediaRef> images = images(doc);
        doc.select("script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, "
                + "template, select, input, textarea, figure > img, [role=navigation], [role=banner], "
                + "[role=contentinfo], [aria-hidden=true]").remove();
        for (Element e : doc.getAllElements()) {
            if (e == doc || e.tagName().equals("html") || e.tagName().equals("body")) continue;
            String cls = e.className() + " " + e.id();
            if (!cls.isBlank() && BOILERPLATE_CLASS.matcher(cls).find() && !e.tagName().equals("article")) {
                e.remove();
            }
        }
        Element body = chooseBody(doc);
        StringBuilder text = new StringBuilder();
        if (title != null && body.selectFirst("h1") == null) text.append(title).append("\n\n");
        appendBlocks(body, text);
        return new Draft(SourceKind.HTML, outlet, url, title, author, null, MetaDates.parse(published), retrieved,
                text.toString(), List.of(), List.of(), images);
    }

    /**
     * The page's pictures that were saved with it: {@code <img src>} with a relative path (a downloaded copy),
     * outside navigation, headers, footers and asides; remote ({@code http:}, {@code //}) and inline
     * ({@code data:}) sources are not files next to the page and are left out. The caption is the enclosing
     * figure's {@code <figcaption>}, else the {@code alt} text.
     */
    private static List<MediaRef> images(Document doc) {
        List<MediaRef> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Elements imgs = doc.select("img[src]");
        for (int i = 0; i < imgs.size(); i++) {
            Element img = imgs.get(i);
            String src = img.attr("src").strip();
            if (src.isEmpty() || src.startsWith("//") || src.startsWith("/") || src.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) continue;
            if (!img.parents().select("nav, header, footer, aside").isEmpty()) continue;
            int q = src.indexOf('?');
            if (q >= 0) src = src.substring(0, q);
            int h = src.indexOf('#');
            if (h >= 0) src = src.substring(0, h);
            try {
                src = java.net.URLDecoder.decode(src.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // a malformed escape stays as written
            }
            if (!seen.add(src)) continue;
            Element figure = img.closest("figure");
            Element figcaption = figure == null ? null : figure.selectFirst("figcaption");
            String caption = figcaption != null ? figcaption.text() : img.attr("alt");
            out.add(new MediaRef(src, caption == null || caption.isBlank() ? null : caption.strip(), "img[" + i + "] src"));
        }
        return out;
    }

    private static String meta(Document doc, String... names) {
        for (String n : names) {
            Element m = doc.selectFirst("meta[property=" + n + "], meta[name=" + n + "], meta[itemprop=" + n + "]");
            if (m != null && !m.attr("content").isBlank()) return m.attr("content").trim();
        }
        return null;
    }

    private static int maxDepth(Document doc) {
        int max = 0;
        Deque<Element> stack = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        stack.push(doc);
        depths.push(0);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            int d = depths.pop();
            max = Math.max(max, d);
            for (Element c : e.children()) {
                stack.push(c);
                depths.push(d + 1);
            }
        }
        return max;
    }

    private static Element chooseBody(Document doc) {
        Elements articles = doc.select("[itemprop=articleBody], article");
        Element best = null;
        int bestLen = 0;
        for (Element a : articles) {
            int len = a.text().length();
            if (len > bestLen) {
                best = a;
                bestLen = len;
            }
        }
        if (best != null && bestLen > 200) return best;
        // the element whose direct <p> children hold the most text
        Element densest = null;
        int densestLen = 0;
        for (Element p : doc.select("p")) {
            Element parent = p.parent();
            if (parent == null) continue;
            int len = 0;
            for (Element sib : parent.children()) if (sib.tagName().equals("p")) len += sib.text().length();
            if (len > densestLen) {
                densest = parent;
                densestLen = len;
            }
        }
        if (densest != null && densestLen > bestLen) return densest;
        if (best != null) return best;
        return doc.body() != null ? doc.body() : doc;
    }

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "h1", "h2", "h3", "h4", "h5",
            "h6", "li", "blockquote", "section", "article", "figcaption", "pre", "tr", "dd", "dt", "ul", "ol", "table");

    /** Text of {@code root} with a blank line between blocks, iteratively (no recursion on deep pages). */
    private static void appendBlocks(Element root, StringBuilder out) {
        StringBuilder block = new StringBuilder();
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (o instanceof String marker) {
                if (marker.equals("END") || marker.equals("BR")) flush(block, out, marker.equals("BR"));
                continue;
            }
            Node n = (Node) o;
            if (n instanceof TextNode t) {
                block.append(t.text());
            } else if (n instanceof Element e) {
                if (e.tagName().equals("br")) {
                    stack.push("BR");
                    continue;
                }
                boolean isBlock = BLOCKS.contains(e.tagName());
                if (isBlock) {
                    flush(block, out, false);
                    stack.push("END");
                }
                List<Node> kids = e.childNodes();
                for (int i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
            }
        }
        flush(block, out, false);
    }

    private static void flush(StringBuilder block, StringBuilder out, boolean lineBreak) {
        String t = block.toString().replaceAll("[ \\t\\x0B\\f\\r\\n]+", " ").trim();
        block.setLength(0);
        if (t.isEmpty()) return;
        if (BOILERPLATE_TEXT.matcher(t).matches()) return;
        if (out.length() > 0) out.append(lineBreak ? "\n" : "\n\n");
        out.append(t);
    }
}
