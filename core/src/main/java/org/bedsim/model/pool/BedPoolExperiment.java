package org.bedsim.model.pool;

import org.bedsim.experiment.Replications;
import org.bedsim.random.RandomStreams;

/** Runs replications of a bed pool, in parallel or not, with identical results either way. */
public final class BedPoolExperiment {
    private BedPoolExperiment() {
    }

    /**
     * @param settings the pool
     * @param seed master seed; replication r draws from substream r of each named stream
     * @param replications number of replications, &gt;= 1
     * @param threads worker threads, &gt;= 1
     * @return every replication's result with 95 % intervals
     */
    public static BedPoolSummary run(BedPoolSettings settings, long seed, int replications, int threads) {
        RandomStreams streams = new RandomStreams(seed);
        return new BedPoolSummary(settings, seed,
                Replications.run(replications, threads, r -> new BedPool(settings, streams.replication(r)).run()),
                0.95);
    }
}
