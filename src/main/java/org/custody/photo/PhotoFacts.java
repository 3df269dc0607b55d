package org.custody.photo;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What an image's EXIF/XMP/IPTC metadata states, each fact null when absent.
 *
 * @param taken       capture time as the camera wrote it (EXIF DateTimeOriginal; camera clocks carry no zone)
 * @param offset      the capture time's UTC offset when the file states one (EXIF OffsetTimeOriginal), else null
 * @param latitude    GPS latitude in decimal degrees
 * @param longitude   GPS longitude in decimal degrees
 * @param camera      make and model
 * @param software    the program that last wrote the file
 * @param edits       why the file looks edited after capture (editing software, a modification time later than
 *                    capture, an XMP edit history); empty when nothing says so
 */
public record PhotoFacts(LocalDateTime taken, ZoneOffset offset, Double latitude, Double longitude, String camera,
                         String software, List<String> edits) {
    public PhotoFacts {
        edits = edits == null ? List.of() : List.copyOf(edits);
        if ((latitude == null) != (longitude == null)) throw new IllegalArgumentException("latitude and longitude come together");
    }

    public static final PhotoFacts NONE = new PhotoFacts(null, null, null, null, null, null, List.of());

    public boolean hasPosition() {
        return latitude != null;
    }
}
