package org.bedsim.model;

/**
 * A share of a cohort's admissions avoided (e.g. by integrated community teams), optionally redirected to another
 * setting instead (e.g. step-up into a virtual ward). Each arrival draws one uniform number from its own stream
 * whatever the share, so a larger share avoids a superset of the patients a smaller one does: bridge bars and option
 * differences reflect the change, not noise.
 *
 * @param share of arrivals avoided, in [0, 1]
 * @param redirectTo setting the avoided patients enter instead (their stay there from the cohort's lengths of stay),
 *     or null to remove them from the system
 */
public record Avoidance(double share, String redirectTo) {
    /** No avoidance. */
    public static final Avoidance NONE = new Avoidance(0, null);

    /** Validates. */
    public Avoidance {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("avoided share must be in [0, 1], was " + share);
        }
        if (redirectTo != null && redirectTo.isBlank()) {
            redirectTo = null;
        }
    }
}
