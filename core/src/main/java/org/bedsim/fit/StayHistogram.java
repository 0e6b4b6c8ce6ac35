package org.bedsim.fit;

/**
 * Lengths of stay, complete or right-censored, kept in fine logarithmic bins so that memory does not grow with the
 * number of stays.
 *
 * <p>Implementation notes. 1,200 bins span 0.001 to 100,000 days, each 1.5 % wide; a bin keeps its count and the sum
 * of its values for complete stays and for censored ones (a stay still open when the extract ends, known only to
 * exceed its observed length). Likelihoods evaluate each bin at the mean of its values, an error below 0.8 % of a
 * stay, far inside any interval a real extract gives. Stays under 0.001 days fall in the first bin.
 */
public final class StayHistogram {
    static final int BINS = 1200;
    static final double LOW = 1e-3;
    static final double HIGH = 1e5;
    private static final double LOG_LOW = Math.log(LOW);
    private static final double PER_LOG = BINS / (Math.log(HIGH) - LOG_LOW);

    private final long[] events = new long[BINS];
    private final double[] eventSum = new double[BINS];
    private final long[] censored = new long[BINS];
    private final double[] censoredSum = new double[BINS];
    private long eventCount;
    private long censoredCount;
    private double total;

    /** Adds a complete stay of {@code days} (&gt;= 0). */
    public void add(double days) {
        int b = bin(days);
        events[b]++;
        eventSum[b] += days;
        eventCount++;
        total += days;
    }

    /** Adds a stay still open after {@code days}. */
    public void addCensored(double days) {
        int b = bin(days);
        censored[b]++;
        censoredSum[b] += days;
        censoredCount++;
        total += days;
    }

    /** Adds every stay of {@code other}. */
    public void addAll(StayHistogram other) {
        for (int b = 0; b < BINS; b++) {
            events[b] += other.events[b];
            eventSum[b] += other.eventSum[b];
            censored[b] += other.censored[b];
            censoredSum[b] += other.censoredSum[b];
        }
        eventCount += other.eventCount;
        censoredCount += other.censoredCount;
        total += other.total;
    }

    /** @return the complete stays only: what a naive fit that drops the open stays sees */
    public StayHistogram completeOnly() {
        StayHistogram h = new StayHistogram();
        System.arraycopy(events, 0, h.events, 0, BINS);
        System.arraycopy(eventSum, 0, h.eventSum, 0, BINS);
        h.eventCount = eventCount;
        for (int b = 0; b < BINS; b++) {
            h.total += eventSum[b];
        }
        return h;
    }

    private static int bin(double days) {
        if (!(days >= 0) || Double.isInfinite(days)) {
            throw new IllegalArgumentException("a stay must be a finite number of days >= 0, was " + days);
        }
        if (days <= LOW) {
            return 0;
        }
        return Math.min(BINS - 1, (int) ((Math.log(days) - LOG_LOW) * PER_LOG));
    }

    /** @return complete stays */
    public long events() {
        return eventCount;
    }

    /** @return censored stays */
    public long censoredCount() {
        return censoredCount;
    }

    /** @return every stay's observed days, complete or not, added up */
    public double totalDays() {
        return total;
    }

    /** The compact form the fits use: distinct points with their complete and censored counts, in order. */
    Points points() {
        int n = 0;
        for (int b = 0; b < BINS; b++) {
            n += (events[b] > 0 ? 1 : 0) + (censored[b] > 0 ? 1 : 0);
        }
        double[] x = new double[n];
        long[] d = new long[n];
        long[] c = new long[n];
        int i = 0;
        for (int b = 0; b < BINS; b++) {
            // within a bin, complete stays first: a tie counts the event before the censoring (Kaplan-Meier's rule)
            if (events[b] > 0) {
                x[i] = Math.max(eventSum[b] / events[b], LOW / 2);
                d[i++] = events[b];
            }
            if (censored[b] > 0) {
                x[i] = Math.max(censoredSum[b] / censored[b], LOW / 2);
                c[i++] = censored[b];
            }
        }
        return new Points(x, d, c);
    }

    /** Distinct stay lengths, with complete ({@code d}) and censored ({@code c}) counts. */
    record Points(double[] x, long[] d, long[] c) {
    }
}
