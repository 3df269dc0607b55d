package org.custody.evidence.intake;

/** Input that intake will not take, with the file and the reason named; nothing of it is stored. */
public final class IntakeRefusal extends RuntimeException {

    private final String source;

    public IntakeRefusal(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
