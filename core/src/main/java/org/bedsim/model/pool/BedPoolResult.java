package org.bedsim.model.pool;

import java.util.Arrays;

/**
 * What one replication of a bed pool measured, over the measured period only (warm-up discarded).
 *
 * @param replication replication number
 * @param arrivals patients who arrived
 * @param admissions patients admitted (immediately or after waiting)
 * @param lost patients turned away because every bed was full (policy LOSE)
 * @param blockingProbability lost / arrivals (0 when nobody arrived)
 * @param meanOccupancy time-weighted mean of occupied beds
 * @param occupancyVariance time-weighted variance of occupied beds
 * @param probabilityFull share of time with every bed occupied (0 for an unlimited pool)
 * @param occupancyDistribution share of time at each occupancy level, index = occupied beds
 * @param meanWaitDays mean wait of admitted patients, days, zero waits included (policy WAIT; else 0)
 * @param p95WaitDays 95th percentile of the wait of admitted patients, days (policy WAIT; else 0)
 * @param waitedCount admitted patients who waited a positive time
 * @param meanQueueLength time-weighted mean number of patients waiting
 * @param bedDays occupied bed-days
 * @param meanAdmittedStayDays mean length of stay of the patients admitted
 * @param measuredDays length of the measured period, days
 * @param events events executed in the measured period
 * @param inSystemAtStart patients in a bed or waiting when the measured period began
 * @param discharges patients who left a bed in the measured period
 * @param inSystemAtEnd patients in a bed or waiting when the measured period ended
 */
public record BedPoolResult(int replication, long arrivals, long admissions, long lost, double blockingProbability,
        double meanOccupancy, double occupancyVariance, double probabilityFull, double[] occupancyDistribution,
        double meanWaitDays, double p95WaitDays, long waitedCount, double meanQueueLength, double bedDays,
        double meanAdmittedStayDays, double measuredDays, long events, long inSystemAtStart, long discharges,
        long inSystemAtEnd) {

    /** Copies the distribution: records stay immutable. */
    public BedPoolResult {
        occupancyDistribution = occupancyDistribution.clone();
    }

    @Override
    public double[] occupancyDistribution() {
        return occupancyDistribution.clone();
    }

    /** @return admissions per day over the measured period */
    public double admissionsPerDay() {
        return admissions / measuredDays;
    }

    /**
     * Little's law residual for the beds: mean occupancy minus admission rate times mean stay of the admitted.
     * Zero in expectation in steady state; only edge effects of the measured window remain.
     */
    public double littleResidual() {
        return admissions == 0 ? meanOccupancy : meanOccupancy - admissionsPerDay() * meanAdmittedStayDays;
    }

    /**
     * Flow balance over the measured period: patients present at the start plus arrivals, minus discharges, losses
     * and patients present at the end. Exactly zero for a correct model.
     */
    public long flowImbalance() {
        return inSystemAtStart + arrivals - discharges - lost - inSystemAtEnd;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BedPoolResult r
                && replication == r.replication && arrivals == r.arrivals && admissions == r.admissions
                && lost == r.lost && Double.compare(blockingProbability, r.blockingProbability) == 0
                && Double.compare(meanOccupancy, r.meanOccupancy) == 0
                && Double.compare(occupancyVariance, r.occupancyVariance) == 0
                && Double.compare(probabilityFull, r.probabilityFull) == 0
                && Arrays.equals(occupancyDistribution, r.occupancyDistribution)
                && Double.compare(meanWaitDays, r.meanWaitDays) == 0
                && Double.compare(p95WaitDays, r.p95WaitDays) == 0 && waitedCount == r.waitedCount
                && Double.compare(meanQueueLength, r.meanQueueLength) == 0
                && Double.compare(bedDays, r.bedDays) == 0
                && Double.compare(meanAdmittedStayDays, r.meanAdmittedStayDays) == 0
                && Double.compare(measuredDays, r.measuredDays) == 0 && events == r.events
                && inSystemAtStart == r.inSystemAtStart && discharges == r.discharges
                && inSystemAtEnd == r.inSystemAtEnd;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(arrivals) + Arrays.hashCode(occupancyDistribution) + Double.hashCode(meanOccupancy);
    }

    @Override
    public String toString() {
        return "BedPoolResult[replication=" + replication + ", arrivals=" + arrivals + ", admissions=" + admissions
                + ", lost=" + lost + ", meanOccupancy=" + meanOccupancy + ", meanWaitDays=" + meanWaitDays + "]";
    }
}
