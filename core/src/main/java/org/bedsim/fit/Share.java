package org.bedsim.fit;

/**
 * A share of a count with its Wilson score 95 % interval (Wilson 1927), which stays inside [0, 1] and behaves for
 * small counts and shares near 0 or 1.
 *
 * @param count the events
 * @param of the trials
 * @param share count / of
 * @param low lower bound
 * @param high upper bound
 */
public record Share(long count, long of, double share, double low, double high) {
    private static final double Z = 1.959963984540054;

    /** @return the share {@code count / of} with its interval */
    public static Share of(long count, long of) {
        if (of <= 0 || count < 0 || count > of) {
            throw new IllegalArgumentException("a share needs 0 <= count <= of and of > 0, was " + count + "/" + of);
        }
        double p = (double) count / of;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * of)) / (1 + z2 / of);
        double half = Z * Math.sqrt(p * (1 - p) / of + z2 / (4.0 * of * of)) / (1 + z2 / of);
        return new Share(count, of, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
