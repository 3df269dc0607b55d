package org.custody.photo;

import java.util.Objects;

/**
 * One image as intake read it: its SHA-256 (the key it is stored under, once), format, dimensions, its
 * perceptual hash views ({@link PerceptualHash#views}) and the facts its metadata states.
 */
public record Photo(String sha256, ImageFormat format, int width, int height, long bytes, long[] hashes,
                    PhotoFacts facts) {
    public Photo {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(facts, "facts");
        hashes = hashes.clone();
    }

    @Override
    public long[] hashes() {
        return hashes.clone();
    }
}
