package org.bedsim.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Distribution;

/**
 * A group of patients with the same arrivals, pathway and lengths of stay.
 *
 * @param name unique id, e.g. {@code medical-older}
 * @param type non-elective (emergency) or elective (booked)
 * @param ageBand a label used by demographic growth, e.g. {@code older}
 * @param entry the setting patients are admitted to
 * @param arrivals volume and timing of arrivals
 * @param whenFull for elective cohorts: what happens to a booked admission that finds the entry setting full
 * @param lengthOfStay length of stay, days, in each setting the cohort may pass through
 * @param routing for each such setting, where patients go next (probabilities summing to 1); a setting with no
 *     routing discharges to the sink named {@code home}
 * @param readmission chance of returning after discharge, or null
 * @param avoidance share of arrivals avoided (and where they go instead); {@link Avoidance#NONE} for none
 * @param patience how long patients wait for a bed before leaving the queue, and where they go; null to wait for
 *     ever
 */
public record Cohort(String name, AdmissionType type, String ageBand, String entry, ArrivalPattern arrivals,
        ElectiveFull whenFull, Map<String, Distribution> lengthOfStay, Map<String, List<Route>> routing,
        Readmission readmission, Avoidance avoidance, Patience patience) {

    /** How a patient is admitted. */
    public enum AdmissionType {
        /** Emergency: Poisson arrivals on every day. */
        NON_ELECTIVE,
        /** Planned: booked on working days. */
        ELECTIVE
    }

    /** What a booked admission does when the entry setting is full. */
    public enum ElectiveFull {
        /** Cancelled (counted), not rebooked. */
        CANCEL,
        /** Deferred to the next working day, ahead of that day's bookings. */
        DEFER
    }

    /** Validates and freezes (maps keep their order). */
    public Cohort {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a cohort needs a name");
        }
        if (type == null || entry == null || arrivals == null) {
            throw new IllegalArgumentException("cohort " + name + ": type, entry and arrivals are required");
        }
        ageBand = ageBand == null ? "all" : ageBand;
        whenFull = whenFull == null ? ElectiveFull.CANCEL : whenFull;
        avoidance = avoidance == null ? Avoidance.NONE : avoidance;
        lengthOfStay = Collections.unmodifiableMap(new LinkedHashMap<>(lengthOfStay));
        Map<String, List<Route>> r = new LinkedHashMap<>();
        routing.forEach((k, v) -> r.put(k, List.copyOf(v)));
        routing = Collections.unmodifiableMap(r);
    }

    /** A cohort whose patients wait for ever. */
    public Cohort(String name, AdmissionType type, String ageBand, String entry, ArrivalPattern arrivals,
            ElectiveFull whenFull, Map<String, Distribution> lengthOfStay, Map<String, List<Route>> routing,
            Readmission readmission, Avoidance avoidance) {
        this(name, type, ageBand, entry, arrivals, whenFull, lengthOfStay, routing, readmission, avoidance, null);
    }

    /** @return a copy with another patience (null: wait for ever) */
    public Cohort withPatience(Patience newPatience) {
        return new Cohort(name, type, ageBand, entry, arrivals, whenFull, lengthOfStay, routing, readmission,
                avoidance, newPatience);
    }

    /** @return a copy with other arrivals */
    public Cohort withArrivals(ArrivalPattern newArrivals) {
        return new Cohort(name, type, ageBand, entry, newArrivals, whenFull, lengthOfStay, routing, readmission,
                avoidance, patience);
    }

    /** @return a copy with other lengths of stay */
    public Cohort withLengthOfStay(Map<String, Distribution> newLengthOfStay) {
        return new Cohort(name, type, ageBand, entry, arrivals, whenFull, newLengthOfStay, routing, readmission,
                avoidance, patience);
    }

    /** @return a copy with other routing */
    public Cohort withRouting(Map<String, List<Route>> newRouting) {
        return new Cohort(name, type, ageBand, entry, arrivals, whenFull, lengthOfStay, newRouting, readmission,
                avoidance, patience);
    }

    /** @return a copy with another avoidance */
    public Cohort withAvoidance(Avoidance newAvoidance) {
        return new Cohort(name, type, ageBand, entry, arrivals, whenFull, lengthOfStay, routing, readmission,
                newAvoidance, patience);
    }

    /** @return a copy with another entry setting */
    public Cohort withEntry(String newEntry) {
        return new Cohort(name, type, ageBand, newEntry, arrivals, whenFull, lengthOfStay, routing, readmission,
                avoidance, patience);
    }
}
