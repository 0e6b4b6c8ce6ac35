package org.bedsim.kernel;

/**
 * The discrete-event kernel: a clock in days, an {@link EventList}, and a run loop that pops the earliest event and
 * hands it to the handler registered for its kind. One simulator per replication; there is no static or shared state,
 * so replications run in parallel on separate simulators.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Order.</b> Events run in order of time, then of scheduling: each event's tag holds a sequence number
 *       (high 35 bits), its kind (4 bits) and a payload (24 bits), so ties in time resolve first-scheduled first,
 *       deterministically, and the event list compares only primitives.</li>
 *   <li><b>No allocation per event.</b> Events are (double, long) pairs in the event list's arrays; handlers are
 *       looked up in an array by kind. Nothing else happens in the loop: no logging, no observers.</li>
 *   <li><b>Hold.</b> While a handler runs, its own event still sits at the top of the list. The first event the
 *       handler schedules takes that slot with one {@link EventList#replaceMin} instead of a removal plus an
 *       insertion; if it schedules none, the event is removed when the handler returns.</li>
 *   <li><b>Boundary rule.</b> {@link #runUntil(double) runUntil(end)} executes every event with time strictly before
 *       {@code end}, then sets the clock to {@code end}. Events at exactly {@code end} stay pending and run in the next
 *       call, so consecutive calls split time into half-open intervals [a, b) and a warm-up ending at w puts events at
 *       w into the measured period.</li>
 *   <li><b>Cancellation.</b> {@link #cancel(long)} removes a pending event by the handle {@link #schedule} returned.
 *       It is linear in the number of pending events, meant for rare use; models that re-plan often should instead
 *       ignore stale events with a version number in their payload.</li>
 * </ul>
 */
public final class Simulator {
    /** Largest number of event kinds one simulator accepts. */
    public static final int MAX_KINDS = 1 << 4;
    /** Largest payload plus one. */
    public static final int PAYLOAD_LIMIT = 1 << 24;

    private static final int SEQ_SHIFT = 28;
    private static final long MAX_SEQ = (1L << 35) - 1;
    private static final long CODE_MASK = (1L << SEQ_SHIFT) - 1;
    private static final long SEQ_MASK = ~CODE_MASK;

    private final EventList events;
    private final EventHandler[] handlers = new EventHandler[MAX_KINDS];
    private int kinds;
    private double now;
    private long nextSeq;
    private long executed;
    /** True while a handler runs and its own event has not yet been taken off the list. */
    private boolean topPending;
    private boolean running;
    private boolean stopRequested;

    /** A simulator at time 0 on the default event list. */
    public Simulator() {
        this(new QuaternaryHeapEventList());
    }

    /** @param events an empty event list this simulator will own */
    public Simulator(EventList events) {
        if (!events.isEmpty()) {
            throw new IllegalArgumentException("the event list must be empty, it holds " + events.size() + " events");
        }
        this.events = events;
    }

    /**
     * Registers the handler of a new kind of event.
     *
     * @return the kind, to pass to {@link #schedule}
     */
    public int register(EventHandler handler) {
        if (handler == null) {
            throw new IllegalArgumentException("handler must not be null");
        }
        if (kinds == MAX_KINDS) {
            throw new IllegalStateException("a simulator accepts at most " + MAX_KINDS + " kinds of event");
        }
        handlers[kinds] = handler;
        return kinds++;
    }

    /** @return the current simulation time, in days */
    public double now() {
        return now;
    }

    /** @return the number of events executed so far */
    public long eventsExecuted() {
        return executed;
    }

    /** @return the number of events pending */
    public int pending() {
        return events.size() - (topPending ? 1 : 0);
    }

    /**
     * Schedules an event.
     *
     * @param time when it happens, in days; not before {@link #now()}
     * @param kind a kind returned by {@link #register}
     * @param payload an integer in [0, 2^24) handed to the handler
     * @return a handle for {@link #cancel}
     */
    public long schedule(double time, int kind, int payload) {
        if (!(time >= now)) { // also rejects NaN
            throw new IllegalArgumentException("cannot schedule at " + time + ", before the clock at " + now);
        }
        if ((payload & ~(PAYLOAD_LIMIT - 1)) != 0 || kind < 0 || kind >= kinds) {
            throw new IllegalArgumentException(
                    "kind must be registered (0.." + (kinds - 1) + ") and payload in [0, 2^24); got kind " + kind
                            + ", payload " + payload);
        }
        long seq = nextSeq++;
        if (seq > MAX_SEQ) {
            throw new IllegalStateException("more than 2^35 events scheduled on one simulator");
        }
        long tag = (seq << SEQ_SHIFT) | ((long) kind << 24) | payload;
        if (topPending) {
            topPending = false;
            events.replaceMin(time, tag);
        } else {
            events.insert(time, tag);
        }
        return seq;
    }

    /** Schedules an event {@code delay} days from now. */
    public long scheduleAfter(double delay, int kind, int payload) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("delay must be >= 0 days, was " + delay);
        }
        return schedule(now + delay, kind, payload);
    }

    /**
     * Removes a pending event.
     *
     * @param handle what {@link #schedule} returned
     * @return true if the event was pending and is now removed; false if it has run, is running, or was cancelled
     */
    public boolean cancel(long handle) {
        settleTop();
        return events.removeFirstMatching(SEQ_MASK, handle << SEQ_SHIFT);
    }

    /** Asks the running loop to return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Executes the earliest pending event, whatever its time.
     *
     * @return false if there was none
     */
    public boolean step() {
        enter();
        try {
            if (events.isEmpty()) {
                return false;
            }
            fire();
            return true;
        } finally {
            settleTop();
            running = false;
        }
    }

    /**
     * Executes, in order, every event with time strictly before {@code end} (see the boundary rule in the class
     * comment), then advances the clock to {@code end} unless {@link #stop()} was called.
     *
     * @param end a time not before {@link #now()}
     */
    public void runUntil(double end) {
        if (!(end >= now)) {
            throw new IllegalArgumentException("cannot run until " + end + ", before the clock at " + now);
        }
        enter();
        try {
            final EventList list = events;
            while (!list.isEmpty() && list.minTime() < end) {
                fire();
                if (stopRequested) {
                    return;
                }
            }
            now = end;
        } finally {
            settleTop();
            running = false;
        }
    }

    private void enter() {
        if (running) {
            throw new IllegalStateException("the simulator is already running (a handler must not call run or step)");
        }
        running = true;
        stopRequested = false;
    }

    private void fire() {
        final EventList list = events;
        long tag = list.minTag();
        now = list.minTime();
        topPending = true;
        executed++;
        handlers[(int) (tag >>> 24) & (MAX_KINDS - 1)].handle((int) tag & (PAYLOAD_LIMIT - 1));
        settleTop();
    }

    private void settleTop() {
        if (topPending) {
            topPending = false;
            events.removeMin();
        }
    }
}
