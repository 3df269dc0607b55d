package org.custody.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One imported version of a list. {@code contentHash} is the SHA-256 of the source files,
 * so re-importing identical files is recognised; {@code source} names each of the version's own files
 * with its SHA-256 and length ({@link SourceFiles#provenance}); {@code publishedAt} is the publisher's
 * date when the files state one (UN {@code dateGenerated}, OFAC XML {@code Publish_Date}), else null.
 */
public record ListVersion(String listId, long version, String publishedAt, Instant importedAt,
                          String contentHash, int entityCount, String source) {

    /** What is said of a version whose files carry no publication date (OFAC's CSV files). */
    public static final String NOT_STATED = "not stated by the publisher";

    /** One file of the version: its name (without the folder it was imported from), SHA-256 and length. */
    public record SourceFile(String name, String sha256, long bytes) {}

    private static final Pattern FILE = Pattern.compile("(?:^|; )(.+?) sha256:([0-9a-f]{64}) \\((\\d+) bytes\\)");

    /** The publisher's date, or {@link #NOT_STATED}. */
    public String publisherDate() {
        return publishedAt == null || publishedAt.isBlank() ? NOT_STATED : publishedAt;
    }

    /** The version's own files, read from {@link #source()}; empty for a version recorded without them. */
    public List<SourceFile> files() {
        List<SourceFile> out = new ArrayList<>();
        if (source == null) return out;
        Matcher m = FILE.matcher(source);
        while (m.find()) {
            String path = m.group(1).strip();
            int arrow = path.lastIndexOf(" → "); // lists update: "URL... → file"
            if (arrow >= 0) path = path.substring(arrow + 3).strip();
            int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            out.add(new SourceFile(path.substring(slash + 1), m.group(2), Long.parseLong(m.group(3))));
        }
        return out;
    }

    /** One line: {@code ofac-sdn v1, published: not stated by the publisher; sdn.csv sha256:…, alt.csv sha256:…}. */
    public String provenanceLine() {
        StringBuilder sb = new StringBuilder(listId).append(" v").append(version).append(", published ")
                .append(publishedAt == null || publishedAt.isBlank() ? "date " + NOT_STATED : publishedAt);
        List<SourceFile> fs = files();
        for (int i = 0; i < fs.size(); i++) {
            sb.append(i == 0 ? "; " : ", ").append(fs.get(i).name()).append(" sha256:").append(fs.get(i).sha256());
        }
        if (fs.isEmpty()) sb.append("; files not recorded (content sha256:").append(contentHash).append(")");
        return sb.toString();
    }

    /** Versions as JSON-ready maps: list, version, publisher's date and files (with sizes and content hash when full). */
    public static java.util.List<java.util.Map<String, Object>> asMaps(java.util.List<ListVersion> versions, boolean full) {
        java.util.List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
        for (ListVersion v : versions) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("list", v.listId());
            m.put("version", v.version());
            m.put("publishedAt", v.publishedAt() == null || v.publishedAt().isBlank() ? null : v.publishedAt());
            java.util.List<java.util.Map<String, Object>> files = new java.util.ArrayList<>();
            for (SourceFile f : v.files()) {
                java.util.Map<String, Object> fm = new java.util.LinkedHashMap<>();
                fm.put("name", f.name());
                fm.put("sha256", f.sha256());
                if (full) fm.put("bytes", f.bytes());
                files.add(fm);
            }
            m.put("files", files);
            if (full) {
                m.put("contentHash", v.contentHash());
            }
            out.add(m);
        }
        return out;
    }
}
