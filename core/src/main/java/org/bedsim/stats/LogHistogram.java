package org.bedsim.stats;

import java.util.Arrays;

/**
 * A histogram of non-negative durations (waits, lengths of stay, in days) with fixed relative precision, in the
 * spirit of HdrHistogram: a fixed memory footprint, O(1) allocation-free recording, mergeable, and quantiles whose
 * relative error is bounded whatever the distribution.
 *
 * <p><b>Implementation notes.</b> Buckets are log-linear: every octave {@code [2^e, 2^(e+1))} is split into
 * {@code 2^k} equal sub-buckets. That is exactly what the top bits of an IEEE 754 double say: for a positive
 * normal double, {@code doubleToRawLongBits(v) >>> (52 - k)} is the biased exponent followed by the first
 * {@code k} mantissa bits, and the bit pattern grows with the value. So the bucket index is one shift and one
 * subtraction, with no logarithm, division or loop, and bucket assignment is exactly monotone. (HdrHistogram does
 * the same with integer values and leading-zero counts; G. Tene, HdrHistogram, 2012.) Counts live in one
 * {@code long[]} allocated at construction and covering {@code [lowest, highest]}.
 *
 * <p><b>Error bound.</b> A bucket {@code [L, U)} inside octave {@code 2^e} has width {@code 2^(e-k)} and
 * {@code L >= 2^e}. A quantile is reported as the midpoint of the bucket holding the order statistic, clamped to
 * the exact observed {@code [min, max]}, so for an exact quantile {@code q} in {@code [lowest, highest]}:
 * <pre>    |estimate - q| &lt;= q * 2^-(k+1) = q * relativeError()</pre>
 * {@code k} is the smallest integer with {@code 2^-(k+1) <= 10^-significantDigits}: 1 digit gives 1/16, 2 digits
 * 1/128, 3 digits 1/1024 (0.098 %). The buckets per octave are 8, 64, 512, ... and the memory is
 * {@code 8 * 2^k * log2(highest / lowest)} bytes, about 100 kB for 3 digits from one minute to ten years.
 *
 * <p><b>Outside the range.</b> Values in {@code [0, lowest)} (zero waits, mostly) are counted exactly in an
 * underflow bucket; a quantile that falls among them is reported as the exact {@link #min()}, which is within
 * {@code lowest} of it in absolute terms (and exact when they are all zero). Values above {@code highest} are
 * counted in {@link #overflowCount()} and clamped into the top bucket: quantiles that fall among them are only
 * known to be above {@code highest} and are reported near it. The extreme order statistics are always exact:
 * a quantile whose rank is 1 returns {@link #min()} and one whose rank is {@code n} returns {@link #max()}.
 * {@link #count()}, {@link #mean()}, {@link #min()} and {@link #max()} are exact for every value recorded, out of
 * range or not: they come from running fields, not from the buckets.
 *
 * <p><b>Quantile definition.</b> {@code quantile(p)} estimates the order statistic {@code x_(r)} with rank
 * {@code r = max(1, ceil(p * n))} computed in double (the inverse of the empirical distribution function,
 * Hyndman and Fan's type 1): the smallest recorded value with at least a fraction p of the values at or below it.
 *
 * <p>Negative, NaN and infinite values are rejected. Not thread-safe.
 */
public final class LogHistogram {
    private static final int MAX_SIGNIFICANT_DIGITS = 5;
    private static final int MAX_BUCKETS = 1 << 24;

    private final double lowest;
    private final double highest;
    private final int significantDigits;
    private final int shift;
    /** {@code doubleToRawLongBits(lowest) >>> shift}: the bucket key of index 0. */
    private final long base;
    private final double relativeError;
    private final long[] counts;

    private long count;
    private long underflow;
    private long overflow;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /**
     * @param lowest            smallest value resolved with relative precision, in days; a positive normal double
     *                          (e.g. 1 / 1440, one minute)
     * @param highest           largest value resolved with relative precision; finite and greater than lowest
     * @param significantDigits decimal digits of relative precision, 1 to 5 (see the class notes)
     * @throws IllegalArgumentException if an argument is out of range or the histogram would exceed 2^24 buckets
     */
    public LogHistogram(double lowest, double highest, int significantDigits) {
        if (!(lowest >= Double.MIN_NORMAL && lowest < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("lowest must be a positive normal number, was " + lowest);
        }
        if (!(highest > lowest && highest < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "highest must be finite and greater than lowest (" + lowest + "), was " + highest);
        }
        if (significantDigits < 1 || significantDigits > MAX_SIGNIFICANT_DIGITS) {
            throw new IllegalArgumentException(
                    "significantDigits must be in 1.." + MAX_SIGNIFICANT_DIGITS + ", was " + significantDigits);
        }
        long tenPower = 1;
        for (int i = 0; i < significantDigits; i++) {
            tenPower *= 10;
        }
        int k = 0;
        while ((2L << k) < tenPower) {
            k++;
        }
        this.lowest = lowest;
        this.highest = highest;
        this.significantDigits = significantDigits;
        this.shift = 52 - k;
        this.relativeError = Math.scalb(1.0, -(k + 1));
        this.base = Double.doubleToRawLongBits(lowest) >>> shift;
        long buckets = (Double.doubleToRawLongBits(highest) >>> shift) - base + 1;
        if (buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("range [" + lowest + ", " + highest + "] at " + significantDigits
                    + " significant digits needs " + buckets + " buckets, more than " + MAX_BUCKETS);
        }
        this.counts = new long[(int) buckets];
    }

    /**
     * Records one value. O(1), allocation-free.
     *
     * @param value a duration in days; finite and at least 0
     * @throws IllegalArgumentException if value is negative, NaN or infinite
     */
    public void record(double value) {
        if (!(value >= lowest && value <= highest)) {
            recordOutOfRange(value);
            return;
        }
        counts[(int) ((Double.doubleToRawLongBits(value) >>> shift) - base)]++;
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    private void recordOutOfRange(double value) {
        if (value >= 0.0 && value < lowest) {
            underflow++;
        } else if (value > highest && value < Double.POSITIVE_INFINITY) {
            overflow++;
            counts[counts.length - 1]++;
        } else {
            throw new IllegalArgumentException("value must be finite and at least 0, was " + value);
        }
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** @return the number of values recorded, including those out of range */
    public long count() {
        return count;
    }

    /** @return the number of values below {@code lowest} (counted exactly, magnitudes not kept) */
    public long underflowCount() {
        return underflow;
    }

    /** @return the number of values above {@code highest} (clamped into the top bucket) */
    public long overflowCount() {
        return overflow;
    }

    /** @return the exact mean of all values recorded (from a running sum), or NaN if none */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** @return the smallest value recorded (exact), or +Infinity if none */
    public double min() {
        return min;
    }

    /** @return the largest value recorded (exact), or -Infinity if none */
    public double max() {
        return max;
    }

    /** @return the bound on the relative error of a quantile in {@code [lowest, highest]}, {@code 2^-(k+1)} */
    public double relativeError() {
        return relativeError;
    }

    /** @return the smallest value resolved with relative precision */
    public double lowest() {
        return lowest;
    }

    /** @return the largest value resolved with relative precision */
    public double highest() {
        return highest;
    }

    /** @return the requested decimal digits of relative precision */
    public int significantDigits() {
        return significantDigits;
    }

    /**
     * Estimates the p-quantile, the order statistic of rank {@code max(1, ceil(p * count()))}, within the bound
     * of the class notes.
     *
     * @param p a probability in [0, 1]
     * @return the estimate, or NaN if nothing was recorded
     * @throws IllegalArgumentException if p is not in [0, 1]
     */
    public double quantile(double p) {
        Checks.requireProbability(p);
        if (count == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1L, Math.min(count, (long) Math.ceil(p * count)));
        if (rank == 1 || rank <= underflow) {
            return min;
        }
        if (rank == count) {
            return max;
        }
        long cumulative = underflow;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            if (cumulative >= rank) {
                double low = Double.longBitsToDouble((base + i) << shift);
                double high = Double.longBitsToDouble((base + i + 1) << shift);
                double mid = 0.5 * (low + high);
                return Math.max(min, Math.min(max, mid));
            }
        }
        return max; // not reached: the counts add up to count
    }

    /**
     * Adds every value recorded in {@code other} to this histogram (pooling replications).
     *
     * @param other a histogram with the same lowest, highest and significant digits; not changed
     * @throws IllegalArgumentException if the layouts differ
     */
    public void merge(LogHistogram other) {
        if (other.lowest != lowest || other.highest != highest || other.shift != shift) {
            throw new IllegalArgumentException("cannot merge histograms with different layouts: [" + lowest + ", "
                    + highest + "] at " + significantDigits + " digits and [" + other.lowest + ", " + other.highest
                    + "] at " + other.significantDigits + " digits");
        }
        long[] theirs = other.counts;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += theirs[i];
        }
        count += other.count;
        underflow += other.underflow;
        overflow += other.overflow;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Discards every value recorded; the layout is kept. */
    public void reset() {
        Arrays.fill(counts, 0L);
        count = 0;
        underflow = 0;
        overflow = 0;
        sum = 0.0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }
}
