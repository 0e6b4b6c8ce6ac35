package org.bedsim.kernel;

/**
 * The bucket width of a bucketed event list ({@link TimingWheelEventList}, {@link CalendarQueueEventList}): twice the
 * mean gap between successively removed events, so that a bucket holds about two events.
 *
 * <p>Implementation notes. The gaps are measured over windows of 2^15 removals; a window's gap sum is the difference
 * of its end times, so a removal costs one store and one increment. When a window closes with the width off by more
 * than a factor of two, {@link #removed} says so and the list rebuilds, calling {@link #reestimate} first. The width
 * starts at one day.
 */
final class BucketWidth {
    private static final int CHECK_INTERVAL = 1 << 15;
    private static final double WIDTH_IN_GAPS = 2.0;

    private double inverse = 1.0;
    private double lastRemoved;
    private double windowStart;
    private int removals;
    private double meanGap;

    /** @return the virtual bucket of a time: floor(time / width) */
    long bucket(double time) {
        return (long) (time * inverse);
    }

    /**
     * Records a removal.
     *
     * @return true when a window has just closed with the width off by more than a factor of two: rebuild
     */
    boolean removed(double time) {
        lastRemoved = time;
        if (++removals < CHECK_INTERVAL) {
            return false;
        }
        double gap = Math.max(0.0, lastRemoved - windowStart) / removals;
        windowStart = lastRemoved;
        removals = 0;
        if (gap > 0 && gap < Double.POSITIVE_INFINITY) {
            meanGap = gap;
            double ratio = WIDTH_IN_GAPS * gap * inverse;
            return ratio > 2 || ratio < 0.5;
        }
        return false;
    }

    /** Sets the width from the latest gaps (the open window's if it has 64 removals, else the last closed one's). */
    void reestimate() {
        double gap = removals >= 64 ? Math.max(0.0, lastRemoved - windowStart) / removals : meanGap;
        if (gap > 0 && gap < Double.POSITIVE_INFINITY) {
            inverse = 1.0 / (WIDTH_IN_GAPS * gap);
        }
    }
}
