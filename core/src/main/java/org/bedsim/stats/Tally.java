package org.bedsim.stats;

/**
 * Running count, mean, variance and extremes of a sequence of observations (one value per patient, per
 * replication, ...).
 *
 * <p><b>Implementation notes.</b> The mean and the sum of squared deviations {@code m2} are updated with Welford's
 * recurrence (B. P. Welford, "Note on a method for calculating corrected sums of squares and products",
 * Technometrics 4(3), 1962): {@code delta = x - mean; mean += delta / n; m2 += delta * (x - mean)}. Unlike the
 * textbook {@code sum(x^2) - n mean^2}, it does not cancel catastrophically when the spread is small relative to
 * the mean (times measured from a large epoch, say).
 *
 * <p>Welford alone still loses digits when the mean is huge compared with the spread: the running mean is rounded
 * to a multiple of its own ulp at every step (about 1e-7 at 1e9), and with values around 1e9 and a spread of 1 the
 * variance comes out with a relative error near 1e-7. The recurrence therefore runs on shifted data
 * {@code x - shift}, where {@code shift} is the first value (the "shifted data" remedy of Chan, Golub and LeVeque,
 * "Algorithms for computing the sample variance: analysis and recommendations", The American Statistician 37(3),
 * 1983). The subtraction is exact for values within a factor of two of the shift, the shifted mean is small, and on
 * the same data the relative error falls to about 1e-14. The only cost is one subtraction and one well-predicted
 * branch (for the first value).
 *
 * <p>Two tallies are combined with the pairwise formula of Chan, Golub and LeVeque (Stanford report STAN-CS-79-773,
 * 1979): {@code m2 = m2a + m2b + delta^2 na nb / n}, so replications can be tallied separately and pooled as if the
 * values had been added one by one (equal up to rounding).
 *
 * <p>An update is a handful of flops on primitive fields: no allocation, one predictable branch. Values are not checked: a NaN propagates into the mean, the variance and the
 * sum, which is the honest outcome for a NaN observation.
 *
 * <p><b>Edges.</b> With no values {@link #mean()} and {@link #variance()} are NaN, {@link #sum()} is 0, {@link #min()}
 * is +Infinity and {@link #max()} is -Infinity (so that the first value replaces both). With one value the mean is
 * that value and the sample variance is NaN: it has divisor {@code n - 1} and one value says nothing about spread.
 *
 * <p>Not thread-safe.
 */
public final class Tally {
    private long n;
    /** The first value added; the recurrence runs on {@code x - shift}. */
    private double shift;
    /** Mean of the shifted values {@code x - shift}. */
    private double mean;
    private double m2;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Creates an empty tally. */
    public Tally() {
        // fields start at their documented empty values
    }

    /**
     * Adds one observation. O(1), allocation-free.
     *
     * @param x the observation
     */
    public void add(double x) {
        if (n == 0) {
            shift = x;
        }
        long k = ++n;
        double y = x - shift;
        double delta = y - mean;
        mean += delta / k;
        m2 += delta * (y - mean);
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
    }

    /** @return the number of observations */
    public long count() {
        return n;
    }

    /** @return the arithmetic mean, or NaN if there are no observations */
    public double mean() {
        return n == 0 ? Double.NaN : shift + mean;
    }

    /** @return the sample variance with divisor {@code n - 1}, or NaN if there are fewer than two observations */
    public double variance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }

    /** @return the sample standard deviation, {@code sqrt(variance())}; NaN if fewer than two observations */
    public double sd() {
        return Math.sqrt(variance());
    }

    /** @return the smallest observation, or +Infinity if there are none */
    public double min() {
        return min;
    }

    /** @return the largest observation, or -Infinity if there are none */
    public double max() {
        return max;
    }

    /** @return the sum of the observations (plain running sum), 0 if there are none */
    public double sum() {
        return sum;
    }

    /**
     * Adds every observation of {@code other} to this tally, as if they had been added one by one (equal up to
     * rounding), using Chan et al.'s pairwise combination. {@code other} is not changed; merging a tally with itself
     * doubles every observation.
     *
     * @param other the tally to pool into this one
     */
    public void merge(Tally other) {
        long nb = other.n;
        if (nb == 0) {
            return;
        }
        long na = n;
        double shiftB = other.shift;
        double meanB = other.mean;
        double m2B = other.m2;
        if (na == 0) {
            shift = shiftB;
            mean = meanB;
            m2 = m2B;
        } else {
            long total = na + nb;
            // difference of the two means, keeping this tally's shift (accurate when the shifts are close)
            double delta = (shiftB - shift) + (meanB - mean);
            mean += delta * ((double) nb / total);
            m2 += m2B + delta * delta * ((double) na * (double) nb / total);
        }
        n = na + nb;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Discards every observation: the tally is empty again. */
    public void reset() {
        n = 0;
        shift = 0.0;
        mean = 0.0;
        m2 = 0.0;
        sum = 0.0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }

    @Override
    public String toString() {
        return "Tally[n=" + n + ", mean=" + mean() + ", sd=" + sd() + ", min=" + min + ", max=" + max + "]";
    }
}
