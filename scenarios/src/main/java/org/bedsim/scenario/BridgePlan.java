package org.bedsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.Bridges;

/**
 * The one set of rules a bridge must pass before it runs, used by {@code bedsim validate} and {@code bedsim bridge}
 * alike, so the two cannot disagree: at least 2 replications (a bar needs an interval), a bridge the model accepts,
 * and a size within the limits every run has: at most {@link PreFlightCheck#MAX_EVENTS} events over all
 * configurations, replications and years, and at most {@link #MAX_CONFIGURATIONS} configurations. The size is
 * estimated from the step count first (2^steps subsets when exact, a prefix of each sampled ordering otherwise), so
 * that an absurd plan is refused before it is even built.
 */
public final class BridgePlan {
    /** Most configurations a bridge may simulate (each for every replication). */
    public static final long MAX_CONFIGURATIONS = 200_000;

    private BridgePlan() {
    }

    /**
     * A bridge ready to run, or why not.
     *
     * @param definition the compiled bridge, or null if there are errors
     * @param configurations configurations simulated (0 if not known)
     * @param events estimated events of the whole bridge (configurations x replications x one run's events)
     * @param problems errors, each at a path of the scenario
     */
    public record Result(BridgeDefinition definition, long configurations, double events, List<Problem> problems) {
        /** Freezes. */
        public Result {
            problems = List.copyOf(problems);
        }

        /** @return true if the bridge cannot run */
        public boolean hasErrors() {
            return !problems.isEmpty();
        }
    }

    /** Checks the bridge of a scenario loaded without errors that has a bridge section. */
    public static Result check(LoadedScenario s) {
        List<Problem> problems = new ArrayList<>();
        SourceMap at = s.sources();
        int reps = s.replications();
        if (reps < 2) {
            String path = "run.replications";
            problems.add(Problem.error(path, at.at(path), reps + " replication", "at least 2 replications for a "
                    + "bridge: each bar needs an interval (run.replications, or --replications)"));
            return new Result(null, 0, 0, problems);
        }
        BridgeDefinition def;
        try {
            def = BridgeCompiler.compile(s.spec(), s.settings(), reps, s.seed());
        } catch (IllegalArgumentException e) {
            String path = "bridge";
            problems.add(Problem.error(path, at.at(path), "a bridge the model refuses (" + e.getMessage()
                    .replace("\n", " ") + ")", "a bridge the model accepts"));
            return new Result(null, 0, 0, problems);
        }
        double perRun = s.preFlight().eventsPerReplication();
        int n = def.steps().size();
        boolean exact = n <= def.maxExactShapleySteps();
        double bound = (exact ? Math.pow(2, n) : 1.0 + 2.0 * n + (double) def.sampledOrderings() * n)
                + Math.max(0, def.years() - 1);
        String path = exact ? "bridge.steps" : "bridge.shapley.sampled_orderings";
        if (bound > MAX_CONFIGURATIONS || bound * reps * perRun > PreFlightCheck.MAX_EVENTS) {
            problems.add(tooLarge(at, path, n, exact, (long) Math.min(bound, Long.MAX_VALUE), reps, perRun, true));
            return new Result(null, (long) bound, bound * reps * perRun, problems);
        }
        int configurations = Bridges.configurations(def);
        double events = (double) configurations * reps * perRun;
        if (events > PreFlightCheck.MAX_EVENTS) {
            problems.add(tooLarge(at, path, n, exact, configurations, reps, perRun, false));
            return new Result(null, configurations, events, problems);
        }
        return new Result(def, configurations, events, problems);
    }

    private static Problem tooLarge(SourceMap at, String path, int steps, boolean exact, long configurations,
            int reps, double perRun, boolean upTo) {
        double events = (double) configurations * reps * perRun;
        return Problem.error(path, at.at(path), String.format(Locale.ROOT, "a bridge of %s%,d configurations (%d "
                + "steps, %s) x %d replications x about %s events a run = about %s events", upTo ? "up to " : "",
                configurations, steps, exact ? "every subset of the steps for exact Shapley values"
                        : "sampled orderings", reps, PreFlightCheck.count(perRun), PreFlightCheck.count(events)),
                String.format(Locale.ROOT, "at most %s events and %,d configurations: fewer steps (or a smaller "
                        + "bridge.shapley.max_exact_steps, or fewer sampled_orderings), fewer replications, or a "
                        + "shorter horizon", PreFlightCheck.count(PreFlightCheck.MAX_EVENTS), MAX_CONFIGURATIONS));
    }
}
