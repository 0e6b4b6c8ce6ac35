package org.bedsim.report.chart;

import java.util.Objects;
import org.bedsim.stats.ConfidenceInterval;

/**
 * One option's value of a KPI, for {@link Charts#optionComparison}.
 *
 * @param option the option's name, as planners know it
 * @param base true for the option the others are compared with (at most one per chart)
 * @param value mean and 95 % interval over replications
 */
public record OptionInterval(String option, boolean base, ConfidenceInterval value) {
    /** Validates. */
    public OptionInterval {
        if (option == null || option.isBlank()) {
            throw new IllegalArgumentException("an option needs a name");
        }
        Objects.requireNonNull(value, "value");
    }
}
