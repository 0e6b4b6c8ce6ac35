package org.bedsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.model.CensusSeries;
import org.bedsim.model.DailyFlows;
import org.bedsim.model.FlowResult;
import org.junit.jupiter.api.Test;

/** Quarterly and per-100,000 arithmetic against hand computation, exactly. */
class QuarterlyMetricsTest {
    private static final LocalDate MARCH_1 = LocalDate.of(2017, 3, 1);

    /**
     * 61 days from 1 March 2017: every midnight 2 patients await intermediate care (joint) and 1 reablement (social
     * care); each day 3 older non-elective and 5 younger elective acute admissions; 1 older and 1 younger patient
     * to the care-home sink and 4 older patients home.
     */
    private static FlowResult result(int replication) {
        int days = 61;
        int[] awaited = new int[days * 2];
        int[] admissions = new int[days * 2];
        int[] sinks = new int[days * 2 * 2];
        for (int d = 0; d < days; d++) {
            awaited[d * 2] = 2;
            awaited[d * 2 + 1] = 1;
            admissions[d * 2] = 3;
            admissions[d * 2 + 1] = 5;
            sinks[(d * 2) * 2] = 4; // older -> home
            sinks[(d * 2) * 2 + 1] = 1; // older -> care-home
            sinks[(d * 2 + 1) * 2 + 1] = 1; // younger -> care-home
        }
        DailyFlows f = new DailyFlows(MARCH_1, List.of("ic", "reablement"), List.of("older", "younger"),
                List.of("home", "care-home"), awaited, admissions, sinks);
        CensusSeries c = new CensusSeries(MARCH_1, List.of("ic", "reablement"), new int[days * 2],
                new int[days * 2], new int[days * 2]);
        return new FlowResult(replication, List.of(), c, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, f);
    }

    private static QuarterlyDefinition definition() {
        return new QuarterlyDefinition(
                new Population("adults", Population.YearBasis.CALENDAR, Map.of(2016, 190_000.0, 2017, 200_000.0)),
                new Population("older", Population.YearBasis.FINANCIAL, Map.of(2016, 50_000.0, 2017, 40_000.0)),
                Map.of("ic", DelayOwner.JOINT, "reablement", DelayOwner.SOCIAL_CARE), Set.of("older"),
                Set.of("older"), Set.of("care-home"), Set.of(), List.of());
    }

    @Test
    void periods_partialQuartersAndYears_areMarkedWithTheirMeasuredDays() {
        List<QuarterlyMetrics.Period> p = QuarterlyMetrics.periods(MARCH_1, 61);
        assertEquals(List.of("2016/17 Q4", "2017/18 Q1", "2016/17", "2017/18"),
                p.stream().map(QuarterlyMetrics.Period::label).toList());
        assertEquals(List.of(31, 30, 31, 30), p.stream().map(QuarterlyMetrics.Period::measuredDays).toList());
        assertTrue(p.stream().noneMatch(QuarterlyMetrics.Period::complete));
        List<QuarterlyMetrics.Period> two = QuarterlyMetrics.periods(LocalDate.of(2016, 4, 1), 730);
        assertEquals(10, two.size());
        assertTrue(two.stream().allMatch(QuarterlyMetrics.Period::complete));
        assertEquals(List.of(91, 92, 92, 90, 91, 92, 92, 90, 365, 365),
                two.stream().map(QuarterlyMetrics.Period::measuredDays).toList());
    }

    @Test
    void compute_matchesHandArithmetic_exactly() {
        Map<String, Map<String, Double>> m = QuarterlyMetrics.compute(result(0), definition());
        Map<String, Double> q4 = m.get("2016/17 Q4");
        // 31 days of March: 3 delayed a midnight = 93 delayed days; adults of calendar 2017 = 200,000
        assertEquals(93.0, q4.get("delayed_days"));
        assertEquals(62.0, q4.get("delayed_days_joint"));
        assertEquals(31.0, q4.get("delayed_days_social_care"));
        assertEquals(0.0, q4.get("delayed_days_nhs"));
        assertEquals(93.0 / 200_000 * 100_000, q4.get("delayed_days_per_100k_adults"));
        assertEquals(46.5, q4.get("delayed_days_per_100k_adults"), 1e-12);
        assertEquals(3.0, q4.get("delayed_per_day"));
        assertEquals(1.5, q4.get("delayed_per_day_per_100k_adults"), 1e-12);
        assertEquals(1.0, q4.get("delayed_per_day_per_100k_adults_joint"), 1e-12);
        assertEquals(0.5, q4.get("delayed_per_day_per_100k_adults_social_care"), 1e-12);
        // non-elective: older cohort only, 3 a day; care homes: older only, 1 a day, 65+ of financial 2016 = 50,000
        assertEquals(93.0, q4.get("non_elective_admissions"));
        assertEquals(31.0, q4.get("care_home_admissions_65_plus"));
        assertEquals(62.0, q4.get("care_home_admissions_per_100k_65_plus"), 1e-12);
        Map<String, Double> q1 = m.get("2017/18 Q1");
        // 30 days of April: adults still calendar 2017; 65+ of financial 2017 = 40,000
        assertEquals(90.0, q1.get("delayed_days"));
        assertEquals(45.0, q1.get("delayed_days_per_100k_adults"), 1e-12);
        assertEquals(90.0, q1.get("non_elective_admissions"));
        assertEquals(75.0, q1.get("care_home_admissions_per_100k_65_plus"), 1e-12);
        // a year is the sum of its quarters' counts
        assertEquals(q1.get("delayed_days"), m.get("2017/18").get("delayed_days"));
    }

    @Test
    void ownersSplit_sumsToTheTotal() {
        Map<String, Double> q = QuarterlyMetrics.compute(result(0), definition()).get("2017/18 Q1");
        double days = 0;
        double rate = 0;
        for (DelayOwner o : DelayOwner.values()) {
            days += q.get(QuarterlyKpi.delayedDays(o).key());
            rate += q.get(QuarterlyKpi.delayedPerDayPer100k(o).key());
        }
        assertEquals(q.get("delayed_days"), days);
        assertEquals(q.get("delayed_per_day_per_100k_adults"), rate, 1e-12);
    }

    @Test
    void delayedWhileThere_addsTheSettingsMidnightCensus_toItsOwner() {
        FlowResult base = result(0);
        int days = 61;
        int[] occupied = new int[days * 2];
        for (int d = 0; d < days; d++) {
            occupied[d * 2 + 1] = 2; // two patients at each midnight in 'reablement', here read as awaiting assessment
        }
        FlowResult r = new FlowResult(0, List.of(), new CensusSeries(MARCH_1, List.of("ic", "reablement"), occupied,
                new int[days * 2], new int[days * 2]), 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, base.daily());
        QuarterlyDefinition d = definition();
        QuarterlyDefinition there = new QuarterlyDefinition(d.adults(), d.older(), d.owners(),
                d.nonElectiveCohorts(), d.olderCohorts(), d.careHomeSinks(), Set.of("reablement"), d.published());
        Map<String, Double> q = QuarterlyMetrics.compute(r, there).get("2016/17 Q4");
        assertEquals(93.0 + 62.0, q.get("delayed_days"));
        assertEquals(31.0 + 62.0, q.get("delayed_days_social_care"));
        assertEquals(62.0, q.get("delayed_days_joint"));
        assertEquals(93.0, QuarterlyMetrics.compute(r, d).get("2016/17 Q4").get("delayed_days"));
    }

    @Test
    void missingPopulation_givesNaNRates_notZero() {
        QuarterlyDefinition d = new QuarterlyDefinition(null, null, Map.of(), Set.of("older"), Set.of(), Set.of(),
                Set.of(), List.of());
        Map<String, Double> q = QuarterlyMetrics.compute(result(0), d).get("2016/17 Q4");
        assertTrue(Double.isNaN(q.get("delayed_days_per_100k_adults")));
        assertEquals(93.0, q.get("delayed_days_unattributed"));
    }

    @Test
    void financialQuarter_parsesAndPlacesDates() {
        assertEquals(new FinancialQuarter(2016, 4), FinancialQuarter.of(LocalDate.of(2017, 3, 31)));
        assertEquals(new FinancialQuarter(2017, 1), FinancialQuarter.of(LocalDate.of(2017, 4, 1)));
        assertEquals(new FinancialQuarter(2017, 3), FinancialQuarter.parse("2017/18 Q3"));
        assertEquals(LocalDate.of(2017, 10, 1), FinancialQuarter.parse("2017/18 Q3").start());
        assertEquals(2018, FinancialQuarter.parse("2017/18 Q4").calendarYear());
        assertThrows(IllegalArgumentException.class, () -> FinancialQuarter.parse("2017/19 Q1"));
        assertThrows(IllegalArgumentException.class, () -> FinancialQuarter.parse("2017 Q1"));
        assertFalse(FinancialQuarter.parse("2016/17 Q4").compareTo(FinancialQuarter.parse("2017/18 Q1")) >= 0);
    }
}
