package org.custody.lists.ofac;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.custody.lists.ListFormatException;

/**
 * Disk space for joining OFAC's legacy CSV files on {@code ent_num} without holding the list in memory.
 * The primary rows are written in file order to one file; each companion row (alias, address, comment)
 * is written to the partition file of its primary row's position, a partition being a run of at most
 * {@link #partitionSize} consecutive primary rows. Joining then reads one partition of primary rows and
 * its companion file at a time, so memory holds one partition, whatever the size of the list. What
 * stays in memory for the whole import is {@link EntNums}: 12 bytes per primary row.
 */
final class JoinSpill implements AutoCloseable {

    /** Fewest primary rows per partition; more when the list has more than 128 partitions' worth. */
    static final int MIN_PARTITION = 8192;
    private static final int MAX_PARTITIONS = 128;

    private final Path dir;
    private final DataOutputStream primaries;
    private final List<DataOutputStream> companions = new ArrayList<>();
    private int partitionSize;
    private int primaryCount = -1;

    private JoinSpill(Path dir) throws IOException {
        this.dir = dir;
        this.primaries = out(dir.resolve("primary.bin"));
    }

    static JoinSpill create() {
        try {
            return new JoinSpill(Files.createTempDirectory("custody-ofac-join-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the OFAC import: " + e.getMessage(), e);
        }
    }

    DataOutputStream primaries() {
        return primaries;
    }

    /** Ends the primary rows: {@code count} of them, which fixes the partition size. */
    void primariesDone(int count) throws IOException {
        primaries.close();
        primaryCount = count;
        partitionSize = Math.max(MIN_PARTITION, (count + MAX_PARTITIONS - 1) / MAX_PARTITIONS);
    }

    int partitionSize() {
        return partitionSize;
    }

    int partitions() {
        return (primaryCount + partitionSize - 1) / partitionSize;
    }

    /** The companion file of the partition holding primary row {@code ordinal}. */
    DataOutputStream companion(int ordinal) throws IOException {
        int k = ordinal / partitionSize;
        while (companions.size() <= k) companions.add(null);
        DataOutputStream o = companions.get(k);
        if (o == null) {
            o = out(dir.resolve("companion-" + k + ".bin"));
            companions.set(k, o);
        }
        return o;
    }

    /** Ends writing; the primary rows can then be read back in order. */
    DataInputStream readPrimaries() throws IOException {
        for (DataOutputStream o : companions) if (o != null) o.close();
        return in(dir.resolve("primary.bin"));
    }

    /** The companion records of partition {@code k}, or null when it has none. */
    DataInputStream readCompanions(int k) throws IOException {
        Path p = dir.resolve("companion-" + k + ".bin");
        return Files.exists(p) ? in(p) : null;
    }

    @Override
    public void close() {
        try {
            primaries.close();
            for (DataOutputStream o : companions) if (o != null) o.close();
        } catch (IOException ignored) {
            // closing only to delete
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing an import for; the OS cleans its temp folder
        }
    }

    static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String str(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0) return null;
        byte[] b = new byte[len];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static void row(DataOutputStream out, LegacyCsv.Row row) throws IOException {
        out.writeLong(row.line());
        out.writeInt(row.fields().size());
        for (String f : row.fields()) str(out, f);
    }

    static LegacyCsv.Row row(DataInputStream in) throws IOException {
        long line = in.readLong();
        int n = in.readInt();
        List<String> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) fields.add(str(in));
        return new LegacyCsv.Row(line, fields);
    }

    /** The next tag byte of a companion file, or -1 at its end. */
    static int tag(DataInputStream in) throws IOException {
        try {
            return in.readUnsignedByte();
        } catch (EOFException e) {
            return -1;
        }
    }

    private static DataOutputStream out(Path p) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 14));
    }

    private static DataInputStream in(Path p) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
    }

    /**
     * The ent_nums of the primary rows in file order and, once {@link #freeze frozen}, a sorted index from
     * ent_num to position: two primitive arrays, 12 bytes per row (plus the lines while reading).
     */
    static final class EntNums {
        private long[] nums = new long[1024];
        private long[] lines = new long[1024];
        private int size;
        private long[] sorted;
        private int[] ordinals;

        void add(long entNum, long line) {
            if (size == nums.length) {
                nums = Arrays.copyOf(nums, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            nums[size] = entNum;
            lines[size++] = line;
        }

        int size() {
            return size;
        }

        /** Builds the index; refuses the first ent_num (in file order) that repeats an earlier one. */
        void freeze(String file) {
            int[] order = IntStream.range(0, size).boxed()
                    .sorted(Comparator.comparingLong((Integer i) -> nums[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            sorted = new long[size];
            for (int i = 0; i < size; i++) sorted[i] = nums[order[i]];
            int firstRepeat = Integer.MAX_VALUE;
            for (int i = 1; i < size; i++) {
                if (sorted[i] == sorted[i - 1] && (i < 2 || sorted[i - 2] != sorted[i])) {
                    firstRepeat = Math.min(firstRepeat, order[i]);
                }
            }
            if (firstRepeat != Integer.MAX_VALUE) {
                throw new ListFormatException(file, lines[firstRepeat], "ent_num", "duplicate ent_num " + nums[firstRepeat]);
            }
            ordinals = order;
            nums = null;
            lines = null;
        }

        /** The position of the primary row with this ent_num, or -1. */
        int ordinal(long entNum) {
            int i = Arrays.binarySearch(sorted, entNum);
            return i < 0 ? -1 : ordinals[i];
        }
    }
}
