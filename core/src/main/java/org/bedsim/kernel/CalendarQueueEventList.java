package org.bedsim.kernel;

import java.util.Arrays;

/**
 * A calendar queue (Brown 1988) on primitive arrays: the default event list.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Idea.</b> Time is cut into buckets of width {@code w}; bucket {@code b} of a table of {@code n} buckets
 *       (a "year" of n w days) holds the events whose virtual bucket {@code floor(t / w)} is congruent to b modulo n,
 *       as a linked list sorted by (time, tag). The earliest event is found by walking the buckets from the current
 *       one, taking a head only if its virtual bucket is the current one. With {@code w} about twice the mean gap
 *       between consecutive events and at least two buckets per pending event, an insertion walks a list of about
 *       one node and a removal looks at one to three buckets: O(1) per event, against O(log n) unpredictable
 *       branches for a heap. In a hospital of 2,000 occupied beds that is about twice as fast as the best heap (see
 *       {@code EventListBenchmark} and {@code BedPoolBenchmark}).</li>
 *   <li><b>Storage.</b> A node is four consecutive longs of one array (time bits, tag, virtual bucket, next), so
 *       walking a list touches one cache line per node, and the virtual bucket is stored rather than recomputed.
 *       Free nodes form a list. Nothing is allocated per event; the arrays grow by doubling and the table is rebuilt,
 *       rarely, on resizing.</li>
 *   <li><b>Tuning.</b> ({@link BucketWidth}) The table doubles when the queue holds more than one event per two buckets
 *       and halves below one per eight. The width is twice the mean gap between successively removed events, measured
 *       over windows of removals (the gap sum of a window is the difference of its end times, so nothing is computed
 *       per event); every 2^15 removals the table is rebuilt if the width is off by more than a factor of two, so a
 *       model whose tempo changes (a warm-up, a winter) keeps O(1) behaviour.</li>
 *   <li><b>Robustness.</b> If a whole year passes with no event due (only far-future events remain), the minimum is
 *       found by a direct search of the bucket heads. Any insertion order is accepted, including times before the
 *       current minimum, so this is a general priority queue, not only a simulation one. Times must be finite or
 *       +infinity, and not NaN.</li>
 * </ul>
 * Order: by time, then by tag (signed), exactly as {@link BinaryHeapEventList}; tests hold them to the same output.
 */
public final class CalendarQueueEventList implements EventList {
    private static final int NIL = -1;
    private static final int MIN_BUCKETS = 16;

    // node n occupies nodes[4n .. 4n + 3]: time bits, tag, virtual bucket, next node (NIL = none)
    private static final int TIME = 0;
    private static final int TAG = 1;
    private static final int VB = 2;
    private static final int NEXT = 3;

    private long[] nodes;
    private int free = NIL;
    private int size;

    private int[] heads;
    private int mask;
    /** Virtual bucket being scanned: no pending event lies in an earlier one. */
    private long current;
    /** Bucket index of the earliest event, or NIL if not yet located. */
    private int minBucket = NIL;

    private final BucketWidth width = new BucketWidth();

    /** An empty queue. */
    public CalendarQueueEventList() {
        this(1024);
    }

    /** @param initialCapacity nodes before the first growth */
    public CalendarQueueEventList(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        nodes = new long[capacity << 2];
        linkFree(0, capacity);
        heads = new int[MIN_BUCKETS];
        Arrays.fill(heads, NIL);
        mask = MIN_BUCKETS - 1;
    }

    @Override
    public void insert(double time, long tag) {
        if (free == NIL) {
            growNodes();
        }
        int node = free;
        final long[] n = nodes;
        int base = node << 2;
        free = (int) n[base + NEXT];
        long vb = virtualBucket(time);
        n[base + TIME] = Double.doubleToRawLongBits(time);
        n[base + TAG] = tag;
        n[base + VB] = vb;
        link(node, (int) vb & mask, time, tag);
        size++;
        if (vb < current) {
            current = vb;
            minBucket = NIL;
        }
        // Otherwise a known minimum stays valid: an earlier event would share its virtual bucket and, the lists being
        // sorted, have become the head of the same bucket.
        if (size > heads.length >> 1) {
            resize(heads.length << 1);
        }
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
        return Double.longBitsToDouble(nodes[(heads[locateMin()] << 2) + TIME]);
    }

    @Override
    public long minTag() {
        return nodes[(heads[locateMin()] << 2) + TAG];
    }

    @Override
    public long removeMin() {
        int bucket = locateMin();
        final long[] n = nodes;
        int node = heads[bucket];
        int base = node << 2;
        heads[bucket] = (int) n[base + NEXT];
        long tag = n[base + TAG];
        double removedTime = Double.longBitsToDouble(n[base + TIME]);
        n[base + NEXT] = free;
        free = node;
        size--;
        minBucket = NIL;
        if (width.removed(removedTime)) {
            resize(heads.length);
        }
        if (size < heads.length >> 3 && heads.length > MIN_BUCKETS) {
            resize(heads.length >> 1);
        }
        return tag;
    }

    @Override
    public boolean removeFirstMatching(long mask, long value) {
        long wanted = value & mask;
        final long[] n = nodes;
        for (int b = 0; b < heads.length; b++) {
            int prev = NIL;
            for (int node = heads[b]; node != NIL; node = (int) n[(node << 2) + NEXT]) {
                if ((n[(node << 2) + TAG] & mask) == wanted) {
                    int following = (int) n[(node << 2) + NEXT];
                    if (prev == NIL) {
                        heads[b] = following;
                    } else {
                        n[(prev << 2) + NEXT] = following;
                    }
                    n[(node << 2) + NEXT] = free;
                    free = node;
                    size--;
                    minBucket = NIL;
                    return true;
                }
                prev = node;
            }
        }
        return false;
    }

    @Override
    public void clear() {
        Arrays.fill(heads, NIL);
        free = NIL;
        linkFree(0, nodes.length >> 2);
        size = 0;
        current = 0;
        minBucket = NIL;
    }

    /** @return the bucket whose head is the earliest event; the queue must not be empty */
    private int locateMin() {
        if (minBucket != NIL) {
            return minBucket;
        }
        final int[] h = heads;
        final long[] n = nodes;
        final int m = mask;
        long vb = current;
        for (int scanned = 0; scanned <= m; scanned++, vb++) {
            int node = h[(int) vb & m];
            if (node != NIL && n[(node << 2) + VB] == vb) {
                current = vb;
                return minBucket = (int) vb & m;
            }
        }
        return directSearch();
    }

    /** A year passed with nothing due: the earliest head overall is the minimum. */
    private int directSearch() {
        final long[] n = nodes;
        int best = NIL;
        for (int b = 0; b < heads.length; b++) {
            int node = heads[b];
            if (node != NIL && (best == NIL || precedes(node, heads[best]))) {
                best = b;
            }
        }
        current = n[(heads[best] << 2) + VB];
        return minBucket = best;
    }

    private boolean precedes(int a, int b) {
        double ta = Double.longBitsToDouble(nodes[(a << 2) + TIME]);
        double tb = Double.longBitsToDouble(nodes[(b << 2) + TIME]);
        return ta < tb || (ta == tb && nodes[(a << 2) + TAG] < nodes[(b << 2) + TAG]);
    }

    private void link(int node, int bucket, double time, long tag) {
        final long[] n = nodes;
        int prev = NIL;
        int cursor = heads[bucket];
        while (cursor != NIL) {
            int cb = cursor << 2;
            double ct = Double.longBitsToDouble(n[cb + TIME]);
            if (ct > time || (ct == time && n[cb + TAG] > tag)) {
                break;
            }
            prev = cursor;
            cursor = (int) n[cb + NEXT];
        }
        n[(node << 2) + NEXT] = cursor;
        if (prev == NIL) {
            heads[bucket] = node;
        } else {
            n[(prev << 2) + NEXT] = node;
        }
    }

    private long virtualBucket(double time) {
        return width.bucket(time);
    }


    /** Rebuilds the calendar with {@code buckets} buckets and the current width estimate. */
    private void resize(int buckets) {
        width.reestimate();
        int[] oldHeads = heads;
        heads = new int[buckets];
        mask = buckets - 1;
        Arrays.fill(heads, NIL);
        final long[] n = nodes;
        long earliest = Long.MAX_VALUE;
        for (int b = 0; b < oldHeads.length; b++) {
            int node = oldHeads[b];
            while (node != NIL) {
                int base = node << 2;
                int following = (int) n[base + NEXT];
                double time = Double.longBitsToDouble(n[base + TIME]);
                long vb = virtualBucket(time);
                n[base + VB] = vb;
                earliest = Math.min(earliest, vb);
                link(node, (int) vb & mask, time, n[base + TAG]);
                node = following;
            }
        }
        current = size == 0 ? 0 : earliest;
        minBucket = NIL;
    }

    private void growNodes() {
        int old = nodes.length >> 2;
        int capacity = old << 1;
        if (capacity > (1 << 28)) {
            throw new IllegalStateException("event list cannot grow beyond " + old + " events");
        }
        nodes = Arrays.copyOf(nodes, capacity << 2);
        linkFree(old, capacity);
    }

    /** Puts nodes [from, to) on the free list, which must be empty. */
    private void linkFree(int from, int to) {
        for (int i = from; i < to - 1; i++) {
            nodes[(i << 2) + NEXT] = i + 1;
        }
        nodes[((to - 1) << 2) + NEXT] = NIL;
        free = from;
    }
}
