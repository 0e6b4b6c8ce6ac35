package org.bedsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ErlangTest {

    @Test
    void lossProbability_textbookValues_match() {
        // ratio-of-factorials definition evaluated directly for small cases
        assertEquals(1.0, Erlang.lossProbability(3.0, 0), 0);
        assertEquals(0.75, Erlang.lossProbability(3.0, 1), 1e-15); // A / (1 + A)
        double a = 2.0;
        double expected = (Math.pow(a, 3) / 6) / (1 + a + a * a / 2 + Math.pow(a, 3) / 6);
        assertEquals(expected, Erlang.lossProbability(a, 3), 1e-15);
    }

    @Test
    void lossProbability_standardBedWorkload_matchesPublishedFigure() {
        // shared/reference/peer-benchmarks.md: offered load 1,800 on 1,940 beds gives 4.485e-5
        assertEquals(4.485e-5, Erlang.lossProbability(1800, 1940), 0.001e-5);
    }

    @Test
    void delayProbability_singleServer_equalsUtilisation() {
        assertEquals(0.7, Erlang.delayProbability(0.7, 1), 1e-15);
        // M/M/1 mean wait rho/(1-rho) x service
        assertEquals(0.7 / 0.3 * 2.0, Erlang.meanWait(0.7, 1, 2.0), 1e-12);
    }

    @Test
    void delayProbability_twoServers_matchesClosedForm() {
        double a = 1.5;
        double rho = a / 2;
        // M/M/2: C = 2 rho^2 / (1 + rho)
        assertEquals(2 * rho * rho / (1 + rho), Erlang.delayProbability(a, 2), 1e-14);
    }

    @Test
    void infiniteServer_quantileAndExceedance_agree() {
        int q = Erlang.infiniteServerQuantile(100, 0.95);
        assertEquals(117, q); // Poisson(100): P(N <= 116) = 0.947785, P(N <= 117) = 0.957155
        assertEquals(1 - 0.9571551275133794, Erlang.infiniteServerExceedance(100, 117), 1e-12);
        assertEquals(0, Erlang.infiniteServerQuantile(0, 0.95));
    }

    @Test
    void formulas_badArguments_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> Erlang.lossProbability(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> Erlang.lossProbability(1, -3));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Erlang.delayProbability(5, 5));
        assertEquals("a delay system needs servers >= 1 and offered load < servers, was load 5.0 on 5 servers",
                e.getMessage());
    }
}
