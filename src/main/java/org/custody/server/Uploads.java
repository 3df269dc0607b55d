package org.custody.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files uploaded as {@code multipart/form-data} (field {@code file}, repeatable), saved under their own
 * base names into a new private temporary folder that {@link #close()} deletes.
 */
public final class Uploads implements AutoCloseable {

    private final Path folder;
    private final List<Path> files;

    private Uploads(Path folder, List<Path> files) {
        this.folder = folder;
        this.files = files;
    }

    public static Uploads of(Context ctx, String field) {
        String ct = ctx.contentType();
        if (ct == null || !ct.startsWith("multipart/form-data")) {
            throw ApiException.badRequest("upload the files as multipart/form-data, field '" + field + "'", field);
        }
        List<UploadedFile> up = ctx.uploadedFiles(field);
        if (up.isEmpty()) throw ApiException.badRequest("no file in the form field '" + field + "'", field);
        try {
            Path folder = Files.createTempDirectory("custody-upload-");
            List<Path> files = new ArrayList<>();
            for (UploadedFile f : up) {
                String name = Path.of(f.filename().replace('\\', '/')).getFileName() == null ? "upload"
                        : Path.of(f.filename().replace('\\', '/')).getFileName().toString();
                if (name.isBlank() || name.startsWith(".")) name = "upload-" + files.size();
                Path target = folder.resolve(name);
                if (files.contains(target)) throw ApiException.badRequest("two uploaded files are named '" + name + "'", field);
                try (InputStream in = f.content()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(target);
            }
            return new Uploads(folder, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the upload: " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    public List<Path> files() {
        return files;
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
