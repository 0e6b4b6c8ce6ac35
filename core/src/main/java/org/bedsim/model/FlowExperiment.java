package org.bedsim.model;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.bedsim.experiment.Replications;
import org.bedsim.random.RandomStreams;

/** Runs replications of the flow model, in parallel or not, with identical results either way. */
public final class FlowExperiment {
    private FlowExperiment() {
    }

    /**
     * @param settings the configuration
     * @param seed master seed
     * @param replications number of replications, &gt;= 1
     * @param threads worker threads, &gt;= 1
     * @return every replication's result, with 95 % intervals on request
     */
    public static FlowSummary run(FlowSettings settings, long seed, int replications, int threads) {
        return run(settings, seed, replications, threads, r -> { });
    }

    /** As {@link #run(FlowSettings, long, int, int)}, calling {@code onDone} as each replication completes. */
    public static FlowSummary run(FlowSettings settings, long seed, int replications, int threads,
            IntConsumer onDone) {
        RandomStreams streams = new RandomStreams(seed);
        return new FlowSummary(settings, seed, Replications.run(replications, threads,
                r -> new FlowModel(settings, streams.replication(r)).run(), onDone), 0.95);
    }

    /**
     * As {@link #run(FlowSettings, long, int, int, IntConsumer)}, sending each replication's stays to the listener
     * {@code stays} gives for it (called once per replication, from the thread that runs it).
     */
    public static FlowSummary run(FlowSettings settings, long seed, int replications, int threads,
            IntConsumer onDone, IntFunction<StayListener> stays) {
        RandomStreams streams = new RandomStreams(seed);
        return new FlowSummary(settings, seed, Replications.run(replications, threads,
                r -> new FlowModel(settings, streams.replication(r)).withStayListener(stays.apply(r)).run(), onDone),
                0.95);
    }

    /** Runs a single replication (for re-running one alone). */
    public static FlowResult runOne(FlowSettings settings, long seed, int replication) {
        return new FlowModel(settings, new RandomStreams(seed).replication(replication)).run();
    }
}
