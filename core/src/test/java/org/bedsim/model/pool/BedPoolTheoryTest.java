package org.bedsim.model.pool;

import static org.bedsim.model.pool.TheoryAssertions.assertCovers;
import static org.bedsim.model.pool.TheoryAssertions.assertCoversZero;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.bedsim.dist.Distribution;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.LogNormal;
import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.Erlang;
import org.junit.jupiter.api.Test;

/** The bed pool against queueing theory: Erlang B, Erlang C, M/G/infinity, Little's law and flow balance. */
class BedPoolTheoryTest {

    private static double[] values(BedPoolSummary s, ToDoubleFunction<BedPoolResult> f) {
        return s.replications().stream().mapToDouble(f).toArray();
    }

    private static BedPoolSummary run(double lambda, Distribution los, int beds, FullPolicy policy, double warmup,
            double measured, long seed, int reps) {
        return BedPoolExperiment.run(new BedPoolSettings(lambda, los, beds, policy, warmup, measured), seed, reps, 2);
    }

    private static void assertFlowAndLittle(BedPoolSummary s, double littleTolerance) {
        for (BedPoolResult r : s.replications()) {
            assertEquals(0, r.flowImbalance(), () -> "flow balance, replication " + r.replication());
        }
        assertCoversZero("Little's law (beds)", values(s, BedPoolResult::littleResidual), littleTolerance);
    }

    @Test
    void lossSystem_exponentialStays_blockingMatchesErlangB() {
        BedPoolSummary s = run(10, Exponential.ofMean(3), 35, FullPolicy.LOSE, 100, 10_000, 101, 40);
        double b = Erlang.lossProbability(30, 35);
        ConfidenceInterval ci =
                assertCovers("blocking, M/M/35/35", values(s, BedPoolResult::blockingProbability), b, 0.04);
        // the test discriminates: one bed more or fewer falls outside the interval
        assertFalse(ci.contains(Erlang.lossProbability(30, 34)), ci::toString);
        assertFalse(ci.contains(Erlang.lossProbability(30, 36)), ci::toString);
        // mean occupancy of a loss system: A (1 - B)
        assertCovers("occupancy, M/M/35/35", values(s, BedPoolResult::meanOccupancy), 30 * (1 - b), 0.01);
        assertFlowAndLittle(s, 0.05);
    }

    @Test
    void lossSystem_lognormalStays_blockingMatchesErlangB_insensitivity() {
        BedPoolSummary s = run(10, LogNormal.ofMeanSd(3, 4), 35, FullPolicy.LOSE, 100, 10_000, 102, 40);
        double b = Erlang.lossProbability(30, 35);
        assertCovers("blocking, M/G/35/35", values(s, BedPoolResult::blockingProbability), b, 0.04);
        assertCovers("occupancy, M/G/35/35", values(s, BedPoolResult::meanOccupancy), 30 * (1 - b), 0.01);
        assertFlowAndLittle(s, 0.05);
    }

    @Test
    void lossSystem_hospitalSizeStandardWorkload_blockingMatchesErlangB() {
        // shared/reference/peer-benchmarks.md: 400 a day, lognormal 4.5 / 6 days, 1,940 beds; B = 4.485e-5.
        // Blocking this rare needs many replications: 64 of 1 year warm-up and 10 years measured (about 200 million
        // events). The interval is then about +/-35 %, enough to tell 1,940 beds from 1,930 or 1,950 (factor 2).
        BedPoolSummary s = run(400, LogNormal.ofMeanSd(4.5, 6), 1940, FullPolicy.LOSE, 365, 3650, 103, 64);
        double b = Erlang.lossProbability(1800, 1940);
        ConfidenceInterval ci =
                assertCovers("blocking, 1,940 beds", values(s, BedPoolResult::blockingProbability), b, 0.4);
        assertFalse(ci.contains(Erlang.lossProbability(1800, 1930)), ci::toString);
        assertFalse(ci.contains(Erlang.lossProbability(1800, 1950)), ci::toString);
        assertCovers("occupancy, 1,940 beds", values(s, BedPoolResult::meanOccupancy), 1800 * (1 - b), 0.001);
        assertFlowAndLittle(s, 2.0);
    }

    @Test
    void unlimitedBeds_occupancyIsPoisson_meanAndVarianceEqualOfferedLoad() {
        BedPoolSummary s = run(50, LogNormal.ofMeanSd(4.5, 6), BedPoolSettings.UNLIMITED, FullPolicy.LOSE, 200, 4000,
                104, 30);
        double load = 50 * 4.5;
        assertCovers("M/G/inf mean", values(s, BedPoolResult::meanOccupancy), load, 0.01);
        assertCovers("M/G/inf variance", values(s, BedPoolResult::occupancyVariance), load, 0.05);
        // the 95th percentile of a Poisson(225) occupancy: the simulated share of time above it is about 5 %
        int q95 = Erlang.infiniteServerQuantile(load, 0.95);
        double exceed = Erlang.infiniteServerExceedance(load, q95);
        assertCovers("M/G/inf P(N > q95)", values(s, r -> above(r.occupancyDistribution(), q95)), exceed, 0.15);
        for (BedPoolResult r : s.replications()) {
            assertEquals(0, r.lost());
            assertEquals(0.0, r.meanWaitDays());
        }
        assertFlowAndLittle(s, 0.5);
    }

    @Test
    void delaySystem_exponentialStays_meanWaitMatchesErlangC() {
        BedPoolSummary s = run(8, Exponential.ofMean(1), 10, FullPolicy.WAIT, 100, 5000, 105, 20);
        double wq = Erlang.meanWait(8, 10, 1.0);
        double lq = Erlang.meanQueueLength(8, 10);
        assertCovers("Erlang C mean wait", values(s, BedPoolResult::meanWaitDays), wq, 0.08);
        assertCovers("Erlang C mean queue", values(s, BedPoolResult::meanQueueLength), lq, 0.08);
        double delayed = Erlang.delayProbability(8, 10);
        assertCovers("Erlang C P(wait)", values(s, r -> (double) r.waitedCount() / r.admissions()), delayed, 0.05);
        // Little's law for the queue: Lq = lambda Wq
        assertCoversZero("Little's law (queue)",
                values(s, r -> r.meanQueueLength() - r.admissionsPerDay() * r.meanWaitDays()), 0.02);
        for (BedPoolResult r : s.replications()) {
            assertEquals(0, r.lost());
        }
        assertFlowAndLittle(s, 0.05);
    }

    @Test
    void zeroArrivals_giveZeroOccupancyAndNoEvents() {
        BedPoolSummary s = run(0, Exponential.ofMean(3), 10, FullPolicy.WAIT, 10, 100, 1, 2);
        for (BedPoolResult r : s.replications()) {
            assertEquals(0, r.arrivals());
            assertEquals(0.0, r.meanOccupancy());
            assertEquals(0.0, r.bedDays());
            assertEquals(0, r.events());
            assertEquals(1.0, r.occupancyDistribution()[0]);
        }
    }

    @Test
    void replications_sameSeed_identicalTwiceAndWhateverTheThreads() {
        BedPoolSettings settings = new BedPoolSettings(20, LogNormal.ofMeanSd(4, 5), 90, FullPolicy.WAIT, 30, 300);
        List<BedPoolResult> serial = BedPoolExperiment.run(settings, 77, 6, 1).replications();
        List<BedPoolResult> again = BedPoolExperiment.run(settings, 77, 6, 1).replications();
        List<BedPoolResult> parallel = BedPoolExperiment.run(settings, 77, 6, 3).replications();
        assertEquals(serial, again);
        assertEquals(serial, parallel);
        List<BedPoolResult> otherSeed = BedPoolExperiment.run(settings, 78, 6, 1).replications();
        assertEquals(false, serial.equals(otherSeed));
    }

    @Test
    void bedCount_change_keepsEachPatientsDraws() {
        // common random numbers: arrivals and stays do not depend on capacity, so arrivals are identical
        BedPoolSettings small = new BedPoolSettings(20, LogNormal.ofMeanSd(4, 5), 70, FullPolicy.LOSE, 30, 300);
        BedPoolResult a = BedPoolExperiment.run(small, 5, 1, 1).replications().get(0);
        BedPoolResult b = BedPoolExperiment.run(small.withBeds(120), 5, 1, 1).replications().get(0);
        assertEquals(a.arrivals(), b.arrivals());
        assertEquals(true, a.lost() > b.lost());
    }

    private static double above(double[] distribution, int level) {
        double p = 0;
        for (int i = level + 1; i < distribution.length; i++) {
            p += distribution[i];
        }
        return p;
    }
}
