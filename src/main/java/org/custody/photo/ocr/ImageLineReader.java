package org.custody.photo.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.custody.photo.ImageText;
import org.custody.photo.ImageTextReader;

/** A picture reader that keeps its words' boxes: lines of words, each line as one pass found it. */
public interface ImageLineReader extends ImageTextReader {

    List<ReadLine> readLines(Path imageFile) throws IOException;

    @Override
    default List<ImageText> read(Path imageFile) throws IOException {
        return readLines(imageFile).stream().map(ReadLine::asText).toList();
    }
}
