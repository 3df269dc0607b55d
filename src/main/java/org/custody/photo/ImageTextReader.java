package org.custody.photo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the text painted, stencilled or printed in a picture (serials, hull numbers, banners). Photo intake
 * calls one when it is configured; with none configured intake reads no text from images and says so.
 */
public interface ImageTextReader {

    /** The text found in the image file, each piece with the region it came from; empty when none. */
    List<ImageText> read(Path imageFile) throws IOException;
}
