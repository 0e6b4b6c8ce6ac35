package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bedsim.model.PreFlight;
import org.junit.jupiter.api.Test;

class PreFlightCheckTest {

    @Test
    void loads_perSetting_fromDistributionMeans() {
        LoadedScenario s = ScenarioLoader.load(Fixtures.MINIMAL, null, null);
        List<PreFlight.Load> loads = s.preFlight().loads();
        assertEquals(List.of("ward", "rehab"), loads.stream().map(PreFlight.Load::setting).toList());
        assertEquals(2000 / 365.25 * 4 + 200 / 365.25 * 0, loads.get(0).offeredLoad(), 1e-9);
        assertEquals(200 / 365.25 * 10, loads.get(1).offeredLoad(), 1e-9);
        assertEquals(30, loads.get(0).capacity());
    }

    @Test
    void overload_isAWarning_atTheSettingsBeds_notAnError() {
        LoadedScenario s = Fixtures.load(Fixtures.edit(Fixtures.text(Fixtures.MINIMAL), "    beds: 30\n",
                "    beds: 21\n"));
        assertEquals(List.of("17:11: warning: settings[0].beds: found an offered load of 21.9 beds against 21 beds "
                + "(104 %) in 'ward', expected more beds than the offered load (admissions a day x mean stay, at the "
                + "end of the horizon), or queues and delays grow without bound"),
                s.problems().stream().map(Problem::located).toList());
        assertEquals(false, s.hasErrors());
    }

    @Test
    void loadJustBelowCapacity_noWarning() {
        LoadedScenario s = Fixtures.load(Fixtures.edit(Fixtures.text(Fixtures.MINIMAL), "    beds: 30\n",
                "    beds: 22\n"));
        assertEquals(List.of(), s.problems());
    }

    @Test
    void censusTooLargeForMemory_refused() {
        String yaml = Fixtures.edit(Fixtures.text(Fixtures.MINIMAL), "  horizon_years: 1\n", "  horizon_years: 10\n");
        yaml = Fixtures.edit(yaml, "      per_year: 2000\n", "      per_year: 10\n");
        LoadedScenario s = ScenarioLoader.load("t.yaml", yaml.getBytes(), 20_000, null);
        assertEquals(List.of("error: run.replications: found a daily census of 1671 MiB (3652 days x 2 settings x "
                + "20000 replications), expected at most 1024 MiB: fewer replications or a shorter horizon"),
                s.problems().stream().map(p -> p.located().replaceFirst("^\\d+:\\d+: ", "")).toList());
        assertEquals(3652L * 2 * 12 * 20_000, s.preFlight().censusBytes());
        LoadedScenario fewer = ScenarioLoader.load("t.yaml", yaml.getBytes(), 1000, null);
        assertEquals(List.of(), fewer.problems());
    }

    @Test
    void events_estimateScalesWithReplications() {
        LoadedScenario one = ScenarioLoader.load(Fixtures.MINIMAL, 1, null);
        LoadedScenario ten = ScenarioLoader.load(Fixtures.MINIMAL, 10, null);
        assertEquals(10 * one.preFlight().events(), ten.preFlight().events(), 1e-6);
        assertTrue(one.preFlight().eventsPerReplication() > 2000 * (395 / 365.25));
    }

    @Test
    void count_isReadable() {
        assertEquals("5.0 billion", PreFlightCheck.count(5e9));
        assertEquals("12.3 million", PreFlightCheck.count(12_300_000));
        assertEquals("12,345", PreFlightCheck.count(12_345));
    }
}
