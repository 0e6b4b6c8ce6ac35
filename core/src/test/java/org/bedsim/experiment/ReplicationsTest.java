package org.bedsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplicationsTest {

    @Test
    void results_inReplicationOrder_whateverTheThreads() {
        List<Integer> expected = IntStream.range(0, 37).map(r -> r * r).boxed().toList();
        for (int threads : new int[] {1, 2, 3, 8}) {
            AtomicInteger done = new AtomicInteger();
            assertEquals(expected, Replications.run(37, threads, r -> r * r, r -> done.incrementAndGet()));
            assertEquals(37, done.get(), "every replication reported done");
        }
    }

    @Test
    void failure_theFirstInReplicationOrder_whateverTheThreads() {
        for (int threads : new int[] {1, 2, 4}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Replications.run(20,
                    threads, r -> {
                        if (r == 7 || r == 13) {
                            throw new IllegalArgumentException("replication " + r);
                        }
                        return r;
                    }));
            assertEquals("replication 7", e.getMessage());
        }
    }

    @Test
    void nestedRuns_onTheSharedPool_finish() {
        // each outer replication runs its own inner replications: the shared pool adds threads, never deadlocks
        List<Integer> sums = Replications.run(6, 2, r -> Replications.run(5, 2, i -> r * 10 + i).stream()
                .mapToInt(Integer::intValue).sum());
        assertEquals(IntStream.range(0, 6).map(r -> 50 * r + 10).boxed().toList(), sums);
    }
}
