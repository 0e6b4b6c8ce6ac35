package org.bedsim.scenario;

/** A setting's beds set to a number (it matters only with the bridge's unconstrained: false). */
public record SetCapacitySpec(
        @Key(doc = "The setting.", pattern = Key.NAME)
        String setting,
        @Key(doc = "Its beds.", min = 0, max = 1_000_000)
        Integer beds) {
}
