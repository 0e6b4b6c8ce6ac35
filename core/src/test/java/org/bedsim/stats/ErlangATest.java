package org.bedsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErlangATest {

    @Test
    void withoutAbandonment_isErlangC() {
        // lambda 8.5, mu 1, c 10: A = 8.5
        ErlangA q = new ErlangA(8.5, 1, 0, 10);
        assertEquals(Erlang.delayProbability(8.5, 10), q.probabilityOfWait(), 1e-12);
        assertEquals(Erlang.meanQueueLength(8.5, 10), q.meanQueueLength(), 1e-10);
        for (double t : new double[] {0, 1.0 / 6, 0.5, 2}) {
            assertEquals(Erlang.waitExceedance(8.5, 10, 1, t), q.servedAndWaitOver(t), 1e-10, "t = " + t);
        }
        assertEquals(0, q.probabilityOfAbandonment());
    }

    @Test
    void abandonment_fromLittlesLaw_equalsTheTaggedCustomersView() {
        for (double theta : new double[] {0.1, 1, 4}) {
            ErlangA q = new ErlangA(12, 1, theta, 10); // overloaded: only abandonment keeps it stable
            assertEquals(q.probabilityOfAbandonment(), q.probabilityOfAbandonmentByPosition(), 1e-10,
                    "theta " + theta);
            assertTrue(q.probabilityOfAbandonment() > 0.1);
            // served with any wait plus abandoned plus served at once is everyone
            double servedAtOnce = 1 - q.probabilityOfWait();
            assertEquals(1, servedAtOnce + q.servedAndWaitOver(0) + q.probabilityOfAbandonment(), 1e-10);
        }
    }

    @Test
    void servedWaitTail_fallsWithTAndWithImpatience() {
        ErlangA patient = new ErlangA(9.5, 1, 0.2, 10);
        ErlangA impatient = new ErlangA(9.5, 1, 2, 10);
        double previous = 1;
        for (double t = 0; t <= 3; t += 0.25) {
            double p = patient.servedAndWaitOver(t);
            assertTrue(p <= previous + 1e-15);
            previous = p;
            assertTrue(impatient.servedAndWaitOver(t) < p + 1e-15);
        }
        assertTrue(patient.shareOfServedWaitingOver(0.5) > 0 && patient.shareOfServedWaitingOver(0.5) < 1);
    }

    @Test
    void unstableWithoutAbandonment_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ErlangA(10, 1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ErlangA(1, 1, -1, 10));
    }
}
