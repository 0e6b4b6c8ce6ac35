package org.bedsim.kernel;

import java.util.Arrays;

/**
 * The default event list: a hashed timing wheel of sorted buckets with an occupancy bitmap, and an overflow list for
 * the far future.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Three places.</b> With bucket width {@code w}, an event's virtual bucket is {@code floor(t / w)}. Events
 *       whose virtual bucket is at most {@code current} form the due list, sorted by (time, tag): its head is the
 *       earliest event. Events in the next {@code B - 1} virtual buckets are in the wheel: bucket {@code vb mod B}, an
 *       unsorted list holding only that virtual bucket, sorted when it becomes due. Later events are in an unsorted
 *       overflow list.</li>
 *   <li><b>Why it is fast.</b> With about two events per bucket, an insertion computes {@code vb}, pushes the node
 *       on its bucket and sets a bit, reading no other node (in a model whose events lie days ahead, the bucket's
 *       other nodes are out of cache: sorting at insertion cost a cache miss per event); a removal pops the due
 *       list's head; when the due list empties, the next occupied bucket is found with the bitmap
 *       ({@code numberOfTrailingZeros}), sorted by insertion (about two nodes, read then anyway) and becomes the due
 *       list whole. Every event is
 *       touched a constant number of times with few unpredictable branches, where a binary heap of 2,000 events takes
 *       eleven per removal. Brown's calendar queue (1988, {@link CalendarQueueEventList}) also buckets by time, but
 *       keeps events of later "years" in them and checks every bucket it scans; the wheel keeps them in the overflow
 *       instead (as Varghese and Lauck's hashed timing wheels, 1987, and the rungs of Tang, Goh and Thng's ladder
 *       queue, 2005). The choice was made by measurement: see {@code EventListBenchmark} and {@code BedPoolBenchmark}
 *       and the README.</li>
 *   <li><b>Overflow.</b> An overflow event is moved into the wheel only when it could be next: the scan stops at the
 *       smallest overflow virtual bucket, and there every overflow event within the new horizon is swept in. After a
 *       sweep the remaining overflow lies at least {@code B} buckets ahead, so each overflow event is examined once
 *       per {@code B} buckets of progress.</li>
 *   <li><b>Tuning.</b> ({@link BucketWidth}) The width is twice the mean gap between successively removed events,
 *       measured over windows of removals (a window's gap sum is the difference of its end times, so nothing is
 *       computed per event); the wheel has two to sixteen buckets per pending event, a horizon of many mean residual
 *       event horizons. It is rebuilt, rarely, when the number of events leaves [B/16, B/2] or the width is off by more
 *       than a factor of two after a window of 2^15 removals.</li>
 *   <li><b>Storage.</b> Nodes are four consecutive longs (time bits, tag, virtual bucket, next) of one array with a
 *       free list; the bitmap is a long array. Nothing is allocated per event once the arrays have grown to their
 *       working size.</li>
 * </ul>
 * Order: by time, then by tag (signed), exactly as {@link BinaryHeapEventList}; tests hold them to the same output.
 * Times must be non-negative and not NaN (+infinity is accepted).
 */
public final class TimingWheelEventList implements EventList {
    private static final int NIL = -1;
    private static final int MIN_BUCKETS = 64;

    private static final int TIME = 0;
    private static final int TAG = 1;
    private static final int VB = 2;
    private static final int NEXT = 3;

    private long[] nodes;
    private int free = NIL;
    private int size;

    /** Sorted list of the events with a virtual bucket at most {@link #current}. */
    private int due = NIL;

    private int[] heads;
    private long[] occupied;
    private int mask;
    private long current;

    private int overflowHead = NIL;
    private long overflowMin = Long.MAX_VALUE;

    private final BucketWidth width = new BucketWidth();

    /** An empty list. */
    public TimingWheelEventList() {
        this(1024);
    }

    /** @param initialCapacity nodes before the first growth */
    public TimingWheelEventList(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        nodes = new long[capacity << 2];
        linkFree(0, capacity);
        allocateWheel(MIN_BUCKETS);
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
        long vb = width.bucket(time);
        n[base + TIME] = Double.doubleToRawLongBits(time);
        n[base + TAG] = tag;
        n[base + VB] = vb;
        place(node, vb);
        if (++size > heads.length >> 1) {
            rebuild(heads.length << 1);
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
        if (due == NIL) {
            advance();
        }
        return Double.longBitsToDouble(nodes[due << 2]);
    }

    @Override
    public long minTag() {
        if (due == NIL) {
            advance();
        }
        return nodes[(due << 2) + TAG];
    }

    @Override
    public long removeMin() {
        if (due == NIL) {
            advance();
        }
        final long[] n = nodes;
        int node = due;
        int base = node << 2;
        due = (int) n[base + NEXT];
        double removedTime = Double.longBitsToDouble(n[base + TIME]);
        long tag = n[base + TAG];
        n[base + NEXT] = free;
        free = node;
        size--;
        if (width.removed(removedTime)) {
            rebuild(heads.length);
        }
        if (size < heads.length >> 4 && heads.length > MIN_BUCKETS) {
            rebuild(heads.length >> 1);
        }
        return tag;
    }

    @Override
    public boolean removeFirstMatching(long tagMask, long value) {
        long wanted = value & tagMask;
        int[] list = {due};
        if (removeFrom(list, tagMask, wanted)) {
            due = list[0];
            return true;
        }
        for (int b = 0; b < heads.length; b++) {
            list[0] = heads[b];
            if (removeFrom(list, tagMask, wanted)) {
                heads[b] = list[0];
                if (list[0] == NIL) {
                    occupied[b >>> 6] &= ~(1L << b);
                }
                return true;
            }
        }
        list[0] = overflowHead;
        if (removeFrom(list, tagMask, wanted)) {
            overflowHead = list[0];
            overflowMin = Long.MAX_VALUE;
            for (int node = overflowHead; node != NIL; node = (int) nodes[(node << 2) + NEXT]) {
                overflowMin = Math.min(overflowMin, nodes[(node << 2) + VB]);
            }
            return true;
        }
        return false;
    }

    @Override
    public void clear() {
        due = NIL;
        overflowHead = NIL;
        overflowMin = Long.MAX_VALUE;
        size = 0;
        current = 0;
        free = NIL;
        linkFree(0, nodes.length >> 2);
        allocateWheel(heads.length);
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** Links a filled node into the due list, the wheel or the overflow, by its virtual bucket. */
    private void place(int node, long vb) {
        if (vb <= current) {
            due = insertSorted(due, node);
        } else if (vb - current <= mask) {
            int b = (int) vb & mask;
            nodes[(node << 2) + NEXT] = heads[b];
            heads[b] = node;
            occupied[b >>> 6] |= 1L << b;
        } else {
            nodes[(node << 2) + NEXT] = overflowHead;
            overflowHead = node;
            if (vb < overflowMin) {
                overflowMin = vb;
            }
        }
    }

    /** @return the new head of the sorted list {@code head} after inserting {@code node} in (time, tag) order */
    private int insertSorted(int head, int node) {
        final long[] n = nodes;
        int base = node << 2;
        double time = Double.longBitsToDouble(n[base + TIME]);
        long tag = n[base + TAG];
        int prev = NIL;
        int cursor = head;
        while (cursor != NIL) {
            int cb = cursor << 2;
            double ct = Double.longBitsToDouble(n[cb + TIME]);
            if (ct > time || (ct == time && n[cb + TAG] > tag)) {
                break;
            }
            prev = cursor;
            cursor = (int) n[cb + NEXT];
        }
        n[base + NEXT] = cursor;
        if (prev == NIL) {
            return node;
        }
        n[(prev << 2) + NEXT] = node;
        return head;
    }

    /** @return the nodes of the unsorted list {@code head} linked in (time, tag) order */
    private int sorted(int head) {
        int result = NIL;
        int node = head;
        while (node != NIL) {
            int following = (int) nodes[(node << 2) + NEXT];
            result = insertSorted(result, node);
            node = following;
        }
        return result;
    }

    /** The due list is empty and the list is not: makes the next occupied bucket (or the overflow) due. */
    private void advance() {
        long next = nextOccupied(current + 1);
        current = Math.min(next, overflowMin);
        if (next == current) {
            int b = (int) current & mask;
            due = sorted(heads[b]);
            heads[b] = NIL;
            occupied[b >>> 6] &= ~(1L << b);
        }
        if (overflowMin == current) {
            sweepOverflow();
        }
    }

    /** @return the smallest virtual bucket in [from, from + B) whose wheel bucket is occupied, or Long.MAX_VALUE */
    private long nextOccupied(long from) {
        final long[] bits = occupied;
        final int words = bits.length;
        int i = (int) from & mask;
        int start = i >>> 6;
        long word = bits[start] & (-1L << i);
        if (word != 0) {
            return hit(from, i, start, word);
        }
        for (int k = 1; k < words; k++) {
            int w = (start + k) & (words - 1);
            if (bits[w] != 0) {
                return hit(from, i, w, bits[w]);
            }
        }
        word = bits[start] & ~(-1L << i);
        if (word != 0) {
            return hit(from, i, start, word);
        }
        return Long.MAX_VALUE;
    }

    private long hit(long from, int fromIndex, int word, long bits) {
        int position = (word << 6) + Long.numberOfTrailingZeros(bits);
        return from + ((position - fromIndex) & mask);
    }

    /** Moves every overflow event now within the horizon into the due list or the wheel. */
    private void sweepOverflow() {
        int node = overflowHead;
        overflowHead = NIL;
        overflowMin = Long.MAX_VALUE;
        while (node != NIL) {
            int following = (int) nodes[(node << 2) + NEXT];
            place(node, nodes[(node << 2) + VB]);
            node = following;
        }
    }

    /** Removes the first node of list {@code head[0]} whose tag matches; updates head[0]. */
    private boolean removeFrom(int[] head, long tagMask, long wanted) {
        final long[] n = nodes;
        int prev = NIL;
        for (int node = head[0]; node != NIL; node = (int) n[(node << 2) + NEXT]) {
            if ((n[(node << 2) + TAG] & tagMask) == wanted) {
                int following = (int) n[(node << 2) + NEXT];
                if (prev == NIL) {
                    head[0] = following;
                } else {
                    n[(prev << 2) + NEXT] = following;
                }
                n[(node << 2) + NEXT] = free;
                free = node;
                size--;
                return true;
            }
            prev = node;
        }
        return false;
    }


    /** Re-places every event with {@code buckets} buckets and the current width estimate. Rare. */
    private void rebuild(int buckets) {
        width.reestimate();
        final long[] n = nodes;
        int all = concat(due, overflowHead);
        for (int b = 0; b < heads.length; b++) {
            all = concat(heads[b], all);
        }
        due = NIL;
        overflowHead = NIL;
        overflowMin = Long.MAX_VALUE;
        allocateWheel(buckets);
        long earliest = Long.MAX_VALUE;
        for (int node = all; node != NIL; node = (int) n[(node << 2) + NEXT]) {
            long vb = width.bucket(Double.longBitsToDouble(n[node << 2]));
            n[(node << 2) + VB] = vb;
            earliest = Math.min(earliest, vb);
        }
        current = earliest == Long.MAX_VALUE ? 0 : earliest;
        int node = all;
        while (node != NIL) {
            int following = (int) n[(node << 2) + NEXT];
            place(node, n[(node << 2) + VB]);
            node = following;
        }
    }

    /** @return list {@code a} followed by list {@code b} */
    private int concat(int a, int b) {
        if (a == NIL) {
            return b;
        }
        int tail = a;
        while (nodes[(tail << 2) + NEXT] != NIL) {
            tail = (int) nodes[(tail << 2) + NEXT];
        }
        nodes[(tail << 2) + NEXT] = b;
        return a;
    }

    private void allocateWheel(int buckets) {
        heads = new int[buckets];
        Arrays.fill(heads, NIL);
        occupied = new long[buckets >>> 6];
        mask = buckets - 1;
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

    /** Puts nodes [from, to) on the free list, in front of what it holds. */
    private void linkFree(int from, int to) {
        for (int i = from; i < to - 1; i++) {
            nodes[(i << 2) + NEXT] = i + 1;
        }
        nodes[((to - 1) << 2) + NEXT] = free;
        free = from;
    }
}
