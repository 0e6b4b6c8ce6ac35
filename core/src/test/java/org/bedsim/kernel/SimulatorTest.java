package org.bedsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void runUntil_eventsAtSameTime_runInSchedulingOrder() {
        Simulator sim = new Simulator();
        List<Integer> seen = new ArrayList<>();
        int kind = sim.register(seen::add);
        for (int i = 0; i < 50; i++) {
            sim.schedule(5.0, kind, i);
        }
        sim.schedule(1.0, kind, 1000);
        sim.runUntil(10.0);
        assertEquals(1000, seen.get(0));
        for (int i = 0; i < 50; i++) {
            assertEquals(i, seen.get(i + 1));
        }
    }

    @Test
    void runUntil_eventExactlyAtEnd_staysPendingForNextInterval() {
        Simulator sim = new Simulator();
        List<Double> times = new ArrayList<>();
        int kind = sim.register(p -> times.add(sim.now()));
        sim.schedule(4.999, kind, 0);
        sim.schedule(5.0, kind, 0);
        sim.runUntil(5.0);
        assertEquals(List.of(4.999), times);
        assertEquals(5.0, sim.now());
        assertEquals(1, sim.pending());
        sim.runUntil(6.0);
        assertEquals(List.of(4.999, 5.0), times);
        assertEquals(6.0, sim.now());
    }

    @Test
    void runUntil_noEvents_advancesClockToEnd() {
        Simulator sim = new Simulator();
        sim.runUntil(12.5);
        assertEquals(12.5, sim.now());
        assertEquals(0, sim.eventsExecuted());
    }

    @Test
    void schedule_fromHandler_usesEventTimeAsClock() {
        Simulator sim = new Simulator();
        List<Double> times = new ArrayList<>();
        int[] kind = new int[1];
        kind[0] = sim.register(p -> {
            times.add(sim.now());
            if (p < 4) {
                sim.scheduleAfter(1.5, kind[0], p + 1);
                sim.scheduleAfter(0.0, kind[0], 100); // a second event in the same handler: a plain insert
            }
        });
        sim.schedule(1.0, kind[0], 0);
        sim.runUntil(100.0);
        assertEquals(List.of(1.0, 1.0, 2.5, 2.5, 4.0, 4.0, 5.5, 5.5, 7.0), times);
        assertEquals(9, sim.eventsExecuted());
    }

    @Test
    void cancel_pendingEvent_neverRuns() {
        Simulator sim = new Simulator();
        List<Integer> seen = new ArrayList<>();
        int kind = sim.register(seen::add);
        sim.schedule(1.0, kind, 1);
        long handle = sim.schedule(2.0, kind, 2);
        sim.schedule(3.0, kind, 3);
        assertTrue(sim.cancel(handle));
        assertFalse(sim.cancel(handle), "a second cancel finds nothing");
        sim.runUntil(10.0);
        assertEquals(List.of(1, 3), seen);
    }

    @Test
    void cancel_runningOrExecutedEvent_returnsFalse() {
        Simulator sim = new Simulator();
        long[] handle = new long[1];
        boolean[] cancelledSelf = new boolean[1];
        int kind = sim.register(p -> cancelledSelf[0] = sim.cancel(handle[0]));
        handle[0] = sim.schedule(1.0, kind, 0);
        sim.runUntil(2.0);
        assertFalse(cancelledSelf[0]);
        assertFalse(sim.cancel(handle[0]));
        assertEquals(0, sim.pending());
    }

    @Test
    void cancel_fromHandler_removesOtherEvent() {
        Simulator sim = new Simulator();
        List<Integer> seen = new ArrayList<>();
        long[] victim = new long[1];
        int kind = sim.register(p -> {
            seen.add(p);
            if (p == 1) {
                sim.cancel(victim[0]);
            }
        });
        sim.schedule(1.0, kind, 1);
        victim[0] = sim.schedule(1.0, kind, 2);
        sim.schedule(1.5, kind, 3);
        sim.runUntil(5.0);
        assertEquals(List.of(1, 3), seen);
    }

    @Test
    void schedule_inThePast_isRejected() {
        Simulator sim = new Simulator();
        int kind = sim.register(p -> { });
        sim.runUntil(3.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.schedule(2.0, kind, 0));
        assertTrue(e.getMessage().contains("before the clock at 3.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(Double.NaN, kind, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAfter(-1, kind, 0));
    }

    @Test
    void schedule_badKindOrPayload_isRejected() {
        Simulator sim = new Simulator();
        int kind = sim.register(p -> { });
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(1.0, kind + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(1.0, kind, -1));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(1.0, kind, Simulator.PAYLOAD_LIMIT));
        sim.schedule(1.0, kind, Simulator.PAYLOAD_LIMIT - 1);
    }

    @Test
    void register_tooManyKinds_isRejected() {
        Simulator sim = new Simulator();
        for (int i = 0; i < Simulator.MAX_KINDS; i++) {
            assertEquals(i, sim.register(p -> { }));
        }
        assertThrows(IllegalStateException.class, () -> sim.register(p -> { }));
    }

    @Test
    void payload_fullRange_deliveredIntact() {
        Simulator sim = new Simulator();
        List<Integer> seen = new ArrayList<>();
        sim.register(p -> { });
        int kind = sim.register(seen::add);
        sim.schedule(1.0, kind, Simulator.PAYLOAD_LIMIT - 1);
        sim.schedule(2.0, kind, 0);
        sim.runUntil(3.0);
        assertEquals(List.of(Simulator.PAYLOAD_LIMIT - 1, 0), seen);
    }

    @Test
    void stop_fromHandler_returnsAfterCurrentEvent() {
        Simulator sim = new Simulator();
        List<Integer> seen = new ArrayList<>();
        int kind = sim.register(p -> {
            seen.add(p);
            if (p == 2) {
                sim.stop();
            }
        });
        for (int i = 1; i <= 4; i++) {
            sim.schedule(i, kind, i);
        }
        sim.runUntil(10.0);
        assertEquals(List.of(1, 2), seen);
        assertEquals(2.0, sim.now());
        sim.runUntil(10.0);
        assertEquals(List.of(1, 2, 3, 4), seen);
    }

    @Test
    void step_handlerCallsRun_isRejected() {
        Simulator sim = new Simulator();
        int kind = sim.register(p -> sim.runUntil(100));
        sim.schedule(1.0, kind, 0);
        assertThrows(IllegalStateException.class, sim::step);
        assertEquals(0, sim.pending(), "the failed event is still taken off the list");
        assertFalse(sim.step());
    }

    @Test
    void simulators_onDifferentEventLists_executeIdentically() {
        List<String> a = trace(new Simulator(new QuaternaryHeapEventList()));
        List<String> b = trace(new Simulator(new BinaryHeapEventList()));
        List<String> c = trace(new Simulator(new CalendarQueueEventList()));
        List<String> d = trace(new Simulator(new TimingWheelEventList()));
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals(a, d);
        assertEquals(20_000, a.size());
    }

    @Test
    void timers_interleaveWithEvents_inTimeThenSchedulingOrder() {
        Simulator sim = new Simulator();
        List<String> seen = new ArrayList<>();
        int kind = sim.register(p -> seen.add(sim.now() + ":" + p));
        int timer = sim.newTimer(kind, 99);
        sim.schedule(2.0, kind, 1);
        sim.setTimer(timer, 2.0); // same time, scheduled later: runs after event 1
        sim.schedule(2.0, kind, 2); // scheduled after the timer: runs after it
        sim.schedule(1.0, kind, 3);
        assertEquals(4, sim.pending());
        assertTrue(sim.isTimerSet(timer));
        sim.runUntil(10.0);
        assertEquals(List.of("1.0:3", "2.0:1", "2.0:99", "2.0:2"), seen);
        assertFalse(sim.isTimerSet(timer), "a timer that fired is idle until set again");
    }

    @Test
    void setTimer_withReservedSequence_takesThePlaceReservedAmongEqualTimes() {
        Simulator sim = new Simulator();
        List<String> seen = new ArrayList<>();
        int kind = sim.register(p -> seen.add(sim.now() + ":" + p));
        int merged = sim.newTimer(kind, 99);
        long early = sim.reserveSequence(2.0); // reserved before event 1 is scheduled
        sim.schedule(2.0, kind, 1);
        sim.schedule(3.0, kind, 2);
        long late = sim.reserveSequence(3.0); // reserved after event 2 is scheduled
        sim.setTimer(merged, 2.0, early);
        sim.runUntil(2.5);
        assertEquals(List.of("2.0:99", "2.0:1"), seen, "as if set when the number was reserved, before event 1");
        sim.schedule(3.0, kind, 3);
        sim.setTimer(merged, 3.0, late);
        sim.runUntil(10.0);
        assertEquals(List.of("2.0:99", "2.0:1", "3.0:2", "3.0:99", "3.0:3"), seen);
        assertThrows(IllegalArgumentException.class, () -> sim.setTimer(merged, 11.0, 1_000),
                "a number never reserved");
        assertThrows(IllegalArgumentException.class, () -> sim.setTimer(merged, 1.0, early), "a time in the past");
    }

    @Test
    void peekPayload_showsTheNextListEventOfAKind_andChangesNothing() {
        Simulator sim = new Simulator();
        List<String> seen = new ArrayList<>();
        int a = sim.register(p -> seen.add("a" + p));
        int b = sim.register(p -> seen.add("b" + p));
        assertEquals(-1, sim.peekPayload(a), "nothing pending");
        sim.schedule(2.0, a, 7);
        sim.schedule(1.0, b, 3);
        int timer = sim.newTimer(a, 9);
        sim.setTimer(timer, 0.5); // timers are not looked at
        assertEquals(-1, sim.peekPayload(a));
        assertEquals(3, sim.peekPayload(b));
        sim.runUntil(1.5);
        assertEquals(7, sim.peekPayload(a));
        sim.runUntil(10);
        assertEquals(List.of("a9", "b3", "a7"), seen);
    }

    @Test
    void setTimer_whilePending_replacesOccurrence() {
        Simulator sim = new Simulator();
        List<Double> times = new ArrayList<>();
        int kind = sim.register(p -> times.add(sim.now()));
        int a = sim.newTimer(kind, 0);
        int b = sim.newTimer(kind, 1);
        int c = sim.newTimer(kind, 2);
        sim.setTimer(a, 5.0);
        sim.setTimer(b, 3.0);
        sim.setTimer(c, 4.0);
        sim.setTimer(b, 6.0); // moved later
        sim.setTimer(a, 1.0); // moved earlier
        assertTrue(sim.cancelTimer(c));
        assertFalse(sim.cancelTimer(c));
        assertEquals(2, sim.pending());
        sim.runUntil(10.0);
        assertEquals(List.of(1.0, 6.0), times);
    }

    @Test
    void timer_reschedulingItself_drivesAnArrivalProcess() {
        Simulator sim = new Simulator();
        int[] timer = new int[1];
        int[] count = new int[1];
        int kind = sim.register(p -> {
            count[0]++;
            sim.setTimer(timer[0], sim.now() + 0.25);
        });
        timer[0] = sim.newTimer(kind, 0);
        sim.setTimer(timer[0], 0.0);
        sim.runUntil(10.0); // arrivals at 0, 0.25, ..., 9.75: the one at 10.0 stays pending
        assertEquals(40, count[0]);
        assertEquals(1, sim.pending());
        assertThrows(IllegalArgumentException.class, () -> sim.setTimer(timer[0], 9.0));
        assertThrows(IllegalArgumentException.class, () -> sim.setTimer(5, 11.0));
    }

    @Test
    void manyTimers_randomSettings_fireInExactOrder() {
        // timers and one-off events against a reference: sort by (time, scheduling order)
        Simulator sim = new Simulator();
        List<long[]> fired = new ArrayList<>();
        int kind = sim.register(p -> fired.add(new long[] {Double.doubleToLongBits(sim.now()), p}));
        int n = 40;
        int[] timers = new int[n];
        for (int i = 0; i < n; i++) {
            timers[i] = sim.newTimer(kind, i);
        }
        double[] expectedTime = new double[n];
        long[] expectedOrder = new long[n];
        long order = 0;
        long state = 42;
        for (int round = 0; round < 500; round++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            int i = (int) ((state >>> 33) % n);
            double time = ((state >>> 40) % 50) / 2.0; // ties galore
            sim.setTimer(timers[i], time);
            expectedTime[i] = time;
            expectedOrder[i] = order++;
        }
        sim.runUntil(100.0);
        assertEquals(n, fired.size());
        for (int k = 1; k < n; k++) {
            int prev = (int) fired.get(k - 1)[1];
            int cur = (int) fired.get(k)[1];
            assertTrue(expectedTime[prev] < expectedTime[cur]
                    || (expectedTime[prev] == expectedTime[cur] && expectedOrder[prev] < expectedOrder[cur]));
        }
    }

    private static List<String> trace(Simulator sim) {
        List<String> out = new ArrayList<>();
        long[] state = {12345};
        int[] kind = new int[1];
        kind[0] = sim.register(p -> {
            out.add(sim.now() + ":" + p);
            state[0] = state[0] * 6364136223846793005L + 1442695040888963407L;
            int delay = (int) ((state[0] >>> 33) % 7); // integer delays: many ties
            if (out.size() + sim.pending() < 20_000) {
                sim.scheduleAfter(delay, kind[0], (p + 1) % 1000);
                sim.scheduleAfter(delay + 1, kind[0], (p + 7) % 1000);
            }
        });
        for (int i = 0; i < 10; i++) {
            sim.schedule(0.0, kind[0], i);
        }
        sim.runUntil(1e9);
        return out;
    }
}
