package org.bedsim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options shared by every command that runs the model ({@code run}, and later {@code bridge} and {@code compare}):
 * where outputs go, how many replications, which seed, how many threads, and quiet.
 */
public final class RunOptions {
    /** Most replications the command line accepts (the pre-flight check also bounds the run's size). */
    static final int MAX_REPLICATIONS = 100_000;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private Integer replications;
    private Long seed;
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for the outputs (created if needed). Default: out/<scenario name>/")
    void out(String dir) {
        if (dir.isBlank()) {
            throw new ParameterException(mixee.commandLine(), "--out needs a directory name, was empty (leave "
                    + "--out out for out/<scenario name>/)");
        }
        out = Path.of(dir);
    }

    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no messages besides errors and results.")
    boolean quiet;

    @Option(names = "--replications", paramLabel = "N",
            description = "Replications to run (overrides the scenario's run.replications; default 20).")
    void replications(int n) {
        if (n < 1 || n > MAX_REPLICATIONS) {
            throw new ParameterException(mixee.commandLine(), "--replications must be from 1 to "
                    + MAX_REPLICATIONS + ", was " + n);
        }
        replications = n;
    }

    @Option(names = "--seed", paramLabel = "S",
            description = "Master seed, an integer >= 0 (overrides the scenario's run.seed; default 1).")
    void seed(long s) {
        if (s < 0) {
            throw new ParameterException(mixee.commandLine(), "--seed must be an integer >= 0, was " + s);
        }
        seed = s;
    }

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: the processors available). Results do not depend on it.")
    void threads(int t) {
        if (t < 1 || t > 1024) {
            throw new ParameterException(mixee.commandLine(), "--threads must be from 1 to 1024, was " + t);
        }
        threads = t;
    }

    /** @return replications from the command line, or null */
    Integer replications() {
        return replications;
    }

    /** @return seed from the command line, or null */
    Long seed() {
        return seed;
    }

    /** @return the threads to use for a number of replications */
    int threadsFor(int replicationCount) {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(t, replicationCount));
    }

    /** @return the output directory for a scenario name */
    Path outFor(String scenarioName) {
        return out != null ? out : Path.of("out", scenarioName);
    }
}
