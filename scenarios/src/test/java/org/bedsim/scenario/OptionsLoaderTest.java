package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsLoaderTest {
    static final Path EXAMPLE = Path.of("examples/single-hospital-options.yaml");

    @Test
    void example_loadsWithoutProblems_everyOptionMergedAndCompiled() {
        LoadedOptions o = OptionsLoader.load(EXAMPLE, null, null);
        assertEquals(List.of(), o.problems().stream().map(LoadedOptions.FileProblem::render).toList());
        assertEquals(List.of("today", "community-plus-21", "virtual-plus-20", "both"),
                o.options().stream().map(LoadedOptions.Option::name).toList());
        System.out.println(o.options().stream().map(x -> x.name() + " " + x.changes()).toList());
    }
}
