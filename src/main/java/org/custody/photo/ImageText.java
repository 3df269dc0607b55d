package org.custody.photo;

/**
 * One piece of text read from an image: the text, where in the image it was, how sure the reader is
 * (0..1) and its script (e.g. "Latin", "Arabic").
 */
public record ImageText(String text, Region region, double confidence, String script) {}
