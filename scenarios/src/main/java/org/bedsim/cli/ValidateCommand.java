package org.bedsim.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.scenario.BridgePlan;
import org.bedsim.scenario.LoadedOptions;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.OptionsLoader;
import org.bedsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bedsim validate FILE}: every problem and warning, and the pre-flight load table; runs nothing. An options
 * file is checked with its base and every option.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Checks a scenario file, or an options file, without running it.",
            "",
            "Reports every problem at once, each with its path, line and column, what was",
            "found and what was expected; then, if the scenario compiles, the pre-flight",
            "table of offered load against beds per setting and the estimated run size",
            "(and, with a bridge section, the bridge's configurations and runs).",
            "An options file (for compare) is checked with its base scenario, each option",
            "merged into its base and checked as a scenario.",
            "Exit code 0 if it can run (warnings allowed), 2 if it has errors.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  ./bedsim validate scenarios/examples/single-hospital.yaml",
            "  ./bedsim validate scenarios/examples/single-hospital-options.yaml"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml, .yml or .json).")
    private Path scenario;

    @Override
    public Integer call() {
        if (OptionsLoader.isOptionsFile(scenario)) {
            return options();
        }
        LoadedScenario s = ScenarioLoader.load(scenario, null, null);
        Terminal.problems(spec.commandLine().getErr(), s.file(), s.problems());
        if (s.preFlight() != null) {
            Terminal.preFlight(spec.commandLine().getOut(), s.preFlight(), s.replications());
            if (s.spec().bridge() != null && !s.hasErrors()) {
                bridgeSize(s);
            }
        }
        if (s.hasErrors()) {
            throw new UserError(s.file() + ": " + Terminal.counts(s) + "; the scenario cannot run");
        }
        spec.commandLine().getOut().println(s.file() + ": OK (" + Terminal.counts(s) + ")");
        return Main.OK;
    }

    /** Prints the size of the bridge's run: configurations, runs and events; refuses a bridge that cannot run. */
    private void bridgeSize(LoadedScenario s) {
        BridgePlan.Result plan = BridgePlan.check(s);
        if (plan.hasErrors()) {
            Terminal.problems(spec.commandLine().getErr(), s.file(), plan.problems());
            throw new UserError(s.file() + ": a bridge that cannot run (" + plan.problems().size() + " error"
                    + (plan.problems().size() == 1 ? "" : "s") + ")");
        }
        BridgeDefinition def = plan.definition();
        long runs = plan.configurations() * def.replications();
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "  bridge: %d step%s, %d configurations x %d "
                + "replications = %d runs, about %s events", def.steps().size(), def.steps().size() == 1 ? "" : "s",
                plan.configurations(), def.replications(), runs, ProgressBar.human(plan.events())));
    }

    private int options() {
        LoadedOptions o = OptionsLoader.load(scenario, null, null);
        Terminal.printed(spec.commandLine().getErr(), o.problems().stream().map(LoadedOptions.FileProblem::render)
                .toList());
        if (o.hasErrors()) {
            throw new UserError(o.file() + ": " + CompareCommand.counts(o) + "; the options cannot run");
        }
        spec.commandLine().getOut().println(o.file() + ": OK (" + CompareCommand.counts(o) + "): "
                + o.options().size() + " options (" + String.join(", ", o.options().stream()
                .map(LoadedOptions.Option::name).toList()) + "), " + o.targets().size() + " targets, "
                + o.searches().size() + " bed searches, " + o.replications() + " replications each, about "
                + ProgressBar.human(o.events()) + " events");
        return Main.OK;
    }
}
