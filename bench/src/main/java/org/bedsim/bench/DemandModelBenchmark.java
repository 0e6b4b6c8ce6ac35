package org.bedsim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bedsim.model.Cohort;
import org.bedsim.model.DemandModel;
import org.bedsim.model.FlowModel;
import org.bedsim.model.FlowSettings;
import org.bedsim.random.RandomStreams;
import org.bedsim.scenario.ScenarioLoader;
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
 * The demand fast path ({@link DemandModel}) on the LLR acute bridge's base year (19 cohorts, about 200,000 patients a
 * replication with the warm-up): patient walks per second on one thread, as a calibration evaluates it. Each
 * invocation runs the base configuration with every cohort's volume scaled by a factor not used before, so every
 * cohort is walked again (nothing comes from the memo of cohort contributions) while the replication's draws are
 * kept, exactly as a volume-scale calibration's evaluations do. {@code fresh} is the first evaluation of a
 * replication, drawing its arrivals and stays too. The reference in the same run ({@code path=event-driven}) is the
 * path the demand model replaces: the event-driven {@link FlowModel} on the same configurations (sixteen volume
 * factors in turn, the same range), its patients counted by a demand model beforehand.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class DemandModelBenchmark {
    private FlowSettings settings;
    private RandomStreams streams;
    private DemandModel model;
    private int evaluation;
    private int replication;
    private final List<FlowSettings> cycle = new ArrayList<>();
    private final long[] cyclePatients = new long[16];

    /** The path {@link #walk} measures: the demand fast path, or the event-driven model as the reference. */
    @State(Scope.Thread)
    public static class Paths {
        @Param({"demand", "event-driven"})
        public String path;
    }

    /** Patients walked, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Patients {
        public long patients;

        @Setup(Level.Iteration)
        public void clear() {
            patients = 0;
        }
    }

    @Setup
    public void setUp() throws Exception {
        Path file = Path.of("scenarios/llr-2016/acute-bridge.yaml");
        if (!Files.exists(file)) {
            throw new IllegalStateException("run from the repository's root: " + file + " not found");
        }
        settings = ScenarioLoader.load(file, null, null).settings().withUnconstrained(true); // beds counted as demand
        streams = new RandomStreams(2016);
        model = new DemandModel(streams.replication(0));
        for (int k = 0; k < cyclePatients.length; k++) {
            FlowSettings s = scaled(0.9 + 0.2 * k / (cyclePatients.length - 1.0));
            DemandModel counter = new DemandModel(streams.replication(0));
            counter.run(s);
            cycle.add(s);
            cyclePatients[k] = counter.patientsVisited();
        }
    }

    /** @return the base year with every cohort's volume scaled by a factor in [0.9, 1.1] not used before */
    private FlowSettings scaled() {
        return scaled(0.9 + 0.2 * ((evaluation++ * 0.6180339887498949) % 1.0));
    }

    private FlowSettings scaled(double factor) {
        List<Cohort> cohorts = new ArrayList<>();
        for (Cohort c : settings.cohorts()) {
            cohorts.add(c.withArrivals(c.arrivals().scaled(factor)));
        }
        return settings.withCohorts(cohorts);
    }

    /** A calibration's evaluation: every cohort walked again on the replication's kept draws. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    public void walk(Paths paths, Patients counter, Blackhole bh) {
        if (paths.path.equals("event-driven")) {
            int k = evaluation++ % cycle.size();
            bh.consume(new FlowModel(cycle.get(k), streams.replication(0)).run());
            counter.patients += cyclePatients[k];
            return;
        }
        long before = model.patientsVisited();
        bh.consume(model.run(scaled()));
        counter.patients += model.patientsVisited() - before;
    }

    /** A replication's first evaluation: its arrivals and stays drawn, then walked. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    public void fresh(Patients counter, Blackhole bh) {
        model.reset(streams.replication(++replication));
        long before = model.patientsVisited();
        bh.consume(model.run(settings));
        counter.patients += model.patientsVisited() - before;
    }
}
