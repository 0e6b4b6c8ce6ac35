package org.bedsim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.bridge.Bridges;
import org.bedsim.bridge.DemandCache;
import org.bedsim.calibrate.Calibrator;
import org.bedsim.scenario.HonestBridge;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bed bridge alone: the LLR acute bridge's 67 configurations for every replication on all available cores, with
 * its calibrations solved beforehand (as when they come from the output folder's calibration cache), each
 * measurement on a new demand cache (so every replication's arrivals and stays are drawn, as in a new process). The
 * wall time of {@code bedsim bridge} adds the calibrations, the prediction and its sensitivity to this.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class BridgeBenchmark {
    /** Replications of the bridge. */
    @Param({"100"})
    public int replications;

    private BridgeDefinition bridge;

    @Setup
    public void setUp() throws Exception {
        Path file = Path.of("scenarios/llr-2016/acute-bridge.yaml");
        if (!Files.exists(file)) {
            throw new IllegalStateException("run from the repository's root: " + file + " not found");
        }
        LoadedScenario loaded = ScenarioLoader.load(file, replications, null);
        HonestBridge honest = HonestBridge.of(loaded, Files.readAllBytes(file));
        int threads = Runtime.getRuntime().availableProcessors();
        Calibrator.Result solved = honest.solve(false, threads);
        bridge = honest.bridge(solved, false);
    }

    /** All configurations of the bridge, every replication. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public BridgeResult llrAcuteBridge() {
        return Bridges.compute(bridge, Runtime.getRuntime().availableProcessors(), new DemandCache());
    }
}
