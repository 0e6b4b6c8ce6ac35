package org.bedsim.kernel;

import java.util.Arrays;

/**
 * A binary min-heap on two parallel primitive arrays (times and tags). Kept as the comparison point for
 * {@link QuaternaryHeapEventList} (the default) in tests and benchmarks; both must order events identically.
 *
 * <p>Implementation notes: the textbook heap (Williams 1964) with hole-moving sifts instead of swaps. No allocation per operation; arrays double when full.
 */
public final class BinaryHeapEventList implements EventList {
    private double[] times;
    private long[] tags;
    private int size;

    /** Creates an empty list with room for 1,024 events before growing. */
    public BinaryHeapEventList() {
        this(1024);
    }

    /** @param initialCapacity room before the first growth (at least 1) */
    public BinaryHeapEventList(int initialCapacity) {
        int capacity = Math.max(2, initialCapacity);
        times = new double[capacity];
        tags = new long[capacity];
    }

    @Override
    public void insert(double time, long tag) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size << 1);
            tags = Arrays.copyOf(tags, size << 1);
        }
        siftUp(size++, time, tag);
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double minTime() {
        return times[0];
    }

    @Override
    public long minTag() {
        return tags[0];
    }

    @Override
    public long removeMin() {
        long tag = tags[0];
        int last = --size;
        if (last > 0) {
            siftDown(0, times[last], tags[last]);
        }
        return tag;
    }

    @Override
    public boolean removeFirstMatching(long mask, long value) {
        long wanted = value & mask;
        for (int i = 0; i < size; i++) {
            if ((tags[i] & mask) == wanted) {
                int last = --size;
                if (i != last) {
                    double time = times[last];
                    long tag = tags[last];
                    int parent = (i - 1) >>> 1;
                    if (i > 0 && (time < times[parent] || (time == times[parent] && tag < tags[parent]))) {
                        siftUp(i, time, tag);
                    } else {
                        siftDown(i, time, tag);
                    }
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public void clear() {
        size = 0;
    }

    private void siftUp(int index, double time, long tag) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            double pt = times[parent];
            if (time > pt || (time == pt && tag > tags[parent])) {
                break;
            }
            times[i] = pt;
            tags[i] = tags[parent];
            i = parent;
        }
        times[i] = time;
        tags[i] = tag;
    }

    private void siftDown(int index, double time, long tag) {
        final int n = size;
        int i = index;
        while (true) {
            int child = (i << 1) + 1;
            if (child >= n) {
                break;
            }
            double ct = times[child];
            int right = child + 1;
            if (right < n) {
                double rt = times[right];
                if (rt < ct || (rt == ct && tags[right] < tags[child])) {
                    child = right;
                    ct = rt;
                }
            }
            if (time < ct || (time == ct && tag < tags[child])) {
                break;
            }
            times[i] = ct;
            tags[i] = tags[child];
            i = child;
        }
        times[i] = time;
        tags[i] = tag;
    }
}
