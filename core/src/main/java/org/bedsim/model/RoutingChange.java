package org.bedsim.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bedsim.dist.Distribution;

/**
 * A change of where patients go, from a day of the measured period on: a site closing (its arrivals, and every route
 * into it, go to a receiving setting), a share of a route moved to another destination (Home First, discharge to
 * assess, step-down), or readmissions cut. {@link FlowModel} switches its routing tables on the day; patients already
 * in a closed site finish their stays there (its census drains to zero), and patients waiting for a bed there, or
 * blocked elsewhere waiting to move there, move to the receiving setting's queues.
 *
 * <p>The same functions serve bridge steps ({@code org.bedsim.bridge.Change}), which apply them to the whole year.
 * A change only redirects: it never alters a length of stay a cohort already has, so each patient keeps its stays
 * (common random numbers hold across the day); a closure gives a cohort that newly reaches the receiving setting the
 * closed site's stay there.
 */
public sealed interface RoutingChange {

    /** @return the first day with the change, counted from the start date (0 = the first measured day) */
    int fromDay();

    /**
     * @param s a configuration (its own routing changes are ignored)
     * @return the configuration with this change in full effect
     * @throws IllegalArgumentException if it names a setting or cohort the configuration does not have
     */
    FlowSettings apply(FlowSettings s);

    /** @return the closed setting and where it sends its patients, or null if this is not a closure */
    default String[] closure() {
        return null;
    }

    /**
     * A site or ward closing: from {@code fromDay} every arrival, route, redirect and divert to {@code setting} goes
     * to {@code into} instead. Patients in it finish their stays and leave by its routing.
     *
     * @param fromDay the first day closed
     * @param setting the setting that closes (not a sink)
     * @param into the setting receiving its patients (not a sink, not the same)
     */
    record Closure(int fromDay, String setting, String into) implements RoutingChange {
        /** Validates. */
        public Closure {
            if (setting == null || into == null || setting.equals(into)) {
                throw new IllegalArgumentException("a closure needs a setting and another setting receiving it");
            }
        }

        @Override
        public String[] closure() {
            return new String[] {setting, into};
        }

        @Override
        public FlowSettings apply(FlowSettings s) {
            if (s.setting(setting).isSink() || s.setting(into).isSink()) {
                throw new IllegalArgumentException("closing " + setting + " into " + into + ": both must be settings"
                        + " with beds, not sinks");
            }
            List<CareSetting> settings = new ArrayList<>();
            for (CareSetting c : s.settings()) {
                AdmissionPolicy p = c.policy();
                if (p.kind() == AdmissionPolicy.Kind.DIVERT && p.divertTo().equals(setting)) {
                    p = c.name().equals(into) ? AdmissionPolicy.WAIT : AdmissionPolicy.divert(into);
                    c = new CareSetting(c.name(), c.kind(), c.capacity(), p, c.priority());
                }
                settings.add(c);
            }
            List<Cohort> cohorts = new ArrayList<>();
            for (Cohort c : s.cohorts()) {
                cohorts.add(redirect(c, setting, into));
            }
            return s.withSettings(settings).withCohorts(cohorts);
        }
    }

    /**
     * Of the patients of a cohort (every cohort when null) routed from {@code setting} to {@code from}, a share go to
     * {@code to} instead.
     *
     * @param fromDay the first day with the new shares
     * @param cohort the cohort, or null for every cohort with that route
     * @param setting the setting patients leave
     * @param from the destination that loses patients
     * @param to the destination that gains them
     * @param share the share moved, in [0, 1]
     */
    record Shift(int fromDay, String cohort, String setting, String from, String to, double share)
            implements RoutingChange {
        /** Validates. */
        public Shift {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("a routing shift's share must be in [0, 1], was " + share);
            }
        }

        @Override
        public FlowSettings apply(FlowSettings s) {
            s.setting(setting);
            s.setting(from);
            s.setting(to);
            if (cohort != null) {
                s.cohort(cohort);
            }
            return s.withCohorts(s.cohorts().stream().map(c -> cohort != null && !c.name().equals(cohort) ? c
                    : shift(c, setting, from, to, share)).toList());
        }
    }

    /**
     * Readmissions of a cohort (every cohort when null) cut by a share of themselves.
     *
     * @param fromDay the first day with fewer readmissions (a discharge on or after it)
     * @param cohort the cohort, or null for every cohort with readmissions
     * @param share the cut, in [0, 1]
     */
    record ReadmissionCut(int fromDay, String cohort, double share) implements RoutingChange {
        /** Validates. */
        public ReadmissionCut {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("a readmission cut must be in [0, 1], was " + share);
            }
        }

        @Override
        public FlowSettings apply(FlowSettings s) {
            if (cohort != null) {
                s.cohort(cohort);
            }
            return s.withCohorts(s.cohorts().stream().map(c -> cohort != null && !c.name().equals(cohort) ? c
                    : cutReadmissions(c, share)).toList());
        }
    }

    /**
     * @return the cohort with {@code share} of its patients routed from {@code setting} to {@code from} going to
     *     {@code to} instead (unchanged if it has no such route)
     */
    static Cohort shift(Cohort c, String setting, String from, String to, double share) {
        List<Route> routes = c.routing().get(setting);
        if (routes == null || share == 0) {
            return c;
        }
        double p = routes.stream().filter(r -> r.to().equals(from)).mapToDouble(Route::probability).sum();
        if (p == 0) {
            return c;
        }
        Map<String, Double> probs = new LinkedHashMap<>();
        routes.forEach(r -> probs.merge(r.to(), r.probability(), Double::sum));
        probs.put(from, p * (1 - share));
        probs.merge(to, p * share, Double::sum);
        List<Route> out = new ArrayList<>();
        probs.forEach((t, q) -> {
            if (q > 0) {
                out.add(new Route(t, Math.min(1, q)));
            }
        });
        Map<String, List<Route>> routing = new LinkedHashMap<>(c.routing());
        routing.put(setting, out);
        return c.withRouting(routing);
    }

    /** @return the cohort with its chance of readmission cut by {@code share} of itself */
    static Cohort cutReadmissions(Cohort c, double share) {
        Readmission r = c.readmission();
        if (r == null || share == 0) {
            return c;
        }
        return new Cohort(c.name(), c.type(), c.ageBand(), c.entry(), c.arrivals(), c.whenFull(), c.lengthOfStay(),
                c.routing(), new Readmission(r.probability() * (1 - share), r.withinDays(), r.cohort()),
                c.avoidance(), c.patience());
    }

    /**
     * @return the cohort with every way into {@code closed} (entry, routes, avoidance's redirect, patience) going to
     *     {@code into}; its routing out of {@code closed} is kept for the patients still there, and a cohort that
     *     had no stay at {@code into} takes its stay and routing at {@code closed} there
     */
    static Cohort redirect(Cohort c, String closed, String into) {
        Map<String, Distribution> los = new LinkedHashMap<>(c.lengthOfStay());
        boolean takesOver = los.containsKey(closed) && !los.containsKey(into);
        if (takesOver) {
            los.put(into, los.get(closed));
        }
        Map<String, List<Route>> routing = new LinkedHashMap<>();
        c.routing().forEach((from, routes) -> {
            Map<String, Double> merged = new LinkedHashMap<>();
            for (Route r : routes) {
                merged.merge(r.to().equals(closed) ? into : r.to(), r.probability(), Double::sum);
            }
            List<Route> rs = new ArrayList<>();
            merged.forEach((to, p) -> rs.add(new Route(to, Math.min(1, p))));
            routing.put(from, rs);
        });
        if (takesOver && routing.containsKey(closed)) {
            routing.put(into, routing.get(closed)); // the cohort's patients there leave as they left the closed site
        }
        Avoidance a = c.avoidance();
        Avoidance avoidance = closed.equals(a.redirectTo()) ? new Avoidance(a.share(), into) : a;
        Patience pa = c.patience();
        Patience patience = pa != null && pa.to().equals(closed) ? new Patience(pa.after(), into) : pa;
        String entry = c.entry().equals(closed) ? into : c.entry();
        if (los.equals(c.lengthOfStay()) && routing.equals(c.routing()) && Objects.equals(avoidance, a)
                && Objects.equals(patience, pa) && entry.equals(c.entry())) {
            return c;
        }
        return new Cohort(c.name(), c.type(), c.ageBand(), entry, c.arrivals(), c.whenFull(), los, routing,
                c.readmission(), avoidance, patience);
    }
}
