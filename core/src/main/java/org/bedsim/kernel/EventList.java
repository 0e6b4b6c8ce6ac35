package org.bedsim.kernel;

/**
 * A priority queue of pending events on primitive storage. An event is a time (in days) and a 64-bit tag; the
 * list orders events by time and then by tag. The {@link Simulator} puts an insertion sequence number in the high
 * bits of the tag, so equal times resolve first-scheduled first, deterministically.
 *
 * <p>Implementations must not allocate per operation once their arrays have grown to the working size.
 */
public interface EventList {
    /** Adds an event. */
    void insert(double time, long tag);

    /** @return true if no event is pending */
    boolean isEmpty();

    /** @return the number of pending events */
    int size();

    /** @return the time of the first event; undefined when empty */
    double minTime();

    /** @return the tag of the first event; undefined when empty */
    long minTag();

    /**
     * Removes the first event. The list must not be empty.
     *
     * @return the removed event's tag
     */
    long removeMin();

    /**
     * Removes the pending event whose tag satisfies {@code (tag & mask) == (value & mask)}, if any. Linear in the
     * number of pending events: meant for the rare cancellation, never for the hot loop.
     *
     * @return true if an event was removed
     */
    boolean removeFirstMatching(long mask, long value);

    /** Removes every pending event. */
    void clear();
}
