package org.bedsim.bridge;

/** How a bridge counts the beds a configuration needs (summed over the counted settings). */
public enum BedCount {
    /** Mean demand divided by the target occupancy: the figure plans quote. */
    MEAN_OCCUPANCY,
    /** The fewest beds that midnight demand exceeds on at most the risk share of days: the operational figure. */
    PERCENTILE
}
