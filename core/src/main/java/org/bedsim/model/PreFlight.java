package org.bedsim.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks from distribution means, before a run: the offered load of each setting (expected bed-days a day of the
 * patients routed there) against its capacity, and the expected size of a run in events, so that absurd runs are
 * refused with a message instead of exhausting memory.
 *
 * <p>Implementation notes: the expected visits of a cohort's patient to each setting solve v = e + v P (e the entry,
 * P the routing matrix); routing can loop, but every pathway reaches a sink, so the series e + eP + eP^2 + ...
 * converges and is summed until it changes by less than 1e-12. Growth is evaluated at the end of the horizon (the
 * worst case for capacity).
 */
public final class PreFlight {
    private PreFlight() {
    }

    /**
     * The load a setting is offered.
     *
     * @param setting name
     * @param admissionsPerDay expected admissions a day at the end of the horizon
     * @param offeredLoad expected occupied beds (admissions a day times mean stay)
     * @param capacity smallest capacity over the horizon (escalation excluded), or {@link CapacityTimeline#UNLIMITED}
     */
    public record Load(String setting, double admissionsPerDay, double offeredLoad, int capacity) {
        /** @return offered load over capacity (0 for unlimited) */
        public double utilisation() {
            return capacity == CapacityTimeline.UNLIMITED ? 0 : capacity == 0 ? Double.POSITIVE_INFINITY
                    : offeredLoad / capacity;
        }

        /** @return true when the load reaches the capacity: queues and delays grow without bound */
        public boolean overloaded() {
            return capacity != CapacityTimeline.UNLIMITED && offeredLoad >= capacity;
        }
    }

    /** @return the load of every non-sink setting, in configuration order (under the routing of the last day) */
    public static List<Load> loads(FlowSettings settings) {
        FlowSettings s = RoutingRegimes.atEnd(settings);
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (CareSetting cs : s.settings()) {
            if (!cs.isSink()) {
                acc.put(cs.name(), new double[2]);
            }
        }
        Map<String, Double> rates = arrivalRates(s);
        for (Cohort c : s.cohorts()) {
            double perDay = rates.get(c.name());
            Map<String, Double> visits = expectedVisits(c, s);
            for (Map.Entry<String, Double> v : visits.entrySet()) {
                double[] a = acc.get(v.getKey());
                if (a == null) {
                    continue;
                }
                double admissions = perDay * v.getValue();
                a[0] += admissions;
                a[1] += admissions * c.lengthOfStay().get(v.getKey()).mean();
            }
        }
        return acc.entrySet().stream().map(e -> {
            CareSetting cs = s.setting(e.getKey());
            int cap = s.unconstrained() ? CapacityTimeline.UNLIMITED
                    : cs.capacity().steps().stream().mapToInt(CapacityTimeline.Step::beds).min().orElse(0);
            return new Load(e.getKey(), e.getValue()[0], e.getValue()[1], cap);
        }).toList();
    }

    /**
     * Arrivals a day of each cohort at the end of the horizon, readmissions included: the rates solve
     * lambda = lambda0 + R lambda, where R moves a share (readmission probability times the chance of reaching home)
     * of one cohort's patients into its readmission cohort; solved by iteration (R is a contraction).
     */
    public static Map<String, Double> arrivalRates(FlowSettings s) {
        double years = s.horizonDays() / 365.25;
        Map<String, Double> base = new LinkedHashMap<>();
        Map<String, Double> toHome = new LinkedHashMap<>();
        for (Cohort c : s.cohorts()) {
            base.put(c.name(), c.arrivals().annualVolume() / 365.25
                    * Math.pow(1 + c.arrivals().growthPerYear(), years));
            toHome.put(c.name(), expectedVisits(c, s).getOrDefault(FlowSettings.HOME, 0.0));
        }
        Map<String, Double> rates = new LinkedHashMap<>(base);
        for (int iteration = 0; iteration < 10_000; iteration++) {
            Map<String, Double> next = new LinkedHashMap<>(base);
            for (Cohort c : s.cohorts()) {
                Readmission r = c.readmission();
                if (r != null && r.probability() > 0) {
                    next.merge(r.cohort(), rates.get(c.name()) * r.probability() * toHome.get(c.name()),
                            Double::sum);
                }
            }
            double change = 0;
            for (String k : next.keySet()) {
                change = Math.max(change, Math.abs(next.get(k) - rates.get(k)));
            }
            rates = next;
            if (change < 1e-12) {
                break;
            }
        }
        return rates;
    }

    /** @return expected visits per patient of a cohort to each setting (sinks included) */
    public static Map<String, Double> expectedVisits(Cohort c, FlowSettings s) {
        Map<String, Double> total = new LinkedHashMap<>();
        Map<String, Double> wave = new LinkedHashMap<>();
        double avoided = c.avoidance().share();
        wave.put(c.entry(), 1 - avoided);
        if (c.avoidance().redirectTo() != null && avoided > 0) {
            wave.merge(c.avoidance().redirectTo(), avoided, Double::sum);
        }
        for (int step = 0; step < 100_000 && !wave.isEmpty(); step++) {
            Map<String, Double> next = new LinkedHashMap<>();
            double mass = 0;
            for (Map.Entry<String, Double> w : wave.entrySet()) {
                total.merge(w.getKey(), w.getValue(), Double::sum);
                if (s.setting(w.getKey()).isSink()) {
                    continue;
                }
                for (Route r : c.routing().getOrDefault(w.getKey(), List.of(new Route(FlowSettings.HOME, 1)))) {
                    double m = w.getValue() * r.probability();
                    next.merge(r.to(), m, Double::sum);
                    mass += m;
                }
            }
            wave = mass < 1e-12 ? Map.of() : next;
        }
        return total;
    }

    /** @return expected events of one replication: arrivals, stays, census and capacity changes */
    public static double expectedEvents(FlowSettings s) {
        double days = s.warmupDays() + s.horizonDays();
        double perDay = 0;
        for (Load l : loads(s)) {
            perDay += l.admissionsPerDay(); // one stay-end event per admission
        }
        for (double rate : arrivalRates(s).values()) {
            perDay += rate;
        }
        return days * (perDay + 1);
    }
}
