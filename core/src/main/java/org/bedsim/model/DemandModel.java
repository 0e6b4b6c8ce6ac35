package org.bedsim.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.bedsim.dist.Capped;
import org.bedsim.dist.Distribution;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.Fixed;
import org.bedsim.dist.LogNormal;
import org.bedsim.dist.Sampler;
import org.bedsim.dist.Scaled;
import org.bedsim.random.CounterRandom;
import org.bedsim.random.ReplicationStreams;

/**
 * The demand fast path: the midnight census of every setting when beds are unlimited, computed without an event list,
 * for one replication and any number of configurations of it. It gives exactly the census {@link FlowModel} gives for
 * the same unconstrained settings (a test holds the two to byte-identical census series), in a fraction of the time.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Why no event list is needed.</b> With unlimited beds nobody waits, is blocked, deferred or refused, so
 *       patients never interact. Each patient's arrival time, avoidance, stays and routes are pure functions of its
 *       number and the named streams (see {@link FlowModel}: the counter-based keys {@code los/...},
 *       {@code routing/...}, {@code avoidance/...} and the arrival stream's unit-rate gaps). A patient's visits are
 *       therefore computed one after the other, in the same floating-point arithmetic as the event-driven model
 *       (arrival by inverting the cumulative intensity, each stay added to the time it started), and each visit
 *       adds one to the census of the midnights it spans, through a difference array: one pass over the patients,
 *       no sorting, no heap.</li>
 *   <li><b>Midnights.</b> The census of measured day i is taken at clock time {@code warmup + 1 + i}. A visit from
 *       {@code a} to {@code b} is counted at the midnights T with {@code a <= T < b}; a stay still running at the
 *       end of the horizon is counted at the last midnight (the event-driven model runs events strictly before the
 *       end, then takes the last census). Events at exactly a midnight are ordered by the kernel's sequence numbers,
 *       which this rule follows in every case where the midnight census timer was set after the event (a departure
 *       scheduled more than a day earlier); the other ties have probability zero with continuous stays.</li>
 *   <li><b>One pass serves every configuration.</b> A bridge's configurations differ in volumes, avoidance, stays
 *       and merged settings; a cohort's contribution to the census depends only on the cohort's own compiled
 *       definition (a {@link Cohort} value, equal when unchanged) and the calendar, so contributions are memoised
 *       per cohort definition: a configuration costs only the cohorts it changes. Below that, the arrival stream's
 *       cumulative gaps are drawn once per cohort, and first-visit stays once per (cohort, setting): what is kept
 *       is the draw beneath the distribution (a lognormal's standard normal, an exponential's unit draw, else the
 *       innermost distribution's draw), and each configuration applies its own parameters and its scalings and
 *       caps to it in the sampler's own arithmetic, so a changed stay costs an {@code exp} or a product per patient
 *       instead of a new draw. {@link #staysDrawn()} and {@link #arrivalsDrawn()} count the draws: they do not grow
 *       with the number of configurations.
 *       {@link #patientsVisited()} counts the patients whose visits were computed: a deterministic measure of work
 *       that tests assert, instead of timing anything.</li>
 *   <li><b>The common cohort as a tight loop.</b> A cohort computes its patients' arrival times first (one array,
 *       patient by patient), then their visits. A cohort with one setting whose routes all lead to a sink (every
 *       acute cohort of a bed bridge) runs one loop with no walk: one stay a patient, the stays starting at one
 *       midnight counted in a register (arrivals come in time order), the bed-days summed in a local in patient
 *       order (the same sum). A lognormal's stays {@code exp(mu + sigma z)} are kept for the last (mu, sigma), so an
 *       evaluation that changes only volumes, avoidance or scalings (a volume calibration) computes no {@code exp}
 *       ({@link #lognormalStays()} counts them).</li>
 *   <li><b>Memory of a kept model.</b> {@link #compact} (called when a model is kept between evaluations) drops
 *       the spare arrays and keeps of each array only what the evaluations since the last call needed, and a margin,
 *       so one evaluation at a calibration's upper bound does not keep the model large. First-visit draws are
 *       counter-based, so dropped ones are drawn again the same; the arrival stream is sequential, so a later need
 *       beyond the kept levels draws it again from its start (the same values, counted again by
 *       {@link #arrivalsDrawn()}).</li>
 *   <li><b>What it does not do.</b> Readmissions (whose numbering depends on the order of events across patients)
 *       and limited beds: {@link #supports} says no, and callers use {@link FlowModel}.</li>
 * </ul>
 * The memo of cohort contributions keeps the most recently used {@value #CONTRIBUTIONS} definitions, so a model
 * kept across many evaluations (calibration) stays bounded. Not thread-safe: one instance per replication and thread.
 */
public final class DemandModel {
    private static final double BOOKING_HOUR = 8.0 / 24.0;
    private static final double WORKING_DAYS_PER_YEAR = 365.25 * 5 / 7;
    /** Cohort definitions whose contributions a model keeps (the most recently used). */
    static final int CONTRIBUTIONS = 512;

    private ReplicationStreams streams;
    private final java.util.ArrayDeque<double[]> spare = new java.util.ArrayDeque<>();
    private final Map<String, Long> keys = new HashMap<>();
    private final Map<String, Levels> levels = new HashMap<>();
    private final Map<DrawKey, Draws> draws = new HashMap<>();
    private final Map<ContributionKey, Contribution> contributions = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ContributionKey, Contribution> eldest) {
            return size() > CONTRIBUTIONS;
        }
    };
    private Calendar calendar;
    private double[] times = new double[1024];
    private long patientsVisited;
    private long visits;
    private long cohortsComputed;
    private long arraysAllocated;
    private long staysDrawn;
    private long arrivalsDrawn;
    private long lognormalStays;

    /** @param streams the random streams of the replication */
    public DemandModel(ReplicationStreams streams) {
        this.streams = streams;
    }

    /**
     * Starts another replication, keeping this model's arrays for reuse (so a thread that runs many replications
     * allocates little after the first). The work counters carry on.
     *
     * @param replication the random streams of the next replication
     */
    public void reset(ReplicationStreams replication) {
        this.streams = replication;
        keys.clear();
        for (Levels l : levels.values()) {
            spare.push(l.level);
        }
        levels.clear();
        for (Draws d : draws.values()) {
            spare.push(d.values);
            if (d.stays != null) {
                spare.push(d.stays);
            }
        }
        draws.clear();
        contributions.clear();
    }

    /**
     * Frees what a model kept for later evaluations of the same replication does not need: its spare arrays (kept
     * for reuse after {@link #reset}) and the unused ends of arrays much longer than their draws (arrays are sized
     * generously, and grow by half when an evaluation needs more patients, e.g. a calibration trying a volume at its
     * upper bound). Results do not change.
     */
    public void compact() {
        spare.clear();
        for (Levels l : levels.values()) {
            l.compact();
        }
        for (Draws d : draws.values()) {
            d.compact();
        }
    }

    /**
     * @return {@code a}, or its first {@code used} entries and a margin if it is half as long again (as after an
     *     evaluation at a calibration's upper bound): smaller differences are kept, as copying them makes garbage
     */
    private static double[] trimmed(double[] a, int used) {
        return a.length > used + used / 2 + 1024 ? java.util.Arrays.copyOf(a, used + used / 16 + 64) : a;
    }

    /** @return the smallest spare array of at least {@code n} entries, or a new one (contents undefined) */
    private double[] array(int n) {
        double[] best = null;
        for (double[] a : spare) {
            if (a.length >= n && (best == null || a.length < best.length)) {
                best = a;
            }
        }
        if (best != null) {
            spare.removeFirstOccurrence(best);
            return best;
        }
        arraysAllocated++;
        return new double[Math.max(n, 1024)];
    }

    /** @return {@code a} grown to hold index {@code n}, its first {@code used} entries kept; the old one is spare */
    private double[] grown(double[] a, int used, long n) {
        long size = Math.max(n + 1, a.length + (long) a.length / 2);
        double[] b = array((int) Math.min(Integer.MAX_VALUE - 8, size));
        System.arraycopy(a, 0, b, 0, used);
        spare.push(a);
        return b;
    }

    /**
     * @param settings a configuration
     * @return true if this model computes its demand: every setting has unlimited beds, no cohort readmits and no
     *     routing changes by date
     */
    public static boolean supports(FlowSettings settings) {
        if (!settings.unconstrained() || !settings.routingChanges().isEmpty()) {
            return false; // routing changes by date: the event-driven model switches its tables on the day
        }
        for (Cohort c : settings.cohorts()) {
            if (c.readmission() != null) {
                return false;
            }
        }
        return true;
    }

    /** @return patients whose visits were computed so far (memoised cohorts cost nothing) */
    public long patientsVisited() {
        return patientsVisited;
    }

    /** @return stays computed so far (a patient may have several) */
    public long visits() {
        return visits;
    }

    /** @return per-patient arrays allocated so far (after {@link #reset}, spare arrays are reused first) */
    public long arraysAllocated() {
        return arraysAllocated;
    }

    /** @return cohort definitions computed so far (the rest came from the memo) */
    public long cohortsComputed() {
        return cohortsComputed;
    }

    /**
     * @return first-visit stay draws so far: each patient number's draw under each (cohort, setting) is made once
     *     per replication, whatever the number of configurations and their changes to the stays
     */
    public long staysDrawn() {
        return staysDrawn;
    }

    /**
     * @return lognormal stays computed so far (an {@code exp} each) on the path of cohorts with one setting: an
     *     evaluation that changes only volumes or scalings reuses the last ones
     */
    public long lognormalStays() {
        return lognormalStays;
    }

    /** @return arrival gaps drawn so far: once per cohort and patient number in a replication */
    public long arrivalsDrawn() {
        return arrivalsDrawn;
    }

    /** @return the bytes this model's kept arrays and contributions hold, roughly */
    public long retainedBytes() {
        long b = 0;
        for (double[] a : spare) {
            b += 8L * a.length;
        }
        for (Levels l : levels.values()) {
            b += 8L * l.level.length;
        }
        for (Draws d : draws.values()) {
            b += 8L * d.values.length + (d.stays == null ? 0 : 8L * d.stays.length);
        }
        for (Contribution c : contributions.values()) {
            for (int[] census : c.census) {
                b += 4L * census.length + 64;
            }
        }
        return b;
    }

    /**
     * Computes one configuration's demand in this replication.
     *
     * @param settings a configuration this model {@linkplain #supports supports}
     * @return the census and bed-days of every non-sink setting, in the order of {@code settings}
     */
    public DemandResult run(FlowSettings settings) {
        if (!supports(settings)) {
            throw new IllegalArgumentException("the demand fast path needs unlimited beds and no readmissions");
        }
        Calendar cal = calendar;
        if (cal == null || !cal.start.equals(settings.startDate()) || cal.warmupDays != (int) settings.warmupDays()
                || cal.horizonDays != (int) settings.horizonDays()) {
            cal = new Calendar(settings);
            calendar = cal;
        }
        List<String> names = new ArrayList<>();
        for (CareSetting s : settings.settings()) {
            if (!s.isSink()) {
                names.add(s.name());
            }
        }
        Set<String> sinks = settings.settings().stream().filter(CareSetting::isSink).map(CareSetting::name)
                .collect(Collectors.toUnmodifiableSet());
        int n = names.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(names.get(i), i);
        }
        int days = cal.horizonDays;
        int[] occupied = new int[days * n];
        double[] bedDays = new double[n];
        for (Cohort c : settings.cohorts()) {
            ContributionKey key = new ContributionKey(c, cal.start, cal.warmupDays, cal.horizonDays, sinks);
            Contribution contribution = contributions.get(key);
            if (contribution == null) {
                contribution = compute(c, cal, sinks);
                contributions.put(key, contribution);
            }
            for (int k = 0; k < contribution.settings.length; k++) {
                int s = index.get(contribution.settings[k]);
                int[] census = contribution.census[k];
                for (int d = 0; d < days; d++) {
                    occupied[d * n + s] += census[d];
                }
                bedDays[s] += contribution.bedDays[k];
            }
        }
        return new DemandResult(settings.startDate(), names, occupied, bedDays, days);
    }

    // ---- one cohort ------------------------------------------------------------------------------------------------

    /** The census and bed-days one cohort definition adds to each setting it uses. */
    private record Contribution(String[] settings, int[][] census, double[] bedDays) {
    }

    private record ContributionKey(Cohort cohort, LocalDate start, int warmup, int horizon, Set<String> sinks) {
    }

    /** A stream of first-visit draws: the cohort and setting (whose key it uses) and what is drawn. */
    private record DrawKey(String cohort, String setting, Object drawn) {
    }

    /** The calendar of a configuration: clock days, weekdays and months. */
    private static final class Calendar {
        final LocalDate start;
        final int warmupDays;
        final int horizonDays;
        final int totalDays;
        final int[] weekdayOfDay;
        final int[] monthOfDay;

        Calendar(FlowSettings s) {
            start = s.startDate();
            warmupDays = (int) s.warmupDays();
            horizonDays = (int) s.horizonDays();
            totalDays = warmupDays + horizonDays;
            LocalDate day0 = start.minusDays(warmupDays);
            weekdayOfDay = new int[totalDays + 1];
            monthOfDay = new int[totalDays + 1];
            for (int d = 0; d <= totalDays; d++) {
                LocalDate date = day0.plusDays(d);
                weekdayOfDay[d] = date.getDayOfWeek().getValue() - 1;
                monthOfDay[d] = date.getMonthValue() - 1;
            }
        }
    }

    /**
     * A cohort's arrival stream: the running sums of its unit-rate exponential gaps, drawn as far as needed. The
     * stream is sequential, so after {@link #compact} has dropped levels its generator is ahead of them: a later need
     * beyond what was kept draws the stream again from its start (the same values).
     */
    private final class Levels {
        final String name;
        ZigguratSampler.Exponential gaps;
        double[] level;
        int drawn;
        /** Levels evaluations asked for since the last {@link #compact}. */
        int needed;
        /** True when the generator has gone past {@code drawn} (levels were dropped). */
        boolean ahead;

        Levels(String name, int expected) {
            this.name = name;
            this.gaps = ZigguratSampler.Exponential.of(streams.stream("arrivals/" + name));
            this.level = array(expected);
        }

        /**
         * @return how many levels lie below {@code limit} (they are increasing), drawing until one does not (so the
         *     first level at or beyond it is drawn too)
         */
        int countBelow(double limit) {
            while (drawn == 0 || level[drawn - 1] < limit) {
                draw(drawn);
            }
            int lo = 0; // the answer lies in [lo, hi]: level[hi] >= limit
            int hi = drawn - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (level[mid] < limit) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            needed = Math.max(needed, lo + 1);
            return lo;
        }

        private void draw(int i) {
            if (ahead) {
                gaps = ZigguratSampler.Exponential.of(streams.stream("arrivals/" + name));
                drawn = 0;
                ahead = false;
            }
            if (i >= level.length) {
                level = grown(level, drawn, i);
            }
            double[] l = level;
            double last = drawn == 0 ? 0.0 : l[drawn - 1];
            for (int j = drawn; j <= i; j++) {
                last = (j == 0 ? 0.0 : last) + gaps.sample();
                l[j] = last;
            }
            arrivalsDrawn += i + 1 - drawn;
            drawn = i + 1;
        }

        /** Keeps the levels the evaluations since the last call needed, and a margin. */
        void compact() {
            if (needed == 0) {
                return;
            }
            int keep = needed + needed / 16 + 64;
            if (drawn > keep + needed / 8) {
                drawn = keep;
                ahead = true;
            }
            level = trimmed(level, drawn);
            needed = 0;
        }
    }

    /**
     * First-visit draws of one (cohort, setting) for patients 0, 1, ...: the value beneath the distribution, drawn
     * at the counter-based position (the setting's key, patient number) exactly as the distribution's sampler
     * draws it there.
     */
    private final class Draws {
        final long key;
        final Sampler sampler;
        double[] values;
        int drawn;
        /** Patients whose draws evaluations asked for since the last {@link #compact}. */
        int needed;
        /** Lognormal stays kept for one (a, b): see {@link #lognormal}. */
        double[] stays;
        int staysCount;
        double stayA;
        double stayB;

        Draws(long key, Sampler sampler, CounterRandom rng, int expected) {
            this.key = key;
            this.sampler = sampler;
            this.rng = rng;
            this.values = array(expected);
        }

        private final CounterRandom rng;

        double get(int n) {
            if (n >= drawn) {
                draw(n);
            }
            needed = Math.max(needed, n + 1);
            return values[n];
        }

        /** @return the draws, made up to patient {@code n} at least */
        double[] upTo(int n) {
            if (n >= drawn) {
                draw(n);
            }
            needed = Math.max(needed, n + 1);
            return values;
        }

        /**
         * Keeps only the draws the evaluations since the last call needed (counter-based: any dropped draw is made
         * again, the same, if an evaluation needs it later).
         */
        void compact() {
            if (needed == 0) {
                return; // not used since: kept as it is
            }
            int keep = needed + needed / 16 + 64;
            drawn = Math.min(drawn, keep);
            values = trimmed(values, drawn);
            if (stays != null) {
                staysCount = Math.min(staysCount, keep);
                stays = trimmed(stays, staysCount);
            }
            needed = 0;
        }

        /**
         * @return {@code exp(a + b z)} of patients 0 to n - 1 (a lognormal sampler's arithmetic on its standard
         *     normal z): kept for the last (a, b), so evaluations that leave a stay unchanged (a volume calibration)
         *     skip the {@code exp}
         */
        double[] lognormal(double a, double b, int n) {
            if (n > 0) {
                upTo(n - 1);
            }
            boolean same = stays != null && Double.doubleToLongBits(a) == Double.doubleToLongBits(stayA)
                    && Double.doubleToLongBits(b) == Double.doubleToLongBits(stayB);
            if (same && staysCount >= n) {
                return stays;
            }
            int from = same ? staysCount : 0; // the same stays for more patients: only the new ones are computed
            if (stays == null || stays.length < n) {
                double[] grown = array(n + n / 16 + 64);
                if (stays != null) {
                    System.arraycopy(stays, 0, grown, 0, from);
                    spare.push(stays);
                }
                stays = grown;
            }
            double[] w = stays;
            double[] z = values;
            for (int i = from; i < n; i++) {
                w[i] = Math.exp(a + b * z[i]);
            }
            lognormalStays += n - from;
            staysCount = n;
            stayA = a;
            stayB = b;
            return w;
        }

        private void draw(int n) {
            if (n >= values.length) {
                values = grown(values, drawn, n);
            }
            double[] v = values;
            for (int j = drawn; j <= n; j++) {
                rng.position(key, j);
                v[j] = sampler.sample();
            }
            staysDrawn += n + 1 - drawn;
            drawn = n + 1;
        }
    }

    /** What a first-visit draw is turned into: the innermost distribution, then scalings and caps, inner first. */
    private static final int LOGNORMAL = 0;
    private static final int EXPONENTIAL = 1;
    private static final int FIXED = 2;
    private static final int OTHER = 3;

    /** A cohort definition's stay in one setting: its draws and the arithmetic of its sampler applied to them. */
    private static final class Stay {
        final Draws draws;
        final int kind;
        final double a;
        final double b;
        final boolean[] isCap;
        final double[] by;

        Stay(Draws draws, int kind, double a, double b, boolean[] isCap, double[] by) {
            this.draws = draws;
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.isCap = isCap;
            this.by = by;
        }

        /** @return patient n's first stay: the value the distribution's sampler gives at this position */
        double first(int n) {
            double x;
            switch (kind) {
                case LOGNORMAL -> x = Math.exp(a + b * draws.get(n)); // LogNormal's sampler: exp(mu + sigma z)
                case EXPONENTIAL -> x = draws.get(n) * a;             // ZigguratSampler.ExponentialMean: e * mean
                case FIXED -> x = a;
                default -> x = draws.get(n);
            }
            for (int i = 0; i < by.length; i++) {
                x = isCap[i] ? Math.min(x, by[i]) : x * by[i];        // Capped: min(x, max); Scaled: x * factor
            }
            return x;
        }
    }

    /** @return the first-visit stay of cohort {@code name} in setting {@code s} for distribution {@code d} */
    private Stay stay(String name, String s, Distribution d, int expected) {
        List<Boolean> caps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Distribution inner = d;
        while (true) {
            if (inner instanceof Scaled sc) {
                caps.add(0, false);
                values.add(0, sc.factor());
                inner = sc.inner();
            } else if (inner instanceof Capped cp) {
                caps.add(0, true);
                values.add(0, cp.max());
                inner = cp.inner();
            } else {
                break;
            }
        }
        boolean[] isCap = new boolean[caps.size()];
        double[] by = new double[caps.size()];
        for (int i = 0; i < by.length; i++) {
            isCap[i] = caps.get(i);
            by[i] = values.get(i);
        }
        long key = key("los/" + name + "/" + s);
        if (inner instanceof Fixed f) {
            return new Stay(null, FIXED, f.value(), 0, isCap, by);
        }
        int kind = inner instanceof LogNormal ? LOGNORMAL : inner instanceof Exponential ? EXPONENTIAL : OTHER;
        Object drawn = kind == LOGNORMAL ? "standard normal" : kind == EXPONENTIAL ? "unit exponential" : inner;
        Distribution innermost = inner;
        Draws dr = draws.computeIfAbsent(new DrawKey(name, s, drawn), k -> {
            CounterRandom rng = new CounterRandom();
            Sampler sampler = switch (kind) {
                case LOGNORMAL -> ZigguratSampler.NormalizedGaussian.of(rng)::sample;
                case EXPONENTIAL -> ZigguratSampler.Exponential.of(rng)::sample;
                default -> innermost.sampler(rng);
            };
            return new Draws(key, sampler, rng, expected);
        });
        return switch (kind) {
            case LOGNORMAL -> new Stay(dr, kind, ((LogNormal) inner).mu(), ((LogNormal) inner).sigma(), isCap, by);
            case EXPONENTIAL -> new Stay(dr, kind, ((Exponential) inner).mean(), 0, isCap, by);
            default -> new Stay(dr, kind, 0, 0, isCap, by);
        };
    }

    private Contribution compute(Cohort c, Calendar cal, Set<String> sinks) {
        cohortsComputed++;
        String name = c.name();
        // local settings: those with a stay, in the order of the cohort's lengths of stay (as in FlowModel)
        List<String> locals = new ArrayList<>();
        for (String s : c.lengthOfStay().keySet()) {
            if (!locals.contains(s) && !sinks.contains(s)) {
                locals.add(s);
            }
        }
        int m = locals.size();
        if (m > 63) {
            throw new IllegalArgumentException("cohort " + name + " uses more than 63 settings");
        }
        Map<String, Integer> localOf = new HashMap<>();
        for (int k = 0; k < m; k++) {
            localOf.put(locals.get(k), k);
        }
        int total = cal.totalDays;
        // patients expected over the whole run (warm-up included), and a margin of 5 % (the count's Poisson spread
        // is far smaller): the arrays are sized once for them, and compact() finds nothing to trim
        ArrivalPattern a = c.arrivals();
        int expected = (int) Math.min(Integer.MAX_VALUE - 8,
                a.annualVolume() * Math.pow(1 + Math.max(0, a.growthPerYear()), total / 365.25) * 1.05 * total
                        / 365.25 + 1024);

        double[][] cumulative = new double[m][];
        int[][] destinations = new int[m][]; // local index, or -1 for a sink
        boolean[] terminal = new boolean[m]; // every route leads to a sink
        CounterRandom[] random = new CounterRandom[m];
        Sampler[] revisit = new Sampler[m];
        Stay[] first = new Stay[m];
        long[] losRevisitKey = new long[m];
        long[] routeKey = new long[m];
        long[] routeRevisitKey = new long[m];
        for (int k = 0; k < m; k++) {
            String s = locals.get(k);
            List<Route> routes = c.routing().getOrDefault(s, List.of(new Route(FlowSettings.HOME, 1)));
            cumulative[k] = new double[routes.size()];
            destinations[k] = new int[routes.size()];
            double sum = 0;
            boolean allSinks = true;
            for (int i = 0; i < routes.size(); i++) {
                sum += routes.get(i).probability();
                cumulative[k][i] = sum;
                Integer to = localOf.get(routes.get(i).to());
                destinations[k][i] = sinks.contains(routes.get(i).to()) || to == null ? -1 : to;
                allSinks &= destinations[k][i] < 0;
            }
            terminal[k] = allSinks;
            Distribution d = c.lengthOfStay().get(s);
            random[k] = new CounterRandom();
            revisit[k] = d.sampler(random[k]);
            first[k] = stay(name, s, d, expected);
            losRevisitKey[k] = key("los/" + name + "/" + s + "/revisits");
            routeKey[k] = key("routing/" + name + "/" + s);
            routeRevisitKey[k] = key("routing/" + name + "/" + s + "/revisits");
        }
        long avoidanceKey = key("avoidance/" + name);
        double avoidShare = c.avoidance().share();
        int entry = localOf.get(c.entry());
        int redirect = c.avoidance().redirectTo() == null ? -1 : localOf.getOrDefault(c.avoidance().redirectTo(), -2);
        if (redirect == -2) {
            throw new IllegalArgumentException("cohort " + name + " is redirected to a setting without a stay");
        }

        int w1 = cal.warmupDays + 1;
        int[][] diff = new int[m][cal.horizonDays + 2];
        double[] bedDays = new double[m];
        Walk walk = new Walk(diff, bedDays, w1, total, cal.warmupDays, cumulative, destinations, terminal, random,
                revisit, first, losRevisitKey, routeKey, routeRevisitKey);

        // the arrival times first, patient number by patient number, then the visits
        int n;
        if (c.type() == Cohort.AdmissionType.ELECTIVE) {
            // booked at 08:00 on working days: the daily quota with its fraction carried
            double[] dow = a.dayOfWeek();
            double[] month = a.month();
            double working = dow[0] + dow[1] + dow[2] + dow[3] + dow[4];
            double carry = 0;
            int number = 0;
            for (int d = 0; d < total; d++) {
                if (cal.weekdayOfDay[d] >= 5) {
                    continue;
                }
                double now = d + BOOKING_HOUR;
                int day = (int) now;
                double weight = working == 0 ? 1 : dow[cal.weekdayOfDay[day]] * 5 / working;
                double years = Math.max(0, day + 0.5 - cal.warmupDays) / 365.25;
                carry += a.annualVolume() / WORKING_DAYS_PER_YEAR * weight * month[cal.monthOfDay[day]]
                        * Math.pow(1 + a.growthPerYear(), years);
                int count = (int) carry;
                carry -= count;
                double[] t = times(number + count);
                for (int i = 0; i < count; i++) {
                    t[number++] = now;
                }
            }
            n = number;
        } else {
            // non-elective: unit-rate gaps mapped through the cumulative intensity of the days
            double[] dow = a.dayOfWeek();
            double[] month = a.month();
            double base = a.annualVolume() / 365.25;
            double[] dayRate = new double[total];
            double[] cum = new double[total + 1];
            for (int d = 0; d < total; d++) {
                double years = Math.max(0, d + 0.5 - cal.warmupDays) / 365.25;
                dayRate[d] = base * dow[cal.weekdayOfDay[d]] * month[cal.monthOfDay[d]]
                        * Math.pow(1 + a.growthPerYear(), years);
                cum[d + 1] = cum[d] + dayRate[d];
            }
            Levels lv = levels.computeIfAbsent(name, x -> new Levels(x, expected));
            // the patients are those whose level is below the whole run's cumulative intensity (the first one at
            // or beyond it is drawn too, as the event-driven model draws it before finding it past the end)
            n = lv.countBelow(cum[total]);
            double[] level = lv.level;
            double[] t = times(n);
            int day = 0;
            double now = 0;
            for (int i = 0; i < n; i++) {
                double l = level[i];
                while (cum[day + 1] <= l) {
                    day++;
                }
                double at = Math.max(day + (l - cum[day]) / dayRate[day], now);
                now = at;
                t[i] = at;
            }
        }
        double[] t = times;
        if (m == 1 && terminal[0] && redirect < 0) {
            single(first[0], n, t, diff[0], bedDays, w1, total, cal.warmupDays, avoidShare, avoidanceKey);
        } else {
            for (int i = 0; i < n; i++) {
                patient(walk, i, t[i], avoidShare, avoidanceKey, entry, redirect);
            }
        }

        int[][] census = new int[m][cal.horizonDays];
        for (int k = 0; k < m; k++) {
            int level = 0;
            for (int d = 0; d < cal.horizonDays; d++) {
                level += diff[k][d];
                census[k][d] = level;
            }
        }
        return new Contribution(locals.toArray(new String[0]), census, bedDays);
    }

    /** @return the scratch array of arrival times, holding at least {@code n} */
    private double[] times(int n) {
        if (times.length < n) {
            times = java.util.Arrays.copyOf(times, Math.max(n, times.length + times.length / 2));
        }
        return times;
    }

    /**
     * The visits of a cohort with one setting whose routes all lead to a sink, and no redirection: one stay a
     * patient (the common case, as a tight loop). The same arithmetic as {@link Walk}, patient by patient.
     */
    private void single(Stay stay, int n, double[] t, int[] diff, double[] bedDays, int w1, int total, int warmup,
            double avoidShare, long avoidanceKey) {
        // a lognormal's z holds its stays exp(mu + sigma * normal) already, as LogNormal's sampler computes them
        double[] z = stay.kind == FIXED ? null
                : stay.kind == LOGNORMAL ? stay.draws.lognormal(stay.a, stay.b, n) : stay.draws.upTo(n - 1);
        int kind = stay.kind;
        double pa = stay.a;
        boolean[] isCap = stay.isCap;
        double[] by = stay.by;
        boolean avoid = avoidShare > 0;
        double used = bedDays[0];
        long walked = 0;
        int start = w1;
        int starting = 0;
        for (int i = 0; i < n; i++) {
            if (avoid && CounterRandom.uniform(avoidanceKey, i) < avoidShare) {
                continue;
            }
            double x;
            if (kind == LOGNORMAL) {
                x = z[i];
            } else if (kind == EXPONENTIAL) {
                x = z[i] * pa;
            } else if (kind == FIXED) {
                x = pa;
            } else {
                x = z[i];
            }
            for (int k = 0; k < by.length; k++) {
                x = isCap[k] ? Math.min(x, by[k]) : x * by[k];
            }
            double from = t[i];
            double to = from + x;
            int lo = Math.max(ceil(from), w1);
            int hi = to >= total ? total + 1 : ceil(to);
            if (lo < hi) {
                // arrivals come in time order, so the midnight a stay starts counting at never goes back: the
                // stays starting at one midnight are counted in a register and added to the array when it moves
                if (lo != start) {
                    diff[start - w1] += starting;
                    start = lo;
                    starting = 0;
                }
                starting++;
                diff[hi - w1]--;
            }
            double u = Math.min(to, total) - Math.max(from, warmup);
            if (u > 0) {
                used += u;
            }
            walked++;
        }
        diff[start - w1] += starting;
        bedDays[0] = used;
        patientsVisited += walked;
        visits += walked;
    }

    private void patient(Walk w, int n, double arrivedAt, double avoidShare, long avoidanceKey, int entry,
            int redirect) {
        int s = entry;
        if (avoidShare > 0 && CounterRandom.uniform(avoidanceKey, n) < avoidShare) {
            if (redirect < 0) {
                return;
            }
            s = redirect;
        }
        patientsVisited++;
        visits += w.walk(n, arrivedAt, s);
    }

    /** One cohort definition's patients walking through their settings, adding to the census. */
    private static final class Walk {
        final int[][] diff;
        final double[] bedDays;
        final int w1;
        final int total;
        final int warmup;
        final double[][] cumulative;
        final int[][] destinations;
        final boolean[] terminal;
        final CounterRandom[] random;
        final Sampler[] revisit;
        final Stay[] first;
        final long[] losRevisitKey;
        final long[] routeKey;
        final long[] routeRevisitKey;

        Walk(int[][] diff, double[] bedDays, int w1, int total, int warmup, double[][] cumulative,
                int[][] destinations, boolean[] terminal, CounterRandom[] random, Sampler[] revisit, Stay[] first,
                long[] losRevisitKey, long[] routeKey, long[] routeRevisitKey) {
            this.diff = diff;
            this.bedDays = bedDays;
            this.w1 = w1;
            this.total = total;
            this.warmup = warmup;
            this.cumulative = cumulative;
            this.destinations = destinations;
            this.terminal = terminal;
            this.random = random;
            this.revisit = revisit;
            this.first = first;
            this.losRevisitKey = losRevisitKey;
            this.routeKey = routeKey;
            this.routeRevisitKey = routeRevisitKey;
        }

        /** Walks patient n from its arrival at setting s; returns the number of stays. */
        int walk(int n, double arrivedAt, int s) {
            long visited = 0;
            int moves = 0;
            double time = arrivedAt;
            int stays = 0;
            while (true) {
                long bit = 1L << s;
                double length;
                if ((visited & bit) == 0) {
                    length = first[s].first(n);
                } else {
                    random[s].position(losRevisitKey[s], ((long) n << 10) | (moves & 1023));
                    length = revisit[s].sample();
                }
                moves++;
                stays++;
                double end = time + length;
                count(s, time, end);
                if (!(end < total) || terminal[s]) {
                    return stays; // still in its bed when the run ends, or gone to a sink whichever route it takes
                }
                int[] to = destinations[s];
                int next;
                if (to.length == 1) {
                    visited |= bit;
                    next = to[0];
                } else {
                    double u;
                    if ((visited & bit) == 0) {
                        visited |= bit;
                        u = CounterRandom.uniform(routeKey[s], n);
                    } else {
                        u = CounterRandom.uniform(routeRevisitKey[s], ((long) n << 10) | (moves & 1023));
                    }
                    double[] cum = cumulative[s];
                    next = to[to.length - 1];
                    for (int i = 0; i < cum.length - 1; i++) {
                        if (u < cum[i]) {
                            next = to[i];
                            break;
                        }
                    }
                }
                if (next < 0) {
                    return stays;
                }
                s = next;
                time = end;
            }
        }

        /** Adds the visit [a, b) at s to the midnights it spans and to the measured bed-days. */
        private void count(int s, double a, double b) {
            int lo = Math.max(ceil(a), w1);
            int hi = b >= total ? total + 1 : ceil(b);
            if (lo < hi) {
                int[] d = diff[s];
                d[lo - w1]++;
                d[hi - w1]--;
            }
            double used = Math.min(b, total) - Math.max(a, warmup);
            if (used > 0) {
                bedDays[s] += used;
            }
        }
    }

    /** Math.ceil for a time in [0, 2^31) (cheaper than the library's on some processors). */
    private static int ceil(double t) {
        int f = (int) t;
        return t > f ? f + 1 : f;
    }

    private long key(String name) {
        Long k = keys.get(name);
        if (k == null) {
            k = streams.stream(name).nextLong();
            keys.put(name, k);
        }
        return k;
    }
}
