package org.bedsim.kernel;

import java.util.Arrays;

/**
 * The default event list: a 4-ary min-heap on two parallel primitive arrays (times and tags).
 *
 * <p>Implementation notes. A d-ary heap with d = 4 has half the depth of a binary heap, and the four children of a
 * node are adjacent in memory (32 bytes of times, one cache line or two), so a sift-down costs log4(n) cache misses
 * instead of log2(n). Insertions in a bed simulation are mostly of events far in the future (a length of stay ahead),
 * which settle near the bottom after a short sift-up, so the cost is dominated by removals, where the 4-ary shape
 * wins. The choice was made by measurement: see the {@code EventListBenchmark} JMH benchmark in the bench module and the
 * README, which compare this heap with {@link BinaryHeapEventList} and a {@code java.util.PriorityQueue} of event
 * objects. No object is allocated per operation; the arrays double when full and never shrink.
 *
 * <p>Order: by time, then by tag (signed comparison). Times must not be NaN.
 */
public final class QuaternaryHeapEventList implements EventList {
    private double[] times;
    private long[] tags;
    private int size;

    /** Creates an empty list with room for 1,024 events before growing. */
    public QuaternaryHeapEventList() {
        this(1024);
    }

    /** @param initialCapacity room before the first growth (at least 1) */
    public QuaternaryHeapEventList(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        times = new double[capacity];
        tags = new long[capacity];
    }

    @Override
    public void insert(double time, long tag) {
        if (size == times.length) {
            grow();
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
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    @Override
    public void clear() {
        size = 0;
    }

    private void removeAt(int index) {
        int last = --size;
        if (index == last) {
            return;
        }
        double time = times[last];
        long tag = tags[last];
        if (index > 0 && less(time, tag, times[(index - 1) >>> 2], tags[(index - 1) >>> 2])) {
            siftUp(index, time, tag);
        } else {
            siftDown(index, time, tag);
        }
    }

    private void siftUp(int index, double time, long tag) {
        final double[] t = times;
        final long[] g = tags;
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            double pt = t[parent];
            if (time > pt || (time == pt && tag > g[parent])) {
                break;
            }
            t[i] = pt;
            g[i] = g[parent];
            i = parent;
        }
        t[i] = time;
        g[i] = tag;
    }

    /** Places (time, tag) at the hole {@code index}, moving smaller children up. Size must already exclude it. */
    private void siftDown(int index, double time, long tag) {
        final double[] t = times;
        final long[] g = tags;
        final int n = size;
        int i = index;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            double bt = t[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                double ct = t[c];
                if (ct < bt || (ct == bt && g[c] < g[best])) {
                    best = c;
                    bt = ct;
                }
            }
            if (time < bt || (time == bt && tag < g[best])) {
                break;
            }
            t[i] = bt;
            g[i] = g[best];
            i = best;
        }
        t[i] = time;
        g[i] = tag;
    }

    private static boolean less(double at, long ag, double bt, long bg) {
        return at < bt || (at == bt && ag < bg);
    }

    private void grow() {
        int capacity = times.length << 1;
        if (capacity < 0) {
            throw new IllegalStateException("event list cannot grow beyond " + times.length + " events");
        }
        times = Arrays.copyOf(times, capacity);
        tags = Arrays.copyOf(tags, capacity);
    }
}
