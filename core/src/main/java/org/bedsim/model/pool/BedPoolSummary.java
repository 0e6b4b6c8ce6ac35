package org.bedsim.model.pool;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.ProportionInterval;

/**
 * A bed pool's results across replications: each replication's result and a confidence interval per measure.
 *
 * @param settings what was run
 * @param seed master seed
 * @param replications each replication's result, in replication order
 * @param level confidence level of the intervals (e.g. 0.95)
 */
public record BedPoolSummary(BedPoolSettings settings, long seed, List<BedPoolResult> replications, double level) {

    /** Freezes the list. */
    public BedPoolSummary {
        replications = List.copyOf(replications);
    }

    /** @return the interval across replications of any per-replication measure */
    public ConfidenceInterval interval(ToDoubleFunction<BedPoolResult> measure) {
        double[] values = replications.stream().mapToDouble(measure).toArray();
        return ConfidenceInterval.of(values, level);
    }

    /** @return interval of admissions per replication */
    public ConfidenceInterval admissions() {
        return interval(r -> r.admissions());
    }

    /** @return interval of patients lost per replication */
    public ConfidenceInterval lost() {
        return interval(r -> r.lost());
    }

    /** @return interval of the blocking probability */
    public ConfidenceInterval blockingProbability() {
        return interval(BedPoolResult::blockingProbability);
    }

    /**
     * @return the pooled loss probability (lost out of arrivals) with an interval that stays in [0, 1] and holds
     *     for few losses ({@link ProportionInterval})
     */
    public ProportionInterval lossProbability() {
        long[] lost = replications.stream().mapToLong(BedPoolResult::lost).toArray();
        long[] arrivals = replications.stream().mapToLong(BedPoolResult::arrivals).toArray();
        return ProportionInterval.of(lost, arrivals, level);
    }

    /** @return interval of the mean occupancy */
    public ConfidenceInterval meanOccupancy() {
        return interval(BedPoolResult::meanOccupancy);
    }

    /** @return interval of the mean wait, days */
    public ConfidenceInterval meanWaitDays() {
        return interval(BedPoolResult::meanWaitDays);
    }

    /** @return interval of the 95th percentile wait, days */
    public ConfidenceInterval p95WaitDays() {
        return interval(BedPoolResult::p95WaitDays);
    }

    /** @return interval of occupied bed-days */
    public ConfidenceInterval bedDays() {
        return interval(BedPoolResult::bedDays);
    }

    /** @return interval of the Little's-law residual (should cover 0) */
    public ConfidenceInterval littleResidual() {
        return interval(BedPoolResult::littleResidual);
    }

    /** @return total events executed over all replications' measured periods */
    public long events() {
        return replications.stream().mapToLong(BedPoolResult::events).sum();
    }
}
