package org.custody.ledger.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the line of a file's first byte that is not UTF-8 (readers decode ahead and cannot tell). */
final class Utf8Lines {

    private Utf8Lines() {}

    /** The 1-based line holding the first invalid UTF-8 byte of {@code file}, or 1 if none is found. */
    static long firstInvalidLine(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream s = Files.newInputStream(file)) {
            boolean eof = false;
            while (true) {
                int n = eof ? -1 : s.read(in.array(), in.position(), in.remaining());
                if (n < 0) eof = true;
                else in.position(in.position() + n);
                in.flip();
                CoderResult r = decoder.decode(in, out, eof);
                out.flip();
                while (out.hasRemaining()) if (out.get() == '\n') line++;
                out.clear();
                if (r.isError()) return line;
                in.compact();
                if (eof && !r.isOverflow()) return 1;
            }
        } catch (IOException e) {
            return 1;
        }
    }
}
