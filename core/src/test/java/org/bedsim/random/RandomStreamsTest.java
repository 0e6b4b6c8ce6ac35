package org.bedsim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draws(UniformRandomProvider rng, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void stream_sameSeedNameAndReplication_givesSameDraws() {
        RandomStreams a = new RandomStreams(42);
        RandomStreams b = new RandomStreams(42);
        assertArrayEquals(draws(a.stream("arrivals/acute-medical", 3), 1000),
                draws(b.stream("arrivals/acute-medical", 3), 1000));
    }

    @Test
    void stream_identity_doesNotDependOnCreationOrderOrOtherStreams() {
        RandomStreams streams = new RandomStreams(7);
        long[] alone = draws(streams.stream("los/community/stroke", 0), 100);
        RandomStreams other = new RandomStreams(7);
        for (int i = 0; i < 20; i++) {
            draws(other.stream("new-source-" + i, 0), 10); // adding sources first must change nothing
        }
        assertArrayEquals(alone, draws(other.stream("los/community/stroke", 0), 100));
        assertArrayEquals(alone, draws(streams.replication(0).stream("los/community/stroke"), 100));
    }

    @Test
    void stream_differentNameSeedOrReplication_givesDifferentDraws() {
        RandomStreams streams = new RandomStreams(1);
        long first = streams.stream("a", 0).nextLong();
        assertFalse(first == streams.stream("b", 0).nextLong());
        assertFalse(first == streams.stream("a", 1).nextLong());
        assertFalse(first == new RandomStreams(2).stream("a", 0).nextLong());
        // names are not concatenated ambiguously with the replication number
        assertFalse(streams.stream("a1", 0).nextLong() == streams.stream("a", 10).nextLong());
    }

    @Test
    void streams_ofManyReplications_areUniformAndUncorrelated() {
        RandomStreams streams = new RandomStreams(2016);
        int bins = 20;
        int reps = 50;
        int n = 20_000;
        double[][] firstTwo = new double[2][n];
        for (int r = 0; r < reps; r++) {
            UniformRandomProvider rng = streams.stream("arrivals/x", r);
            long[] counts = new long[bins];
            for (int i = 0; i < n; i++) {
                double u = rng.nextDouble();
                counts[(int) (u * bins)]++;
                if (r < 2) {
                    firstTwo[r][i] = u;
                }
            }
            double[] expected = new double[bins];
            java.util.Arrays.fill(expected, (double) n / bins);
            double p = new ChiSquareTest().chiSquareTest(expected, counts);
            assertTrue(p > 1e-4, "replication " + r + " fails uniformity, p = " + p);
        }
        double rho = new PearsonsCorrelation().correlation(firstTwo[0], firstTwo[1]);
        // |rho| under independence is about N(0, 1/n): 5 standard errors
        assertTrue(Math.abs(rho) < 5 / Math.sqrt(n), "substreams 0 and 1 correlate: " + rho);
    }

    @Test
    void stream_badArguments_areRejected() {
        RandomStreams streams = new RandomStreams(0);
        assertThrows(IllegalArgumentException.class, () -> streams.stream("", 0));
        assertThrows(IllegalArgumentException.class, () -> streams.stream(null, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> streams.stream("x", -1));
        assertEquals("replication must be >= 0, was -1", e.getMessage());
    }
}
