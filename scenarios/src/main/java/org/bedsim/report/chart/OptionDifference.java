package org.bedsim.report.chart;

import java.util.Objects;
import org.bedsim.stats.ConfidenceInterval;

/**
 * One option's paired difference from the base for a KPI, for {@link Charts#optionDifference}.
 *
 * @param option the option's name, as planners know it
 * @param difference option minus base, replication by replication on common random numbers: mean and 95 % interval
 */
public record OptionDifference(String option, ConfidenceInterval difference) {
    /** Validates. */
    public OptionDifference {
        if (option == null || option.isBlank()) {
            throw new IllegalArgumentException("an option needs a name");
        }
        Objects.requireNonNull(difference, "difference");
    }
}
