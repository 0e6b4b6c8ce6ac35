package org.bedsim.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bedsim.dist.Exponential;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.SettingKind;
import org.bedsim.model.SettingKpi;
import org.junit.jupiter.api.Test;

/**
 * The resume hook of comparisons and searches: a computation interrupted after some replications and resumed from
 * its store gives exactly the comparison (rows, targets) and search answers of one computed at once, and runs only
 * the replications the store did not hold; a held result is taken as it is, not run again.
 */
class ResultStoreTest {
    private static final long SEED = 5;
    private static final int REPS = 4;

    /** Keeps results in memory; "killed" (throws) once it has saved {@code limit} results. */
    static final class MemoryStore implements ResultStore {
        final Map<String, FlowResult> kept = new ConcurrentHashMap<>();
        final AtomicInteger saves = new AtomicInteger();
        volatile int limit = Integer.MAX_VALUE;

        @Override
        public FlowResult find(String unit, int replication) {
            return kept.get(unit + "#" + replication);
        }

        @Override
        public void save(String unit, int replication, FlowResult result) {
            if (saves.get() >= limit) {
                throw new IllegalStateException("killed");
            }
            kept.put(unit + "#" + replication, result);
            saves.incrementAndGet();
        }
    }

    private static FlowSettings ward(int beds) {
        List<CareSetting> all = new ArrayList<>();
        all.add(new CareSetting("ward", SettingKind.ACUTE, CapacityTimeline.constant(beds), AdmissionPolicy.LOSE,
                CareSetting.QueuePriority.FIFO));
        all.add(CareSetting.sink("home"));
        Cohort x = new Cohort("x", Cohort.AdmissionType.NON_ELECTIVE, "all", "ward", ArrivalPattern.flat(8 * 365.25),
                null, Map.of("ward", Exponential.ofMean(4)), Map.of(), null, null);
        return new FlowSettings(all, List.of(x), LocalDate.of(2016, 4, 1), 30, 365, 0.92, 0.05, false);
    }

    private static Map<String, FlowSettings> options() {
        Map<String, FlowSettings> o = new LinkedHashMap<>();
        o.put("base", ward(36));
        o.put("more", ward(42));
        o.put("fewer", ward(30));
        return o;
    }

    private static final Target FULL = new Target("full on at most 5 % of days", List.of("ward"),
            SettingKpi.SHARE_OF_DAYS_FULL, true, 0.05);

    @Test
    void comparison_interruptedAndResumed_identical_runsOnlyWhatWasLeft() {
        Comparison once = Comparisons.run(options(), List.of(FULL), SEED, REPS, 2);
        MemoryStore store = new MemoryStore();
        store.limit = 6; // killed after the base's 4 replications and 2 of the next option's
        assertThrows(IllegalStateException.class,
                () -> Comparisons.run(options(), List.of(FULL), SEED, REPS, 1, r -> { }, store));
        assertEquals(6, store.kept.size());
        store.limit = Integer.MAX_VALUE;
        store.saves.set(0);
        Comparison resumed = Comparisons.run(options(), List.of(FULL), SEED, REPS, 2, r -> { }, store);
        assertEquals(3 * REPS - 6, store.saves.get(), "only the replications not kept are run");
        assertEquals(once.rows(), resumed.rows());
        assertEquals(once.targets(), resumed.targets());
    }

    @Test
    void keptResult_isTakenAsItIs() {
        MemoryStore store = new MemoryStore();
        FlowResult planted = FlowExperiment.runOne(ward(36), SEED + 1, 0); // not what base's replication 0 gives
        store.kept.put("option/base#0", planted);
        Comparison c = Comparisons.run(options(), List.of(), SEED, REPS, 1, r -> { }, store);
        assertSame(planted, c.options().get(0).summary().replications().get(0));
        assertEquals(3 * REPS - 1, store.saves.get());
    }

    @Test
    void searches_interruptedAndResumed_identical() {
        Comparisons.Optimum once = Comparisons.fewestBeds(ward(40), "ward", FULL, 20, 60, SEED, REPS, 2);
        MemoryStore store = new MemoryStore();
        ResultStore search = store.within("search/0/");
        store.limit = 2 * REPS + 1; // two capacities and one replication of the third
        assertThrows(IllegalStateException.class, () -> Comparisons.fewestBeds(ward(40), "ward", FULL, 20, 60, SEED,
                REPS, 1, r -> { }, search));
        store.limit = Integer.MAX_VALUE;
        store.saves.set(0);
        Comparisons.Optimum resumed = Comparisons.fewestBeds(ward(40), "ward", FULL, 20, 60, SEED, REPS, 2,
                r -> { }, search);
        assertEquals(once, resumed);
        assertEquals(once.runs() * REPS - (2 * REPS + 1), store.saves.get());
        assertEquals(once.runs() * REPS, store.kept.keySet().stream().filter(k -> k.startsWith("search/0/beds/"))
                .count());

        InverseSearch.Lever arrivals = new InverseSearch.Lever(InverseSearch.Kind.ARRIVALS, null, List.of());
        InverseSearch.Result first = InverseSearch.solve(ward(40), arrivals, FULL, 1000, 4000, 250, SEED, REPS, 2,
                r -> { }, store.within("search/1/"));
        store.saves.set(0);
        InverseSearch.Result again = InverseSearch.solve(ward(40), arrivals, FULL, 1000, 4000, 250, SEED, REPS, 2,
                r -> { }, store.within("search/1/"));
        assertEquals(0, store.saves.get(), "every value was kept");
        assertEquals(first, again);
        assertEquals(InverseSearch.solve(ward(40), arrivals, FULL, 1000, 4000, 250, SEED, REPS, 2, r -> { }), again);
    }
}
