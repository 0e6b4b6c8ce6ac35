package org.bedsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level command. Each job is a subcommand: {@code run}, {@code bridge}, {@code compare}, {@code validate}
 * and {@code schema}, sharing {@link RunOptions}.
 */
@Command(name = "bedsim",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Simulates patient flow through hospital, community and home-based beds.",
        subcommands = {RunCommand.class, BridgeCommand.class, CalibrateCommand.class, SensitivityCommand.class,
                CompareCommand.class, ValidateCommand.class, FitCommand.class, BacktestCommand.class,
                SchemaCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bedsim run scenarios/examples/single-hospital.yaml",
            "  ./bedsim bridge scenarios/examples/bridge-example.yaml",
            "  ./bedsim compare scenarios/examples/single-hospital-options.yaml",
            "  ./bedsim validate scenarios/examples/single-hospital.yaml",
            "  ./bedsim schema > scenarios/schema/scenario.schema.json",
            "  ./bedsim help run",
            "  ./bedsim sweep sweeps/single-hospital.yaml   (many variants on Apache Spark: the",
            "      launcher runs sweep from the sweep module's jar; see the README)",
            "",
            "Exit codes: 0 success, 2 bad input (scenario errors, bad options), 1 internal error."})
final class BedsimCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("bedsim: a command is required (run, bridge, compare, validate, schema)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_INPUT;
    }
}
