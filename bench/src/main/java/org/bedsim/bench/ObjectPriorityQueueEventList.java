package org.bedsim.bench;

import java.util.PriorityQueue;
import org.bedsim.kernel.EventList;

/**
 * The reference for speed comparisons: a {@code java.util.PriorityQueue} of event objects, one allocated per
 * insertion, as a straightforward Java simulation would write it. Never used by bedsim's models.
 */
public final class ObjectPriorityQueueEventList implements EventList {
    private static final class Event implements Comparable<Event> {
        final double time;
        final long tag;

        Event(double time, long tag) {
            this.time = time;
            this.tag = tag;
        }

        @Override
        public int compareTo(Event o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(tag, o.tag);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>(1024);

    @Override
    public void insert(double time, long tag) {
        queue.add(new Event(time, tag));
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public double minTime() {
        return queue.peek().time;
    }

    @Override
    public long minTag() {
        return queue.peek().tag;
    }

    @Override
    public long removeMin() {
        return queue.poll().tag;
    }

    @Override
    public boolean removeFirstMatching(long mask, long value) {
        return queue.removeIf(e -> (e.tag & mask) == (value & mask));
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
