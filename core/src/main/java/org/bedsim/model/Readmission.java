package org.bedsim.model;

/**
 * A chance that a patient discharged to a sink returns as a new admission.
 *
 * @param probability chance of returning, in [0, 1]
 * @param withinDays the return happens uniformly within this many days of discharge, &gt; 0
 * @param cohort the cohort the returning patient joins (its entry setting, stays and routing)
 */
public record Readmission(double probability, double withinDays, String cohort) {
    /** Validates. */
    public Readmission {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("readmission probability must be in [0, 1], was " + probability);
        }
        if (!(withinDays > 0) || Double.isInfinite(withinDays)) {
            throw new IllegalArgumentException("readmission window must be a finite number of days > 0, was "
                    + withinDays);
        }
        if (cohort == null || cohort.isBlank()) {
            throw new IllegalArgumentException("readmission needs the cohort patients return to");
        }
    }
}
