package org.bedsim.spells;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bedsim.fit.ArrivalFit;
import org.bedsim.fit.KaplanMeier;
import org.bedsim.fit.Share;
import org.bedsim.fit.StayFit;
import org.bedsim.fit.StayHistogram;

/**
 * Everything fitted from one extract, ready to be written as a scenario ({@link ScenarioYaml}) and a report.
 *
 * <p>Cohorts are admission type x age band x entry setting. A cohort's stay in its entry setting and its routes
 * from there are fitted from its own rows; its stays and routes in settings it reaches by transfer are fitted from
 * every transfer into that setting of the same admission type and age band (an extract does not link a transfer to
 * the patient's entry). Trend is fitted per age band (all its cohorts' arrivals together), as scenario growth is.
 */
public final class ScenarioFit {
    /** One cohort. */
    public record CohortFit(String name, boolean elective, String band, String entry, ArrivalFit.Result arrivals,
            Map<String, StayGroup> stays, Readmission readmission) {
    }

    /**
     * Readmissions within 30 days of a discharge home, from stays linked by patient id.
     *
     * @param share discharges home followed by a readmission within 30 days (into any cohort), with its interval
     * @param modelled those into {@code cohort}, the chance the scenario gives its patients of returning
     * @param cohort the cohort they join (the most frequent), or null when none was seen
     * @param removed readmissions taken out of {@code cohort}'s arrivals, as the model generates them
     */
    public record Readmission(Share share, Share modelled, String cohort, long removed) {
    }

    /** A group of stays: the fit and the routes out. */
    public record StayGroup(String key, String setting, StayFit.Result fit, Map<String, Share> routes) {
    }

    final SpellExtract extract;
    final LocalDate first;
    final LocalDate last;
    final List<CohortFit> cohorts = new ArrayList<>();
    final Map<String, ArrivalFit.Result> trends = new TreeMap<>();
    final Map<String, StayGroup> groups = new TreeMap<>();
    final Set<String> sinks = new LinkedHashSet<>();
    final Map<String, Integer> peakCensus = new TreeMap<>();
    final List<String> warnings = new ArrayList<>();

    private ScenarioFit(SpellExtract x) {
        this.extract = x;
        this.first = x.firstDate();
        this.last = x.lastDate();
    }

    /** @return the fits of an extract with at least one usable row */
    public static ScenarioFit of(SpellExtract x) {
        ScenarioFit f = new ScenarioFit(x);
        f.fit();
        return f;
    }

    private long[] window(long[] counts) {
        int from = (int) (first.toEpochDay() - SpellExtract.FIRST_DAY);
        int n = (int) (last.toEpochDay() - first.toEpochDay() + 1);
        long[] out = new long[n];
        System.arraycopy(counts, from, out, 0, n);
        return out;
    }

    private StayGroup group(String key) {
        return groups.computeIfAbsent(key, k -> {
            SpellExtract.Stays s = extract.stays.get(k);
            StayFit.Result fit = StayFit.fit(s.complete);
            long total = s.destinations.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Share> routes = new LinkedHashMap<>();
            s.destinations.forEach((to, c) -> routes.put(to, Share.of(c, total)));
            String[] parts = k.split("\\|");
            return new StayGroup(k, parts[2], fit, routes);
        });
    }

    private void fit() {
        Map<String, long[]> byBand = new TreeMap<>();
        for (var e : extract.arrivals.entrySet()) {
            String[] k = e.getKey().split("\\|");
            boolean elective = k[0].equals("elective");
            long[] counts = window(e.getValue());
            long[] band = byBand.computeIfAbsent(k[1], b -> new long[counts.length]);
            for (int i = 0; i < counts.length; i++) {
                band[i] += counts[i];
            }
            ArrivalFit.Result a = ArrivalFit.fit(first, counts, elective);
            String name = Codes.id((elective ? "elective" : "emergency") + "-" + k[1] + "-" + k[2]);
            Map<String, StayGroup> stays = new LinkedHashMap<>();
            // entry stays, then every setting reachable by transfer
            List<String> todo = new ArrayList<>();
            String entryKey = k[0] + "|" + k[1] + "|" + k[2] + "|E";
            if (!extract.stays.containsKey(entryKey) || extract.stays.get(entryKey).complete.events() == 0) {
                warnings.add("cohort " + name + ": no completed stay in " + k[2] + ", left out");
                continue;
            }
            stays.put(k[2], group(entryKey));
            todo.add(k[2]);
            boolean complete = true;
            while (!todo.isEmpty()) {
                String s = todo.remove(0);
                for (String to : stays.get(s).routes().keySet()) {
                    if (extract.settings.contains(to) && !stays.containsKey(to)) {
                        String tk = k[0] + "|" + k[1] + "|" + to + "|T";
                        if (!extract.stays.containsKey(tk) || extract.stays.get(tk).complete.events() == 0) {
                            tk = k[0] + "|" + k[1] + "|" + to + "|E";
                        }
                        if (!extract.stays.containsKey(tk) || extract.stays.get(tk).complete.events() == 0) {
                            warnings.add("cohort " + name + ": patients move to " + to + " but no completed stay "
                                    + "there of " + k[0] + " " + k[1] + " patients; cohort left out");
                            complete = false;
                            break;
                        }
                        stays.put(to, group(tk));
                        todo.add(to);
                    }
                }
            }
            if (!complete) {
                continue;
            }
            if (a == null) {
                continue;
            }
            if (!elective && a.overDispersed()) {
                warnings.add(String.format(Locale.ROOT, "cohort %s: daily arrivals vary %.2f times as much as "
                        + "Poisson; the model's Poisson arrivals understate day-to-day variation", name,
                        a.dispersion()));
            }
            cohorts.add(new CohortFit(name, elective, k[1], k[2], a, stays, null));
            for (StayGroup g : stays.values()) {
                for (String to : g.routes().keySet()) {
                    if (!extract.settings.contains(to)) {
                        sinks.add(to);
                    }
                }
            }
        }
        readmissions();
        byBand.forEach((band, counts) -> {
            ArrivalFit.Result r = ArrivalFit.fit(first, counts, false);
            if (r != null) {
                trends.put(band, r);
            }
        });
        for (String s : extract.settings) {
            int[] c = extract.census(s, first, last);
            int peak = 0;
            for (int v : c) {
                peak = Math.max(peak, v);
            }
            peakCensus.put(s, peak);
        }
    }

    static String cohortName(String key) {
        String[] k = key.split("\\|");
        return Codes.id((k[0].equals("elective") ? "elective" : "emergency") + "-" + k[1] + "-" + k[2]);
    }

    /** Attaches each cohort's readmissions, where patient ids link stays and the cohort they join is fitted. */
    private void readmissions() {
        Set<String> names = new LinkedHashSet<>();
        cohorts.forEach(c -> names.add(c.name()));
        for (int i = 0; i < cohorts.size(); i++) {
            CohortFit c = cohorts.get(i);
            String key = (c.elective() ? "elective" : "non_elective") + "|" + c.band() + "|" + c.entry();
            SpellExtract.Readmissions r = extract.readmissions.get(key);
            if (r == null || r.followed() == 0) {
                continue;
            }
            String target = r.target() == null ? null : cohortName(r.target());
            if (target != null && !names.contains(target)) {
                warnings.add("cohort " + c.name() + ": its readmissions join " + target + ", which is not fitted; "
                        + "readmissions are left out of the scenario");
                target = null;
            }
            cohorts.set(i, new CohortFit(c.name(), c.elective(), c.band(), c.entry(), c.arrivals(), c.stays(),
                    new Readmission(Share.of(r.readmitted(), r.followed()),
                            Share.of(target == null ? 0 : r.intoTarget(), r.followed()), target, r.removed())));
        }
    }

    /** @return the cohorts fitted */
    public List<CohortFit> cohorts() {
        return List.copyOf(cohorts);
    }

    /** @return the trend fit of each age band */
    public Map<String, ArrivalFit.Result> trends() {
        return Map.copyOf(trends);
    }

    /** @return warnings for the user */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** @return the extract */
    public SpellExtract extract() {
        return extract;
    }

    /** @return the longest fitted mean stay, days */
    double longestMeanStay() {
        double m = 1;
        for (StayGroup g : groups.values()) {
            m = Math.max(m, g.fit().fitsWell() ? g.fit().best().mean() : g.fit().curve().restrictedMean());
        }
        return m;
    }

    /** @return a Kaplan-Meier quantile table: probabilities and stays, for the empirical fallback */
    static double[][] quantileTable(StayFit.Result r, StayHistogram unused) {
        KaplanMeier km = r.curve();
        List<Double> p = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        p.add(0.0);
        v.add(0.0);
        double reached = km.reached();
        for (int i = 1; i <= 100; i++) {
            double q = i / 100.0;
            if (q > reached + 1e-12) {
                break;
            }
            double x = km.quantile(q);
            if (Double.isNaN(x)) {
                break;
            }
            if (x > v.get(v.size() - 1) || p.size() == 1) {
                p.add(q);
                v.add(x);
            }
        }
        if (p.get(p.size() - 1) < 1) {
            double lastTime = km.times().length == 0 ? 1 : km.times()[km.times().length - 1];
            p.add(1.0);
            v.add(Math.max(lastTime, v.get(v.size() - 1)));
        }
        double[][] out = new double[2][p.size()];
        for (int i = 0; i < p.size(); i++) {
            out[0][i] = p.get(i);
            out[1][i] = v.get(i);
        }
        return out;
    }
}
