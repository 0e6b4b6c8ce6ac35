package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bedsim.model.CensusSeries;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.model.RoutingChange;
import org.junit.jupiter.api.Test;

/** The routing_changes section: read, checked where it is written, compiled to the model's changes by date. */
class RoutingChangesTest {
    private static final Path EXAMPLE = Path.of("examples/site-closure.yaml");

    private static List<String> errors(String yaml) {
        return Fixtures.load(yaml).errors().stream().map(Problem::located).toList();
    }

    @Test
    void example_compilesToChangesOnTheirDays() {
        LoadedScenario s = ScenarioLoader.load(EXAMPLE, null, null);
        assertEquals(List.of(), s.problems().stream().map(Problem::located).toList());
        // 1 October 2016 is day 183 from 1 April; 1 January 2017 day 275
        assertEquals(List.of(new RoutingChange.Closure(183, "town", "city"),
                new RoutingChange.Shift(275, "older", "city", "community", "home", 0.3333),
                new RoutingChange.ReadmissionCut(275, "older", 0.25)), s.settings().routingChanges());
    }

    @Test
    void example_run_drainsTheClosedSite_andTheCityTakesItsPatients() {
        LoadedScenario s = ScenarioLoader.load(EXAMPLE, null, null);
        FlowResult r = FlowExperiment.runOne(s.settings(), s.seed(), 0);
        CensusSeries c = r.census();
        int town = c.settings().indexOf("town");
        assertTrue(c.occupied(182, town) > 40, "the town is busy the day before it closes: " + c.occupied(182, town));
        for (int d = 183 + 90; d < c.days(); d++) {
            assertEquals(0, c.occupied(d, town), "the town is empty, day " + d);
        }
        assertEquals(0, r.flowImbalance(), "nobody lost");
    }

    @Test
    void badRoutingChanges_areReportedWhereTheyAreWritten() {
        String base = Fixtures.text(EXAMPLE);
        assertTrue(errors(Fixtures.edit(base, "  - from: 2016-10-01\n    close_setting", "  - from: 2016-03-01\n"
                + "    close_setting")).stream().anyMatch(e -> e.contains("routing_changes[0].from: found the date "
                + "2016-03-01, expected a date inside the measured period")));
        assertTrue(errors(Fixtures.edit(base, "{setting: town, into: city}", "{setting: town, into: town}"))
                .stream().anyMatch(e -> e.contains("routing_changes[0].close_setting.into: found 'town', the "
                        + "setting that closes")));
        assertTrue(errors(Fixtures.edit(base, "{setting: town, into: city}", "{setting: town, into: home}"))
                .stream().anyMatch(e -> e.contains("routing_changes[0].close_setting.into: found 'home', a setting "
                        + "of kind home")));
        assertTrue(errors(Fixtures.edit(base, "share: 0.3333}", "share: [0.2, 0.4]}")).stream()
                .anyMatch(e -> e.contains("routing_changes[1].shift_routing.share: found the range [0.2, 0.4], "
                        + "expected a number")));
        assertTrue(errors(Fixtures.edit(base, "from: community, to: home", "from: home, to: town")).stream()
                .anyMatch(e -> e.contains("routing_changes[1].shift_routing.to: found 'town', where cohort 'older' "
                        + "has no length of stay")), () -> errors(Fixtures.edit(base, "from: community, to: home",
                        "from: home, to: town")).toString());
        assertTrue(errors(Fixtures.edit(base, "    source: closure\n  - from: 2017-01-01", "    reduce_readmissions:"
                + " {share: 0.1}\n    source: closure\n  - from: 2017-01-01")).stream()
                .anyMatch(e -> e.contains("routing_changes[0]: found the keys close_setting and reduce_readmissions, "
                        + "expected exactly one")));
        assertTrue(errors(Fixtures.edit(base, "reduce_readmissions: {cohort: older", "reduce_readmissions: "
                + "{cohort: olders")).stream().anyMatch(e -> e.contains("routing_changes[2].reduce_readmissions"
                + ".cohort: found 'olders', which is not a cohort")));
    }
}
