package org.bedsim.model;

/**
 * The two wait thresholds that waits for a bed are counted against, from the arrival (the decision to admit) to the
 * bed: by default the 4-hour standard and the 12-hour long wait the NHS reports.
 *
 * @param standardHours the first threshold, hours, &gt; 0 (default 4)
 * @param longHours the second threshold, hours, &gt; {@code standardHours} (default 12)
 */
public record WaitThresholds(double standardHours, double longHours) {

    /** 4 and 12 hours. */
    public static final WaitThresholds NHS = new WaitThresholds(4, 12);

    /** Validates. */
    public WaitThresholds {
        if (!(standardHours > 0) || !(longHours > standardHours) || Double.isInfinite(longHours)) {
            throw new IllegalArgumentException("wait thresholds must satisfy 0 < standard < long < infinity, were "
                    + standardHours + " and " + longHours + " hours");
        }
    }

    /** @return the standard threshold in days, the clock unit */
    public double standardDays() {
        return standardHours / 24;
    }

    /** @return the long threshold in days */
    public double longDays() {
        return longHours / 24;
    }
}
