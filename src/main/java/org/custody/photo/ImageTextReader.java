package org.custody.photo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads the text written in a picture (painted serials, hull numbers, banners): each piece with where it is. */
public interface ImageTextReader {
    List<ImageText> read(Path imageFile) throws IOException;
}
