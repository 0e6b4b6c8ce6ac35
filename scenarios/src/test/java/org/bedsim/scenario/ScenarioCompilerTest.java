package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.bedsim.dist.Distribution;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.Route;
import org.bedsim.model.SettingKind;
import org.junit.jupiter.api.Test;

class ScenarioCompilerTest {
    private static final FlowSettings EXAMPLE = ScenarioLoader.load(Fixtures.EXAMPLE, null, null).settings();

    @Test
    void calendar_datesBecomeWholeDaysFromTheStart() {
        assertEquals(LocalDate.of(2016, 4, 1), EXAMPLE.startDate());
        assertEquals(730.0, EXAMPLE.horizonDays()); // 2016-04-01 to 2018-04-01, 2017 not a leap year
        assertEquals(90.0, EXAMPLE.warmupDays());
        assertEquals(0.92, EXAMPLE.occupancyTarget());
        assertEquals(0.05, EXAMPLE.riskShareOfDays());
    }

    @Test
    void horizon_countsLeapDays() {
        CalendarSpec c = new CalendarSpec(LocalDate.of(2019, 4, 1), 1, null);
        assertEquals(366, ScenarioCompiler.horizonDays(c)); // includes 2020-02-29
    }

    @Test
    void settings_capacityTimelinesAndPolicies() {
        CareSetting community = EXAMPLE.setting("community");
        assertEquals(SettingKind.COMMUNITY, community.kind());
        assertEquals(List.of(new CapacityTimeline.Step(0, 38), new CapacityTimeline.Step(548, 42)),
                community.capacity().steps()); // 2017-10-01 is day 548
        assertEquals(AdmissionPolicy.WAIT, EXAMPLE.setting("acute").policy());
        assertEquals(CareSetting.QueuePriority.FIFO, EXAMPLE.setting("acute").priority());
        assertEquals(SettingKind.VIRTUAL_WARD, EXAMPLE.setting("virtual-ward").kind());
        assertEquals(true, EXAMPLE.setting("died").isSink());
    }

    @Test
    void policies_escalateAndDivert() {
        String yaml = Fixtures.edit(Fixtures.text(Fixtures.MINIMAL), "    beds: 30\n",
                "    beds: 30\n    when_full: escalate\n    escalation_beds: 4\n    priority: transfers_first\n");
        yaml = Fixtures.edit(yaml, "    beds: 10\n", "    beds: 10\n    when_full: divert\n    divert_to: ward\n");
        FlowSettings s = Fixtures.load(yaml).settings();
        assertEquals(AdmissionPolicy.escalate(4), s.setting("ward").policy());
        assertEquals(CareSetting.QueuePriority.TRANSFERS_FIRST, s.setting("ward").priority());
        assertEquals(AdmissionPolicy.divert("ward"), s.setting("rehab").policy());
    }

    @Test
    void cohorts_growthCompoundsAgeBandAndNonDemographic() {
        Cohort older = EXAMPLE.cohort("medical-older");
        double expected = Math.pow(1.111, 1 / 5.0) * 1.01 - 1;
        assertEquals(expected, older.arrivals().growthPerYear(), 1e-15);
        Cohort elective = EXAMPLE.cohort("elective-surgery");
        assertEquals(Math.pow(1.017, 1 / 5.0) * 1.01 - 1, elective.arrivals().growthPerYear(), 1e-15);
        assertEquals("older", older.ageBand());
    }

    @Test
    void cohorts_profilesVolumesRoutingAndMore() {
        Cohort older = EXAMPLE.cohort("medical-older");
        assertEquals(8000.0, older.arrivals().annualVolume());
        double[] week = older.arrivals().dayOfWeek();
        double sum = 0;
        for (double w : week) {
            sum += w;
        }
        assertEquals(7.0, sum, 1e-12); // normalised to a mean of 1
        assertEquals(1.12, week[0], 1e-12); // the weights already average 1
        assertEquals(Cohort.AdmissionType.NON_ELECTIVE, older.type());
        assertEquals("acute", older.entry());
        assertEquals(List.of(new Route("home", 0.72), new Route("community", 0.10), new Route("virtual-ward", 0.12),
                new Route("died", 0.06)), older.routing().get("acute"));
        assertEquals(0.08, older.readmission().probability());
        assertEquals("medical-older", older.readmission().cohort());
        assertEquals(0.05, older.avoidance().share());
        assertEquals("virtual-ward", older.avoidance().redirectTo());
        assertEquals(8.5, older.lengthOfStay().get("acute").mean(), 1e-12);
        assertEquals(10.0, older.lengthOfStay().get("acute").sd(), 1e-9);
        Cohort elective = EXAMPLE.cohort("elective-surgery");
        assertEquals(Cohort.AdmissionType.ELECTIVE, elective.type());
        assertEquals(Cohort.ElectiveFull.CANCEL, elective.whenFull());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1}, elective.arrivals().dayOfWeek());
        assertNull(elective.readmission());
    }

    @Test
    void distributions_everyFamily_hasTheMeanItsParametersGive() {
        assertEquals(4.0, mean("{family: exponential, mean: 4}"), 1e-12);
        assertEquals(4.0, mean("{family: lognormal, mean: 4, sd: 5}"), 1e-9);
        assertEquals(4.0, mean("{family: gamma, mean: 4, sd: 2}"), 1e-9);
        assertEquals(2.0 * 0.8862269254527580, mean("{family: weibull, shape: 2, scale: 2}"), 1e-9);
        assertEquals(3.0, mean("{family: triangular, min: 1, mode: 2, max: 6}"), 1e-12);
        assertEquals(3.5, mean("{family: uniform, min: 1, max: 6}"), 1e-12);
        assertEquals(2.0, mean("{family: fixed, value: 2}"), 1e-12);
        assertEquals(2.0, mean("{family: empirical, observations: [1, 2, 3]}"), 1e-12);
        assertEquals(5.0, mean("{family: quantiles, probabilities: [0, 1], values: [0, 10]}"), 1e-12);
        assertEquals(2.0, mean("{family: fixed, value: 5, cap: 2}"), 1e-12);
        double capped = mean("{family: exponential, mean: 4, cap: 4}");
        assertEquals(4 * (1 - Math.exp(-1)), capped, 1e-9); // E[min(X, c)] = m (1 - e^(-c/m))
    }

    private static double mean(String flow) {
        String yaml = Fixtures.edit(Fixtures.text(Fixtures.MINIMAL),
                "      ward:\n        family: exponential\n        mean: 4\n        source: test-figures\n",
                "      ward: " + flow.replace("}", ", source: test-figures}") + "\n");
        LoadedScenario s = Fixtures.load(yaml);
        assertEquals(List.of(), s.errors(), flow);
        Distribution d = s.settings().cohort("patients").lengthOfStay().get("ward");
        return d.mean();
    }

    @Test
    void compile_refusesASpecTheValidatorWouldHaveStopped() {
        ScenarioSpec bad = Fixtures.load(Fixtures.edit(Fixtures.text(Fixtures.MINIMAL), "          probability: 0.9\n",
                "          probability: 0.8\n")).spec();
        assertThrows(IllegalArgumentException.class, () -> ScenarioCompiler.compile(bad));
    }
}
