package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * A length-of-stay distribution, days: a family and that family's parameters (and no others), optionally capped.
 * <ul>
 * <li>{@code exponential}: mean</li>
 * <li>{@code lognormal}, {@code gamma}: mean, sd</li>
 * <li>{@code weibull}: shape, scale</li>
 * <li>{@code triangular}: min, mode, max</li>
 * <li>{@code uniform}: min, max</li>
 * <li>{@code fixed}: value</li>
 * <li>{@code empirical}: observations (the stays themselves)</li>
 * <li>{@code quantiles}: probabilities and values (a quantile table, interpolated)</li>
 * </ul>
 */
public record DistributionSpec(
        @Key(doc = "The family: exponential (mean), lognormal (mean, sd), gamma (mean, sd), weibull (shape, "
                + "scale), triangular (min, mode, max), uniform (min, max), fixed (value), empirical "
                + "(observations) or quantiles (probabilities, values).")
        Family family,
        @Key(doc = "Mean, days (exponential, lognormal, gamma).", required = false, min = 0, minExclusive = true,
                max = 36_500)
        Double mean,
        @Key(doc = "Standard deviation, days (lognormal, gamma).", required = false, min = 0, minExclusive = true,
                max = 36_500)
        Double sd,
        @Key(doc = "Shape (weibull).", required = false, min = 0, minExclusive = true, max = 1000)
        Double shape,
        @Key(doc = "Scale, days (weibull).", required = false, min = 0, minExclusive = true, max = 36_500)
        Double scale,
        @Key(doc = "Smallest value, days (triangular, uniform).", required = false, min = 0, max = 36_500)
        Double min,
        @Key(doc = "Most likely value, days (triangular).", required = false, min = 0, max = 36_500)
        Double mode,
        @Key(doc = "Largest value, days (triangular, uniform).", required = false, min = 0, max = 36_500)
        Double max,
        @Key(doc = "The stay, days (fixed).", required = false, min = 0, max = 36_500)
        Double value,
        @Key(doc = "Observed stays, days (empirical).", required = false, min = 0, max = 36_500, minItems = 1)
        List<Double> observations,
        @Key(doc = "Cumulative probabilities from 0 to 1, increasing (quantiles).", required = false, min = 0,
                max = 1, minItems = 2)
        List<Double> probabilities,
        @Key(doc = "Stays, days, at those probabilities, non-decreasing (quantiles).", required = false, min = 0,
                max = 36_500, minItems = 2)
        List<Double> values,
        @Key(doc = "Stays longer than this many days are cut to it (e.g. a 21-day cap).", required = false, min = 0,
                minExclusive = true, max = 36_500)
        Double cap,
        @Key(doc = "Id of the source (in 'sources') of this distribution.", required = false, pattern = Key.NAME)
        String source,
        @Key(doc = "true to allow a mean stay over 10 years (3650 days), e.g. a long-term placement; without it such "
                + "a mean is an error (most often a typing slip, or parameters whose mean is far from what they look "
                + "like, such as a Weibull with a tiny shape).", required = false, defaultValue = "false")
        Boolean longStay) {

    /** Longest mean stay, days, accepted without {@code long_stay: true}: ten years. */
    public static final double MAX_MEAN_STAY_DAYS = 3650;

    /** Freezes. */
    public DistributionSpec {
        observations = observations == null ? null : Specs.frozen(observations);
        probabilities = probabilities == null ? null : Specs.frozen(probabilities);
        values = values == null ? null : Specs.frozen(values);
    }

    /** Distribution families and the keys each needs. */
    public enum Family {
        EXPONENTIAL("mean"),
        LOGNORMAL("mean", "sd"),
        GAMMA("mean", "sd"),
        WEIBULL("shape", "scale"),
        TRIANGULAR("min", "mode", "max"),
        UNIFORM("min", "max"),
        FIXED("value"),
        EMPIRICAL("observations"),
        QUANTILES("probabilities", "values");

        private final List<String> parameters;

        Family(String... parameters) {
            this.parameters = List.of(parameters);
        }

        /** @return the keys this family needs (and the only parameter keys it accepts) */
        public List<String> parameters() {
            return parameters;
        }

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
