package org.custody.photo.ocr;

import org.custody.photo.Region;

/**
 * A serial-shaped string read from a picture: as read, its ledger key, its folded key, the region it was
 * read from and the reader's confidence in it (the lowest of its words).
 */
public record SerialCandidate(String read, String key, String folded, Region region, double confidence) {}
