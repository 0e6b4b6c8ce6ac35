package org.bedsim.model;

import java.util.List;

/**
 * A setting's capacity over time: beds (or virtual beds) from given days on. Day 0 is the start of the measured
 * period; the first step must start at day 0 and also holds during the warm-up. A capacity that falls below the
 * number of occupied beds evicts nobody: admissions stop until occupancy falls below it.
 *
 * @param steps capacity steps in increasing order of day
 */
public record CapacityTimeline(List<Step> steps) {

    /** Beds from a day on. */
    public record Step(double fromDay, int beds) {
        /** Validates. */
        public Step {
            if (!(fromDay >= 0) || Double.isInfinite(fromDay)) {
                throw new IllegalArgumentException("a capacity step must start on a finite day >= 0, was " + fromDay);
            }
            if (beds < 0) {
                throw new IllegalArgumentException("capacity must be >= 0 beds, was " + beds);
            }
        }
    }

    /** Marks unlimited capacity. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Validates and freezes. */
    public CapacityTimeline {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.get(0).fromDay() != 0) {
            throw new IllegalArgumentException("a capacity timeline must start on day 0");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (!(steps.get(i).fromDay() > steps.get(i - 1).fromDay())) {
                throw new IllegalArgumentException("capacity steps must be in strictly increasing order of day, "
                        + "found day " + steps.get(i).fromDay() + " after day " + steps.get(i - 1).fromDay());
            }
        }
    }

    /** @return a constant capacity */
    public static CapacityTimeline constant(int beds) {
        return new CapacityTimeline(List.of(new Step(0, beds)));
    }

    /** @return unlimited capacity */
    public static CapacityTimeline unlimited() {
        return constant(UNLIMITED);
    }

    /** @return the capacity at the start */
    public int initial() {
        return steps.get(0).beds();
    }

    /** @return the capacity on a day (from the start of the measured period) */
    public int at(double day) {
        int beds = steps.get(0).beds();
        for (Step s : steps) {
            if (s.fromDay() <= day) {
                beds = s.beds();
            }
        }
        return beds;
    }

    /** @return true if every step is unlimited */
    public boolean isUnlimited() {
        return steps.stream().allMatch(s -> s.beds() == UNLIMITED);
    }
}
