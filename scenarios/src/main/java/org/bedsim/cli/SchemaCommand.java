package org.bedsim.cli;

import java.util.concurrent.Callable;
import org.bedsim.scenario.OptionsSchema;
import org.bedsim.scenario.SchemaGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bedsim schema [--options]}: prints the JSON Schema of scenario files, or of options files. */
@Command(name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Prints the JSON Schema of scenario files, or of options files.",
            "",
            "The schema is generated from the code; with --options, that of options files",
            "(for bedsim compare).",
            "",
            "Editors use it for completion and checks: shipped YAML files start with",
            "  # yaml-language-server: $schema=../schema/scenario.schema.json",
            "(options files: ../schema/options.schema.json).",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  ./bedsim schema > scenarios/schema/scenario.schema.json",
            "  ./bedsim schema --options > scenarios/schema/options.schema.json"})
final class SchemaCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--options", description = "The schema of options files instead of scenario files.")
    private boolean options;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(options ? OptionsSchema.text() : SchemaGenerator.text());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
