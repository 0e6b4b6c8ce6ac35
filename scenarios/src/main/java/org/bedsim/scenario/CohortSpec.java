package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A group of patients with the same arrivals, pathway and lengths of stay. */
public record CohortSpec(
        @Key(doc = "Id of the cohort.", pattern = Key.NAME)
        String name,
        @Key(doc = "Who the patients are, for readers.", required = false)
        String description,
        @Key(doc = "non_elective (emergency: arrivals every day) or elective (booked on working days).")
        Type type,
        @Key(doc = "Age band, whose demographic growth (growth.by_age_band) the cohort follows.", required = false,
                pattern = Key.NAME)
        String ageBand,
        @Key(doc = "The setting patients are admitted to.", pattern = Key.NAME)
        String entry,
        @Key(doc = "How many patients arrive a year, and when.")
        ArrivalsSpec arrivals,
        @Key(doc = "Elective cohorts only: a booked admission that finds the entry full is cancelled or deferred "
                + "to the next working day.", required = false, defaultValue = "\"cancel\"")
        ElectiveWhenFull whenFull,
        @Key(doc = "Length of stay, days, in each setting the cohort passes through (by setting name).",
                keyPattern = Key.NAME, minItems = 1)
        Map<String, DistributionSpec> los,
        @Key(doc = "Where patients go after each setting (by setting name): routes whose probabilities sum to 1. "
                + "A setting without routing discharges to 'home'.", required = false, keyPattern = Key.NAME)
        Map<String, List<RouteSpec>> routing,
        @Key(doc = "Chance that a patient discharged to a sink comes back as a new admission.", required = false)
        ReadmissionSpec readmission,
        @Key(doc = "Share of arrivals avoided (e.g. by community teams), optionally redirected elsewhere.",
                required = false)
        AvoidanceSpec avoidance,
        @Key(doc = "Patience for a bed, days (0.5 = 12 hours): a patient still waiting for a bed when it runs out "
                + "leaves the queue for renege_to. Drawn per patient from its number (common random numbers). "
                + "Without it patients wait for ever.", required = false)
        DistributionSpec renegeAfter,
        @Key(doc = "Where patients who stop waiting go: a setting of kind home (e.g. home: untreated, no "
                + "readmission) or another setting (another site, a virtual ward), where they ask for a bed once "
                + "more, without a second patience. Required with renege_after.", required = false,
                pattern = Key.NAME)
        String renegeTo) {

    /** Freezes. */
    public CohortSpec {
        los = Specs.frozen(los);
        routing = Specs.frozenLists(routing);
    }

    /** Admission type. */
    public enum Type {
        NON_ELECTIVE, ELECTIVE;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a booked admission does when the entry setting is full. */
    public enum ElectiveWhenFull {
        CANCEL, DEFER;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
