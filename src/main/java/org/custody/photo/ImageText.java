package org.custody.photo;

/**
 * One piece of text read from a picture: the text, the region of the picture it was read from, the reader's
 * confidence in [0, 1] and the script it is written in ("Latin", "Arabic", …).
 */
public record ImageText(String text, Region region, double confidence, String script) {}
