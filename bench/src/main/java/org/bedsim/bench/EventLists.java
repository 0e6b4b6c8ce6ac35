package org.bedsim.bench;

import org.bedsim.kernel.BinaryHeapEventList;
import org.bedsim.kernel.CalendarQueueEventList;
import org.bedsim.kernel.EventList;
import org.bedsim.kernel.QuaternaryHeapEventList;
import org.bedsim.kernel.TimingWheelEventList;

/** The event-list implementations the benchmarks compare, by the name used in {@code @Param}. */
final class EventLists {
    private EventLists() {
    }

    static EventList create(String name) {
        return switch (name) {
            case "timing-wheel" -> new TimingWheelEventList();
            case "calendar-queue" -> new CalendarQueueEventList();
            case "quaternary-heap" -> new QuaternaryHeapEventList();
            case "binary-heap" -> new BinaryHeapEventList();
            case "priority-queue" -> new ObjectPriorityQueueEventList();
            default -> throw new IllegalArgumentException("unknown event list " + name);
        };
    }
}
