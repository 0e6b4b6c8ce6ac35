package org.bedsim.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.CensusSeries;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingKind;
import org.bedsim.model.SettingResult;

/** Hand-built results for the writers' tests: values that tell replications and KPIs apart. */
final class Summaries {
    /** A setting name that needs quoting in CSV. */
    static final String WARD = "ward, east";

    private Summaries() {
    }

    static FlowSettings settings() {
        Cohort c = new Cohort("c", Cohort.AdmissionType.NON_ELECTIVE, null, WARD, ArrivalPattern.flat(100), null,
                Map.of(WARD, Exponential.ofMean(2)), Map.of(), null, null);
        return new FlowSettings(List.of(
                CareSetting.of(WARD, SettingKind.ACUTE, new CapacityTimeline(List.of(new CapacityTimeline.Step(0, 10),
                        new CapacityTimeline.Step(2, 12)))),
                CareSetting.of("rehab", SettingKind.COMMUNITY, CapacityTimeline.constant(5)),
                CareSetting.sink("home")), List.of(c), LocalDate.of(2016, 4, 1), 10, 3, 0.9, 0.05, false);
    }

    /** @return a summary of {@code n} replications, 3 days, 2 settings */
    static FlowSummary summary(int n) {
        List<FlowResult> reps = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            reps.add(new FlowResult(r, List.of(setting(WARD, r, 0), setting("rehab", r, 100)), census(r),
                    1000 + r, 10, 5, Map.of("home", 990L + r), 2, 1, 7, 8, 4.5 + r, 12_345 + r));
        }
        return new FlowSummary(settings(), 42, reps, 0.95);
    }

    /** Every field different: field i of replication r is base + i + r / 4. */
    static SettingResult setting(String name, int r, int base) {
        double x = base + r * 0.25;
        return new SettingResult(name, 1 + base + r, 2 + base, 3 + base, 4 + base, 5 + base, 6 + base, 7 + base,
                Map.of("home", 8L + base), 9 + x, 10 + x, 11 + base, 12 + base, 13 + base, 14 + x, 15 + base,
                16 + base, 17 + base, 18 + base, 19 + x, 20 + x, 21 + x, 22 + x, Map.of("rehab", 23 + x), 24 + x,
                25 + x, 26 + x, 27 + base + r, 0.28 + r * 0.01, 29 + x);
    }

    static CensusSeries census(int r) {
        return new CensusSeries(LocalDate.of(2016, 4, 1), List.of(WARD, "rehab"),
                new int[] {9 + r, 4, 10, 5, 11, 3}, new int[] {1, 0, 2, 0, 0, 1}, new int[] {0, 0, 3, 0, 1, 0});
    }

    static RunManifest manifest(int threads) {
        return new RunManifest("9.9.9", "test", "test.yaml", "ab".repeat(32), 42, 3, threads, "17",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:01Z"));
    }
}
