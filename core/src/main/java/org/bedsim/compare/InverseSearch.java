package org.bedsim.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.bedsim.dist.Distribution;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Inverse questions: the value of one lever that just meets a target, such as "what cut in length of stay brings
 * 12-hour waits under 2 % of admissions?", "what is the most arrivals a year these beds sustain with a queue on at
 * most 10 % of days?" or "how many beds for no 12-hour wait on 95 % of days?".
 *
 * <p>Implementation notes. The lever's values form a grid from {@code low} to {@code high} in steps of
 * {@code step}. Every value tried runs the same replications on the same seed (common random numbers: each patient
 * keeps its arrival, stays, routes and patience), so the target's measure changes only through the lever and is, in
 * practice, monotone in it; the search assumes so. Both ends are run first: if the end where the target is hardest
 * to meet already meets it, that end is the answer ({@link Result#atBound()}); if the easiest end misses it there is
 * none. Otherwise bisection keeps one grid value that misses and one that meets until they are neighbours, so the
 * answer meets the target (its mean) and the next step towards the hard end does not, and both are reported with
 * their 95 % intervals. A second bisection, between the answer and the easy end, finds the value where the whole
 * interval meets the target (the confident answer). At most about 2 log2(grid size) + 2 values are run. Bisection
 * is used, not a root finder on a fitted curve, because the measure is a step function of integer beds and a noisy
 * function of the other levers.
 */
public final class InverseSearch {
    private InverseSearch() {
    }

    /** What the search moves. */
    public enum Kind {
        /** Beds in one setting (a constant capacity); more beds make a waits target easier. */
        BEDS,
        /** A cut in the length of stay of some cohorts in one setting, as a fraction of each stay; a larger cut
         *  makes it easier. */
        STAY_CUT,
        /** Arrivals a year of some cohorts together (each scaled by the same factor, moving the same patients in
         *  time); fewer make it easier. */
        ARRIVALS
    }

    /**
     * The lever.
     *
     * @param kind what moves
     * @param setting the setting whose beds or stays move (unused for arrivals)
     * @param cohorts the cohorts whose stays or arrivals move; empty for every cohort (every non-elective cohort for
     *     arrivals)
     */
    public record Lever(Kind kind, String setting, List<String> cohorts) {
        /** Freezes. */
        public Lever {
            cohorts = List.copyOf(cohorts);
            if (kind == null || (kind != Kind.ARRIVALS && setting == null)) {
                throw new IllegalArgumentException("a lever needs a kind and, for beds and stays, a setting");
            }
        }

        /** @return true if the target gets easier to meet as the lever's value rises */
        public boolean easierUp() {
            return kind != Kind.ARRIVALS;
        }

        private boolean moves(Cohort c) {
            return cohorts.isEmpty() ? kind != Kind.ARRIVALS || c.type() == Cohort.AdmissionType.NON_ELECTIVE
                    : cohorts.contains(c.name());
        }

        /** @return the arrivals a year of the cohorts the lever moves, in the base */
        public double baseArrivals(FlowSettings base) {
            return base.cohorts().stream().filter(this::moves).mapToDouble(c -> c.arrivals().annualVolume()).sum();
        }

        /** @return the base configuration with the lever at {@code value} */
        public FlowSettings apply(FlowSettings base, double value) {
            return switch (kind) {
                case BEDS -> base.withSettings(base.settings().stream().map(c -> c.name().equals(setting)
                        ? c.withCapacity(CapacityTimeline.constant((int) Math.round(value))) : c).toList());
                case STAY_CUT -> base.withCohorts(base.cohorts().stream().map(c -> {
                    if (!moves(c) || !c.lengthOfStay().containsKey(setting) || value == 0) {
                        return c;
                    }
                    Map<String, Distribution> los = new LinkedHashMap<>(c.lengthOfStay());
                    los.put(setting, los.get(setting).scaled(1 - value));
                    return c.withLengthOfStay(los);
                }).toList());
                case ARRIVALS -> {
                    double factor = value / baseArrivals(base);
                    yield base.withCohorts(base.cohorts().stream()
                            .map(c -> moves(c) ? c.withArrivals(c.arrivals().scaled(factor)) : c).toList());
                }
            };
        }
    }

    /**
     * The answer.
     *
     * @param lever what was moved
     * @param low the range's low end
     * @param high its high end
     * @param step the grid's step
     * @param found false if even the easiest end of the range misses the target
     * @param atBound true if the hardest end already meets it (the answer may lie beyond the range)
     * @param value the value that just meets the target (its mean): the fewest beds, the smallest cut, the most
     *     arrivals; NaN if not found
     * @param atValue the target's measure there
     * @param nextStep the next value on the grid towards the hard end, which misses the target; NaN if none
     * @param atNextStep the target's measure there, or null
     * @param confidentValue the value where the whole 95 % interval meets the target; NaN if none in the range
     * @param atConfidentValue the measure there, or null
     * @param tried every value run, in order, with its measure
     * @param runs configurations run
     */
    public record Result(Lever lever, double low, double high, double step, boolean found, boolean atBound, double value, ConfidenceInterval atValue,
            double nextStep, ConfidenceInterval atNextStep, double confidentValue,
            ConfidenceInterval atConfidentValue, Map<Double, ConfidenceInterval> tried, int runs) {
        /** Freezes. */
        public Result {
            tried = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tried));
        }
    }

    /** @return the most configurations a search over that grid runs */
    public static int maxRuns(double low, double high, double step) {
        long cells = Math.max(1, Math.round((high - low) / step));
        int log = 64 - Long.numberOfLeadingZeros(cells);
        return 2 + 2 * log;
    }

    /**
     * Solves for the lever's value that just meets the target.
     *
     * @param base the configuration
     * @param lever what moves
     * @param target the target, met by its mean (summed over its settings, as in comparisons)
     * @param low the range's low end (beds, a cut as a fraction, arrivals a year)
     * @param high the range's high end, above low
     * @param step the grid's step, &gt; 0 (1 for beds)
     */
    public static Result solve(FlowSettings base, Lever lever, Target target, double low, double high, double step,
            long seed, int replications, int threads, IntConsumer onDone) {
        return solve(base, lever, target, low, high, step, seed, replications, threads, onDone, ResultStore.NONE);
    }

    /**
     * As {@link #solve(FlowSettings, Lever, Target, double, double, double, long, int, int, IntConsumer)}, keeping
     * each value's replications in {@code store} (unit {@code value/<value>}) and taking those it already holds.
     */
    public static Result solve(FlowSettings base, Lever lever, Target target, double low, double high, double step,
            long seed, int replications, int threads, IntConsumer onDone, ResultStore store) {
        if (!(high > low) || !(step > 0)) {
            throw new IllegalArgumentException("a search needs low < high and step > 0, was " + low + ", " + high
                    + ", " + step);
        }
        long cells = Math.round((high - low) / step);
        Map<Double, ConfidenceInterval> tried = new LinkedHashMap<>();
        Evaluator eval = new Evaluator(base, lever, target, seed, replications, threads, onDone, tried, store);
        // grid index i is value low + i step; the easy end is cells (easier up) or 0
        long easy = lever.easierUp() ? cells : 0;
        long hard = lever.easierUp() ? 0 : cells;
        double easyValue = value(low, step, easy, high, cells);
        double hardValue = value(low, step, hard, high, cells);
        ConfidenceInterval atEasy = eval.at(easyValue);
        if (!target.met(atEasy.mean())) {
            return new Result(lever, low, high, step, false, false, Double.NaN, null, Double.NaN, null, Double.NaN, null, tried,
                    eval.runs);
        }
        ConfidenceInterval atHard = eval.at(hardValue);
        long meets = easy;
        ConfidenceInterval atMeets = atEasy;
        if (target.met(atHard.mean())) {
            meets = hard;
            atMeets = atHard;
        } else {
            long misses = hard;
            while (Math.abs(meets - misses) > 1) {
                long mid = (meets + misses) / 2;
                ConfidenceInterval v = eval.at(value(low, step, mid, high, cells));
                if (target.met(v.mean())) {
                    meets = mid;
                    atMeets = v;
                } else {
                    misses = mid;
                }
            }
        }
        boolean atBound = meets == hard;
        double found = value(low, step, meets, high, cells);
        double next = atBound ? Double.NaN : value(low, step, meets + (lever.easierUp() ? -1 : 1), high, cells);
        ConfidenceInterval atNext = atBound ? null : tried.get(next);
        // the confident answer: where the whole interval meets the target, between the answer and the easy end
        double confident = Double.NaN;
        ConfidenceInterval atConfident = null;
        if (wholly(target, atEasy)) {
            long sure = easy;
            atConfident = atEasy;
            if (wholly(target, atMeets)) {
                sure = meets;
                atConfident = atMeets;
            } else {
                long unsure = meets;
                while (Math.abs(sure - unsure) > 1) {
                    long mid = (sure + unsure) / 2;
                    ConfidenceInterval v = eval.at(value(low, step, mid, high, cells));
                    if (wholly(target, v)) {
                        sure = mid;
                        atConfident = v;
                    } else {
                        unsure = mid;
                    }
                }
            }
            confident = value(low, step, sure, high, cells);
        }
        return new Result(lever, low, high, step, true, atBound, found, atMeets, next, atNext, confident, atConfident, tried,
                eval.runs);
    }

    private static boolean wholly(Target t, ConfidenceInterval ci) {
        return Double.isFinite(ci.halfWidth()) && t.met(t.atMost() ? ci.high() : ci.low());
    }

    /** @return the grid's i-th value (the last is exactly high) */
    private static double value(double low, double step, long i, double high, long cells) {
        return i >= cells ? high : low + i * step;
    }

    /** Runs configurations, each value once. */
    private static final class Evaluator {
        final FlowSettings base;
        final Lever lever;
        final Target target;
        final long seed;
        final int replications;
        final int threads;
        final IntConsumer onDone;
        final Map<Double, ConfidenceInterval> tried;
        final ResultStore store;
        int runs;

        Evaluator(FlowSettings base, Lever lever, Target target, long seed, int replications, int threads,
                IntConsumer onDone, Map<Double, ConfidenceInterval> tried, ResultStore store) {
            this.base = base;
            this.lever = lever;
            this.target = target;
            this.seed = seed;
            this.replications = replications;
            this.threads = threads;
            this.onDone = onDone;
            this.tried = tried;
            this.store = store;
        }

        ConfidenceInterval at(double value) {
            ConfidenceInterval known = tried.get(value);
            if (known != null) {
                return known;
            }
            FlowSummary s = Comparisons.run(lever.apply(base, value), seed, replications, threads, onDone, store,
                    "value/" + value);
            runs++;
            ConfidenceInterval ci = ConfidenceInterval.of(Comparisons.targetValues(s, target), 0.95);
            tried.put(value, ci);
            return ci;
        }
    }
}
