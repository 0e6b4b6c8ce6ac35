package org.bedsim.scenario;

/** One way out of a setting: the next setting (or sink) and its probability. */
public record RouteSpec(
        @Key(doc = "The next setting or sink.", pattern = Key.NAME)
        String to,
        @Key(doc = "Probability of this route; the routes out of a setting sum to 1.", min = 0, minExclusive = true,
                max = 1)
        Double probability,
        @Key(doc = "Id of the source (in 'sources') of this probability.", required = false, pattern = Key.NAME)
        String source) {
}
