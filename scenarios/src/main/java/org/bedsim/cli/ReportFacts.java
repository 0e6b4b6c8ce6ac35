package org.bedsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bedsim.report.html.ScenarioFacts;
import org.bedsim.scenario.Citations;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.Problem;
import org.bedsim.scenario.SourceSpec;

/**
 * What the HTML report says about a scenario besides its results (sources and where they are cited, warnings), taken
 * from the loaded scenario: the report layer does not read scenario files. Shared by every command that writes a
 * report ({@code run}, {@code compare}, and {@code bridge}).
 */
final class ReportFacts {
    private ReportFacts() {
    }

    /** @return the facts of a loaded scenario, with its own warnings */
    static ScenarioFacts of(LoadedScenario s) {
        return of(s, s.warnings().stream().map(p -> p.render(s.file())).toList());
    }

    /** @return the facts of a loaded scenario, with given warnings */
    static ScenarioFacts of(LoadedScenario s, List<String> warnings) {
        return new ScenarioFacts(s.spec().name(), s.spec().description(), s.file(), s.sha256(),
                sources(s.spec().sources(), Citations.of(s.spec())), warnings);
    }

    /** @return the sources, each with the figures citing it */
    static List<ScenarioFacts.Source> sources(Map<String, SourceSpec> sources, Map<String, List<String>> citedBy) {
        List<ScenarioFacts.Source> out = new ArrayList<>();
        sources.forEach((id, x) -> out.add(new ScenarioFacts.Source(id, x.cite(), x.quote(), x.note(), x.assumed(),
                citedBy.getOrDefault(id, List.of()))));
        return out;
    }

    /** @return problems rendered like the command line's */
    static List<String> rendered(String file, List<Problem> problems) {
        return problems.stream().map(p -> p.render(file)).toList();
    }
}
