package org.bedsim.bench;

import java.util.concurrent.TimeUnit;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowModel;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
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
 * The flow model on an LLR-sized system ({@link LlrSizedSystem}): events per second of one replication on one
 * thread (1 year warm-up, 5 years measured) on bedsim's event list and on the {@code PriorityQueue} reference, and the wall time of the 100-replication, 5-year experiment on all
 * cores.
 */
@State(Scope.Thread)
@Fork(1)
public class FlowModelBenchmark {
    private FlowSettings settings;
    private RandomStreams streams;
    private int replication;

    /** Events executed (warm-up included), reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            events = 0;
        }
    }

    /** The event list of {@link #oneReplication}: bedsim's default and the {@code PriorityQueue} reference. */
    @State(Scope.Thread)
    public static class Lists {
        @Param({"timing-wheel", "priority-queue"})
        public String eventList;
    }

    @Setup
    public void setUp() {
        settings = LlrSizedSystem.settings(5);
        streams = new RandomStreams(2016);
    }

    /** One replication of 6 years on one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public void oneReplication(Lists lists, Events counter, Blackhole bh) {
        FlowModel model = new FlowModel(settings, streams.replication(replication++),
                EventLists.create(lists.eventList));
        bh.consume(model.run());
        counter.events += model.eventsExecuted();
    }

    /** The whole experiment: 100 replications of 1 + 5 years on every available core. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public FlowSummary hundredReplications() {
        return FlowExperiment.run(settings, 2016, 100, Runtime.getRuntime().availableProcessors());
    }
}
