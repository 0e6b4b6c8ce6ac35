package org.bedsim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.bedsim.experiment.Replications;
import org.bedsim.random.RandomStreams;

/**
 * Runs replications until a KPI's 95 % interval is narrow enough: a sequential procedure with a cap.
 *
 * <p><b>Implementation notes.</b> The first batch is the scenario's replications (at least {@link #MIN_FIRST}).
 * After each batch the half-width of the KPI's interval ({@link FlowSummary#kpi}: a t interval, or the
 * Wilson-type interval of a share, half its width) is taken in every setting named (the widest counts). If it is
 * above the target, the next batch brings the total to the replications the half-width's 1/sqrt(n) law says are
 * needed, {@code ceil(n (h / target)^2)}, but at least a tenth more and at most four times as many, and never beyond
 * the cap. Each replication runs on its own stream ({@link RandomStreams#replication}), and the batch sizes follow
 * from the results alone, so the same seed gives the same replications, batches and output whatever the thread
 * count. Stopping when the half-width first meets the target makes the interval's coverage slightly below nominal
 * (the half-width is itself random; the first batch of 10 or more keeps this small: Chow and Robbins, 1965).
 */
public final class PrecisionRun {
    /** The fewest replications of the first batch. */
    public static final int MIN_FIRST = 10;

    private PrecisionRun() {
    }

    /**
     * A precision to reach.
     *
     * @param kpi the KPI
     * @param setting the setting it is measured in, or null for every setting (the widest interval counts)
     * @param halfWidth the largest acceptable half-width of its 95 % interval, in the KPI's unit (a share as a
     *     fraction: 0.01 is one percentage point)
     */
    public record Target(SettingKpi kpi, String setting, double halfWidth) {
        /** Validates. */
        public Target {
            if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
                throw new IllegalArgumentException("the half-width must be a positive number, was " + halfWidth);
            }
        }
    }

    /**
     * What a sequential run did.
     *
     * @param summary every replication run
     * @param target the precision asked for
     * @param achieved the half-width reached (the widest over the settings named)
     * @param widest the setting where it is widest
     * @param met whether {@code achieved <= target.halfWidth()}
     * @param cap the most replications allowed
     * @param batches the replications run in each batch, in order
     */
    public record Outcome(FlowSummary summary, Target target, double achieved, String widest, boolean met, int cap,
            List<Integer> batches) {
        /** Freezes. */
        public Outcome {
            batches = List.copyOf(batches);
        }

        /** @return the warning for a precision not reached, or null */
        public String warning() {
            if (met) {
                return null;
            }
            return String.format(java.util.Locale.ROOT, "%s%s: the 95 %% interval's half-width is %.4g after %d "
                    + "replications, the cap, above the %.4g asked for: the results are less precise than asked (raise "
                    + "--max-replications, or ask for less)", target.setting() == null ? "" : target.setting() + ".",
                    target.kpi().key(), achieved, summary.replications().size(), target.halfWidth());
        }
    }

    /**
     * @param settings the configuration
     * @param seed master seed
     * @param first replications of the first batch (raised to {@link #MIN_FIRST}, lowered to the cap)
     * @param cap most replications in all, &gt;= 2
     * @param threads worker threads
     * @param target the precision to reach
     * @param onDone called as each replication completes, with its number
     * @param stays each replication's stay listener (null: none)
     * @return the replications run and whether the precision was met
     */
    public static Outcome run(FlowSettings settings, long seed, int first, int cap, int threads, Target target,
            IntConsumer onDone, IntFunction<StayListener> stays) {
        if (cap < 2) {
            throw new IllegalArgumentException("the cap must allow 2 replications or more, was " + cap);
        }
        if (target.setting() != null) {
            settings.setting(target.setting());
        }
        RandomStreams streams = new RandomStreams(seed);
        List<FlowResult> results = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        int n = Math.min(cap, Math.max(MIN_FIRST, first));
        while (true) {
            int from = results.size();
            int count = n - from;
            results.addAll(Replications.run(count, Math.max(1, Math.min(threads, count)), i -> {
                FlowModel model = new FlowModel(settings, streams.replication(from + i));
                if (stays != null) {
                    model.withStayListener(stays.apply(from + i));
                }
                return model.run();
            }, i -> onDone.accept(from + i)));
            batches.add(count);
            FlowSummary summary = new FlowSummary(settings, seed, results, 0.95);
            double achieved = 0;
            String widest = null;
            for (String name : target.setting() == null ? summary.settingNames() : List.of(target.setting())) {
                double h = summary.kpi(name, target.kpi()).halfWidth();
                if (widest == null || h > achieved || Double.isNaN(h)) {
                    achieved = h;
                    widest = name;
                    if (Double.isNaN(h)) {
                        break;
                    }
                }
            }
            boolean met = achieved <= target.halfWidth();
            if (met || n >= cap) {
                return new Outcome(summary, target, achieved, widest, met, cap, batches);
            }
            double ratio = achieved / target.halfWidth();
            long needed = (long) Math.ceil(n * ratio * ratio);
            long next = Math.max(needed, n + Math.max(1, (n + 9) / 10));
            next = Math.min(next, 4L * n);
            n = (int) Math.min(cap, next);
        }
    }
}
