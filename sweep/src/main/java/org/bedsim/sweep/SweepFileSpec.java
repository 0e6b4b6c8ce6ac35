package org.bedsim.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.bedsim.scenario.Key;
import org.bedsim.scenario.TargetSpec;

/**
 * A sweep file as written: the scenario files varied, the parameters and their values (a grid of listed values,
 * and ranges sampled by a named stream), the replications, what to keep and the targets to check. Read and checked
 * like a scenario file (every problem at once, with its line), then expanded by {@link SweepLoader}.
 */
public record SweepFileSpec(
        @JsonProperty("$schema")
        @Key(doc = "JSON files only: a JSON Schema for editors.", required = false)
        String schema,
        @Key(doc = "Short id of the sweep: lower-case letters, digits and dashes. Outputs go to out/<name>/ unless "
                + "--out says otherwise.", pattern = Key.NAME)
        String name,
        @Key(doc = "What the sweep asks, in a sentence or two.", required = false)
        String description,
        @Key(doc = "Scenario files, or folders of them, relative to this file; each is varied by every parameter.",
                minItems = 1, maxItems = 10_000)
        List<String> scenarios,
        @Key(doc = "The parameters varied: each a scenario path (as in calibrations: settings[acute].beds) with a "
                + "list of values (crossed with the other lists: a grid) or a range (sampled).", required = false,
                maxItems = 50)
        List<Parameter> parameters,
        @Key(doc = "How the ranges are sampled: required when a parameter has a range.", required = false)
        Sample sample,
        @Key(doc = "Replications of every variant (written into each variant's run.replications); left out, each "
                + "scenario's own.", required = false, min = 1, max = 100_000)
        Integer replications,
        @Key(doc = "Master seed of every variant (written into each variant's run.seed); left out, each scenario's "
                + "own.", required = false, min = 0)
        Long seed,
        @Key(doc = "Replications per work unit: a unit is a variant's block of replications, the piece of work Spark "
                + "schedules and retries, and what a resumed sweep skips when it is complete.", required = false,
                defaultValue = "10", min = 1, max = 100_000)
        Integer block,
        @Key(doc = "Which results to keep for each variant (left out: every KPI of every setting).", required = false)
        Keep keep,
        @Key(doc = "Targets checked in every variant; the report lists the variants that miss them.",
                required = false, maxItems = 100)
        List<Target> targets) {

    /** The default replications per unit. */
    public static final int DEFAULT_BLOCK = 10;

    /** Freezes. */
    public SweepFileSpec {
        scenarios = scenarios == null ? null : frozen(scenarios);
        parameters = parameters == null ? List.of() : frozen(parameters);
        targets = targets == null ? List.of() : frozen(targets);
    }

    /** @return an unmodifiable copy that keeps the nulls the structure check left for refused items */
    static <T> List<T> frozen(List<T> list) {
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    /** @return true to keep the demand with unlimited beds: every KPI is kept, or the beds required are */
    public boolean keepsDemand() {
        return keep == null || keep.kpis() == null || Boolean.TRUE.equals(keep.bedsRequired());
    }

    /** @return true to keep the bridges of bridge scenarios (the default) */
    public boolean keepsBridges() {
        return keep == null || keep.bridge() == null || keep.bridge();
    }

    /** @return replications per unit */
    public int effectiveBlock() {
        return block == null ? DEFAULT_BLOCK : block;
    }

    /**
     * One parameter.
     *
     * @param path a scenario path naming numbers
     * @param values the listed values
     * @param low a range's low end
     * @param high a range's high end
     * @param whole true to round a range's samples to whole numbers (beds)
     */
    public record Parameter(
            @Key(doc = "A scenario path naming one or more numbers: keys joined by dots, list items by name or "
                    + "index in brackets, e.g. settings[community].beds or cohorts[older-medical].arrivals.per_year.")
            String path,
            @Key(doc = "The values, crossed with the other parameters' lists (a grid).", required = false,
                    minItems = 1, maxItems = 10_000)
            List<Double> values,
            @Key(doc = "A range's low end (give low and high instead of values): sampled by the sample section.",
                    required = false)
            Double low,
            @Key(doc = "A range's high end.", required = false)
            Double high,
            @Key(doc = "Round a range's samples to whole numbers (for beds and other counts).", required = false,
                    defaultValue = "false")
            Boolean whole) {
        /** Freezes. */
        public Parameter {
            values = values == null ? null : frozen(values);
        }
    }

    /**
     * How ranges are sampled.
     *
     * @param method the design
     * @param draws the points drawn
     * @param stream the named random stream of the draws
     * @param seed its master seed
     */
    public record Sample(
            @Key(doc = "The design: latin-hypercube (each range cut into as many equal strata as draws, one draw "
                    + "in each, strata paired at random) or random (independent uniform draws).",
                    required = false, defaultValue = "\"latin-hypercube\"")
            Method method,
            @Key(doc = "Points drawn in the ranges (crossed with the grid of listed values).", min = 1,
                    max = 100_000)
            Integer draws,
            @Key(doc = "Name of the random stream of the draws.", required = false,
                    defaultValue = "\"sweep-sample\"", pattern = Key.NAME)
            String stream,
            @Key(doc = "Master seed of the draws' stream.", required = false, defaultValue = "1", min = 0)
            Long seed) {

        /** The designs. */
        public enum Method {
            LATIN_HYPERCUBE, RANDOM;

            /** @return the name in files */
            @JsonValue
            public String key() {
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
        }
    }

    /**
     * What to keep.
     *
     * @param kpis the KPIs
     * @param settings the settings
     * @param bedsRequired true to keep the beds required by both methods
     * @param bridge false to leave out the bridges of bridge scenarios
     */
    public record Keep(
            @Key(doc = "Per-setting KPIs to keep, by their names in settings.csv (left out: all).", required = false,
                    minItems = 1)
            List<TargetSpec.Kpi> kpis,
            @Key(doc = "Settings to keep, by name (left out: all).", required = false, minItems = 1,
                    pattern = Key.NAME)
            List<String> settings,
            @Key(doc = "Also keep the beds required by both methods, as run (beds_required_mean, "
                    + "beds_required_percentile) and with unlimited beds (demand_mean, demand_beds_required_mean, "
                    + "demand_beds_required_percentile, as bedsim run's settings.csv gives them).",
                    required = false, defaultValue = "false")
            Boolean bedsRequired,
            @Key(doc = "Keep the bridge of every variant whose scenario has a bridge section, as bedsim bridge "
                    + "computes it on the variant's replications and seed (every configuration, in one unit): "
                    + "base_beds, change_<step> for each step's bar, total_change and final_beds, each with its "
                    + "95 % interval, under the setting 'bridge'.", required = false, defaultValue = "true")
            Boolean bridge) {
        /** Freezes. */
        public Keep {
            kpis = kpis == null ? null : frozen(kpis);
            settings = settings == null ? null : frozen(settings);
        }
    }

    /**
     * A target: a KPI of a setting at most or at least a threshold.
     *
     * @param name its id
     * @param setting the setting
     * @param kpi the KPI
     * @param atMost met when the mean is at most this
     * @param atLeast met when the mean is at least this
     */
    public record Target(
            @Key(doc = "Short id of the target.", pattern = Key.NAME)
            String name,
            @Key(doc = "The setting whose KPI is checked.", pattern = Key.NAME)
            String setting,
            @Key(doc = "The KPI, by its name in settings.csv.")
            TargetSpec.Kpi kpi,
            @Key(doc = "Met when the variant's mean is at most this (give at_most or at_least).", required = false)
            Double atMost,
            @Key(doc = "Met when the variant's mean is at least this.", required = false)
            Double atLeast) {
    }
}
