package org.bedsim.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.bedsim.kernel.EventList;
import org.bedsim.random.RandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The event list alone, in the classic hold model: n events pending; each operation removes the earliest and
 * inserts one an exponential time later (Vaucher and Duval 1975). Throughput is events per second. The
 * {@code priority-queue} implementation (event objects in {@code java.util.PriorityQueue}) is the reference.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventListBenchmark {
    private static final int OPS = 100_000;

    @Param({"timing-wheel", "calendar-queue", "quaternary-heap", "binary-heap", "priority-queue"})
    public String eventList;

    /** Pending events: about the number of occupied beds in a hospital. */
    @Param({"2000", "20000"})
    public int pending;

    private EventList list;
    private ZigguratSampler.Exponential increments;
    private long tag;

    @Setup
    public void setUp() {
        list = EventLists.create(eventList);
        UniformRandomProvider rng = new RandomStreams(1).stream("bench/hold", 0);
        increments = ZigguratSampler.Exponential.of(rng, 4.5);
        for (int i = 0; i < pending; i++) {
            list.insert(increments.sample(), tag++);
        }
    }

    /** One hold: remove the earliest event, insert its successor. */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public double hold() {
        final EventList l = list;
        double t = 0;
        for (int i = 0; i < OPS; i++) {
            t = l.minTime();
            l.removeMin();
            l.insert(t + increments.sample(), tag++);
        }
        return t;
    }
}
