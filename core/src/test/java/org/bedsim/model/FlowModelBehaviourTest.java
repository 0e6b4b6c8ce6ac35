package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.START;
import static org.bedsim.model.FlowFixtures.cohort;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.settings;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.Fixed;
import org.bedsim.dist.LogNormal;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/** The flow model's mechanisms: profiles, growth, timelines, electives, readmission, avoidance, policies, CRN. */
class FlowModelBehaviourTest {
    private static final double LEVEL = 0.999;

    /** With a fixed stay of exactly one day and no capacity limit, the midnight census counts the day's arrivals. */
    private static FlowSettings countingWard(ArrivalPattern pattern, int horizon) {
        Cohort c = new Cohort("all", Cohort.AdmissionType.NON_ELECTIVE, "all", "ward", pattern, null,
                los("ward", Fixed.of(1.0)), Map.of(), null, null);
        return settings(List.of(ward("ward", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT)), List.of(c), 7,
                horizon);
    }

    private static void assertCovers(String what, double[] values, double theory, double maxRelative) {
        ConfidenceInterval ci = ConfidenceInterval.of(values, LEVEL);
        assertTrue(ci.contains(theory), () -> what + ": " + theory + " outside [" + ci.low() + ", " + ci.high() + "]");
        assertTrue(ci.halfWidth() <= maxRelative * theory, () -> what + ": interval too wide " + ci);
    }

    @Test
    void dayOfWeekProfile_isHonouredWithinConfidenceIntervals() {
        double[] dow = {2, 1.5, 1, 1, 1, 0.25, 0.25}; // normalised to mean 1 by the pattern
        ArrivalPattern pattern = new ArrivalPattern(100 * 365.25, dow, null, 0);
        FlowSummary s = FlowExperiment.run(countingWard(pattern, 7 * 200), 21, 12, 2);
        double[] normalised = pattern.dayOfWeek();
        for (int w = 0; w < 7; w++) {
            final int weekday = w;
            double[] means = s.replications().stream().mapToDouble(r -> {
                double sum = 0;
                int n = 0;
                for (int d = 0; d < r.census().days(); d++) {
                    if (START.plusDays(d).getDayOfWeek().getValue() - 1 == weekday) {
                        sum += r.census().occupied(d, 0);
                        n++;
                    }
                }
                return sum / n;
            }).toArray();
            assertCovers("weekday " + w, means, 100 * normalised[w], 0.05);
        }
    }

    @Test
    void monthProfileAndGrowth_areHonouredWithinConfidenceIntervals() {
        double[] month = {1.3, 1.2, 1.1, 1, 1, 0.9, 0.8, 0.8, 0.9, 1, 1.1, 1.2};
        ArrivalPattern pattern = new ArrivalPattern(50 * 365.25, null, month, 0.10);
        FlowSettings settings = countingWard(pattern, 5 * 365);
        FlowSummary s = FlowExperiment.run(settings, 22, 12, 2);
        double[] m = pattern.month();
        // July and January of the first and the fifth year: months 1.3 / 0.8 apart, years 1.1^4
        for (LocalDate first : List.of(LocalDate.of(2016, 7, 1), LocalDate.of(2017, 1, 1), LocalDate.of(2020, 7, 1),
                LocalDate.of(2021, 1, 1))) {
            {
                int monthIndex = first.getMonthValue() - 1;
                final int from = (int) (first.toEpochDay() - START.toEpochDay());
                final int length = first.lengthOfMonth();
                double[] means = s.replications().stream().mapToDouble(r -> {
                    double sum = 0;
                    for (int d = from; d < from + length; d++) {
                        sum += r.census().occupied(d, 0);
                    }
                    return sum / length;
                }).toArray();
                double years = (from + length / 2.0) / 365.25;
                double expected = 50 * m[monthIndex] * Math.pow(1.10, years);
                assertCovers(first.toString(), means, expected, 0.05);
            }
        }
    }

    @Test
    void capacityTimeline_changeTakesEffectOnItsDate() {
        CareSetting w = new CareSetting("ward", SettingKind.ACUTE, new CapacityTimeline(List.of(
                new CapacityTimeline.Step(0, 30), new CapacityTimeline.Step(100, 10), new CapacityTimeline.Step(200,
                        40))), AdmissionPolicy.LOSE, CareSetting.QueuePriority.FIFO);
        Cohort c = cohort("all", 60 * 365.25, "ward", los("ward", Fixed.of(1.0)), Map.of());
        FlowResult r = FlowExperiment.runOne(settings(List.of(w), List.of(c), 10, 300), 5, 0);
        CensusSeries census = r.census();
        // census day d is the midnight ending day d; a fixed stay of one day means occupancy tracks capacity
        for (int d = 0; d < 300; d++) {
            int expectedCap = d < 100 ? 30 : d < 200 ? 10 : 40;
            assertTrue(census.occupied(d, 0) <= expectedCap, "day " + d + ": " + census.occupied(d, 0));
        }
        assertEquals(30, max(census, 0, 100), "full at the first capacity");
        assertEquals(10, max(census, 100, 200), "full at the second");
        assertTrue(max(census, 201, 300) > 30, "the higher capacity is used once demand exceeds the old one");
    }

    private static int max(CensusSeries census, int from, int to) {
        int m = 0;
        for (int d = from; d < to; d++) {
            m = Math.max(m, census.occupied(d, 0));
        }
        return m;
    }

    @Test
    void electives_bookedOnWorkingDaysOnly_andCancelledWhenFull() {
        // ten a working day, staying exactly one day from 08:00: the census is 10 after Monday..Friday, 0 at weekends
        double annual = 10 * 365.25 * 5 / 7;
        Cohort c = new Cohort("elective", Cohort.AdmissionType.ELECTIVE, "adults", "ward",
                ArrivalPattern.flat(annual), Cohort.ElectiveFull.CANCEL, los("ward", Fixed.of(1.0)), Map.of(), null,
                null);
        FlowResult open = FlowExperiment.runOne(settings(List.of(ward("ward", 50, AdmissionPolicy.WAIT)), List.of(c),
                14, 70), 3, 0);
        for (int d = 0; d < 70; d++) {
            int weekday = START.plusDays(d).getDayOfWeek().getValue();
            assertEquals(weekday <= 5 ? 10 : 0, open.census().occupied(d, 0), "day " + d);
        }
        assertEquals(0, open.cancelled());
        FlowResult tight = FlowExperiment.runOne(settings(List.of(ward("ward", 8, AdmissionPolicy.WAIT)),
                List.of(c), 14, 70), 3, 0);
        assertEquals(2 * 50, tight.cancelled(), "two of ten cancelled on each of 50 working days");
        assertEquals(0, tight.flowImbalance());
    }

    @Test
    void electives_deferredWhenFull_areAdmittedOnLaterWorkingDays() {
        double annual = 10 * 365.25 * 5 / 7;
        Cohort c = new Cohort("elective", Cohort.AdmissionType.ELECTIVE, "adults", "ward",
                ArrivalPattern.flat(annual), Cohort.ElectiveFull.DEFER, los("ward", Fixed.of(0.5)), Map.of(), null,
                null);
        // 12 beds for 10 a day: nothing is deferred; 9 beds: one more deferred each day, admitted later
        FlowResult r = FlowExperiment.runOne(settings(List.of(ward("ward", 9, AdmissionPolicy.WAIT)), List.of(c), 0,
                28), 3, 0);
        SettingResult w = r.setting("ward");
        assertEquals(0, r.cancelled());
        assertEquals(9L * 20, w.admissions(), "nine admitted each of the 20 working days");
        assertTrue(w.deferred() > 0);
        assertEquals(0, r.flowImbalance());
        assertEquals(10L * 20 - 9 * 20, r.inSystemAtEnd(), "the backlog is still booked at the end");
    }

    @Test
    void readmission_returnsTheExpectedShareOfDischarges() {
        Cohort c = new Cohort("all", Cohort.AdmissionType.NON_ELECTIVE, "all", "ward", ArrivalPattern.flat(20 * 365.25),
                null, los("ward", Exponential.ofMean(4)), Map.of(), new Readmission(0.2, 30, "all"), null);
        FlowSummary s = FlowExperiment.run(settings(List.of(ward("ward", CapacityTimeline.UNLIMITED,
                AdmissionPolicy.WAIT)), List.of(c), 100, 2000), 7, 10, 2);
        double[] share = s.replications().stream()
                .mapToDouble(r -> (double) r.readmissions() / r.toSinks().get("home")).toArray();
        assertCovers("readmission share", share, 0.2, 0.05);
        for (FlowResult r : s.replications()) {
            assertEquals(0, r.flowImbalance());
        }
    }

    @Test
    void avoidance_removesOrRedirectsTheShare_andLargerSharesAvoidSupersets() {
        CareSetting vw = new CareSetting("virtual", SettingKind.VIRTUAL_WARD, CapacityTimeline.unlimited(),
                AdmissionPolicy.WAIT, CareSetting.QueuePriority.FIFO);
        Cohort base = cohort("all", 30 * 365.25, "ward", los("ward", Exponential.ofMean(4), "virtual",
                Exponential.ofMean(7)), Map.of());
        List<CareSetting> wards = List.of(ward("ward", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT), vw);
        FlowSummary removed = FlowExperiment.run(settings(wards, List.of(base.withAvoidance(new Avoidance(0.3,
                null))), 50, 1000), 8, 8, 2);
        double[] share = removed.replications().stream().mapToDouble(r -> (double) r.avoided() / r.arrivals())
                .toArray();
        assertCovers("avoided share", share, 0.3, 0.03);
        FlowSummary redirected = FlowExperiment.run(settings(wards, List.of(base.withAvoidance(new Avoidance(0.3,
                "virtual"))), 50, 1000), 8, 8, 2);
        for (FlowResult r : redirected.replications()) {
            assertEquals(0, r.avoided());
            assertEquals(r.setting("virtual").admissions() + r.setting("ward").admissions(), r.arrivals(), 40.0,
                    "everyone arrives at one of the two (minus those present at the edges)");
        }
        FlowSummary smaller = FlowExperiment.run(settings(wards, List.of(base.withAvoidance(new Avoidance(0.2,
                null))), 50, 1000), 8, 8, 2);
        for (int i = 0; i < 8; i++) {
            FlowResult a = smaller.replications().get(i);
            FlowResult b = removed.replications().get(i);
            assertEquals(a.arrivals(), b.arrivals(), "the same patients arrive");
            assertTrue(b.avoided() > a.avoided());
            assertTrue(b.setting("ward").admissions() < a.setting("ward").admissions());
        }
    }

    @Test
    void divertAndEscalation_policiesAreApplied() {
        CareSetting a = ward("a", 10, AdmissionPolicy.divert("b"));
        CareSetting b = ward("b", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT);
        Cohort c = cohort("all", 4 * 365.25, "a", los("a", Exponential.ofMean(3), "b", Exponential.ofMean(3)),
                Map.of());
        FlowResult r = FlowExperiment.runOne(settings(List.of(a, b), List.of(c), 50, 1000), 9, 0);
        assertTrue(r.setting("a").divertedOut() > 0);
        assertEquals(r.setting("a").divertedOut(), r.setting("b").externalAdmissions(), 5.0);
        assertEquals(0, r.setting("a").waitCount(), "with room next door nobody waits");

        CareSetting e = ward("e", 10, AdmissionPolicy.escalate(5));
        Cohort ce = cohort("all", 4 * 365.25, "e", los("e", Exponential.ofMean(3)), Map.of());
        FlowResult re = FlowExperiment.runOne(settings(List.of(e), List.of(ce), 50, 1000), 9, 0);
        assertTrue(re.setting("e").escalationBedDays() > 0);
        for (int d = 0; d < 1000; d++) {
            assertTrue(re.census().occupied(d, 0) <= 15);
        }
        assertTrue(re.setting("e").occupancyP95() > 10);
    }

    @Test
    void queuePriority_transfersFirst_cutsDelaysAgainstArrivalsFirst() {
        double transfersFirst = delayedDays(CareSetting.QueuePriority.TRANSFERS_FIRST);
        double arrivalsFirst = delayedDays(CareSetting.QueuePriority.ARRIVALS_FIRST);
        assertTrue(transfersFirst < arrivalsFirst, transfersFirst + " vs " + arrivalsFirst);
    }

    private static double delayedDays(CareSetting.QueuePriority priority) {
        CareSetting acute = ward("acute", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT);
        CareSetting community = new CareSetting("community", SettingKind.COMMUNITY, CapacityTimeline.constant(20),
                AdmissionPolicy.WAIT, priority);
        List<Cohort> cohorts = List.of(
                cohort("stepdown", 3 * 365.25, "acute", los("acute", Exponential.ofMean(3), "community",
                        Exponential.ofMean(5)), Map.of("acute", List.of(new Route("community", 1)))),
                cohort("direct", 1.5 * 365.25, "community", los("community", Exponential.ofMean(5)), Map.of()));
        FlowResult r = FlowExperiment.runOne(settings(List.of(acute, community), cohorts, 100, 2000), 10, 0);
        return r.setting("acute").delayedDays();
    }

    @Test
    void results_sameSeed_identicalTwiceAndWhateverTheThreads_andCapacityKeepsArrivals() {
        FlowSettings s = settings(List.of(ward("acute", 40, AdmissionPolicy.WAIT), ward("community", 15,
                        AdmissionPolicy.WAIT)),
                List.of(cohort("all", 12 * 365.25, "acute", los("acute", LogNormal.ofMeanSd(3, 3), "community",
                        Exponential.ofMean(6)), Map.of("acute", List.of(new Route("community", 0.2),
                        new Route("home", 0.75), new Route("died", 0.05))))), 30, 365);
        List<FlowResult> serial = FlowExperiment.run(s, 99, 4, 1).replications();
        assertEquals(serial, FlowExperiment.run(s, 99, 4, 1).replications());
        assertEquals(serial, FlowExperiment.run(s, 99, 4, 3).replications());
        assertNotEquals(serial, FlowExperiment.run(s, 100, 4, 1).replications());
        FlowSettings bigger = s.withSettings(List.of(ward("acute", 60, AdmissionPolicy.WAIT), ward("community", 15,
                AdmissionPolicy.WAIT), CareSetting.sink("home"), CareSetting.sink("died")));
        List<FlowResult> other = FlowExperiment.run(bigger, 99, 4, 1).replications();
        for (int i = 0; i < 4; i++) {
            assertEquals(serial.get(i).arrivals(), other.get(i).arrivals(), "capacity changes no arrival");
        }
    }
}
