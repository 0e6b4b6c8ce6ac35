package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.Route;
import org.bedsim.scenario.LoadedOptions;
import org.bedsim.scenario.OptionsLoader;
import org.bedsim.scenario.PreFlightCheck;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;
import org.bedsim.scenario.ScenarioValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * Every run is bounded before it starts, and validate and the commands apply the same rules: a bridge's size
 * (configurations x replications x events) against the event limit with the estimate in the message, a bridge's
 * replications, the memory a run needs against this JVM's heap, one routing tolerance shared with the model; and an
 * out-of-memory anywhere ends in one line with its own exit code.
 */
class BoundedRunsTest {
    private static final Path BRIDGE = Path.of("src/test/resources/good/bridge.yaml");

    @TempDir
    Path dir;

    /** The small bridge with {@code steps} no-op steps after its own and the given Shapley settings. */
    private Path bigBridge(int steps, String shapley) throws IOException {
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < steps; i++) {
            more.append("    - id: extra-").append(i).append("\n      label: Extra ").append(i)
                    .append("\n      sources: [test-figures]\n      changes:\n        - volume_growth: {per_year: 0}\n");
        }
        String text = Files.readString(BRIDGE).replace("  steps:\n", "  shapley: " + shapley + "\n  steps:\n")
                + more;
        Path f = dir.resolve("big-bridge.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void hugeBridge_refusedByValidateAndBridgeAlike_withTheEstimate() throws IOException {
        Path f = bigBridge(16, "{max_exact_steps: 16, sampled_orderings: 100000}");
        Cli v = Cli.run("validate", f.toString());
        Cli b = Cli.run("bridge", f.toString(), "--out", dir.resolve("o").toString(), "--quiet");
        assertEquals(2, v.code(), v.err());
        assertEquals(2, b.code(), b.err());
        String problem = "error: bridge.shapley.sampled_orderings: found a bridge of up to 2,000,043 configurations "
                + "(20 steps, sampled orderings) x 4 replications x about";
        assertTrue(v.err().contains(problem), v.err());
        assertTrue(b.err().contains(problem), b.err());
        assertTrue(v.err().contains("billion events, expected at most 5.0 billion events"), v.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing is written");
    }

    @Test
    void exactBridge_sizedBeforeBuilding() throws IOException {
        Path f = bigBridge(12, "{max_exact_steps: 16}"); // 16 steps: 65,536 subsets x 10 replications
        Files.writeString(f, Files.readString(f).replace("replications: 4", "replications: 10"));
        Cli v = Cli.run("validate", f.toString());
        assertEquals(2, v.code(), v.err());
        assertTrue(v.err().contains("error: bridge.steps: found a bridge of up to 65,538 configurations (16 steps, "
                + "every subset of the steps for exact Shapley values) x 10 replications"), v.err());
    }

    @Test
    void bridgeReplications_sameRuleInValidateAndBridge() throws IOException {
        Path f = dir.resolve("one.yaml");
        Files.writeString(f, Files.readString(BRIDGE).replace("replications: 4", "replications: 1"));
        Cli v = Cli.run("validate", f.toString());
        Cli b = Cli.run("bridge", f.toString(), "--out", dir.resolve("o").toString(), "--quiet");
        String problem = "one.yaml:11:17: error: run.replications: found 1 replication, expected at least 2 "
                + "replications for a bridge";
        assertEquals(2, v.code());
        assertEquals(2, b.code());
        assertTrue(v.err().contains(problem), v.err());
        assertTrue(b.err().contains(problem), b.err());
    }

    @Test
    void memory_estimatedAgainstThisJvmsHeap() throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        Path example = Path.of("examples/single-hospital.yaml");
        long perReplication = ScenarioLoader.load(example, 2, null).preFlight().censusBytes() / 2;
        long reps = (long) (heap * 0.6 / 2 / perReplication) + 10;
        assumeTrue(reps <= 100_000 && reps * perReplication <= (1L << 30), "heap too large to test here");
        LoadedScenario s = ScenarioLoader.load(Path.of("examples/single-hospital.yaml"), (int) reps, null);
        assertTrue(s.hasErrors());
        String m = s.errors().get(0).message();
        assertTrue(m.startsWith("run.replications: found a run needing about "), m);
        assertTrue(m.contains("expected at most 60 % of the " + (heap >> 20) + " MiB this Java may use"), m);
        assertFalse(ScenarioLoader.load(Path.of("examples/single-hospital.yaml"), (int) (reps / 4), null)
                .hasErrors());
    }

    @Test
    void comparisonMemory_summedOverTheOptionsHeldAtOnce_refusedUpFrontWithTheEstimate() throws IOException {
        Path pooling = Path.of(CompareCommandTest.POOLING);
        List<FlowSettings> options = OptionsLoader.load(pooling, 2, null).options().stream()
                .map(LoadedOptions.Option::settings).toList();
        assertEquals(4, options.size());
        long fixed = PreFlightCheck.comparisonBytes(options, List.of(), 0);
        long perReplication = PreFlightCheck.comparisonBytes(options, List.of(), 1) - fixed;
        long allowed = PreFlightCheck.allowedBytes();
        assumeTrue(allowed < (3L << 30), "heap too large to test here");
        int reps = (int) ((allowed - fixed) * 1.3 / perReplication); // all four: 1.3 times what is allowed
        long oneOption = PreFlightCheck.comparisonBytes(options.subList(0, 1), List.of(), reps);
        assertTrue(oneOption < allowed / 2, "each option alone fits: " + oneOption + " of " + allowed);

        LoadedOptions big = OptionsLoader.load(pooling, reps, null);
        List<String> errors = big.errors().stream().map(p -> p.problem().message()).toList();
        assertEquals(1, errors.size(), errors.toString());
        long needed = PreFlightCheck.comparisonBytes(options, List.of(), reps);
        assertTrue(errors.get(0).startsWith("options: found a comparison needing about " + (needed >> 20)
                + " MiB of memory (the daily series of 4 options x " + reps + " replications, held at once"),
                errors.get(0));
        assertTrue(errors.get(0).contains("expected at most 60 % of the " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB this Java may use"), errors.get(0));
        Cli c = Cli.run("compare", pooling.toString(), "--replications", Integer.toString(reps), "--out",
                dir.resolve("o").toString());
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains("a comparison needing about " + (needed >> 20) + " MiB"), c.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing is run or written");

        // a bed search holds one configuration at a time besides: counted, and named
        long withSearch = PreFlightCheck.comparisonBytes(options, List.of(options.get(2)), reps);
        assertEquals(needed + PreFlightCheck.comparisonBytes(List.of(), List.of(options.get(2)), reps) - fixed,
                withSearch);
        assertTrue(OptionsLoader.load(pooling, reps / 2, null).errors().isEmpty(), "half as many fit");
    }

    @Test
    void routingTolerance_oneValue_sharedWithTheModel() throws IOException {
        assertEquals(Route.SUM_TOLERANCE, ScenarioValidator.SUM_TOLERANCE);
        String base = Files.readString(Path.of("src/test/resources/good/minimal.yaml"));
        // off by 2e-10: within the tolerance, so validation and the model both accept it
        Path near = dir.resolve("near.yaml");
        Files.writeString(near, base.replace("probability: 0.1", "probability: 0.0999999998"));
        LoadedScenario ok = ScenarioLoader.load(near, null, null);
        assertFalse(ok.hasErrors(), ok.problems().toString());
        assertTrue(ok.settings() != null);
        // off by 1e-8: refused by the validator, at its path, before the model sees it
        Path off = dir.resolve("off.yaml");
        Files.writeString(off, base.replace("probability: 0.1", "probability: 0.09999999"));
        LoadedScenario bad = ScenarioLoader.load(off, null, null);
        assertEquals("cohorts[0].routing.ward", bad.errors().get(0).path());
    }

    @Command(name = "oom")
    static final class OutOfMemory implements Callable<Integer> {
        @Override
        public Integer call() {
            // as a worker thread's failure reaches the command: wrapped
            throw new IllegalStateException(new OutOfMemoryError("Java heap space"));
        }
    }

    @Test
    void outOfMemory_oneLine_ownExitCode() {
        Cli r = Cli.runWith("oom", new OutOfMemory(), "oom");
        assertEquals(Main.OUT_OF_MEMORY, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("bedsim: out of memory: the run needed more than the "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertTrue(Main.outOfMemory(new RuntimeException(new RuntimeException(new OutOfMemoryError()))));
        assertFalse(Main.outOfMemory(new RuntimeException("other")));
    }
}
