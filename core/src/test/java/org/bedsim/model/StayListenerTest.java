package org.bedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.random.RandomStreams;
import org.junit.jupiter.api.Test;

class StayListenerTest {

    /** Keeps every stay as a row of numbers. */
    private static final class Log implements StayListener {
        final List<double[]> rows = new ArrayList<>();
        List<String> places;
        int warmup;
        LocalDate day0;

        @Override
        public void begin(LocalDate day0, int warmupDays, List<String> places, List<String> cohorts) {
            this.day0 = day0;
            this.warmup = warmupDays;
            this.places = places;
        }

        @Override
        public void stay(int cohort, boolean readmission, long patient, int setting, boolean transfer,
                double admittedAt, double readyAt, double leftAt, int to) {
            rows.add(new double[] {cohort, setting, transfer ? 1 : 0, admittedAt, readyAt, leftAt, to, patient});
        }
    }

    private static FlowSettings twoWards() {
        Cohort c = FlowFixtures.cohort("medical", 3000, "acute",
                FlowFixtures.los("acute", Exponential.ofMean(5), "rehab", Exponential.ofMean(12)),
                Map.of("acute", List.of(new Route("rehab", 0.3), new Route("home", 0.7))));
        return FlowFixtures.settings(List.of(
                FlowFixtures.ward("acute", 60, AdmissionPolicy.WAIT),
                FlowFixtures.ward("rehab", 12, AdmissionPolicy.WAIT)), List.of(c), 60, 365);
    }

    @Test
    void stays_matchTheMeasuredAdmissionsCensusAndDelays() {
        FlowSettings cfg = twoWards();
        Log log = new Log();
        FlowResult withLog = new FlowModel(cfg, new RandomStreams(5).replication(0)).withStayListener(log).run();
        FlowResult without = new FlowModel(cfg, new RandomStreams(5).replication(0)).run();
        assertEquals(without, withLog, "a listener must not change the run");
        assertEquals(FlowFixtures.START.minusDays(60), log.day0);
        int acute = log.places.indexOf("acute");
        int rehab = log.places.indexOf("rehab");
        for (int s : new int[] {acute, rehab}) {
            final int setting = s;
            long admitted = log.rows.stream().filter(r -> r[1] == setting && r[3] >= 60).count();
            long open = log.rows.stream().filter(r -> r[1] == setting && Double.isNaN(r[5])).count();
            SettingResult kpi = withLog.setting(log.places.get(s));
            assertEquals(kpi.admissions(), admitted, "stays begun in the measured period");
            int lastDay = withLog.census().days() - 1;
            assertEquals(withLog.census().occupied(lastDay, s), open, "stays open at the end = last census");
        }
        long toRehab = log.rows.stream().filter(r -> r[1] == acute && r[6] == rehab).count();
        long intoRehab = log.rows.stream().filter(r -> r[1] == rehab && r[2] == 1).count();
        assertEquals(toRehab, intoRehab, "every move to rehab is a transfer stay there");
        // blocked stays: ready before leaving, and the delayed days add up to the model's
        double delayed = log.rows.stream().filter(r -> r[1] == acute && !Double.isNaN(r[5]))
                .mapToDouble(r -> Math.max(0, Math.min(r[5], 425) - Math.max(r[4], 60))).sum();
        assertTrue(log.rows.stream().allMatch(r -> Double.isNaN(r[5]) || r[4] <= r[5]));
        assertTrue(delayed > 0, "the 12-bed rehab ward blocks acute beds");
        double open = log.rows.stream().filter(r -> r[1] == acute && Double.isNaN(r[5]) && !Double.isNaN(r[4]))
                .mapToDouble(r -> 425 - Math.max(r[4], 60)).sum();
        assertEquals(withLog.setting("acute").delayedDays(), delayed + open, 1e-6);
    }
}
