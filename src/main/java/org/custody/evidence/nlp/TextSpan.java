package org.custody.evidence.nlp;

/** A half-open character range [start, end) of a document's text. */
public record TextSpan(int start, int end) {
    public TextSpan {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    public String of(String text) {
        return text.substring(start, end);
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
