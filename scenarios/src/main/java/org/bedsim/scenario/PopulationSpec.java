package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;

/** The population of one age band by year: a denominator of rates per 100,000. */
public record PopulationSpec(
        @Key(doc = "Who is counted, for readers (e.g. 'aged 18 and over').", required = false)
        String description,
        @Key(doc = "calendar (January-December, as ONS mid-year estimates and projections) or financial "
                + "(April-March, named by its first year: 2016 is 2016/17). A quarter or year takes the figure of "
                + "the year it starts in.")
        YearBasis yearBasis,
        @Key(doc = "People by year, e.g. {\"2016\": 204995, \"2017\": 205748}.", keyPattern = "^(19|20)[0-9]{2}$",
                minItems = 1, min = 1, max = 1e9)
        Map<String, Double> byYear,
        @Key(doc = "Id of the source (in 'sources') of these figures.", required = false, pattern = Key.NAME)
        String source) {

    /** Freezes. */
    public PopulationSpec {
        byYear = Specs.frozen(byYear);
    }

    /** How years are counted. */
    public enum YearBasis {
        CALENDAR, FINANCIAL;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
