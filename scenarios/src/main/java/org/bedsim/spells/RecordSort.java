package org.bedsim.spells;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Records of a fixed number of longs, sorted by their first {@code keyWidth} longs (signed, in order), in bounded
 * memory: a buffer of {@code capacity} records is sorted in memory; when it fills, it is written to a temporary file
 * as a sorted run, and the runs are merged k ways when read (at most {@link #FAN_IN} at once, merging runs into longer
 * runs first when there are more). Records with equal keys keep the order they were added in. Nothing touches the
 * disk while the records fit the buffer.
 */
final class RecordSort {
    /** Runs merged at once: each holds a read buffer. */
    static final int FAN_IN = 64;
    private static final int IO_BUFFER = 1 << 15;

    private final int width;
    private final int keyWidth;
    private final int capacity;
    private final TempFolder temp;
    private int size;
    /** runs written by every sort, for tests */
    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();
    private int[] order;
    private final List<Path> runs = new ArrayList<>();

    /** A lazily created temporary folder, deleted with everything in it on close. */
    static final class TempFolder implements Closeable {
        private final Path parent;
        private Path dir;
        private int files;

        TempFolder(Path parent) {
            this.parent = parent;
        }

        Path newFile() throws IOException {
            RUNS.incrementAndGet();
            if (dir == null) {
                Files.createDirectories(parent);
                dir = Files.createTempDirectory(parent, "bedsim-fit-");
            }
            return dir.resolve("run-" + files++ + ".bin");
        }

        /** @return the folder, null until a file was asked for */
        Path dir() {
            return dir;
        }

        @Override
        public void close() {
            if (dir == null) {
                return;
            }
            try (var s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // best effort: a file that cannot be deleted is left in the temporary folder
            }
            dir = null;
        }
    }

    RecordSort(int width, int keyWidth, int capacity, TempFolder temp) {
        this.width = width;
        this.keyWidth = keyWidth;
        this.capacity = Math.max(2, capacity);
        this.temp = temp;
        this.grown = new long[Math.min(this.capacity, 1 << 10) * width];
    }

    /** the buffer, grown up to {@code capacity} records */
    private long[] grown;
    private long total;

    /** @return records added */
    long size() {
        return total;
    }

    /** @return whether any run was written to disk */
    boolean spilled() {
        return !runs.isEmpty();
    }

    /** Adds one record: {@code width} longs from {@code r}. */
    void add(long[] r) {
        if (order != null) {
            throw new IllegalStateException("records added after sorting");
        }
        if (size == capacity) {
            spill();
        }
        if ((size + 1) * width > grown.length) {
            grown = java.util.Arrays.copyOf(grown, Math.min(capacity, size * 2) * width);
        }
        System.arraycopy(r, 0, grown, size * width, width);
        size++;
        total++;
    }

    private void spill() {
        int[] o = sortBuffer();
        try {
            Path f = temp.newFile();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f),
                    IO_BUFFER))) {
                for (int i : o) {
                    for (int k = 0; k < width; k++) {
                        out.writeLong(grown[i * width + k]);
                    }
                }
            }
            runs.add(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size = 0;
    }

    /** @return the runs written so far in this process */
    static long runsWritten() {
        return RUNS.get();
    }

    /** Deletes the runs written so far; the sort is not used after. */
    void discard() {
        for (Path p : runs) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // left for the folder's close
            }
        }
        runs.clear();
        size = 0;
        grown = new long[0];
        order = new int[0];
    }

    /** A cursor over the records in key order. */
    interface Cursor extends Closeable {
        /** Fills {@code r} with the next record; false at the end. */
        boolean next(long[] r);

        @Override
        void close();
    }

    /** @return a cursor over every record added, in order (may be called again for another pass) */
    Cursor sorted() {
        if (runs.isEmpty()) {
            if (order == null) {
                order = sortBuffer();
            }
            int[] o = order;
            return new Cursor() {
                private int k;

                @Override
                public boolean next(long[] r) {
                    if (k == size) {
                        return false;
                    }
                    System.arraycopy(grown, o[k++] * width, r, 0, width);
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }
        if (size > 0) {
            spill();
            grown = new long[0];
        }
        order = new int[0];
        try {
            while (runs.size() > FAN_IN) {
                // one level: each consecutive group of runs into one, in order (equal keys keep their order)
                List<Path> level = new ArrayList<>();
                for (int from = 0; from < runs.size(); from += FAN_IN) {
                    List<Path> group = runs.subList(from, Math.min(from + FAN_IN, runs.size()));
                    Path f = temp.newFile();
                    try (Merge m = new Merge(group); DataOutputStream out = new DataOutputStream(
                            new BufferedOutputStream(Files.newOutputStream(f), IO_BUFFER))) {
                        long[] r = new long[width];
                        while (m.next(r)) {
                            for (long v : r) {
                                out.writeLong(v);
                            }
                        }
                    }
                    for (Path p : group) {
                        Files.deleteIfExists(p);
                    }
                    level.add(f);
                }
                runs.clear();
                runs.addAll(level);
            }
            return new Merge(runs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges sorted runs; a record from an earlier run comes first among equal keys. */
    private final class Merge implements Cursor {
        private final DataInputStream[] in;
        private final long[][] head;
        private final PriorityQueue<Integer> queue;

        Merge(List<Path> files) throws IOException {
            in = new DataInputStream[files.size()];
            head = new long[files.size()][width];
            queue = new PriorityQueue<>(Math.max(1, files.size()), (a, b) -> {
                int c = compare(head[a], 0, head[b], 0);
                return c != 0 ? c : Integer.compare(a, b);
            });
            try {
                for (int i = 0; i < in.length; i++) {
                    in[i] = new DataInputStream(new BufferedInputStream(Files.newInputStream(files.get(i)),
                            IO_BUFFER));
                    if (read(i)) {
                        queue.add(i);
                    }
                }
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private boolean read(int i) throws IOException {
            try {
                head[i][0] = in[i].readLong();
            } catch (EOFException e) {
                return false;
            }
            for (int k = 1; k < width; k++) {
                head[i][k] = in[i].readLong();
            }
            return true;
        }

        @Override
        public boolean next(long[] r) {
            Integer i = queue.poll();
            if (i == null) {
                return false;
            }
            System.arraycopy(head[i], 0, r, 0, width);
            try {
                if (read(i)) {
                    queue.add(i);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }

        @Override
        public void close() {
            for (DataInputStream s : in) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // read only
                    }
                }
            }
        }
    }

    private int compare(long[] a, int ia, long[] b, int ib) {
        for (int k = 0; k < keyWidth; k++) {
            int c = Long.compare(a[ia + k], b[ib + k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** @return the buffer's record indices in key order (a stable merge sort) */
    private int[] sortBuffer() {
        int[] o = new int[size];
        for (int i = 0; i < size; i++) {
            o[i] = i;
        }
        int[] tmp = new int[size];
        for (int w = 1; w < size; w <<= 1) {
            for (int lo = 0; lo < size - w; lo += w << 1) {
                int mid = lo + w;
                int hi = Math.min(lo + (w << 1), size);
                if (compare(grown, o[mid - 1] * width, grown, o[mid] * width) <= 0) {
                    continue;
                }
                System.arraycopy(o, lo, tmp, lo, hi - lo);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    if (j >= hi || (i < mid && compare(grown, tmp[i] * width, grown, tmp[j] * width) <= 0)) {
                        o[k] = tmp[i++];
                    } else {
                        o[k] = tmp[j++];
                    }
                }
            }
        }
        return o;
    }
}
