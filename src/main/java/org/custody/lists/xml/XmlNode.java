package org.custody.lists.xml;

import java.util.ArrayList;
import java.util.List;

/** One element of a list record: local name, trimmed text, children and the line it starts on. */
public record XmlNode(String name, String text, List<XmlNode> children, long line) {

    public XmlNode {
        children = List.copyOf(children);
        text = text == null ? "" : text.strip();
    }

    /** The first child of that name, or null. */
    public XmlNode child(String childName) {
        for (XmlNode c : children) if (c.name.equals(childName)) return c;
        return null;
    }

    public List<XmlNode> all(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) if (c.name.equals(childName)) out.add(c);
        return out;
    }

    /** The trimmed text of the first child of that name, "" when absent. */
    public String text(String childName) {
        XmlNode c = child(childName);
        return c == null ? "" : c.text;
    }

    /** Texts of a child path, e.g. {@code texts("NATIONALITY", "VALUE")}; blanks skipped. */
    public List<String> texts(String childName, String grandChildName) {
        List<String> out = new ArrayList<>();
        for (XmlNode c : all(childName)) {
            for (XmlNode g : c.all(grandChildName)) if (!g.text.isEmpty()) out.add(g.text);
        }
        return out;
    }
}
