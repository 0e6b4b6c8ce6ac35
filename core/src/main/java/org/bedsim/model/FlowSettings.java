package org.bedsim.model;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the patient-flow model needs for one configuration: settings, cohorts, calendar and targets. Immutable
 * and validated on construction (every problem reported at once); the scenario layer validates files first, with
 * paths and line numbers, so these checks are a backstop for library users.
 *
 * <p>Calendar: the clock's day 0 is {@code warmupDays} before {@code startDate}; the warm-up runs under the start's
 * conditions (volume, growth, capacity) and is discarded; the measured period is {@code horizonDays} from
 * {@code startDate}. Both are whole days. Capacity timelines count days from {@code startDate}.
 *
 * @param settings the places, including sinks; must include a sink named {@code home}
 * @param cohorts the patient groups
 * @param startDate first day measured
 * @param warmupDays days simulated before it and discarded, &gt;= 0
 * @param horizonDays days measured, &gt; 0
 * @param occupancyTarget target mean occupancy for the beds-required (mean) method, in (0, 1]
 * @param riskShareOfDays share of days demand may exceed the beds, for the beds-required (percentile) method, in
 *     (0, 1)
 * @param unconstrained true to give every setting unlimited beds (to measure demand)
 * @param waits the thresholds waits for a bed are counted against (4 and 12 hours unless set)
 * @param routingChanges changes of routing from a day of the measured period on (site closures, shifted shares,
 *     readmissions cut), in the order they apply; empty for none
 */
public record FlowSettings(List<CareSetting> settings, List<Cohort> cohorts, LocalDate startDate, double warmupDays,
        double horizonDays, double occupancyTarget, double riskShareOfDays, boolean unconstrained,
        WaitThresholds waits, List<RoutingChange> routingChanges) {

    /** The sink patients go to when a setting has no routing. */
    public static final String HOME = "home";

    /** Validates and freezes. */
    public FlowSettings {
        waits = waits == null ? WaitThresholds.NHS : waits;
        settings = List.copyOf(settings);
        cohorts = List.copyOf(cohorts);
        routingChanges = routingChanges == null ? List.of() : List.copyOf(routingChanges);
        List<String> problems = problems(settings, cohorts, startDate, warmupDays, horizonDays, occupancyTarget,
                riskShareOfDays);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid flow settings:\n  " + String.join("\n  ", problems));
        }
        if (!routingChanges.isEmpty()) {
            RoutingRegimes.of(new FlowSettings(settings, cohorts, startDate, warmupDays, horizonDays, occupancyTarget,
                    riskShareOfDays, unconstrained, waits, List.of()), routingChanges);
        }
    }

    /** Settings without routing changes. */
    public FlowSettings(List<CareSetting> settings, List<Cohort> cohorts, LocalDate startDate, double warmupDays,
            double horizonDays, double occupancyTarget, double riskShareOfDays, boolean unconstrained,
            WaitThresholds waits) {
        this(settings, cohorts, startDate, warmupDays, horizonDays, occupancyTarget, riskShareOfDays, unconstrained,
                waits, List.of());
    }

    /** Settings with the NHS's 4- and 12-hour wait thresholds. */
    public FlowSettings(List<CareSetting> settings, List<Cohort> cohorts, LocalDate startDate, double warmupDays,
            double horizonDays, double occupancyTarget, double riskShareOfDays, boolean unconstrained) {
        this(settings, cohorts, startDate, warmupDays, horizonDays, occupancyTarget, riskShareOfDays, unconstrained,
                WaitThresholds.NHS);
    }

    /** @return a copy with other wait thresholds */
    public FlowSettings withWaits(WaitThresholds newWaits) {
        return new FlowSettings(settings, cohorts, startDate, warmupDays, horizonDays, occupancyTarget,
                riskShareOfDays, unconstrained, newWaits, routingChanges);
    }

    /** @return the setting with that name */
    public CareSetting setting(String name) {
        for (CareSetting s : settings) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no setting " + name);
    }

    /** @return the cohort with that name */
    public Cohort cohort(String name) {
        for (Cohort c : cohorts) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no cohort " + name);
    }

    /** @return a copy with other settings */
    public FlowSettings withSettings(List<CareSetting> newSettings) {
        return new FlowSettings(newSettings, cohorts, startDate, warmupDays, horizonDays, occupancyTarget,
                riskShareOfDays, unconstrained, waits, routingChanges);
    }

    /** @return a copy with other cohorts */
    public FlowSettings withCohorts(List<Cohort> newCohorts) {
        return new FlowSettings(settings, newCohorts, startDate, warmupDays, horizonDays, occupancyTarget,
                riskShareOfDays, unconstrained, waits, routingChanges);
    }

    /** @return a copy with another occupancy target */
    public FlowSettings withOccupancyTarget(double target) {
        return new FlowSettings(settings, cohorts, startDate, warmupDays, horizonDays, target, riskShareOfDays,
                unconstrained, waits, routingChanges);
    }

    /** @return a copy with every setting unlimited (or not) */
    public FlowSettings withUnconstrained(boolean all) {
        return new FlowSettings(settings, cohorts, startDate, warmupDays, horizonDays, occupancyTarget,
                riskShareOfDays, all, waits, routingChanges);
    }

    /** @return a copy with another calendar */
    public FlowSettings withCalendar(LocalDate start, double warmup, double horizon) {
        return new FlowSettings(settings, cohorts, start, warmup, horizon, occupancyTarget, riskShareOfDays,
                unconstrained, waits, routingChanges);
    }

    /** @return a copy with other routing changes (empty for none) */
    public FlowSettings withRoutingChanges(List<RoutingChange> changes) {
        return new FlowSettings(settings, cohorts, startDate, warmupDays, horizonDays, occupancyTarget,
                riskShareOfDays, unconstrained, waits, changes);
    }

    /**
     * Every problem with a configuration, as sentences; empty if valid. Cross-field rules: unique names, references to
     * settings and cohorts exist, routing probabilities sum to 1, every setting a cohort can reach has a length of
     * stay, and every pathway can reach a sink.
     */
    public static List<String> problems(List<CareSetting> settings, List<Cohort> cohorts, LocalDate startDate,
            double warmupDays, double horizonDays, double occupancyTarget, double riskShareOfDays) {
        List<String> out = new ArrayList<>();
        if (startDate == null) {
            out.add("startDate is required");
        }
        if (!(warmupDays >= 0) || Double.isInfinite(warmupDays) || warmupDays != Math.rint(warmupDays)) {
            out.add("warmupDays must be a whole number of days >= 0, was " + warmupDays);
        }
        if (!(horizonDays >= 1) || Double.isInfinite(horizonDays) || horizonDays != Math.rint(horizonDays)) {
            out.add("horizonDays must be a whole number of days >= 1, was " + horizonDays);
        }
        if (!(occupancyTarget > 0 && occupancyTarget <= 1)) {
            out.add("occupancyTarget must be in (0, 1], was " + occupancyTarget);
        }
        if (!(riskShareOfDays > 0 && riskShareOfDays < 1)) {
            out.add("riskShareOfDays must be in (0, 1), was " + riskShareOfDays);
        }
        Map<String, CareSetting> byName = new HashMap<>();
        for (CareSetting s : settings) {
            if (byName.put(s.name(), s) != null) {
                out.add("setting name " + s.name() + " is used twice");
            }
        }
        CareSetting home = byName.get(HOME);
        if (home == null || !home.isSink()) {
            out.add("a sink setting named '" + HOME + "' is required (kind HOME)");
        }
        for (CareSetting s : settings) {
            if (s.policy().kind() == AdmissionPolicy.Kind.DIVERT) {
                CareSetting target = byName.get(s.policy().divertTo());
                if (target == null || target.isSink() || target == s) {
                    out.add("setting " + s.name() + " diverts to '" + s.policy().divertTo()
                            + "', which is not another non-sink setting");
                }
            }
        }
        Set<String> cohortNames = new HashSet<>();
        for (Cohort c : cohorts) {
            if (!cohortNames.add(c.name())) {
                out.add("cohort name " + c.name() + " is used twice");
            }
        }
        for (Cohort c : cohorts) {
            String where = "cohort " + c.name() + ": ";
            CareSetting entry = byName.get(c.entry());
            if (entry == null || entry.isSink()) {
                out.add(where + "entry '" + c.entry() + "' is not a non-sink setting");
                continue;
            }
            if (c.avoidance().redirectTo() != null) {
                CareSetting r = byName.get(c.avoidance().redirectTo());
                if (r == null || r.isSink()) {
                    out.add(where + "avoided patients are redirected to '" + c.avoidance().redirectTo()
                            + "', which is not a non-sink setting");
                }
            }
            if (c.patience() != null && !byName.containsKey(c.patience().to())) {
                out.add(where + "patients who stop waiting go to unknown setting '" + c.patience().to() + "'");
            }
            if (c.readmission() != null && !cohortNames.contains(c.readmission().cohort())) {
                out.add(where + "readmission cohort '" + c.readmission().cohort() + "' does not exist");
            }
            for (String s : c.lengthOfStay().keySet()) {
                if (!byName.containsKey(s)) {
                    out.add(where + "length of stay given for unknown setting '" + s + "'");
                }
            }
            for (Map.Entry<String, List<Route>> e : c.routing().entrySet()) {
                if (!byName.containsKey(e.getKey())) {
                    out.add(where + "routing given for unknown setting '" + e.getKey() + "'");
                    continue;
                }
                double sum = 0;
                for (Route r : e.getValue()) {
                    sum += r.probability();
                    if (!byName.containsKey(r.to())) {
                        out.add(where + "route from " + e.getKey() + " to unknown setting '" + r.to() + "'");
                    }
                }
                if (Math.abs(sum - 1) > Route.SUM_TOLERANCE) {
                    out.add(where + "routing probabilities from " + e.getKey() + " sum to " + sum + ", expected 1");
                }
            }
            // every reachable non-sink setting needs a stay, and every pathway must be able to reach a sink
            Deque<String> todo = new ArrayDeque<>();
            Set<String> reachable = new HashSet<>();
            todo.add(c.entry());
            if (c.avoidance().redirectTo() != null) {
                todo.add(c.avoidance().redirectTo());
            }
            if (c.patience() != null) {
                todo.add(c.patience().to());
            }
            while (!todo.isEmpty()) {
                String s = todo.poll();
                CareSetting cs = byName.get(s);
                if (cs == null || cs.isSink() || !reachable.add(s)) {
                    continue;
                }
                if (!c.lengthOfStay().containsKey(s)) {
                    out.add(where + "reaches setting " + s + " but has no length of stay there");
                }
                for (Route r : c.routing().getOrDefault(s, List.of(new Route(HOME, 1)))) {
                    todo.add(r.to());
                }
                CareSetting reached = byName.get(s);
                if (reached.policy().kind() == AdmissionPolicy.Kind.DIVERT) {
                    todo.add(reached.policy().divertTo());
                }
            }
            for (String s : reachable) {
                if (!canExit(s, c, byName)) {
                    out.add(where + "from setting " + s + " no pathway reaches a sink (a cycle without a way out)");
                }
            }
        }
        return out;
    }

    private static boolean canExit(String from, Cohort c, Map<String, CareSetting> byName) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(from);
        while (!todo.isEmpty()) {
            String s = todo.poll();
            CareSetting cs = byName.get(s);
            if (cs == null) {
                continue;
            }
            if (cs.isSink()) {
                return true;
            }
            if (!seen.add(s)) {
                continue;
            }
            for (Route r : c.routing().getOrDefault(s, List.of(new Route(HOME, 1)))) {
                todo.add(r.to());
            }
        }
        return false;
    }
}
