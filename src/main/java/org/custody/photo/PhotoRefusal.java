package org.custody.photo;

/** An image that photo intake will not take, with the file and the reason named; nothing of it is stored. */
public final class PhotoRefusal extends RuntimeException {

    private final String source;

    public PhotoRefusal(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
