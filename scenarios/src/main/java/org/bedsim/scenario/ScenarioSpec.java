package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as written: a system of care settings, the patient cohorts that flow through it, the calendar, the
 * targets and the sources of every figure. Bound from YAML or JSON by {@link ScenarioReader}, checked by
 * {@link ScenarioValidator}, turned into model settings by {@link ScenarioCompiler}. Immutable; lists and maps keep
 * the file's order; optional keys left out are null (or empty for lists and maps).
 */
public record ScenarioSpec(
        @JsonProperty("$schema")
        @Key(doc = "JSON files only: the JSON Schema of scenario files, for editors. YAML files use the "
                + "'# yaml-language-server: $schema=...' comment instead.", required = false)
        String schema,
        @Key(doc = "Short id of the scenario: lower-case letters, digits and dashes. Outputs go to out/<name>/ "
                + "unless --out says otherwise.", pattern = Key.NAME)
        String name,
        @Key(doc = "What the scenario represents, in a sentence or two.", required = false)
        String description,
        @Key(doc = "Where the figures come from, by id. Each figure of the scenario names one of these ids in its "
                + "'source' key.", keyPattern = Key.NAME)
        Map<String, SourceSpec> sources,
        @Key(doc = "Start date, horizon and warm-up.")
        CalendarSpec calendar,
        @Key(doc = "Replications and master seed.", required = false,
                defaultValue = "{\"replications\": 20, \"seed\": 1}")
        RunSpec run,
        @Key(doc = "Occupancy target and risk share of days, for the two ways of counting beds required.")
        TargetsSpec targets,
        @Key(doc = "Named day-of-week and month profiles of arrivals, used by cohorts' arrivals.", required = false,
                keyPattern = Key.NAME)
        Map<String, ProfileSpec> profiles,
        @Key(doc = "Growth of arrivals: demographic by age band, and non-demographic.", required = false)
        GrowthSpec growth,
        @Key(doc = "The places patients stay in (wards, sites, virtual wards) and the sinks they leave to (kind "
                + "home). A sink named 'home' is required.", minItems = 1)
        List<SettingSpec> settings,
        @Key(doc = "The patient groups: arrivals, entry setting, lengths of stay and routing.", minItems = 1)
        List<CohortSpec> cohorts,
        @Key(doc = "Changes of routing by date: a site closing (its patients and the routes into it go to another "
                + "setting), a routing share moved (Home First, discharge to assess, step-down), readmissions cut. "
                + "Each from a date of the measured period on; bridges take them as step changes too.",
                required = false)
        List<RoutingChangeSpec> routingChanges,
        @Key(doc = "Population by age band and year: the denominators of rates per 100,000 (see 'quarterly').",
                required = false, keyPattern = Key.NAME)
        Map<String, PopulationSpec> population,
        @Key(doc = "Better Care Fund metrics by financial quarter: denominators, care-home sinks and published "
                + "figures. Quarterly delayed days and admissions are written for every run; this adds rates per "
                + "100,000 and the published lines.", required = false)
        QuarterlySpec quarterly,
        @Key(doc = "A bed bridge from the base year to a target year, for 'bedsim bridge': the settings counted "
                + "and the steps (bars) that change the scenario.", required = false)
        BridgeSpec bridge,
        @Key(doc = "Inputs the sources do not give, each solved by bedsim so that a published output of the "
                + "bridge follows ('bedsim calibrate', and the reconstruction of 'bedsim bridge'). Only those "
                + "meeting the base year are solved in the prediction.", required = false)
        List<CalibrateSpec> calibrate) {

    /** Freezes. */
    public ScenarioSpec {
        sources = Specs.frozen(sources);
        profiles = Specs.frozen(profiles);
        settings = Specs.frozen(settings);
        cohorts = Specs.frozen(cohorts);
        routingChanges = Specs.frozen(routingChanges);
        calibrate = Specs.frozen(calibrate);
        population = Specs.frozen(population);
    }
}
