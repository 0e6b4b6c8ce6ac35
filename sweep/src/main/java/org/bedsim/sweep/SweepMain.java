package org.bedsim.sweep;

import org.bedsim.cli.Main;

/**
 * The entry point of {@code bedsim-sweep.jar}: the bedsim command line with {@code sweep} added (the modules below
 * never know Spark). The {@code ./bedsim} launcher runs it for {@code bedsim sweep}, with Spark's jars and the JVM
 * options Java 17 needs; {@code spark-submit --class org.bedsim.sweep.SweepMain} runs it on a cluster.
 */
public final class SweepMain {
    private SweepMain() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        Main.run(args, new SweepCommand());
    }
}
