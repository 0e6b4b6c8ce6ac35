package org.bedsim.kernel;

import java.util.Arrays;

/**
 * The discrete-event kernel: a clock in days, an {@link EventList} of one-off events, a small set of timers, and a run
 * loop that takes the earliest of them and hands it to the handler registered for its kind. One simulator per
 * replication; there is no static or shared state, so replications run in parallel on separate simulators.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Order.</b> Events run in order of time, then of scheduling: each event's tag holds a sequence number
 *       (high 35 bits), its kind (4 bits) and a payload (24 bits), so ties in time resolve first-scheduled first,
 *       deterministically, and the event list compares only primitives.</li>
 *   <li><b>Timers.</b> An arrival process always has exactly one next arrival pending. Such recurring events are
 *       {@linkplain #newTimer timers}: each has at most one pending occurrence, kept in a small indexed heap of its own
 *       rather than in the event list, and the loop takes whichever of the two structures holds the earlier event
 *       (by time, then sequence: the order is exactly the same as if timers were ordinary events). This halves the
 *       traffic through the event list of a model driven by Poisson arrivals. A model with many such processes
       superposes them on one timer: it {@linkplain #reserveSequence reserves} each occurrence's sequence number where
       it would have set a timer of its own, and sets the merged timer with it, so the order is unchanged and the
       heap stays small.</li>
 *   <li><b>No allocation per event.</b> Events are (double, long) pairs in primitive arrays; handlers are looked up in
 *       an array by kind. Nothing else happens in the loop: no logging, no observers.</li>
 *   <li><b>Boundary rule.</b> {@link #runUntil(double) runUntil(end)} executes every event with time strictly before
 *       {@code end}, then sets the clock to {@code end}. Events at exactly {@code end} stay pending and run in the next
 *       call, so consecutive calls split time into half-open intervals [a, b) and a warm-up ending at w puts events at
 *       w into the measured period.</li>
 *   <li><b>Cancellation.</b> {@link #cancel(long)} removes a pending event by the handle {@link #schedule} returned.
 *       It is linear in the number of pending events, meant for rare use; models that re-plan often should instead
 *       ignore stale events with a version number in their payload. Timers are cancelled in O(log timers) with
 *       {@link #cancelTimer}.</li>
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
    private static final int IDLE = -1;

    private final EventList events;
    private final EventHandler[] handlers = new EventHandler[MAX_KINDS];
    private int kinds;
    private double now;
    private long nextSeq;
    private long executed;
    private boolean running;
    private boolean stopRequested;

    // timers: timer i has a code (kind and payload); when pending, it sits at position position[i] of a binary heap
    // of timer ids ordered by (time, tag)
    private long[] timerCode = new long[4];
    private double[] timerTime = new double[4];
    private long[] timerTag = new long[4];
    private int[] position = new int[4];
    private int[] timerHeap = new int[4];
    private int timers;
    private int pendingTimers;

    /** A simulator at time 0 on the default event list. */
    public Simulator() {
        this(new TimingWheelEventList());
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
     * @return the kind, to pass to {@link #schedule} or {@link #newTimer}
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

    /** @return the number of events executed so far (timers included) */
    public long eventsExecuted() {
        return executed;
    }

    /** @return the number of timers created (a model's fixed overhead on every event: they share one small heap) */
    public int timers() {
        return timers;
    }

    /** @return the number of events pending (timers included) */
    public int pending() {
        return events.size() + pendingTimers;
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
        long code = code(kind, payload);
        long seq = nextSequence(time);
        events.insert(time, (seq << SEQ_SHIFT) | code);
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
        return events.removeFirstMatching(SEQ_MASK, handle << SEQ_SHIFT);
    }

    /**
     * Creates a timer: a recurring event with at most one pending occurrence, such as the next arrival of an arrival
     * process. It starts idle.
     *
     * @param kind a kind returned by {@link #register}
     * @param payload an integer in [0, 2^24) handed to the handler
     * @return the timer's id
     */
    public int newTimer(int kind, int payload) {
        long code = code(kind, payload);
        if (timers == timerCode.length) {
            int n = timers << 1;
            timerCode = Arrays.copyOf(timerCode, n);
            timerTime = Arrays.copyOf(timerTime, n);
            timerTag = Arrays.copyOf(timerTag, n);
            position = Arrays.copyOf(position, n);
            timerHeap = Arrays.copyOf(timerHeap, n);
        }
        timerCode[timers] = code;
        position[timers] = IDLE;
        return timers++;
    }

    /**
     * Sets a timer to fire at {@code time}, replacing its pending occurrence if it has one. Ordered among all events
     * as if scheduled now.
     */
    public void setTimer(int timer, double time) {
        checkTimer(timer);
        place(timer, time, nextSequence(time));
    }

    /**
     * Reserves the place in the order of equal times that an event scheduled now at {@code time} would take, for
     * {@link #setTimer(int, double, long)}. A model that merges several recurring processes into one timer (the
     * arrivals of many cohorts) reserves a number whenever it computes a process's next occurrence, exactly where it
     * would have set that process's own timer, so the merged timer runs every occurrence in the same order as
     * separate timers would.
     *
     * @param time when the occurrence will happen, in days; not before {@link #now()}
     * @return the sequence number
     */
    public long reserveSequence(double time) {
        return nextSequence(time);
    }

    /**
     * Sets a timer to fire at {@code time}, ordered among events at equal times as if scheduled when
     * {@code sequence} was {@linkplain #reserveSequence reserved}; replaces its pending occurrence if it has one.
     */
    public void setTimer(int timer, double time, long sequence) {
        checkTimer(timer);
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot schedule at " + time + ", before the clock at " + now);
        }
        if (sequence < 0 || sequence >= nextSeq) {
            throw new IllegalArgumentException("sequence " + sequence + " was not reserved");
        }
        place(timer, time, sequence);
    }

    private void place(int timer, double time, long seq) {
        timerTime[timer] = time;
        timerTag[timer] = (seq << SEQ_SHIFT) | timerCode[timer];
        int at = position[timer];
        if (at == IDLE) {
            at = pendingTimers++;
            timerHeap[at] = timer;
            position[timer] = at;
            timerSiftUp(at);
        } else {
            timerSiftUp(at);
            timerSiftDown(position[timer]);
        }
    }

    /** @return true if the timer had a pending occurrence, which is now removed */
    public boolean cancelTimer(int timer) {
        checkTimer(timer);
        int at = position[timer];
        if (at == IDLE) {
            return false;
        }
        removeTimerAt(at);
        return true;
    }

    /** @return true if the timer has a pending occurrence */
    public boolean isTimerSet(int timer) {
        checkTimer(timer);
        return position[timer] != IDLE;
    }

    /**
     * A look-ahead: the payload of the earliest event in the event list if it is of {@code kind}, else -1 (timers are
     * not looked at). A handler can touch that event's data first, so that its cache miss overlaps the current
     * event's work instead of following it. Changes nothing.
     */
    public int peekPayload(int kind) {
        if (events.isEmpty()) {
            return -1;
        }
        long tag = events.minTag();
        return ((int) (tag >>> 24) & (MAX_KINDS - 1)) == kind ? (int) tag & (PAYLOAD_LIMIT - 1) : -1;
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
            if (events.isEmpty() && pendingTimers == 0) {
                return false;
            }
            fire(Double.POSITIVE_INFINITY);
            return true;
        } finally {
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
            while (fire(end)) {
                if (stopRequested) {
                    return;
                }
            }
            now = end;
        } finally {
            running = false;
        }
    }

    /**
     * Runs the earliest event if it is before {@code end}.
     *
     * @return false if there is none before {@code end}
     */
    private boolean fire(double end) {
        final EventList list = events;
        final double listAt = list.isEmpty() ? Double.POSITIVE_INFINITY : list.minTime();
        long tag;
        if (pendingTimers > 0) {
            int first = timerHeap[0];
            double timerAt = timerTime[first];
            if (timerAt < listAt || (timerAt == listAt && !list.isEmpty() && timerTag[first] < list.minTag())) {
                if (!(timerAt < end)) {
                    return false;
                }
                now = timerAt;
                tag = timerTag[first];
                removeTimerAt(0);
            } else {
                if (!(listAt < end)) {
                    return false;
                }
                now = listAt;
                tag = list.removeMin();
            }
        } else {
            if (!(listAt < end)) {
                return false;
            }
            now = listAt;
            tag = list.removeMin();
        }
        executed++;
        handlers[(int) (tag >>> 24) & (MAX_KINDS - 1)].handle((int) tag & (PAYLOAD_LIMIT - 1));
        return true;
    }

    private void enter() {
        if (running) {
            throw new IllegalStateException("the simulator is already running (a handler must not call run or step)");
        }
        running = true;
        stopRequested = false;
    }

    private long code(int kind, int payload) {
        if ((payload & ~(PAYLOAD_LIMIT - 1)) != 0 || kind < 0 || kind >= kinds) {
            throw new IllegalArgumentException(
                    "kind must be registered (0.." + (kinds - 1) + ") and payload in [0, 2^24); got kind " + kind
                            + ", payload " + payload);
        }
        return ((long) kind << 24) | payload;
    }

    private long nextSequence(double time) {
        if (!(time >= now)) { // also rejects NaN
            throw new IllegalArgumentException("cannot schedule at " + time + ", before the clock at " + now);
        }
        long seq = nextSeq++;
        if (seq > MAX_SEQ) {
            throw new IllegalStateException("more than 2^35 events scheduled on one simulator");
        }
        return seq;
    }

    private void checkTimer(int timer) {
        if (timer < 0 || timer >= timers) {
            throw new IllegalArgumentException("no timer " + timer + "; " + timers + " created");
        }
    }

    // ---- the timer heap ---------------------------------------------------------------------------------------------

    private boolean timerBefore(int a, int b) {
        return timerTime[a] < timerTime[b] || (timerTime[a] == timerTime[b] && timerTag[a] < timerTag[b]);
    }

    private void removeTimerAt(int at) {
        int removed = timerHeap[at];
        position[removed] = IDLE;
        int last = --pendingTimers;
        if (last == 0) {
            return;
        }
        if (at != last) {
            int moved = timerHeap[last];
            timerHeap[at] = moved;
            position[moved] = at;
            timerSiftUp(at);
            timerSiftDown(position[moved]);
        }
    }

    private void timerSiftUp(int at) {
        int timer = timerHeap[at];
        int i = at;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = timerHeap[parent];
            if (!timerBefore(timer, p)) {
                break;
            }
            timerHeap[i] = p;
            position[p] = i;
            i = parent;
        }
        timerHeap[i] = timer;
        position[timer] = i;
    }

    private void timerSiftDown(int at) {
        int timer = timerHeap[at];
        int i = at;
        int n = pendingTimers;
        while (true) {
            int child = (i << 1) + 1;
            if (child >= n) {
                break;
            }
            int c = timerHeap[child];
            if (child + 1 < n && timerBefore(timerHeap[child + 1], c)) {
                child++;
                c = timerHeap[child];
            }
            if (!timerBefore(c, timer)) {
                break;
            }
            timerHeap[i] = c;
            position[c] = i;
            i = child;
        }
        timerHeap[i] = timer;
        position[timer] = i;
    }
}
