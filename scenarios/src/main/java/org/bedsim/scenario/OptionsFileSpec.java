package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An options file as written: a base scenario, named options that each override part of it, targets to check in
 * every option and optional searches for the fewest beds meeting a target. Bound by {@link OptionsLoader}, which
 * merges each option into its base and checks the result like any scenario. Immutable; lists and maps keep the
 * file's order.
 */
public record OptionsFileSpec(
        @JsonProperty("$schema")
        @Key(doc = "JSON files only: the JSON Schema of options files, for editors. YAML files use the "
                + "'# yaml-language-server: $schema=...' comment instead.", required = false)
        String schema,
        @Key(doc = "Short id of the comparison: lower-case letters, digits and dashes. Outputs go to out/<name>/ "
                + "unless --out says otherwise.", pattern = Key.NAME)
        String name,
        @Key(doc = "What is compared, in a sentence or two.", required = false)
        String description,
        @Key(doc = "The base scenario every option changes, and the name of the base option in the outputs.")
        BaseSpec base,
        @Key(doc = "Sources of the figures the options and targets introduce, by id (added to the base scenario's "
                + "sources; an id may not repeat one of the base's).", required = false, keyPattern = Key.NAME)
        Map<String, SourceSpec> sources,
        @Key(doc = "Replications and master seed shared by every option (common random numbers); left out, the "
                + "base scenario's. The command line may override both.", required = false)
        RunSpec run,
        @Key(doc = "The options, each a named set of overrides of the base scenario (or of an earlier option).",
                minItems = 1)
        List<OptionSpec> options,
        @Key(doc = "Targets checked in the base and in every option, e.g. the share of days a site is full at most "
                + "0.05.", required = false)
        List<TargetSpec> targets,
        @Key(doc = "Searches for the fewest beds in a setting of an option that meet a target.", required = false)
        List<OptimiseSpec> optimise) {

    /** Freezes. */
    public OptionsFileSpec {
        sources = Specs.frozen(sources);
        options = Specs.frozen(options);
        targets = Specs.frozen(targets);
        optimise = Specs.frozen(optimise);
    }
}
