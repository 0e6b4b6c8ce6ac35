package org.bedsim.scenario;

/** Independent evidence on an input: the range a benchmark from outside the plan supports, with its source. */
public record EvidenceSpec(
        @Key(doc = "The range the evidence supports, [low, high] (or one number).")
        ParameterSpec range,
        @Key(doc = "The source of the evidence (a source id; independent: true for a benchmark from outside the "
                + "plan).", pattern = Key.NAME)
        String source,
        @Key(doc = "What the evidence measures and how it maps onto the input, in words.", required = false)
        String note) {
}
