package org.bedsim.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Distribution;

/** Small configurations for flow-model tests. */
final class FlowFixtures {
    static final LocalDate START = LocalDate.of(2016, 4, 1);

    private FlowFixtures() {
    }

    static CareSetting ward(String name, int beds, AdmissionPolicy policy) {
        return new CareSetting(name, SettingKind.ACUTE,
                beds == CapacityTimeline.UNLIMITED ? CapacityTimeline.unlimited() : CapacityTimeline.constant(beds),
                policy, CareSetting.QueuePriority.FIFO);
    }

    static Cohort cohort(String name, double annual, String entry, Map<String, Distribution> los,
            Map<String, List<Route>> routing) {
        return new Cohort(name, Cohort.AdmissionType.NON_ELECTIVE, "all", entry, ArrivalPattern.flat(annual), null,
                los, routing, null, null);
    }

    static Map<String, Distribution> los(Object... pairs) {
        Map<String, Distribution> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Distribution) pairs[i + 1]);
        }
        return m;
    }

    static FlowSettings settings(List<CareSetting> wards, List<Cohort> cohorts, double warmup, double horizon) {
        List<CareSetting> all = new ArrayList<>(wards);
        all.add(CareSetting.sink("home"));
        all.add(CareSetting.sink("died"));
        return new FlowSettings(all, cohorts, START, warmup, horizon, 0.85, 0.05, false);
    }
}
