package org.custody.lists.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.custody.lists.ListFormatException;

/**
 * Streams a large XML list file with StAX and hands each record element (e.g. INDIVIDUAL, sdnEntry) to a
 * consumer as a small {@link XmlNode} tree, so memory holds one record at a time. Namespaces are ignored
 * (local names only): publishers move their namespace between releases. DTDs and external entities are
 * refused. Malformed XML is reported with the file and line.
 */
public final class XmlRecords {

    private XmlRecords() {}

    /** What the stream saw outside records: the root element's name and attributes, and header elements. */
    public record Header(String root, Map<String, String> rootAttributes, Map<String, String> texts) {}

    public static Header stream(Path file, Set<String> recordNames, Consumer<XmlNode> onRecord) throws IOException {
        String name = file.getFileName().toString();
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        String root = null;
        Map<String, String> rootAttrs = new java.util.LinkedHashMap<>();
        Map<String, String> headerTexts = new java.util.LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                Deque<String> outside = new ArrayDeque<>();
                StringBuilder text = new StringBuilder();
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        String local = r.getLocalName();
                        if (root == null) {
                            root = local;
                            for (int i = 0; i < r.getAttributeCount(); i++) {
                                rootAttrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                            }
                        }
                        if (recordNames.contains(local)) {
                            onRecord.accept(element(r, name));
                            continue;
                        }
                        outside.push(local);
                        text.setLength(0);
                    } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                        text.append(r.getText());
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        String local = outside.isEmpty() ? r.getLocalName() : outside.pop();
                        if (!text.toString().isBlank()) headerTexts.putIfAbsent(local, text.toString().strip());
                        text.setLength(0);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ListFormatException(name, Math.max(line, 0), "", "malformed XML: " + clean(e.getMessage()), e);
        }
        if (root == null) throw new ListFormatException(name, 1, "", "no XML root element");
        return new Header(root, rootAttrs, headerTexts);
    }

    /** Reads the element the reader is positioned on, with everything inside it. */
    private static XmlNode element(XMLStreamReader r, String file) throws XMLStreamException {
        String local = r.getLocalName();
        long line = r.getLocation().getLineNumber();
        List<XmlNode> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(r, file));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlNode(local, text.toString(), children, line);
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException(
                        "document ends inside <" + local + "> opened on line " + line, r.getLocation());
                default -> { }
            }
        }
    }

    private static String clean(String message) {
        if (message == null) return "unreadable";
        // StAX prefixes "ParseError at [row,col]:[..]\nMessage: " - keep the message only
        int i = message.indexOf("Message: ");
        return (i >= 0 ? message.substring(i + 9) : message).strip();
    }
}
