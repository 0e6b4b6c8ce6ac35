package org.bedsim.stats;

import java.util.Arrays;

/**
 * The distribution of an integer occupancy level: how much time (or how much weight) was spent at 0, 1, 2, ...
 * occupied beds. Bed requirements are read from it: {@code quantile(0.95)} beds would have been enough 95 % of the
 * time, and {@code probabilityAbove(c)} is the fraction of time {@code c} beds would have been too few.
 *
 * <p><b>Implementation notes.</b> One {@code double} bin per level, indexed by the level itself; an update adds the
 * time since the previous update to the bin of the level that was in force. That is one array store, one
 * subtraction and two predictable comparisons per event, and nothing is allocated. The array is sized from
 * {@code expectedMaxLevel} at construction and doubles (at least) only when a level beyond its end is first
 * reached, so a run allocates O(log(maxLevel)) times at most and never once the maximum has been seen. Queries
 * ({@link #quantile}, {@link #mean()}, ...) scan the bins and cost O(maxLevel); they are meant for the end of a run.
 * A histogram rather than a running mean and variance is kept because bed planning needs the upper tail of the
 * distribution, not just its moments.
 *
 * <p><b>Two uses, one class.</b>
 * <ul>
 *   <li><i>Time-weighted</i> (the constructor): the histogram follows a level path with {@link #update(double, int)}.
 *       Bins hold days.</li>
 *   <li><i>Count-based</i> ({@link #forCounts(int)}): there is no level path; {@link #add(int, double)} adds weight
 *       to a level, e.g. weight 1 at the midnight census level once a day. Bins hold weights, and {@code totalTime}
 *       and {@code timeAt} read as total weight and weight at a level. Such a histogram has no clock, so
 *       {@code update} and {@code close} throw {@link IllegalStateException}.</li>
 * </ul>
 * {@code add} also works on a time-weighted histogram (it is how a hand-made distribution is built), but mixing
 * days and counts in one histogram is meaningless.
 *
 * <p><b>What the results describe.</b> A time-weighted histogram accumulates lazily: the time since the last
 * update has not yet been given to any bin. Every accessor describes exactly the period {@code [startTime(),
 * lastTime()]}, where {@code lastTime()} is the time of the last {@code update} or {@code close}. To read results
 * up to {@code now}, call {@link #close(double) close(now)} first. {@code close} is not terminal: it is an update
 * that keeps the level, so calling it twice with the same time changes nothing, and updates may follow it.
 * For a count-based histogram the accessors always describe every weight added.
 *
 * <p><b>Warm-up reset.</b> {@link #reset(double)} at time {@code t} discards everything before {@code t} and starts
 * a new period at {@code t} whose starting level is the level in force at {@code t}, the same meaning as
 * {@link TimeWeighted#reset(double)}. On a count-based histogram it discards every weight added so far.
 *
 * <p><b>Edges.</b> An empty histogram (no time, no weight) has {@code totalTime() == 0}, {@code maxLevel() == -1},
 * {@code toFractions()} of length 0, NaN for {@code fractionAt}, {@code mean}, {@code variance} and
 * {@code probabilityAbove}, and {@code quantile} throws {@link IllegalStateException}: there is no honest integer
 * to return. Levels never visited have time 0; negative levels are rejected on input and have time 0 on output.
 *
 * <p>Not thread-safe.
 */
public final class OccupancyHistogram {
    private final boolean timed;
    private double[] bins;
    private int level;
    private double startTime;
    /** Time up to which the bins are accumulated; NaN for a count-based histogram, so every update is refused. */
    private double lastTime;

    /**
     * Creates a time-weighted histogram whose level path starts at {@code startTime} with {@code initialLevel}.
     *
     * @param startTime        the start of the observation period, in days; finite
     * @param initialLevel     the level in force from {@code startTime} on; at least 0
     * @param expectedMaxLevel the highest level expected, used to size the bins (they grow if it is exceeded);
     *                         at least 0
     */
    public OccupancyHistogram(double startTime, int initialLevel, int expectedMaxLevel) {
        this(true, requireFinite(startTime), initialLevel, expectedMaxLevel);
    }

    private OccupancyHistogram(boolean timed, double startTime, int initialLevel, int expectedMaxLevel) {
        if (expectedMaxLevel < 0) {
            throw new IllegalArgumentException("expectedMaxLevel must be at least 0, was " + expectedMaxLevel);
        }
        if (initialLevel < 0) {
            throw negativeLevel(initialLevel);
        }
        this.timed = timed;
        this.bins = new double[Math.max(expectedMaxLevel, initialLevel) + 1];
        this.level = initialLevel;
        this.startTime = startTime;
        this.lastTime = startTime;
    }

    /**
     * Creates a count-based histogram (no level path, no clock), filled with {@link #add(int, double)}.
     *
     * @param expectedMaxLevel the highest level expected, used to size the bins; at least 0
     * @return an empty count-based histogram
     */
    public static OccupancyHistogram forCounts(int expectedMaxLevel) {
        return new OccupancyHistogram(false, Double.NaN, 0, expectedMaxLevel);
    }

    /**
     * Gives the time since the last update to the level that was in force, then sets the level to
     * {@code newLevel}. O(1); allocates only when {@code newLevel} is beyond every level seen so far.
     *
     * @param time     the time of the change, in days; not before the last update
     * @param newLevel the level from {@code time} on; at least 0
     * @throws IllegalArgumentException if time goes backwards or is NaN, or {@code newLevel} is negative
     * @throws IllegalStateException    on a count-based histogram
     */
    public void update(double time, int newLevel) {
        if (!(time >= lastTime)) {
            throw refuseTime(time);
        }
        if (newLevel >= bins.length || newLevel < 0) {
            ensureLevel(newLevel);
        }
        bins[level] += time - lastTime;
        lastTime = time;
        level = newLevel;
    }

    /**
     * Accumulates up to {@code time} without changing the level, so that the accessors describe
     * {@code [startTime(), time]}. Idempotent for the same time; updates may follow.
     *
     * @param time the time to accumulate up to, in days; not before the last update
     * @throws IllegalArgumentException if time goes backwards or is NaN
     * @throws IllegalStateException    on a count-based histogram
     */
    public void close(double time) {
        update(time, level);
    }

    /**
     * Adds {@code weight} to the bin of {@code level}, e.g. weight 1 at the midnight census level. O(1);
     * allocates only when {@code level} is beyond every level seen so far.
     *
     * @param level  the level; at least 0
     * @param weight the weight to add; finite and at least 0
     * @throws IllegalArgumentException if {@code level} is negative or {@code weight} is negative or not finite
     */
    public void add(int level, double weight) {
        if (!(weight >= 0.0 && weight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("weight must be finite and at least 0, was " + weight);
        }
        if (level >= bins.length || level < 0) {
            ensureLevel(level);
        }
        bins[level] += weight;
    }

    /**
     * Warm-up reset: discards everything before {@code time} and starts a new period at {@code time} with the
     * current level as its starting level. On a count-based histogram, discards every weight (time is not used).
     *
     * @param time the start of the new period, in days; not before the last update
     * @throws IllegalArgumentException if time goes backwards or is NaN (time-weighted histogram)
     */
    public void reset(double time) {
        if (timed) {
            if (!(time >= lastTime)) {
                throw Checks.timeWentBack(time, lastTime);
            }
            startTime = time;
            lastTime = time;
        }
        Arrays.fill(bins, 0.0);
    }

    /**
     * Adds the accumulated bins of {@code other} to this histogram (pooling replications). The level, start time
     * and last time of this histogram are unchanged. Only what {@code other} has accumulated is pooled: close
     * both histograms at the end of their runs first.
     *
     * @param other a histogram of the same kind (time-weighted or count-based); not changed
     * @throws IllegalArgumentException if one histogram is time-weighted and the other count-based
     */
    public void merge(OccupancyHistogram other) {
        if (other.timed != timed) {
            throw new IllegalArgumentException("cannot merge a time-weighted and a count-based histogram");
        }
        double[] theirs = other.bins;
        int top = other.maxLevel();
        if (top >= bins.length) {
            ensureLevel(top);
        }
        for (int i = 0; i <= top; i++) {
            bins[i] += theirs[i];
        }
    }

    /** @return true for a time-weighted histogram, false for a count-based one */
    public boolean isTimeWeighted() {
        return timed;
    }

    /** @return the level in force (time-weighted), 0 for a count-based histogram */
    public int current() {
        return level;
    }

    /** @return the start of the current observation period, in days (NaN for a count-based histogram) */
    public double startTime() {
        return startTime;
    }

    /** @return the time up to which the bins are accumulated, in days (NaN for a count-based histogram) */
    public double lastTime() {
        return lastTime;
    }

    /** @return the total time in all bins, in days (total weight for a count-based histogram); 0 when empty */
    public double totalTime() {
        double total = 0.0;
        for (double b : bins) {
            total += b;
        }
        return total;
    }

    /**
     * @param level any level
     * @return the time (weight) accumulated at {@code level}; 0 for levels never visited and for negative levels
     */
    public double timeAt(int level) {
        return level >= 0 && level < bins.length ? bins[level] : 0.0;
    }

    /**
     * @param level any level
     * @return the fraction of the total at {@code level}, P(occupancy = level); NaN when empty
     */
    public double fractionAt(int level) {
        return timeAt(level) / totalTime();
    }

    /** @return the highest level with positive time (weight), or -1 when empty */
    public int maxLevel() {
        for (int i = bins.length - 1; i >= 0; i--) {
            if (bins[i] > 0.0) {
                return i;
            }
        }
        return -1;
    }

    /** @return the time-weighted (or weighted) mean level; NaN when empty */
    public double mean() {
        double total = 0.0;
        double moment = 0.0;
        for (int i = 0; i < bins.length; i++) {
            total += bins[i];
            moment += i * bins[i];
        }
        return moment / total;
    }

    /**
     * @return the variance of the level under this distribution, {@code sum((i - mean)^2 w_i) / sum(w_i)}: a
     *         population variance (divisor total time), not a sample variance; NaN when empty
     */
    public double variance() {
        double mean = mean();
        double total = 0.0;
        double sq = 0.0;
        for (int i = 0; i < bins.length; i++) {
            double d = i - mean;
            total += bins[i];
            sq += d * d * bins[i];
        }
        return sq / total;
    }

    /**
     * @param c a number of beds (any integer)
     * @return P(occupancy &gt; c), the fraction of time {@code c} beds would have been too few: 1 for {@code c < 0},
     *         0 for {@code c >= maxLevel()}; NaN when empty
     */
    public double probabilityAbove(int c) {
        double total = totalTime();
        int from = c < 0 ? 0 : (c >= bins.length ? bins.length : c + 1);
        double above = 0.0;
        for (int i = from; i < bins.length; i++) {
            above += bins[i];
        }
        // for c < 0 the sum is the total, added in the same order, so exactly 1; min guards rounding elsewhere
        return Math.min(1.0, above / total);
    }

    /**
     * The smallest level {@code c} in {@code 0, 1, 2, ...} with P(occupancy &lt;= c) &gt;= p. Hence
     * {@code quantile(0) == 0} (levels are non-negative) and {@code quantile(1) == maxLevel()}. The comparison is
     * made on cumulative time, {@code sum(w_0..w_c) >= p * totalTime()}, in floating point.
     *
     * @param p a probability in [0, 1]
     * @return the p-quantile of the level
     * @throws IllegalArgumentException if p is not in [0, 1]
     * @throws IllegalStateException    when empty
     */
    public int quantile(double p) {
        Checks.requireProbability(p);
        int top = maxLevel();
        if (top < 0) {
            throw new IllegalStateException("quantile of an empty histogram");
        }
        if (p == 1.0) {
            return top;
        }
        double target = p * totalTime();
        double cumulative = 0.0;
        for (int c = 0; c < top; c++) {
            cumulative += bins[c];
            if (cumulative >= target) {
                return c;
            }
        }
        return top;
    }

    /** @return a new array of length {@code maxLevel() + 1} with P(occupancy = i) at index i; empty when empty */
    public double[] toFractions() {
        double total = totalTime();
        double[] fractions = new double[maxLevel() + 1];
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] = bins[i] / total;
        }
        return fractions;
    }

    private RuntimeException refuseTime(double time) {
        if (!timed) {
            return new IllegalStateException("a count-based histogram has no clock: use add(level, weight)");
        }
        return Checks.timeWentBack(time, lastTime);
    }

    /** Cold path: rejects a negative level or grows the bins (at least doubling) to hold {@code newLevel}. */
    private void ensureLevel(int newLevel) {
        if (newLevel < 0) {
            throw negativeLevel(newLevel);
        }
        if (newLevel >= bins.length) {
            long doubled = 2L * bins.length;
            int length = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(doubled, newLevel + 1L));
            if (length <= newLevel) {
                throw new IllegalArgumentException("level too large: " + newLevel);
            }
            bins = Arrays.copyOf(bins, length);
        }
    }

    private static double requireFinite(double startTime) {
        if (!Double.isFinite(startTime)) {
            throw new IllegalArgumentException("startTime must be finite, was " + startTime);
        }
        return startTime;
    }

    private static IllegalArgumentException negativeLevel(int level) {
        return new IllegalArgumentException("level must be at least 0, was " + level);
    }
}
