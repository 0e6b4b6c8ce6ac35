package org.bedsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.Uniform;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.Route;
import org.bedsim.model.SettingKind;
import org.bedsim.stats.ProportionInterval;
import org.junit.jupiter.api.Test;

/**
 * The modelled 91-day reablement outcome against what the routing implies: patients discharged from hospital into
 * reablement (10 a day x 0.3; stays of 10-30 days, so every one leaves it within 91 days) go home with probability 0.8, to a care
 * home 0.15 and die 0.05, so the share at home at 91 days is 0.8; patients going home from hospital directly are not
 * in the cohort, and discharges whose 91 days run past the horizon are not counted.
 */
class AtHomeAfterReablementTest {
    private static final LocalDate START = LocalDate.of(2016, 4, 1);
    private static final int DAYS = 365;

    private static FlowSettings system() {
        CareSetting ward = new CareSetting("ward", SettingKind.ACUTE, CapacityTimeline.unlimited(),
                AdmissionPolicy.WAIT, CareSetting.QueuePriority.FIFO);
        CareSetting reablement = new CareSetting("reablement", SettingKind.CASELOAD, CapacityTimeline.unlimited(),
                AdmissionPolicy.WAIT, CareSetting.QueuePriority.FIFO);
        Cohort older = new Cohort("older", Cohort.AdmissionType.NON_ELECTIVE, "older", "ward",
                ArrivalPattern.flat(10 * 365.25), null,
                Map.of("ward", Exponential.ofMean(5), "reablement", Uniform.of(10, 30)),
                Map.of("ward", List.of(new Route("home", 0.7), new Route("reablement", 0.3)),
                        "reablement", List.of(new Route("home", 0.8), new Route("care-home", 0.15),
                                new Route("died", 0.05))), null, null);
        return new FlowSettings(List.of(ward, reablement, CareSetting.sink("home"), CareSetting.sink("care-home"),
                CareSetting.sink("died")), List.of(older), START, 60, DAYS, 0.85, 0.05, false);
    }

    @Test
    void shareAtHome_matchesTheRoutingAfterReablement_andCensorsTheLastQuarter() {
        int reps = 8;
        List<AtHomeAfterReablement> listeners = Collections.synchronizedList(new ArrayList<>(
                Collections.nCopies(reps, null)));
        FlowExperiment.run(system(), 13, reps, 2, r -> { }, r -> {
            AtHomeAfterReablement a = new AtHomeAfterReablement(Set.of("ward"), Set.of("reablement"),
                    Set.of("home", "care-home", "died"), Set.of("home"), Set.of("older"),
                    AtHomeAfterReablement.BCF_FOLLOW_UP_DAYS);
            listeners.set(r, a);
            return a;
        });
        Map<String, ProportionInterval> share = AtHomeAfterReablement.summarise(listeners, START, DAYS, 0.99);
        ProportionInterval year = share.get("2016/17");
        assertTrue(year.contains(0.8), year.toString());
        assertTrue(year.high() - year.low() < 0.05, "narrow enough to tell 0.8 from 0.85: " + year);
        // 10 a day x 0.3 into reablement, followed up when discharged by day 365 - 91: about 3 x 274 a replication
        double perReplication = (double) year.trials() / reps;
        assertEquals(3 * (DAYS - 91), perReplication, 0.1 * 3 * (DAYS - 91));
        // Q4 (January-March) discharges cannot be followed for 91 days inside the run: none counted
        assertEquals(0, share.get("2016/17 Q4").trials());
        assertTrue(share.get("2016/17 Q1").contains(0.8), share.get("2016/17 Q1").toString());
        // the quarters add up to the year
        long sum = 0;
        for (String q : List.of("2016/17 Q1", "2016/17 Q2", "2016/17 Q3", "2016/17 Q4")) {
            sum += share.get(q).trials();
        }
        assertEquals(year.trials(), sum);
    }

    @Test
    void shortFollowUp_countsPatientsStillInReablementAsNotAtHome() {
        // a 15-day follow-up: stays of 10-30 days end by then with probability (15 - 10) / 20 = 0.25, so the share
        // at home is 0.8 x 0.25 = 0.2
        int reps = 8;
        List<AtHomeAfterReablement> listeners = Collections.synchronizedList(new ArrayList<>(
                Collections.nCopies(reps, null)));
        FlowExperiment.run(system(), 17, reps, 2, r -> { }, r -> {
            AtHomeAfterReablement a = new AtHomeAfterReablement(Set.of("ward"), Set.of("reablement"),
                    Set.of("home", "care-home", "died"), Set.of("home"), Set.of("older"), 15);
            listeners.set(r, a);
            return a;
        });
        ProportionInterval year = AtHomeAfterReablement.summarise(listeners, START, DAYS, 0.99).get("2016/17");
        assertTrue(year.contains(0.2), year.toString());
        assertTrue(year.high() - year.low() < 0.05, year.toString());
    }

    @Test
    void readmissionWithinTheFollowUp_isNotAtHome_unlessHomeAgainByThen() {
        // as system(), but a quarter of the patients going home return within 10 days (so within 91 days of the
        // discharge into reablement: at most 30 + 10 days) as "returned" patients who stay 100 days in the ward
        // (never home again by day 91): the share at home is 0.8 x (1 - 0.25) = 0.6. Returned patients whose
        // first discharge was not into reablement, or who go home from the ward directly, change nothing.
        FlowSettings base = system();
        Cohort older = base.cohorts().get(0);
        Cohort withReturns = new Cohort(older.name(), older.type(), older.ageBand(), older.entry(), older.arrivals(),
                null, older.lengthOfStay(), older.routing(), new org.bedsim.model.Readmission(0.25, 10, "returned"),
                null);
        Cohort returned = new Cohort("returned", Cohort.AdmissionType.NON_ELECTIVE, "older", "ward",
                ArrivalPattern.flat(0), null, Map.of("ward", org.bedsim.dist.Fixed.of(100)),
                Map.of("ward", List.of(new Route("home", 1.0))), null, null);
        FlowSettings f = new FlowSettings(base.settings(), List.of(withReturns, returned), START, 60, DAYS, 0.85,
                0.05, false);
        int reps = 8;
        List<AtHomeAfterReablement> listeners = Collections.synchronizedList(new ArrayList<>(
                Collections.nCopies(reps, null)));
        FlowExperiment.run(f, 19, reps, 2, r -> { }, r -> {
            AtHomeAfterReablement a = new AtHomeAfterReablement(Set.of("ward"), Set.of("reablement"),
                    Set.of("home", "care-home", "died"), Set.of("home"), Set.of("older"),
                    AtHomeAfterReablement.BCF_FOLLOW_UP_DAYS);
            listeners.set(r, a);
            return a;
        });
        ProportionInterval year = AtHomeAfterReablement.summarise(listeners, START, DAYS, 0.99).get("2016/17");
        assertTrue(year.contains(0.6), year.toString());
        assertTrue(year.high() - year.low() < 0.06, "narrow enough to tell 0.6 from 0.8: " + year);
    }
}
