package org.bedsim.kernel;

import java.util.Arrays;

/**
 * The default event list: a hashed timing wheel with unsorted buckets, an occupancy bitmap, a small heap for the
 * events now due, and an overflow list for the far future.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Three places.</b> With bucket width {@code w}, an event's virtual bucket is {@code floor(t / w)}. Events
 *       whose virtual bucket is at most {@code current} are in a binary heap ordered by (time, tag): the heap's top is
 *       the earliest event. Events in the next {@code B - 1} virtual buckets are in the wheel: bucket
 *       {@code vb mod B}, an unsorted singly linked list. Later events are in an unsorted overflow list.</li>
 *   <li><b>Why it is fast.</b> An insertion computes {@code vb}, pushes a node on the front of a list and sets a bit:
 *       no comparisons with other events and no walking. A removal pops the heap, which holds the one or two events
 *       of the current bucket; when it empties, the next occupied bucket is found with the bitmap
 *       ({@code numberOfTrailingZeros}) and its few events are heaped. Every event is therefore touched a constant
 *       number of times, with few unpredictable branches; a binary heap of 2,000 events costs eleven of them per
 *       removal. The ideas are those of Varghese and Lauck's hashed timing wheels (1987) and the bottom rung of Tang,
 *       Goh and Thng's ladder queue (2005); Brown's calendar queue (1988, {@link CalendarQueueEventList}) keeps its
 *       buckets sorted instead, which costs a comparison walk per insertion. The choice was made by measurement: see
 *       {@code EventListBenchmark} and {@code BedPoolBenchmark} and the README.</li>
 *   <li><b>Overflow.</b> An overflow event is moved into the wheel only when it could be next: the wheel's scan stops
 *       at the smallest overflow virtual bucket, and at that point every overflow event within the new horizon is
 *       swept in. After a sweep the remaining overflow lies at least {@code B} buckets ahead, so each overflow event
 *       is examined once per {@code B} buckets of progress.</li>
 *   <li><b>Tuning.</b> The width is twice the mean gap between successively removed events (about two events per
 *       bucket), measured over windows of removals (a window's gap sum is the difference of its end times, so nothing
 *       is computed per event); the wheel has about eight buckets per pending event, a horizon of some sixteen mean
 *       residual event horizons. The wheel is rebuilt, rarely, when the number of events leaves [B/32, B/4] or the
 *       width is off by more than a factor of two after a window of 2^15 removals.</li>
 *   <li><b>Storage.</b> List nodes are four consecutive longs (time bits, tag, virtual bucket, next) of one array
 *       with a free list; the heap is two parallel primitive arrays; the bitmap is a long array. Nothing is allocated
 *       per event once the arrays have grown to the working size.</li>
 * </ul>
 * Order: by time, then by tag (signed), exactly as {@link BinaryHeapEventList}; tests hold them to the same output.
 * Times must be non-negative and not NaN (+infinity is accepted).
 */
public final class TimingWheelEventList implements EventList {
    private static final int NIL = -1;
    private static final int MIN_BUCKETS = 64;
    private static final int CHECK_INTERVAL = 1 << 15;
    private static final double WIDTH_IN_GAPS = 2.0;

    private static final int TIME = 0;
    private static final int TAG = 1;
    private static final int VB = 2;
    private static final int NEXT = 3;

    // list nodes (wheel and overflow)
    private long[] nodes;
    private int free = NIL;

    // due events: a binary heap
    private double[] heapTimes = new double[64];
    private long[] heapTags = new long[64];
    private int heapSize;

    // wheel
    private int[] heads;
    private long[] occupied;
    private int mask;
    private double inverseWidth = 1.0;
    /** The current virtual bucket: every event with a smaller or equal one is in the heap. */
    private long current;

    // overflow
    private int overflowHead = NIL;
    private long overflowMin = Long.MAX_VALUE;

    private int size;

    // width estimation from removal times
    private double lastRemovedTime;
    private double windowStartTime;
    private int removalsInWindow;
    private double meanGap;

    /** An empty list. */
    public TimingWheelEventList() {
        this(1024);
    }

    /** @param initialCapacity list nodes before the first growth */
    public TimingWheelEventList(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        nodes = new long[capacity << 2];
        linkFree(0, capacity);
        allocateWheel(MIN_BUCKETS);
    }

    @Override
    public void insert(double time, long tag) {
        place(time, tag, virtualBucket(time));
        size++;
        if (size > heads.length >> 2) {
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
        if (heapSize == 0) {
            advance();
        }
        return heapTimes[0];
    }

    @Override
    public long minTag() {
        if (heapSize == 0) {
            advance();
        }
        return heapTags[0];
    }

    @Override
    public void removeMin() {
        if (heapSize == 0) {
            advance();
        }
        lastRemovedTime = heapTimes[0];
        int last = --heapSize;
        if (last > 0) {
            heapSiftDown(0, heapTimes[last], heapTags[last]);
        }
        size--;
        if (++removalsInWindow == CHECK_INTERVAL) {
            checkWidth();
        }
        if (size < heads.length >> 5 && heads.length > MIN_BUCKETS) {
            rebuild(heads.length >> 1);
        }
    }

    @Override
    public void replaceMin(double time, long tag) {
        removeMin();
        insert(time, tag);
    }

    @Override
    public boolean removeFirstMatching(long tagMask, long value) {
        long wanted = value & tagMask;
        for (int i = 0; i < heapSize; i++) {
            if ((heapTags[i] & tagMask) == wanted) {
                int last = --heapSize;
                if (i != last) {
                    double t = heapTimes[last];
                    long g = heapTags[last];
                    int parent = (i - 1) >>> 1;
                    if (i > 0 && precedes(t, g, heapTimes[parent], heapTags[parent])) {
                        heapSiftUp(i, t, g);
                    } else {
                        heapSiftDown(i, t, g);
                    }
                }
                size--;
                return true;
            }
        }
        for (int b = 0; b < heads.length; b++) {
            int removed = unlinkMatching(heads[b], tagMask, wanted);
            if (removed != NIL) {
                if (removed == heads[b]) {
                    heads[b] = (int) nodes[(removed << 2) + NEXT];
                    if (heads[b] == NIL) {
                        occupied[b >>> 6] &= ~(1L << b);
                    }
                }
                release(removed);
                return true;
            }
        }
        int removed = unlinkMatching(overflowHead, tagMask, wanted);
        if (removed != NIL) {
            if (removed == overflowHead) {
                overflowHead = (int) nodes[(removed << 2) + NEXT];
            }
            release(removed);
            recomputeOverflowMin();
            return true;
        }
        return false;
    }

    @Override
    public void clear() {
        heapSize = 0;
        overflowHead = NIL;
        overflowMin = Long.MAX_VALUE;
        size = 0;
        current = 0;
        free = NIL;
        linkFree(0, nodes.length >> 2);
        allocateWheel(heads.length);
    }

    // ----------------------------------------------------------------------------------------------------------------

    private long virtualBucket(double time) {
        return (long) (time * inverseWidth);
    }

    /** Puts an event in the heap, the wheel or the overflow, according to its virtual bucket. Size is not changed. */
    private void place(double time, long tag, long vb) {
        if (vb <= current) {
            heapPush(time, tag);
            return;
        }
        int node = allocate(time, tag, vb);
        if (vb - current <= mask) {
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

    /** The heap is empty and the list is not: moves the next occupied bucket (or overflow) into the heap. */
    private void advance() {
        long next = nextOccupied(current + 1);
        if (overflowMin <= next) {
            current = overflowMin;
            sweepOverflow();
        } else {
            current = next;
        }
        int b = (int) current & mask;
        int node = heads[b];
        if (node != NIL) {
            heads[b] = NIL;
            occupied[b >>> 6] &= ~(1L << b);
            final long[] n = nodes;
            while (node != NIL) {
                int base = node << 2;
                int following = (int) n[base + NEXT];
                heapPush(Double.longBitsToDouble(n[base + TIME]), n[base + TAG]);
                n[base + NEXT] = free;
                free = node;
                node = following;
            }
        }
    }

    /**
     * @return the smallest virtual bucket in [from, from + B) whose wheel bucket is occupied, or Long.MAX_VALUE
     */
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

    /** Moves every overflow event now within the horizon into the wheel (or the heap). */
    private void sweepOverflow() {
        final long[] n = nodes;
        int node = overflowHead;
        overflowHead = NIL;
        overflowMin = Long.MAX_VALUE;
        while (node != NIL) {
            int base = node << 2;
            int following = (int) n[base + NEXT];
            long vb = n[base + VB];
            if (vb <= current) {
                heapPush(Double.longBitsToDouble(n[base + TIME]), n[base + TAG]);
                n[base + NEXT] = free;
                free = node;
            } else if (vb - current <= mask) {
                int b = (int) vb & mask;
                n[base + NEXT] = heads[b];
                heads[b] = node;
                occupied[b >>> 6] |= 1L << b;
            } else {
                n[base + NEXT] = overflowHead;
                overflowHead = node;
                if (vb < overflowMin) {
                    overflowMin = vb;
                }
            }
            node = following;
        }
    }

    private void recomputeOverflowMin() {
        overflowMin = Long.MAX_VALUE;
        for (int node = overflowHead; node != NIL; node = (int) nodes[(node << 2) + NEXT]) {
            overflowMin = Math.min(overflowMin, nodes[(node << 2) + VB]);
        }
    }

    /** Finds a matching node in a list and unlinks it unless it is the head; returns it, or NIL. */
    private int unlinkMatching(int head, long tagMask, long wanted) {
        final long[] n = nodes;
        int prev = NIL;
        for (int node = head; node != NIL; node = (int) n[(node << 2) + NEXT]) {
            if ((n[(node << 2) + TAG] & tagMask) == wanted) {
                if (prev != NIL) {
                    n[(prev << 2) + NEXT] = n[(node << 2) + NEXT];
                }
                return node;
            }
            prev = node;
        }
        return NIL;
    }

    private void release(int node) {
        nodes[(node << 2) + NEXT] = free;
        free = node;
        size--;
    }

    private int allocate(double time, long tag, long vb) {
        if (free == NIL) {
            growNodes();
        }
        int node = free;
        int base = node << 2;
        free = (int) nodes[base + NEXT];
        nodes[base + TIME] = Double.doubleToRawLongBits(time);
        nodes[base + TAG] = tag;
        nodes[base + VB] = vb;
        return node;
    }

    /** Closes a window of removals: updates the mean gap and rebuilds the wheel if the width is far off. */
    private void checkWidth() {
        double gap = Math.max(0.0, lastRemovedTime - windowStartTime) / removalsInWindow;
        windowStartTime = lastRemovedTime;
        removalsInWindow = 0;
        if (gap > 0 && gap < Double.POSITIVE_INFINITY) {
            meanGap = gap;
            double ratio = WIDTH_IN_GAPS * gap * inverseWidth;
            if (ratio > 2 || ratio < 0.5) {
                rebuild(heads.length);
            }
        }
    }

    /** Re-places every event with {@code buckets} buckets and the current width estimate. Rare. */
    private void rebuild(int buckets) {
        double gap = removalsInWindow >= 64
                ? Math.max(0.0, lastRemovedTime - windowStartTime) / removalsInWindow
                : meanGap;
        if (gap > 0 && gap < Double.POSITIVE_INFINITY) {
            inverseWidth = 1.0 / (WIDTH_IN_GAPS * gap);
        }
        // gather every event into one node list
        int all = overflowHead;
        for (int b = 0; b < heads.length; b++) {
            int node = heads[b];
            while (node != NIL) {
                int following = (int) nodes[(node << 2) + NEXT];
                nodes[(node << 2) + NEXT] = all;
                all = node;
                node = following;
            }
        }
        for (int i = 0; i < heapSize; i++) {
            int node = allocate(heapTimes[i], heapTags[i], 0);
            nodes[(node << 2) + NEXT] = all;
            all = node;
        }
        heapSize = 0;
        overflowHead = NIL;
        overflowMin = Long.MAX_VALUE;
        allocateWheel(buckets);
        // the new current bucket is the earliest event's
        long earliest = Long.MAX_VALUE;
        for (int node = all; node != NIL; node = (int) nodes[(node << 2) + NEXT]) {
            long vb = virtualBucket(Double.longBitsToDouble(nodes[(node << 2) + TIME]));
            nodes[(node << 2) + VB] = vb;
            earliest = Math.min(earliest, vb);
        }
        current = earliest == Long.MAX_VALUE ? 0 : earliest;
        int node = all;
        while (node != NIL) {
            int base = node << 2;
            int following = (int) nodes[base + NEXT];
            nodes[base + NEXT] = free;
            free = node;
            place(Double.longBitsToDouble(nodes[base + TIME]), nodes[base + TAG], nodes[base + VB]);
            node = following;
        }
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

    // ---- the heap of due events -------------------------------------------------------------------------------------

    private static boolean precedes(double at, long ag, double bt, long bg) {
        return at < bt || (at == bt && ag < bg);
    }

    private void heapPush(double time, long tag) {
        if (heapSize == heapTimes.length) {
            heapTimes = Arrays.copyOf(heapTimes, heapSize << 1);
            heapTags = Arrays.copyOf(heapTags, heapSize << 1);
        }
        heapSiftUp(heapSize++, time, tag);
    }

    private void heapSiftUp(int index, double time, long tag) {
        final double[] t = heapTimes;
        final long[] g = heapTags;
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!precedes(time, tag, t[parent], g[parent])) {
                break;
            }
            t[i] = t[parent];
            g[i] = g[parent];
            i = parent;
        }
        t[i] = time;
        g[i] = tag;
    }

    private void heapSiftDown(int index, double time, long tag) {
        final double[] t = heapTimes;
        final long[] g = heapTags;
        final int n = heapSize;
        int i = index;
        while (true) {
            int child = (i << 1) + 1;
            if (child >= n) {
                break;
            }
            int right = child + 1;
            if (right < n && precedes(t[right], g[right], t[child], g[child])) {
                child = right;
            }
            if (!precedes(t[child], g[child], time, tag)) {
                break;
            }
            t[i] = t[child];
            g[i] = g[child];
            i = child;
        }
        t[i] = time;
        g[i] = tag;
    }
}
