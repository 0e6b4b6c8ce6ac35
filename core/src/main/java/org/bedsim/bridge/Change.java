package org.bedsim.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.dist.Distribution;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.Avoidance;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.Readmission;
import org.bedsim.model.Route;
import org.bedsim.model.RoutingChange;

/**
 * One change a bridge step makes to the model's inputs. {@code fraction} in [0, 1] is how much of the change is in
 * effect (phasing): continuous changes scale with it, structural ones (merging sites, setting capacity) apply from
 * half way. Parameters with ranges take this replication's draw.
 */
public sealed interface Change {

    /**
     * @param s the configuration so far
     * @param fraction share of the change in effect, in [0, 1]
     * @param draws this replication's parameter draws
     * @param key identifies the change's parameters among the bridge's (step id and change index)
     * @return the changed configuration
     */
    FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key);

    /** @return the change in words, for reports, e.g. "36.4 % of risk-lri's admissions avoided" */
    default String describe() {
        if (this instanceof DemographicGrowth g) {
            return "arrivals grow by age band: " + String.join(", ", new java.util.TreeMap<>(g.growthByAgeBand())
                    .entrySet().stream().map(e -> e.getKey() + " " + percent(e.getValue(), true)).toList());
        }
        if (this instanceof VolumeGrowth v) {
            return "arrivals of " + (v.cohort() == null ? "every cohort" : v.cohort()) + " grow "
                    + percent(v.ratePerYear(), true) + " a year over " + number(v.years()) + " years";
        }
        if (this instanceof AdmissionAvoidance a) {
            return percent(a.share(), false) + " of " + a.cohort() + "'s admissions avoided"
                    + (a.redirectTo() == null ? "" : ", cared for in " + a.redirectTo() + " instead");
        }
        if (this instanceof LengthOfStayChange l) {
            String who = (l.cohort() == null ? "every cohort" : l.cohort()) + " in " + l.setting();
            String what = l.replacement() != null ? "replaced by " + l.replacement().describe()
                    : l.percent() != null ? "mean " + percent(l.percent(), true) : "";
            return "stays of " + who + ": " + what + (l.cap() == null ? "" : " capped at " + number(l.cap())
                    + " days");
        }
        if (this instanceof MergeSettings m) {
            return String.join(", ", m.merged().stream().filter(x -> !x.equals(m.into())).toList()) + " merged into "
                    + m.into() + (m.beds() == null ? "" : " (" + m.beds() + " beds)");
        }
        if (this instanceof CapacityChange c) {
            return c.setting() + " set to " + c.beds() + " beds";
        }
        if (this instanceof OccupancyTarget o) {
            return "target occupancy " + percent(o.target(), false);
        }
        if (this instanceof RoutingShift r) {
            return percent(r.share(), false) + " of " + (r.cohort() == null ? "every cohort" : r.cohort())
                    + "'s patients leaving " + r.setting() + " for " + r.from() + " go to " + r.to() + " instead";
        }
        if (this instanceof CloseSetting c) {
            return c.setting() + " closes: its patients go to " + c.into();
        }
        if (this instanceof ReadmissionReduction r) {
            return "readmissions of " + (r.cohort() == null ? "every cohort" : r.cohort()) + " cut by "
                    + percent(r.share(), false);
        }
        if (this instanceof Joint j) {
            return String.join("; ", j.parts().stream().map(Change::describe).toList());
        }
        return toString();
    }

    private static String percent(Parameter p, boolean signed) {
        String f = signed ? "%+.2f %%" : "%.2f %%";
        return p.isRange() ? "[" + String.format(java.util.Locale.ROOT, f, 100 * p.low()) + ", "
                + String.format(java.util.Locale.ROOT, f, 100 * p.high()) + "]"
                : String.format(java.util.Locale.ROOT, f, 100 * p.low());
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** @return the counted settings after this change (only merges change them) */
    default Set<String> counted(Set<String> counted) {
        return counted;
    }

    /** Demographic growth over the period, by age band: cohorts of a band grow by its factor. */
    record DemographicGrowth(Map<String, Parameter> growthByAgeBand) implements Change {
        /** Freezes. */
        public DemographicGrowth {
            growthByAgeBand = Map.copyOf(growthByAgeBand);
        }

        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            List<Cohort> out = new ArrayList<>();
            for (Cohort c : s.cohorts()) {
                Parameter g = growthByAgeBand.get(c.ageBand());
                if (g == null) {
                    out.add(c);
                } else {
                    double growth = draws.value(key + "/" + c.ageBand(), g);
                    out.add(c.withArrivals(c.arrivals().scaled(Math.pow(1 + growth, fraction))));
                }
            }
            return s.withCohorts(out);
        }
    }

    /** Growth in activity beyond demography: a rate a year, compounded over {@code years}. */
    record VolumeGrowth(Parameter ratePerYear, double years, String cohort) implements Change {
        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            double rate = draws.value(key, ratePerYear);
            double factor = Math.pow(1 + rate, years * fraction);
            return s.withCohorts(s.cohorts().stream()
                    .map(c -> cohort == null || c.name().equals(cohort) ? c.withArrivals(c.arrivals().scaled(factor))
                            : c)
                    .toList());
        }
    }

    /**
     * A share of a cohort's admissions avoided, optionally redirected to another setting (e.g. step-up into a
     * virtual ward, or same-day emergency care when {@code redirectTo} is null). Combined with an avoidance the cohort
     * already has as independent shares: 1 - (1 - a)(1 - b).
     */
    record AdmissionAvoidance(String cohort, Parameter share, String redirectTo) implements Change {
        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            double add = draws.value(key, share) * fraction;
            return s.withCohorts(s.cohorts().stream().map(c -> {
                if (!c.name().equals(cohort)) {
                    return c;
                }
                Avoidance a = c.avoidance();
                if (a.share() > 0 && !java.util.Objects.equals(a.redirectTo(), redirectTo)) {
                    throw new IllegalArgumentException("cohort " + cohort + " already avoids admissions to '"
                            + a.redirectTo() + "': one cohort cannot redirect avoided patients to two places");
                }
                double combined = 1 - (1 - a.share()) * (1 - Math.max(0, Math.min(1, add)));
                return c.withAvoidance(new Avoidance(combined, redirectTo));
            }).toList());
        }
    }

    /**
     * A change to the length of stay of a cohort (or all cohorts when {@code cohort} is null) in a setting: a
     * percentage on the mean (e.g. -0.1), a cap, or a replacement distribution.
     */
    record LengthOfStayChange(String cohort, String setting, Parameter percent, Double cap,
            Distribution replacement) implements Change {
        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            double scale = 1 + draws.value(key, percent == null ? Parameter.of(0) : percent) * fraction;
            return s.withCohorts(s.cohorts().stream().map(c -> {
                if ((cohort != null && !c.name().equals(cohort)) || !c.lengthOfStay().containsKey(setting)) {
                    return c;
                }
                Map<String, Distribution> los = new LinkedHashMap<>(c.lengthOfStay());
                Distribution d = replacement != null && fraction >= 0.5 ? replacement : los.get(setting);
                if (scale != 1) {
                    d = d.scaled(scale);
                }
                if (cap != null && fraction >= 0.5) {
                    d = d.capped(cap);
                }
                los.put(setting, d);
                return c.withLengthOfStay(los);
            }).toList());
        }
    }

    /**
     * Settings merged into one (e.g. three acute sites pooled into two): every reference to a merged setting points to
     * {@code into}, whose capacity becomes {@code beds} (or the sum of the merged capacities when null).
     */
    record MergeSettings(List<String> merged, String into, Integer beds) implements Change {
        /** Freezes. */
        public MergeSettings {
            merged = List.copyOf(merged);
        }

        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            if (fraction < 0.5) {
                return s;
            }
            Set<String> gone = new LinkedHashSet<>(merged);
            gone.remove(into);
            int total = 0;
            boolean unlimited = false;
            for (String m : merged) {
                int b = s.setting(m).capacity().at(0);
                unlimited |= b == CapacityTimeline.UNLIMITED;
                total += unlimited ? 0 : b;
            }
            int capacity = beds != null ? beds : unlimited ? CapacityTimeline.UNLIMITED : total;
            List<CareSetting> settings = new ArrayList<>();
            for (CareSetting cs : s.settings()) {
                if (gone.contains(cs.name())) {
                    continue;
                }
                CareSetting c = cs.name().equals(into) ? cs.withCapacity(CapacityTimeline.constant(capacity)) : cs;
                if (c.policy().kind() == AdmissionPolicy.Kind.DIVERT && gone.contains(c.policy().divertTo())) {
                    c = new CareSetting(c.name(), c.kind(), c.capacity(),
                            c.policy().divertTo().equals(into) || c.name().equals(into) ? AdmissionPolicy.WAIT
                                    : AdmissionPolicy.divert(into), c.priority());
                }
                settings.add(c);
            }
            List<Cohort> cohorts = s.cohorts().stream().map(c -> rename(c, gone)).toList();
            return new FlowSettings(settings, cohorts, s.startDate(), s.warmupDays(), s.horizonDays(),
                    s.occupancyTarget(), s.riskShareOfDays(), s.unconstrained(), s.waits(), s.routingChanges());
        }

        private String map(String name, Set<String> gone) {
            return gone.contains(name) ? into : name;
        }

        private Cohort rename(Cohort c, Set<String> gone) {
            Map<String, Distribution> los = new LinkedHashMap<>();
            c.lengthOfStay().forEach((k, v) -> los.putIfAbsent(map(k, gone), v));
            Map<String, List<Route>> routing = new LinkedHashMap<>();
            c.routing().forEach((k, routes) -> {
                if (routing.containsKey(map(k, gone))) {
                    return; // the merged setting keeps the routing of the first of its parts
                }
                Map<String, Double> merged = new LinkedHashMap<>();
                for (Route r : routes) {
                    merged.merge(map(r.to(), gone), r.probability(), Double::sum);
                }
                List<Route> rs = new ArrayList<>();
                merged.forEach((to, p) -> rs.add(new Route(to, Math.min(1, p))));
                routing.put(map(k, gone), rs);
            });
            Avoidance a = c.avoidance();
            Avoidance avoidance = a.redirectTo() == null ? a : new Avoidance(a.share(), map(a.redirectTo(), gone));
            Readmission r = c.readmission();
            return new Cohort(c.name(), c.type(), c.ageBand(), map(c.entry(), gone), c.arrivals(), c.whenFull(), los,
                    routing, r, avoidance);
        }

        @Override
        public Set<String> counted(Set<String> counted) {
            Set<String> out = new LinkedHashSet<>(counted);
            boolean any = false;
            for (String m : merged) {
                any |= out.remove(m);
            }
            if (any) {
                out.add(into);
            }
            return out;
        }
    }

    /** A setting's capacity set to a number of beds (applies from half way through its phasing). */
    record CapacityChange(String setting, int beds) implements Change {
        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            if (fraction < 0.5) {
                return s;
            }
            return s.withSettings(s.settings().stream()
                    .map(c -> c.name().equals(setting) ? c.withCapacity(CapacityTimeline.constant(beds)) : c)
                    .toList());
        }
    }

    /**
     * Several changes that share their parameter draws: every part sees the same draw of a range in a replication,
     * e.g. one uncertain length-of-stay reduction applied to a list of cohorts (one {@link LengthOfStayChange} per
     * cohort). Parts apply in order. Merges are not allowed as parts: their count of settings depends on the phasing
     * fraction, which {@link #counted(Set)} does not see.
     */
    record Joint(List<Change> parts) implements Change {
        /** Validates and freezes. */
        public Joint {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a joint change needs at least one part");
            }
            for (Change c : parts) {
                if (c instanceof MergeSettings || c instanceof Joint) {
                    throw new IllegalArgumentException("a joint change cannot hold " + c.getClass().getSimpleName());
                }
            }
        }

        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            FlowSettings out = s;
            for (Change c : parts) {
                out = c.apply(out, fraction, draws, key);
            }
            return out;
        }
    }

    /**
     * A share of the patients routed from one place to another after a setting move to a third (Home First,
     * discharge to assess, step-down: more patients home or to the community instead of a bed): the route to
     * {@code from} loses {@code share} of its probability, which goes to {@code to} (added if absent). Continuous
     * in the phasing fraction. For a cohort, or every cohort with that route when {@code cohort} is null.
     */
    record RoutingShift(String cohort, String setting, String from, String to, Parameter share) implements Change {
        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            double moved = Math.max(0, Math.min(1, draws.value(key, share))) * fraction;
            if (moved == 0) {
                return s;
            }
            return s.withCohorts(s.cohorts().stream().map(c -> cohort != null && !c.name().equals(cohort) ? c
                    : RoutingChange.shift(c, setting, from, to, moved)).toList());
        }
    }

    /**
     * Readmissions reduced: a cohort's (or every cohort's) chance of returning after discharge cut by {@code share}
     * of itself. Continuous in the phasing fraction.
     */
    record ReadmissionReduction(String cohort, Parameter share) implements Change {
        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            double cut = Math.max(0, Math.min(1, draws.value(key, share))) * fraction;
            return s.withCohorts(s.cohorts().stream().map(c -> cohort != null && !c.name().equals(cohort) ? c
                    : RoutingChange.cutReadmissions(c, cut)).toList());
        }
    }

    /**
     * A site or ward closing (applies from half way through its phasing): its arrivals and every route, redirect and
     * divert into it go to {@code into}, a setting of any kind (another site, a community ward), where its patients
     * take the stay and routing they had in the closed one unless they have their own there. Unlike a merge, the
     * closed setting stays (empty) and the receiving one keeps its own beds and count.
     */
    record CloseSetting(String setting, String into) implements Change {
        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            return fraction < 0.5 ? s : new RoutingChange.Closure(0, setting, into).apply(s);
        }
    }

    /** A different target occupancy for the mean-occupancy method of counting beds. */
    record OccupancyTarget(Parameter target) implements Change {
        @Override
        public FlowSettings apply(FlowSettings s, double fraction, Draws draws, String key) {
            double t = draws.value(key, target);
            return s.withOccupancyTarget(s.occupancyTarget() + (t - s.occupancyTarget()) * fraction);
        }
    }
}
