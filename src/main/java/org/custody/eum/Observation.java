package org.custody.eum;

/** One item's result in a check: the serial as read, the article when the serial alone is ambiguous. */
public record Observation(String serial, java.util.Optional<String> articleId, ObservationStatus status,
                          String evidence) {

    public Observation {
        if (serial == null || serial.isBlank()) throw new IllegalArgumentException("observation: serial is empty");
        serial = serial.trim();
        evidence = evidence == null ? "" : evidence.trim();
        if (status == ObservationStatus.DESTROYED && evidence.isEmpty()) {
            throw new IllegalArgumentException("serial " + serial + ": a DESTROYED item needs an evidence note");
        }
    }
}
