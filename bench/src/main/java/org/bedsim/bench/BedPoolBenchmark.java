package org.bedsim.bench;

import java.util.concurrent.TimeUnit;
import org.bedsim.dist.LogNormal;
import org.bedsim.model.pool.BedPool;
import org.bedsim.model.pool.BedPoolResult;
import org.bedsim.model.pool.BedPoolSettings;
import org.bedsim.model.pool.FullPolicy;
import org.bedsim.random.RandomStreams;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The standard bed workload of {@code shared/reference/peer-benchmarks.md}: Poisson arrivals 400 a day, lognormal
 * length of stay (mean 4.5 days, sd 6 days), 1,940 beds, loss or queue policy, 1 year warm-up and 10 years measured,
 * one replication per invocation on one thread. The {@code events} counter is reported by JMH as events per second
 * (all events, warm-up included, divided by the invocation's time); the {@code priority-queue} event list is the
 * reference the others are compared with in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class BedPoolBenchmark {

    @Param({"timing-wheel", "calendar-queue", "quaternary-heap", "binary-heap", "priority-queue"})
    public String eventList;

    @Param({"LOSE", "WAIT"})
    public FullPolicy policy;

    private BedPoolSettings settings;
    private RandomStreams streams;
    private int replication;

    /** Events executed, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            events = 0;
        }
    }

    @Setup
    public void setUp() {
        settings = new BedPoolSettings(400, LogNormal.ofMeanSd(4.5, 6), 1940, policy, 365, 3650);
        streams = new RandomStreams(20161122L);
    }

    @Benchmark
    public void tenYears(Events counter, Blackhole bh) {
        BedPool pool = new BedPool(settings, streams.replication(replication++), EventLists.create(eventList));
        BedPoolResult result = pool.run();
        counter.events += pool.eventsExecuted();
        bh.consume(result);
    }
}
