package org.custody.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The {@code ingest} job's input files: listed once on the driver (through Hadoop's file systems, so local paths,
 * {@code hdfs://} and {@code s3a://} alike; folders searched recursively, names starting with {@code .} or
 * {@code _} passed over as Spark passes them over), sorted by path, numbered, and packed into tasks in that
 * order. A task's files are consecutive in path order and the tasks follow each other in it, so the job's rows come
 * out in path and line order without a sort (and without the shuffle a sort costs).
 */
final class InputFiles {

    /** One input file: its path (as Hadoop names it), its rank in path order, its size and modification time. */
    record File(String path, long index, long length, long modified) implements Serializable {

        /**
         * The file's bytes, read through the file system its path names; a local file ({@code file:}) as the CLI
         * reads it ({@code java.nio}): Hadoop's local file system looks for a {@code .crc} file beside every file it
         * opens and gives each stream a 64 KB buffer and its statistics, which together cost about as much as reading
         * a small article, and the CLI does not check a checksum either. On another checksummed file system, through
         * the raw one beneath it.
         */
        byte[] read(Configuration conf) {
            Path p = new Path(path);
            try {
                if ("file".equals(p.toUri().getScheme())) return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(p.toUri()));
                FileSystem fs = p.getFileSystem(conf);
                if (fs instanceof ChecksumFileSystem checked) fs = checked.getRawFileSystem();
                return readAll(fs, p);
            } catch (IOException e) {
                throw new UncheckedIOException(IngestJob.localName(path) + ": cannot be read: " + e.getMessage(), e);
            }
        }

        private static byte[] readAll(FileSystem fs, Path p) throws IOException {
            try (InputStream in = fs.open(p)) {
                return in.readAllBytes();
            }
        }
    }

    private InputFiles() {}

    /** Every file under the given paths (files, folders or glob patterns), in path order; a path matching nothing is an error. */
    static List<File> list(Configuration conf, List<String> inputs) {
        List<FileStatus> found = new ArrayList<>();
        try {
            for (String input : inputs) {
                Path p = new Path(input);
                FileStatus[] matched = p.getFileSystem(conf).globStatus(p);
                if (matched == null || matched.length == 0) {
                    throw new IllegalArgumentException(input + ": no such file or folder");
                }
                for (FileStatus st : matched) walk(p.getFileSystem(conf), st, found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing the input: " + e.getMessage(), e);
        }
        List<FileStatus> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(st -> IngestJob.localName(st.getPath().toString())));
        List<File> out = new ArrayList<>(sorted.size());
        String previous = null;
        for (FileStatus st : sorted) {
            String path = st.getPath().toString();
            if (path.equals(previous)) continue;                 // named twice (a folder and a file in it)
            previous = path;
            out.add(new File(path, out.size(), st.getLen(), st.getModificationTime()));
        }
        return out;
    }

    private static void walk(FileSystem fs, FileStatus st, List<FileStatus> out) throws IOException {
        if (!st.isDirectory()) {
            out.add(st);
            return;
        }
        for (FileStatus child : fs.listStatus(st.getPath())) {
            String name = child.getPath().getName();
            if (!name.startsWith(".") && !name.startsWith("_")) walk(fs, child, out);
        }
    }

    /**
     * The files cut into consecutive groups, one a task, as Spark packs files into a scan's partitions: a group
     * holds at most {@code min(maxBytes, max(openCost, total / parallelism))} bytes, counting each file as its size
     * plus {@code openCost}; unlike Spark's packing (largest files first), the groups keep path order.
     */
    static List<List<File>> pack(List<File> files, long maxBytes, long openCost, int parallelism) {
        long total = 0;
        for (File f : files) total += f.length() + openCost;
        long split = Math.min(maxBytes, Math.max(openCost, total / Math.max(1, parallelism)));
        List<List<File>> groups = new ArrayList<>();
        List<File> current = new ArrayList<>();
        long size = 0;
        for (File f : files) {
            long cost = f.length() + openCost;
            if (!current.isEmpty() && size + cost > split) {
                groups.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(f);
            size += cost;
        }
        if (!current.isEmpty()) groups.add(current);
        return groups;
    }
}
