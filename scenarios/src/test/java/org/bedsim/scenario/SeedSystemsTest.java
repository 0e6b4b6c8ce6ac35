package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bedsim.metrics.DelayOwner;
import org.bedsim.metrics.QuarterlyDefinition;
import org.bedsim.metrics.QuarterlyKpi;
import org.bedsim.metrics.QuarterlyMetrics;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The shipped seed systems (Rotherham, Rutland, Cambridgeshire & Peterborough) run, shortened to one measured year
 * and two replications to stay quick, and behave as a model of step-down capacity should. No assertion is about the
 * published figures the scenarios set beside their results.
 */
class SeedSystemsTest {
    static final Path ROTHERHAM = Path.of("rotherham-2017/discharge-pathways.yaml");

    private static LoadedScenario load(String file) {
        LoadedScenario s = ScenarioLoader.load(Path.of(file), 2, 3L);
        assertEquals(List.of(), s.errors().stream().map(p -> p.render(file)).toList());
        assertNotNull(s.settings());
        return s;
    }

    private static FlowSettings shortened(FlowSettings f) {
        return f.withCalendar(f.startDate(), 60, 365);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rotherham-2017/discharge-pathways.yaml", "rotherham-2017/mcp-acute.yaml",
        "rutland-2017/bcf-discharge.yaml", "cp-2016/stroke-rehab.yaml"})
    void seedScenario_runs_balances_andItsDelaysByOwnerSumToTheTotal(String file) {
        LoadedScenario s = load(file);
        FlowSummary sum = FlowExperiment.run(shortened(s.settings()), s.seed(), 2, 2);
        QuarterlyDefinition def = ScenarioCompiler.quarterly(s.spec());
        for (FlowResult r : sum.replications()) {
            assertEquals(0, r.flowImbalance());
            for (Map.Entry<String, Map<String, Double>> e : QuarterlyMetrics.compute(r, def).entrySet()) {
                double byOwner = 0;
                for (DelayOwner o : DelayOwner.values()) {
                    byOwner += e.getValue().get(QuarterlyKpi.delayedDays(o).key());
                }
                assertEquals(e.getValue().get("delayed_days"), byOwner, 1e-9, e.getKey());
            }
        }
    }

    @Test
    void rotherham_dischargesByPathway_countTheAcuteDischargesToLabelledDestinations_andSharesSumToOne() {
        LoadedScenario s = load("rotherham-2017/discharge-pathways.yaml");
        QuarterlyDefinition def = ScenarioCompiler.quarterly(s.spec());
        FlowSummary sum = FlowExperiment.run(s.settings().withCalendar(s.settings().startDate(), 60, 120), s.seed(),
                2, 2);
        org.bedsim.stats.ConfidenceInterval[][] by = QuarterlyMetrics.dischargesByPathway(sum, def);
        double shares = 0;
        for (int p = 0; p < 4; p++) {
            shares += by[p][1].mean();
        }
        assertEquals(1.0, shares, 1e-9);
        // pathway 0 is home; from the acute settings of the scenario, home is reached from trft-acute only
        double home = sum.replications().stream().mapToDouble(r -> r.setting("trft-acute").dischargesTo()
                .getOrDefault("home", 0L)).average().orElseThrow();
        assertEquals(home, by[0][0].mean(), 1e-9);
        assertTrue(by[1][0].mean() > 0 && by[2][0].mean() > 0, "pathways 1 and 2 are reached via assessment");
    }

    @Test
    void rotherham_moreIntermediateCareBeds_neverIncreaseDelays_onCommonRandomNumbers() {
        LoadedScenario s = load("rotherham-2017/discharge-pathways.yaml");
        QuarterlyDefinition def = ScenarioCompiler.quarterly(s.spec());
        double previous = Double.POSITIVE_INFINITY;
        for (int beds : new int[] {18, 27, 35}) {
            List<CareSetting> settings = new ArrayList<>();
            for (CareSetting c : s.settings().settings()) {
                settings.add(c.name().startsWith("ic-site-") ? c.withCapacity(CapacityTimeline.constant(beds)) : c);
            }
            FlowSettings f = s.settings().withCalendar(s.settings().startDate(), 60, 200).withSettings(settings);
            FlowSummary sum = FlowExperiment.run(f, s.seed(), 2, 2);
            QuarterlyMetrics.Summary q = QuarterlyMetrics.summarise(sum, def);
            double delayed = q.get("2016/17", QuarterlyKpi.DELAYED_DAYS).mean();
            double awaitingIc = sum.replications().stream().mapToDouble(r -> r.settings().stream()
                    .mapToDouble(x -> x.delayedDaysByDestination().getOrDefault("ic-site-a", 0.0)
                            + x.delayedDaysByDestination().getOrDefault("ic-site-b", 0.0)).sum()).sum();
            final double prev = previous;
            assertTrue(delayed <= prev, () -> beds + " beds a site: " + delayed + " delayed days, above " + prev);
            if (beds == 35) {
                assertTrue(awaitingIc < 1, "35 beds a site are ample: " + awaitingIc + " days awaiting intermediate care");
            }
            if (beds == 18) {
                assertTrue(awaitingIc > 50, "18 beds a site are too few: " + awaitingIc);
            }
            previous = delayed;
        }
    }

    /**
     * The place plan's arithmetic: the MCP removes the avoidable cohort (1,000 admissions a year of mean stay 10
     * days: 10,000 bed days), so on common random numbers mean demand falls by Little's law, 1,000 x 10 / 365 = 27.4
     * beds, and the mean method's beds required by that over the 88.4 % occupancy the plan implies: 31 beds.
     */
    @Test
    void rotherhamMcp_removingTenThousandBedDays_savesLittlesLawBeds_andThirtyOneByTheMeanMethod() {
        LoadedOptions o = OptionsLoader.load(Path.of("rotherham-2017/mcp-31-beds.yaml"), 4, 3L);
        assertEquals(List.of(), o.errors().stream().map(LoadedOptions.FileProblem::render).toList());
        FlowSettings today = shortened(o.options().get(0).settings());
        FlowSettings mcp = shortened(o.options().stream().filter(x -> x.name().equals("mcp")).findFirst()
                .orElseThrow().settings());
        FlowSummary a = FlowExperiment.run(today, o.seed(), 4, 2);
        FlowSummary b = FlowExperiment.run(mcp, o.seed(), 4, 2);
        double[] demand = new double[4];
        double[] beds = new double[4];
        for (int i = 0; i < 4; i++) {
            demand[i] = a.replications().get(i).setting("trft-acute").meanDemand()
                    - b.replications().get(i).setting("trft-acute").meanDemand();
            beds[i] = a.replications().get(i).setting("trft-acute").bedsRequiredMean()
                    - b.replications().get(i).setting("trft-acute").bedsRequiredMean();
            assertEquals(demand[i] / 0.884, beds[i], 1e-6, "the mean method at the plan's occupancy");
        }
        org.bedsim.stats.ConfidenceInterval saved = org.bedsim.stats.ConfidenceInterval.of(demand, 0.99);
        double little = 1000 * 10 / 365.0;
        assertTrue(saved.contains(little), () -> "Little's law " + little + " outside " + saved);
        assertTrue(saved.halfWidth() < 4, saved.toString());
    }
}
