package org.bedsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventListTest {

    record Entry(double time, long tag) {
    }

    private static final Comparator<Entry> ORDER =
            Comparator.comparingDouble(Entry::time).thenComparingLong(Entry::tag);

    static Stream<Arguments> implementations() {
        return Stream.of(
                Arguments.of("4-ary", (Supplier<EventList>) () -> new QuaternaryHeapEventList(4)),
                Arguments.of("binary", (Supplier<EventList>) () -> new BinaryHeapEventList(2)),
                Arguments.of("calendar", (Supplier<EventList>) () -> new CalendarQueueEventList(4)),
                Arguments.of("wheel", (Supplier<EventList>) () -> new TimingWheelEventList(4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void operations_randomMixWithTies_matchReferencePriorityQueue(String name, Supplier<EventList> factory) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20161122L);
        EventList list = factory.get();
        PriorityQueue<Entry> reference = new PriorityQueue<>(ORDER);
        long tag = 0;
        for (int op = 0; op < 200_000; op++) {
            int choice = rng.nextInt(10);
            // coarse times (multiples of 0.5) force many ties, resolved by tag
            double time = Math.floor(rng.nextDouble() * 200) * 0.5;
            if (choice < 4 || reference.isEmpty()) {
                list.insert(time, tag);
                reference.add(new Entry(time, tag++));
            } else if (choice < 7) {
                Entry expected = reference.poll();
                assertEquals(expected.time(), list.minTime());
                assertEquals(expected.tag(), list.minTag());
                assertEquals(expected.tag(), list.removeMin());
            } else if (choice < 9) {
                // remove without looking first, then insert: the simulator's pattern
                Entry expected = reference.poll();
                assertEquals(expected.tag(), list.removeMin());
                list.insert(time, tag);
                reference.add(new Entry(time, tag++));
            } else {
                long victim = rng.nextLong(tag + 1);
                boolean inReference = reference.removeIf(e -> e.tag() == victim);
                assertEquals(inReference, list.removeFirstMatching(-1L, victim));
            }
            assertEquals(reference.size(), list.size());
        }
        List<Entry> drained = new ArrayList<>();
        while (!list.isEmpty()) {
            drained.add(new Entry(list.minTime(), list.minTag()));
            list.removeMin();
        }
        List<Entry> expected = new ArrayList<>(reference);
        expected.sort(ORDER);
        assertEquals(expected, drained);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void simulationPattern_growHoldDrainWithChangingTempo_matchesReference(String name, Supplier<EventList> factory) {
        // grows to 20,000 pending, holds with a tempo that changes 1,000-fold, then drains: exercises resizing and
        // the width re-estimation of the calendar queue, and far-future events (a heavy-tailed increment)
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        EventList list = factory.get();
        PriorityQueue<Entry> reference = new PriorityQueue<>(ORDER);
        long tag = 0;
        double now = 0;
        for (int op = 0; op < 400_000; op++) {
            double scale = op < 200_000 ? 1.0 : 0.001;
            boolean grow = op < 20_000 || (op >= 300_000 && op < 310_000);
            boolean drain = op >= 380_000;
            if (!reference.isEmpty() && !grow) {
                Entry expected = reference.poll();
                assertEquals(expected.time(), list.minTime(), "op " + op);
                assertEquals(expected.tag(), list.minTag(), "op " + op);
                list.removeMin();
                now = expected.time();
            }
            if (!drain) {
                double u = rng.nextDouble();
                double increment = scale * (u < 0.01 ? 1000 * rng.nextDouble() : -Math.log(1 - rng.nextDouble()));
                list.insert(now + increment, tag);
                reference.add(new Entry(now + increment, tag++));
            }
            assertEquals(reference.size(), list.size());
        }
        while (!reference.isEmpty()) {
            Entry expected = reference.poll();
            assertEquals(expected.time(), list.minTime());
            assertEquals(expected.tag(), list.minTag());
            list.removeMin();
        }
        assertTrue(list.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void clear_afterInserts_isEmpty(String name, Supplier<EventList> factory) {
        EventList list = factory.get();
        for (int i = 0; i < 100; i++) {
            list.insert(i, i);
        }
        list.clear();
        assertTrue(list.isEmpty());
        assertEquals(0, list.size());
        list.insert(3.0, 7);
        assertFalse(list.isEmpty());
        assertEquals(7, list.minTag());
    }
}
