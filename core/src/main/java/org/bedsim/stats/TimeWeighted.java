package org.bedsim.stats;

/**
 * Time-weighted statistics of a piecewise-constant level, such as the number of occupied beds on a ward.
 *
 * <p><b>Implementation notes.</b> The level is a step function of time. Between two updates it is constant, so the
 * area under it grows by {@code level * (time - lastTime)} at each update; the time-average over the observation
 * period {@code [startTime, now]} is {@code area(now) / (now - startTime)}. This is the classic "accumulate"
 * collector of discrete-event simulation (SSJ's {@code Accumulate}, Law's time-average of Q(t)). Six doubles are
 * kept; an update is a multiply-add, a min, a max and one well-predicted comparison, and allocates nothing.
 *
 * <p><b>Time.</b> Times are in days and must be non-decreasing. Every update checks this (a single comparison that
 * also rejects NaN) and throws {@link IllegalArgumentException} if time would go backwards, because a silent
 * negative interval would corrupt every statistic. Several updates at the same instant are allowed; the levels in
 * between are held for zero time and add nothing to the area.
 *
 * <p><b>Extremes.</b> {@link #min()} and {@link #max()} cover every level that was in force during the current
 * observation period, including the level at its start and levels held for zero time (a burst of admissions at one
 * instant does reach its peak). They never start at +/- infinity: the period always has a starting level.
 *
 * <p><b>Warm-up reset.</b> {@link #reset(double)} at time {@code t} discards everything before {@code t} (area,
 * extremes) and starts a new observation period at {@code t} whose starting level is the level in force at
 * {@code t}, i.e. the level set by the last update at or before {@code t}. The period after a reset is treated
 * exactly as if the collector had been created with {@code new TimeWeighted(t, current())}.
 *
 * <p>Levels are not checked; they should be finite. Not thread-safe.
 */
public final class TimeWeighted {
    private double startTime;
    private double lastTime;
    private double level;
    /** Area under the level over {@code [startTime, lastTime]}. */
    private double area;
    private double min;
    private double max;

    /**
     * Starts an observation period at {@code startTime} with the given level.
     *
     * @param startTime    the start of the observation period, in days; finite
     * @param initialLevel the level in force from {@code startTime} on
     */
    public TimeWeighted(double startTime, double initialLevel) {
        if (!Double.isFinite(startTime)) {
            throw new IllegalArgumentException("startTime must be finite, was " + startTime);
        }
        this.startTime = startTime;
        this.lastTime = startTime;
        this.level = initialLevel;
        this.min = initialLevel;
        this.max = initialLevel;
    }

    /**
     * Records that the level changes to {@code newLevel} at {@code time}. O(1), allocation-free.
     *
     * @param time     the time of the change, in days; not before the previous update
     * @param newLevel the level from {@code time} on
     * @throws IllegalArgumentException if {@code time} is before the previous update or NaN
     */
    public void update(double time, double newLevel) {
        if (!(time >= lastTime)) {
            throw Checks.timeWentBack(time, lastTime);
        }
        area += level * (time - lastTime);
        lastTime = time;
        level = newLevel;
        min = Math.min(min, newLevel);
        max = Math.max(max, newLevel);
    }

    /**
     * The area under the level over {@code [startTime, now]}: level x days (bed-days for a bed count).
     *
     * @param now the end of the period, not before the last update
     * @return the area
     * @throws IllegalArgumentException if {@code now} is before the last update or NaN
     */
    public double area(double now) {
        if (!(now >= lastTime)) {
            throw Checks.timeWentBack(now, lastTime);
        }
        return area + level * (now - lastTime);
    }

    /**
     * The time-average of the level over {@code [startTime, now]}.
     *
     * @param now the end of the period, not before the last update
     * @return {@code area(now) / (now - startTime)}, or NaN if no time has elapsed
     * @throws IllegalArgumentException if {@code now} is before the last update or NaN
     */
    public double mean(double now) {
        double a = area(now);
        double elapsed = now - startTime;
        return elapsed == 0.0 ? Double.NaN : a / elapsed;
    }

    /** @return the level in force now (set by the last update, or the initial level) */
    public double current() {
        return level;
    }

    /** @return the smallest level in force during the current observation period */
    public double min() {
        return min;
    }

    /** @return the largest level in force during the current observation period */
    public double max() {
        return max;
    }

    /** @return the start of the current observation period (construction or last reset), in days */
    public double startTime() {
        return startTime;
    }

    /** @return the time of the last update (or of the start of the period if there was none), in days */
    public double lastTime() {
        return lastTime;
    }

    /**
     * Warm-up reset: discards everything before {@code time} and starts a new observation period at {@code time},
     * whose starting level is the current level (see the class notes). Area is zero and the extremes are the
     * current level.
     *
     * @param time the start of the new period, not before the last update
     * @throws IllegalArgumentException if {@code time} is before the last update or NaN
     */
    public void reset(double time) {
        if (!(time >= lastTime)) {
            throw Checks.timeWentBack(time, lastTime);
        }
        startTime = time;
        lastTime = time;
        area = 0.0;
        min = level;
        max = level;
    }
}
