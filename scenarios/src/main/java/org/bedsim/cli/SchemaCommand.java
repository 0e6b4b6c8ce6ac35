package org.bedsim.cli;

import java.util.concurrent.Callable;
import org.bedsim.scenario.SchemaGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bedsim schema}: prints the JSON Schema of scenario files. */
@Command(name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Prints the JSON Schema of scenario files (generated from the code).",
            "",
            "Editors use it for completion and checks: shipped YAML files start with",
            "  # yaml-language-server: $schema=../schema/scenario.schema.json",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  ./bedsim schema > scenarios/schema/scenario.schema.json"})
final class SchemaCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(SchemaGenerator.text());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
