package org.bedsim.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.bedsim.dist.Distribution;
import org.bedsim.dist.Sampler;
import org.bedsim.kernel.EventList;
import org.bedsim.kernel.Simulator;
import org.bedsim.kernel.TimingWheelEventList;
import org.bedsim.random.CounterRandom;
import org.bedsim.random.ReplicationStreams;
import org.bedsim.stats.LogHistogram;
import org.bedsim.stats.OccupancyHistogram;
import org.bedsim.stats.TimeWeighted;

/**
 * One replication of the patient-flow model: cohorts arrive, take beds in settings, stay, move on by their routing,
 * and are blocked in their bed when the next setting is full.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Arrivals.</b> Non-elective arrivals are a non-homogeneous Poisson process made by inverting the cumulative
 *       intensity: unit-rate exponential increments (stream {@code arrivals/<cohort>}) are mapped through the
 *       piecewise-linear cumulative rate of the days (volume x day-of-week x month x growth, constant within a day).
 *       The cohorts' arrival processes are superposed on one kernel timer (a winner tree over their next arrivals,
 *       each ordered at equal times as its own timer would have been). Scaling the volume or the growth moves the
 *       same patients in time instead of drawing new ones, which keeps comparisons clean. Electives are booked: each working day at
 *       08:00 a deterministic number (the daily quota with its fraction carried) is admitted, deferred ones first.</li>
 *   <li><b>Common random numbers.</b> Each patient gets a number when it arrives (its rank among its cohort's
 *       arrivals). Its stay in a setting, its routing out of it, its avoidance and its readmission are pure functions
 *       of that number and of named stream keys ({@code los/<cohort>/<setting>}, {@code routing/<cohort>/<setting>},
 *       {@code avoidance/<cohort>}, {@code readmission/<cohort>}), computed by {@link CounterRandom} when needed. The
 *       n-th patient of a cohort therefore has the same stays and routes whatever the capacities, policies, other
 *       cohorts or the order in which things happen, and nothing is drawn that is not used. A second visit to a
 *       setting (a loop in the routing) uses {@code .../revisits} keys indexed by the patient's move count;
 *       readmitted patients use their cohort's {@code .../readmissions} keys and numbers, so they never shift the
 *       draws of first admissions. A patient's patience for a bed ({@code patience/<cohort>}) is drawn the same
 *       way when it first joins a queue.</li>
 *   <li><b>Beds.</b> A setting admits while occupied &lt; capacity + escalation beds. When a bed frees (a discharge, a
 *       transfer out, a capacity rise), the setting serves its two queues: arrivals from outside waiting for a bed,
 *       and patients blocked elsewhere waiting to transfer in, in the order of its priority rule (FIFO across both by
 *       request, or one class first). A blocked patient who moves frees a bed upstream, which is served in turn (a
 *       worklist, not recursion). A fall in capacity evicts nobody.</li>
 *   <li><b>Measurement.</b> Warm-up is discarded: every collector is reset at its end and the state kept. Occupancy,
 *       delays, escalation and demand are time-weighted; the midnight census is a count-based histogram; waits go to
 *       a log-linear histogram. Patients are rows of primitive arrays (slots recycled through a free list).</li>
 * </ul>
 */
public final class FlowModel {
    private static final int IN_BED = 1;
    private static final int WAITING = 2;
    private static final int BLOCKED = 3;
    private static final int DEFERRED = 4;
    private static final int EXTERNAL = 0;
    private static final int TRANSFER = 1;
    private static final double BOOKING_HOUR = 8.0 / 24.0;
    private static final double WORKING_DAYS_PER_YEAR = 365.25 * 5 / 7;

    private final FlowSettings cfg;
    private final int replication;
    private final Simulator sim;
    private final int kindStayEnd;
    private final int kindReadmit;
    private final int kindCapacity;
    private final int kindRenege;
    private final int kindRegime;
    private final int censusTimer;
    private final int bookingTimer;

    // settings: indices [0, nSet) are non-sinks, [nSet, nAll) sinks
    private final int nSet;
    private final int nAll;
    private final String[] names;
    private final int home;
    private final int[] capacity;
    private final int[] escalation;
    private final int[] divertTo;
    private final AdmissionPolicy.Kind[] policy;
    private final CareSetting.QueuePriority[] priority;
    private final double[] capacityChangeAt;
    private final int[] capacityChangeSetting;
    private final int[] capacityChangeBeds;
    /** Routing changes by date: regimes, each setting's divert target in each, and closures ({closed, into}). */
    private final int[][] divertByRegime;
    private final int[][][] closuresByRegime;

    private final CohortRuntime[] cohorts;
    /**
     * The arrivals of every non-elective cohort superposed on one kernel timer: each cohort's next arrival time and
     * the sequence number reserved for it where it would have set a timer of its own, and a winner tree over them
     * (leaves at [leaves, 2 leaves), padding leaves never due) whose root is the next arrival.
     */
    private final int arrivalTimer;
    private final int arrivalLeaves;
    private final double[] nextArrivalAt;
    private final long[] nextArrivalSequence;
    private final int[] arrivalWinner;

    // clock days
    private final int warmupDays;
    private final int horizonDays;
    private final int totalDays;
    private final int[] weekdayOfDay; // 0 = Monday
    private final int[] monthOfDay; // 0 = January

    // state per setting
    private final int[] occupied;
    private final int[] blockedHere;
    private final IntQueue[] arrivalQueue;
    private final IntQueue[] transferQueue;
    private final IntQueue work = new IntQueue();

    // patients: row p is rows[8p .. 8p + 7] (one cache line): number, visited settings (bit mask), since, admitted at,
    // arrived at (double bits), ticket, cohort | setting << 32, family | state << 1 | moves << 4 | awaiting << 32
    private static final int R_NUMBER = 0;
    private static final int R_VISITED = 1;
    private static final int R_SINCE = 2;
    private static final int R_ADMITTED = 3;
    private static final int R_ARRIVED = 4;
    private static final int R_TICKET = 5;
    private static final int R_COHORT_SETTING = 6;
    private static final int R_FLAGS = 7;
    private long[] rows = new long[0];
    private int freeSlot = -1;
    /** Sink of the look-ahead reads of {@link #touchNextStay}, so that the JIT keeps them. */
    private long lookAhead;
    private int slots;
    private int active;
    private long nextTicket;

    // measurement
    private boolean measuring;
    private final Collectors[] stats;
    private long arrivals;
    private long avoided;
    private long redirected;
    private long readmissions;
    private final long[] toSinks;
    private long inSystemAtStart;
    private double systemStaySum;
    private long systemStayCount;
    private final int[] censusOccupied;
    private final int[] censusDelayed;
    private final int[] censusWaiting;
    private int censusDay;
    private final WaitRecorder waits;
    private final DailyFlowCounts daily;
    private StayListener stayListener;
    /** With a stay listener: readmissions scheduled and not yet arrived, so each can name the stay it follows. */
    private PendingReadmissions pending;

    /**
     * @param settings the configuration
     * @param streams the random streams of this replication
     */
    public FlowModel(FlowSettings settings, ReplicationStreams streams) {
        this(settings, streams, new TimingWheelEventList());
    }

    /**
     * @param settings the configuration
     * @param streams the random streams of this replication
     * @param eventList an empty event list the model's simulator will own (benchmarks compare implementations; the
     *     results do not depend on it)
     */
    public FlowModel(FlowSettings settings, ReplicationStreams streams, EventList eventList) {
        this.sim = new Simulator(eventList);
        this.cfg = settings;
        this.replication = streams.replication();
        this.warmupDays = (int) settings.warmupDays();
        this.horizonDays = (int) settings.horizonDays();
        this.totalDays = warmupDays + horizonDays;

        RoutingRegimes regimes = settings.routingChanges().isEmpty() ? null : RoutingRegimes.of(settings);
        List<CareSetting> nonSinks = settings.settings().stream().filter(s -> !s.isSink()).toList();
        List<CareSetting> sinks = settings.settings().stream().filter(CareSetting::isSink).toList();
        nSet = nonSinks.size();
        nAll = nSet + sinks.size();
        names = new String[nAll];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nAll; i++) {
            names[i] = i < nSet ? nonSinks.get(i).name() : sinks.get(i - nSet).name();
            index.put(names[i], i);
        }
        home = index.get(FlowSettings.HOME);
        capacity = new int[nSet];
        escalation = new int[nSet];
        divertTo = new int[nSet];
        policy = new AdmissionPolicy.Kind[nSet];
        priority = new CareSetting.QueuePriority[nSet];
        List<double[]> changes = new ArrayList<>();
        for (int s = 0; s < nSet; s++) {
            CareSetting cs = nonSinks.get(s);
            capacity[s] = settings.unconstrained() ? CapacityTimeline.UNLIMITED : cs.capacity().initial();
            escalation[s] = cs.policy().escalationBeds();
            policy[s] = cs.policy().kind();
            divertTo[s] = cs.policy().kind() == AdmissionPolicy.Kind.DIVERT ? index.get(cs.policy().divertTo()) : -1;
            priority[s] = cs.priority();
            if (!settings.unconstrained()) {
                for (CapacityTimeline.Step step : cs.capacity().steps().subList(1, cs.capacity().steps().size())) {
                    if (step.fromDay() < horizonDays) {
                        changes.add(new double[] {warmupDays + step.fromDay(), s, step.beds()});
                    }
                }
            }
        }
        int nRegimes = regimes == null ? 1 : regimes.configs.size();
        divertByRegime = new int[nRegimes][];
        closuresByRegime = new int[nRegimes][][];
        divertByRegime[0] = divertTo.clone();
        closuresByRegime[0] = new int[0][];
        for (int r = 1; r < nRegimes; r++) {
            FlowSettings rs = regimes.configs.get(r);
            divertByRegime[r] = new int[nSet];
            for (int s = 0; s < nSet; s++) {
                AdmissionPolicy ap = rs.setting(names[s]).policy();
                divertByRegime[r][s] = ap.kind() == AdmissionPolicy.Kind.DIVERT ? index.get(ap.divertTo()) : -1;
            }
            List<String[]> cl = regimes.closures.get(r - 1);
            closuresByRegime[r] = new int[cl.size()][];
            for (int i = 0; i < cl.size(); i++) {
                closuresByRegime[r][i] = new int[] {index.get(cl.get(i)[0]), index.get(cl.get(i)[1])};
            }
        }
        capacityChangeAt = new double[changes.size()];
        capacityChangeSetting = new int[changes.size()];
        capacityChangeBeds = new int[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            capacityChangeAt[i] = changes.get(i)[0];
            capacityChangeSetting[i] = (int) changes.get(i)[1];
            capacityChangeBeds[i] = (int) changes.get(i)[2];
        }

        LocalDate day0 = settings.startDate().minusDays(warmupDays);
        weekdayOfDay = new int[totalDays + 1];
        monthOfDay = new int[totalDays + 1];
        for (int d = 0; d <= totalDays; d++) {
            LocalDate date = day0.plusDays(d);
            weekdayOfDay[d] = date.getDayOfWeek().getValue() - 1;
            monthOfDay[d] = date.getMonthValue() - 1;
        }

        occupied = new int[nSet];
        blockedHere = new int[nSet];
        arrivalQueue = new IntQueue[nSet];
        transferQueue = new IntQueue[nSet];
        stats = new Collectors[nSet];
        for (int s = 0; s < nSet; s++) {
            arrivalQueue[s] = new IntQueue();
            transferQueue[s] = new IntQueue();
            stats[s] = new Collectors(nAll, capacity[s]);
        }
        toSinks = new long[nAll];
        censusOccupied = new int[horizonDays * nSet];
        censusDelayed = new int[horizonDays * nSet];
        censusWaiting = new int[horizonDays * nSet];
        waits = new WaitRecorder(nSet, nAll, warmupDays, horizonDays, settings.waits());
        daily = new DailyFlowCounts(settings, nonSinks, sinks, warmupDays, horizonDays);

        kindStayEnd = sim.register(this::stayEnd);
        int kindArrival = sim.register(p -> arrival());
        kindReadmit = sim.register(this::readmit);
        kindCapacity = sim.register(this::capacityChange);
        kindRenege = sim.register(this::renege);
        kindRegime = sim.register(this::switchRegime);
        censusTimer = sim.newTimer(sim.register(p -> dailyCensus()), 0);
        bookingTimer = sim.newTimer(sim.register(p -> bookings()), 0);

        cohorts = new CohortRuntime[settings.cohorts().size()];
        arrivalTimer = sim.newTimer(kindArrival, 0);
        arrivalLeaves = Math.max(2, Integer.highestOneBit(Math.max(1, cohorts.length - 1)) << 1);
        nextArrivalAt = new double[arrivalLeaves];
        nextArrivalSequence = new long[arrivalLeaves];
        arrivalWinner = new int[2 * arrivalLeaves];
        Arrays.fill(nextArrivalAt, Double.POSITIVE_INFINITY);
        Arrays.fill(nextArrivalSequence, Long.MAX_VALUE);
        for (int i = 0; i < arrivalLeaves; i++) {
            arrivalWinner[arrivalLeaves + i] = i;
        }
        for (int i = arrivalLeaves - 1; i >= 1; i--) {
            arrivalWinner[i] = arrivalWinner[2 * i];
        }
        Map<String, Integer> cohortIndex = new HashMap<>();
        for (int c = 0; c < cohorts.length; c++) {
            cohortIndex.put(settings.cohorts().get(c).name(), c);
        }
        for (int c = 0; c < cohorts.length; c++) {
            Cohort[] versions = new Cohort[nRegimes];
            for (int r = 0; r < nRegimes; r++) {
                versions[r] = (regimes == null ? settings : regimes.configs.get(r)).cohorts().get(c);
            }
            cohorts[c] = new CohortRuntime(c, versions, index, cohortIndex, streams);
        }
        for (int r = 1; r < nRegimes; r++) {
            sim.schedule(warmupDays + regimes.days[r - 1], kindRegime, r);
        }

        for (int i = 0; i < capacityChangeAt.length; i++) {
            sim.schedule(capacityChangeAt[i], kindCapacity, i);
        }
        if (horizonDays > 1) {
            sim.setTimer(censusTimer, warmupDays + 1); // the last census, at the end, is taken after the run
        }
        boolean anyElective = false;
        for (CohortRuntime c : cohorts) {
            if (c.elective) {
                anyElective = true;
            } else {
                c.scheduleNext();
            }
        }
        if (anyElective) {
            armBookings(0);
        }
    }

    /** Sets the booking timer to 08:00 of the first working day from clock day {@code from}. */
    private void armBookings(int from) {
        for (int d = from; d < totalDays; d++) {
            if (weekdayOfDay[d] < 5) {
                sim.setTimer(bookingTimer, d + BOOKING_HOUR);
                return;
            }
        }
    }

    private void dailyCensus() {
        census();
        double next = sim.now() + 1;
        if (next < totalDays) {
            sim.setTimer(censusTimer, next);
        }
    }

    /** @return the kernel timers this model uses, whatever its number of cohorts (a work counter for tests) */
    int kernelTimers() {
        return sim.timers();
    }

        /** @return events executed so far, warm-up included */
    public long eventsExecuted() {
        return sim.eventsExecuted();
    }

    /**
     * Sends every stay of this run to {@code listener} (call before {@link #run()}); without one the model pays a
     * single null check per stay.
     */
    public FlowModel withStayListener(StayListener listener) {
        List<String> cohortNames = new ArrayList<>();
        for (CohortRuntime c : cohorts) {
            cohortNames.add(c.source.name());
        }
        listener.begin(cfg.startDate().minusDays(warmupDays), warmupDays, List.of(names), cohortNames);
        this.stayListener = listener;
        this.pending = new PendingReadmissions();
        return this;
    }

    /** Runs warm-up and measured period and returns what was measured. */
    public FlowResult run() {
        sim.runUntil(warmupDays);
        startMeasuring(warmupDays);
        long eventsBefore = sim.eventsExecuted();
        double end = totalDays;
        sim.runUntil(end);
        census();
        if (stayListener != null) {
            openStays();
        }
        return result(end, sim.eventsExecuted() - eventsBefore);
    }

    // ---- arrivals --------------------------------------------------------------------------------------------------

    /** The merged arrival timer fired: the cohort at the root of the winner tree has an arrival now. */
    private void arrival() {
        touchNextStay();
        CohortRuntime c = cohorts[arrivalWinner[1]];
        arrive(c, 0, sim.now());
        c.scheduleNext();
    }

    /**
     * Reads the row of the patient whose stay ends next in the event list, if that is the next list event: the row
     * was last touched days ago and is out of cache; loading it now overlaps the miss with this event's work.
     */
    private void touchNextStay() {
        int q = sim.peekPayload(kindStayEnd);
        if (q >= 0) {
            lookAhead += rows[(q << 3) + R_COHORT_SETTING];
        }
    }

    /**
     * Cohort c's next arrival changed: replays its path of the winner tree (one comparison a level) and sets the
     * merged timer to the root, ordered at equal times by the sequence number the cohort reserved.
     */
    private void nextArrivalChanged(int c) {
        final double[] at = nextArrivalAt;
        final long[] seq = nextArrivalSequence;
        final int[] winner = arrivalWinner;
        for (int i = (arrivalLeaves + c) >>> 1; i >= 1; i >>>= 1) {
            int a = winner[2 * i];
            int b = winner[2 * i + 1];
            double ta = at[a];
            double tb = at[b];
            // non-short-circuit operators: one condition, which the JIT can turn into a conditional move (which of
            // two cohorts comes first is a coin toss, a branch on it mispredicted half the time)
            winner[i] = (tb < ta) | ((tb == ta) & (seq[b] < seq[a])) ? b : a;
        }
        int first = winner[1];
        if (at[first] < Double.POSITIVE_INFINITY) {
            sim.setTimer(arrivalTimer, at[first], seq[first]);
        }
    }

    private void readmit(int payload) {
        if (measuring) {
            readmissions++;
        }
        if (pending == null) {
            arrive(cohorts[payload], 1, sim.now());
            return;
        }
        int cohort = pending.cohort[payload];
        long from = pending.release(payload);
        CohortRuntime c = cohorts[cohort];
        arrive(c, 1, sim.now());
        stayListener.readmitted(cohort, c.count[1] - 1, (int) (from >>> 41), ((from >>> 40) & 1) == 1,
                from & ((1L << 40) - 1));
    }

    /** A patient of a cohort arrives from outside; returns its slot, or -1 if avoided. */
    private int arrive(CohortRuntime c, int fam, double now) {
        if (measuring) {
            arrivals++;
        }
        int p = newPatient(c, fam, now);
        int entry = c.entry;
        if (c.avoidShare > 0
                && CounterRandom.uniform(c.families[fam].avoidanceKey, number(p)) < c.avoidShare) {
            if (c.redirect < 0) {
                if (measuring) {
                    avoided++;
                }
                releasePatient(p);
                return -1;
            }
            if (measuring) {
                redirected++;
            }
            entry = c.redirect;
        }
        if (c.elective) {
            requestElective(p, entry);
        } else {
            requestExternal(p, entry);
        }
        return p;
    }

    /** Daily at 08:00 on working days: deferred electives first, then the day's new bookings. */
    private void bookings() {
        double now = sim.now();
        int day = (int) now;
        for (CohortRuntime c : cohorts) {
            if (!c.elective) {
                continue;
            }
            // deferred bookings first, in order; once one finds no room the rest stay deferred another day
            while (!c.deferred.isEmpty() && hasRoom(settingOf(c.deferred.peek()))) {
                int p = c.deferred.poll();
                if (measuring) {
                    stats[settingOf(p)].recordWait(now - since(p));
                }
                admit(p, settingOf(p), EXTERNAL);
            }
            c.carry += c.dailyQuota(day);
            int count = (int) c.carry;
            c.carry -= count;
            for (int i = 0; i < count; i++) {
                arrive(c, 0, now);
            }
        }
        armBookings(day + 1);
    }

    private void requestElective(int p, int s) {
        if (hasRoom(s)) {
            admit(p, s, EXTERNAL);
            return;
        }
        CohortRuntime c = cohorts[cohortOf(p)];
        if (c.source.whenFull() == Cohort.ElectiveFull.DEFER) {
            if (measuring) {
                stats[s].deferred++;
            }
            setStateOf(p, DEFERRED);
            setSettingOf(p, s);
            setSince(p, sim.now());
            c.deferred.add(p);
        } else {
            if (measuring) {
                stats[s].cancelled++;
            }
            releasePatient(p);
        }
    }

    /** An arrival from outside asks for a bed at s, under s's admission policy. */
    private void requestExternal(int p, int s) {
        if (hasRoom(s) && arrivalQueue[s].isEmpty()) {
            admit(p, s, EXTERNAL);
            return;
        }
        switch (policy[s]) {
            case LOSE -> {
                if (measuring) {
                    stats[s].refused++;
                }
                releasePatient(p);
            }
            case DIVERT -> {
                int d = divertTo[s];
                if (hasRoom(d) && arrivalQueue[d].isEmpty()) {
                    if (measuring) {
                        stats[s].divertedOut++;
                    }
                    admit(p, d, EXTERNAL);
                } else {
                    enqueueArrival(p, s);
                }
            }
            default -> enqueueArrival(p, s);
        }
    }

    private void enqueueArrival(int p, int s) {
        setStateOf(p, WAITING);
        setSettingOf(p, s);
        setSince(p, sim.now());
        setTicket(p, nextTicket++);
        arrivalQueue[s].add(p);
        demandChanged(s);
        waits.queued(s, arrivalQueue[s].size());
        CohortRuntime c = cohorts[cohortOf(p)];
        if (c.patienceTo >= 0 && Double.isNaN(renegeAt(p))) {
            Family f = c.families[family(p)];
            f.patienceRandom.position(f.patienceKey, number(p));
            double at = sim.now() + f.patience.sample();
            setRenegeAt(p, at);
            sim.schedule(at, kindRenege, p);
        }
    }

    /**
     * The patience of the patient in slot p may have run out. The event is not cancelled when the patient gets a bed:
     * it acts only if the slot's patient is still waiting with this very deadline (a recycled slot's new patient
     * reneges only at its own deadline).
     */
    private void renege(int p) {
        double now = sim.now();
        if (stateOf(p) != WAITING || renegeAt(p) != now) {
            return;
        }
        int s = settingOf(p);
        arrivalQueue[s].remove(p);
        demandChanged(s);
        CohortRuntime c = cohorts[cohortOf(p)];
        int to = c.patienceTo;
        waits.reneged(s, to, since(p), now, measuring);
        setRenegeAt(p, Double.NEGATIVE_INFINITY); // patience is used once
        setStateOf(p, 0);
        if (to >= nSet) {
            if (measuring) {
                toSinks[to]++;
                daily.reachedSink(now, cohortOf(p), to - nSet);
            }
            releasePatient(p);
        } else {
            requestExternal(p, to);
        }
    }

    // ---- stays and moves -------------------------------------------------------------------------------------------

    private boolean hasRoom(int s) {
        return occupied[s] < (long) capacity[s] + escalation[s];
    }

    /** Puts p in a bed at s and schedules the end of its stay. */
    private void admit(int p, int s, int how) {
        double now = sim.now();
        final long[] r = rows;
        final int b = p << 3;
        int cohort = (int) r[b + R_COHORT_SETTING];
        CohortRuntime c = cohorts[cohort];
        long flags = r[b + R_FLAGS];
        if (how == EXTERNAL && !c.elective) {
            waits.admitted(s, ((flags >>> 1) & 7) == WAITING ? since(p) : now, now, measuring);
        }
        int moves = (int) ((flags >>> 4) & 0x0FFFFFFF);
        r[b + R_COHORT_SETTING] = (cohort & 0xFFFFFFFFL) | ((long) s << 32);
        r[b + R_ADMITTED] = Double.doubleToRawLongBits(now);
        double stay = stayAt(c, (int) (flags & 1), r[b + R_NUMBER], r[b + R_VISITED], moves, s);
        r[b + R_FLAGS] = (flags & ~((7L << 1) | (0x0FFFFFFFL << 4))) | ((long) IN_BED << 1)
                | ((long) ((moves + 1) & 0x0FFFFFFF) << 4);
        occupied[s]++;
        occupancyChanged(s);
        if (measuring) {
            Collectors st = stats[s];
            st.admissions++;
            if (how == EXTERNAL) {
                st.external++;
                daily.admitted(now, cohortOf(p), s);
            } else {
                st.transfersIn++;
            }
        }
        sim.schedule(now + stay, kindStayEnd, p);
    }

    /** The patient is medically fit to leave its setting: go on, or be blocked. */
    private void stayEnd(int p) {
        touchNextStay();
        int s = settingOf(p);
        int next = route(p, s);
        if (next >= nSet) {
            leave(p, s, next);
            toSink(p, next);
            serveFrom(s);
            return;
        }
        if (hasRoom(next) && transferQueue[next].isEmpty() && arrivalQueue[next].isEmpty()) {
            leave(p, s, next);
            admit(p, next, TRANSFER);
            serveFrom(s);
            return;
        }
        int d = divertTo[next];
        if (d >= 0 && d != s && hasRoom(d) && transferQueue[d].isEmpty() && arrivalQueue[d].isEmpty()) {
            leave(p, s, d);
            admit(p, d, TRANSFER);
            serveFrom(s);
            return;
        }
        block(p, s, next);
    }

    private void block(int p, int s, int next) {
        setStateOf(p, BLOCKED);
        setAwaiting(p, next);
        setSince(p, sim.now());
        setTicket(p, nextTicket++);
        transferQueue[next].add(p);
        blockedHere[s]++;
        stats[s].delayedChanged(sim.now(), blockedHere[s], next, +1);
        demandChanged(next);
    }

    /** p leaves its bed at s for {@code to} (a setting or a sink). */
    private void leave(int p, int s, int to) {
        double now = sim.now();
        if (stayListener != null) {
            logStay(p, s, now, to);
        }
        occupied[s]--;
        occupancyChanged(s);
        if (measuring) {
            Collectors st = stats[s];
            st.dischargesTo[to]++;
            st.staySum += now - admittedAt(p);
            st.stayCount++;
        }
    }

    private void logStay(int p, int s, double now, int to) {
        stayListener.stay(cohortOf(p), family(p) == 1, number(p), s, moves(p) > 1, admittedAt(p),
                stateOf(p) == BLOCKED ? since(p) : now, now, to);
    }

    /** The stays still open at the end of the run, for the stay listener. */
    private void openStays() {
        for (int p = 0; p < slots; p++) {
            int state = stateOf(p);
            if (state == IN_BED || state == BLOCKED) {
                stayListener.stay(cohortOf(p), family(p) == 1, number(p), settingOf(p), moves(p) > 1, admittedAt(p),
                        state == BLOCKED ? since(p) : Double.NaN, Double.NaN, -1);
            }
        }
    }

    private void toSink(int p, int sink) {
        double now = sim.now();
        if (measuring) {
            toSinks[sink]++;
            daily.reachedSink(now, cohortOf(p), sink - nSet);
            systemStaySum += now - arrivedAt(p);
            systemStayCount++;
        }
        CohortRuntime c = cohorts[cohortOf(p)];
        if (sink == home && c.readmitProbability > 0) {
            Family f = c.families[family(p)];
            long n = number(p);
            if (CounterRandom.uniform(f.readmissionKey, 2 * n) < c.readmitProbability) {
                double delay = Math.max(Double.MIN_VALUE, CounterRandom.uniform(f.readmissionKey, 2 * n + 1)
                        * c.readmitWithin);
                sim.schedule(now + delay, kindReadmit, pending == null ? c.readmitCohort
                        : pending.add(c.readmitCohort, ((long) c.index << 41) | ((long) family(p) << 40) | n));
            }
        }
        releasePatient(p);
    }

    /** A bed may have freed at s: serve s, and every setting a moved patient leaves, until no one can move. */
    private void serveFrom(int s) {
        if (arrivalQueue[s].isEmpty() && transferQueue[s].isEmpty()) {
            return; // the usual case: no one waits for s, so no bed frees anywhere
        }
        work.add(s);
        while (!work.isEmpty()) {
            int d = work.poll();
            while (hasRoom(d)) {
                IntQueue arrivalsWaiting = arrivalQueue[d];
                IntQueue transfers = transferQueue[d];
                if (arrivalsWaiting.isEmpty() && transfers.isEmpty()) {
                    break;
                }
                boolean takeTransfer;
                if (arrivalsWaiting.isEmpty()) {
                    takeTransfer = true;
                } else if (transfers.isEmpty()) {
                    takeTransfer = false;
                } else {
                    takeTransfer = switch (priority[d]) {
                        case TRANSFERS_FIRST -> true;
                        case ARRIVALS_FIRST -> false;
                        case FIFO -> ticket(transfers.peek()) < ticket(arrivalsWaiting.peek());
                    };
                }
                double now = sim.now();
                if (takeTransfer) {
                    int p = transfers.poll();
                    int from = settingOf(p);
                    blockedHere[from]--;
                    stats[from].delayedChanged(now, blockedHere[from], d, -1);
                    leave(p, from, d);
                    admit(p, d, TRANSFER);
                    demandChanged(d);
                    work.add(from);
                } else {
                    int p = arrivalsWaiting.poll();
                    if (measuring) {
                        stats[d].recordWait(now - since(p));
                    }
                    admit(p, d, EXTERNAL);
                    demandChanged(d);
                }
            }
        }
    }

    private void capacityChange(int change) {
        int s = capacityChangeSetting[change];
        capacity[s] = capacityChangeBeds[change];
        stats[s].capacityChanged(sim.now(), occupied[s], capacity[s]);
        serveFrom(s);
    }

    /**
     * Routing changes take effect: every cohort's routing tables switch to regime r, and each site closing now sends
     * the patients waiting for its beds (arrivals, and patients blocked elsewhere waiting to move in) to the receiving
     * setting's queues, in the order they queued. Patients in its beds finish their stays.
     */
    private void switchRegime(int r) {
        for (CohortRuntime c : cohorts) {
            c.regime(r);
        }
        System.arraycopy(divertByRegime[r], 0, divertTo, 0, nSet);
        for (int[] closure : closuresByRegime[r]) {
            close(closure[0], closure[1]);
        }
    }

    private void close(int closed, int into) {
        double now = sim.now();
        IntQueue transfers = transferQueue[closed];
        for (int i = 0; i < transfers.size(); i++) {
            int p = transfers.get(i);
            int from = settingOf(p);
            stats[from].delayedChanged(now, blockedHere[from], closed, -1);
            stats[from].delayedChanged(now, blockedHere[from], into, +1);
            setAwaiting(p, into);
        }
        mergeByTicket(transfers, transferQueue[into]);
        IntQueue waiting = arrivalQueue[closed];
        for (int i = 0; i < waiting.size(); i++) {
            setSettingOf(waiting.get(i), into);
        }
        mergeByTicket(waiting, arrivalQueue[into]);
        waits.queued(into, arrivalQueue[into].size());
        for (CohortRuntime c : cohorts) {
            for (int i = 0; i < c.deferred.size(); i++) {
                if (settingOf(c.deferred.get(i)) == closed) {
                    setSettingOf(c.deferred.get(i), into);
                }
            }
        }
        demandChanged(closed);
        demandChanged(into);
        serveFrom(into);
    }

    /** Moves every patient of {@code from} into {@code to}, keeping {@code to} in ticket (queueing) order. */
    private void mergeByTicket(IntQueue from, IntQueue to) {
        if (from.isEmpty()) {
            return;
        }
        int[] all = new int[from.size() + to.size()];
        int n = 0;
        while (!to.isEmpty()) {
            all[n++] = to.poll();
        }
        while (!from.isEmpty()) {
            all[n++] = from.poll();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = all[i];
        }
        Arrays.sort(order, (a, b) -> Long.compare(ticket(a), ticket(b)));
        for (Integer p : order) {
            to.add(p);
        }
    }

    /**
     * Readmissions scheduled while a stay listener is attached: the event's payload is a slot here holding the
     * cohort the patient returns to and the patient it follows (cohort, family and number packed in a long), so the
     * log can link the readmission to its first stay. Slots are reused; the random draws are untouched.
     */
    private static final class PendingReadmissions {
        int[] cohort = new int[64];
        long[] from = new long[64];
        int[] next = new int[64];
        int free = -1;
        int used;

        int add(int toCohort, long fromPatient) {
            int i;
            if (free >= 0) {
                i = free;
                free = next[i];
            } else {
                if (used == cohort.length) {
                    if (used << 1 > Simulator.PAYLOAD_LIMIT) {
                        throw new IllegalStateException("more than " + Simulator.PAYLOAD_LIMIT
                                + " readmissions pending at once");
                    }
                    cohort = Arrays.copyOf(cohort, used << 1);
                    from = Arrays.copyOf(from, used << 1);
                    next = Arrays.copyOf(next, used << 1);
                }
                i = used++;
            }
            cohort[i] = toCohort;
            from[i] = fromPatient;
            return i;
        }

        long release(int i) {
            next[i] = free;
            free = i;
            return from[i];
        }
    }

    // ---- patients --------------------------------------------------------------------------------------------------

    private int newPatient(CohortRuntime c, int fam, double now) {
        if (freeSlot < 0) {
            growPatients();
        }
        int p = freeSlot;
        freeSlot = settingOf(p);
        active++;
        final long[] r = rows;
        int b = p << 3;
        r[b + R_NUMBER] = c.count[fam]++;
        r[b + R_VISITED] = 0;
        r[b + R_ADMITTED] = Double.doubleToRawLongBits(Double.NaN); // the patience deadline: none yet
        r[b + R_ARRIVED] = Double.doubleToRawLongBits(now);
        r[b + R_COHORT_SETTING] = c.index & 0xFFFFFFFFL; // setting 0 until it asks for a bed
        r[b + R_FLAGS] = fam & 1; // state 0, no moves
        return p;
    }

    private void releasePatient(int p) {
        setStateOf(p, 0);
        setSettingOf(p, freeSlot);
        freeSlot = p;
        active--;
    }

    private void growPatients() {
        int old = slots;
        int n = Math.max(256, old << 1);
        if (n > Simulator.PAYLOAD_LIMIT) {
            throw new IllegalStateException("more than " + Simulator.PAYLOAD_LIMIT + " patients in the system at once");
        }
        rows = Arrays.copyOf(rows, n << 3);
        for (int i = n - 1; i >= old; i--) {
            setSettingOf(i, freeSlot);
            freeSlot = i;
        }
        slots = n;
    }

    /**
     * The stay at s of a patient of cohort c and family fam with this number, visited settings and moves so far: a
     * function of its number (and, on a revisit, of its move count).
     */
    private static double stayAt(CohortRuntime c, int fam, long number, long visited, int moves, int s) {
        Family f = c.families[fam];
        int k = c.localOf[s];
        CounterRandom random = f.losRandom[k];
        if ((visited & (1L << k)) == 0) {
            random.position(f.losKey[k], number);
        } else {
            random.position(f.losRevisitKey[k], (number << 10) | (moves & 1023));
        }
        return f.stay[k].sample();
    }

    /** Where p goes after s: a function of its number (and, on a revisit, of its move count). */
    private int route(int p, int s) {
        final long[] r = rows;
        final int b = p << 3;
        CohortRuntime c = cohorts[(int) r[b + R_COHORT_SETTING]];
        int k = c.localOf[s];
        int[] to = c.destinations[k];
        long visited = r[b + R_VISITED];
        r[b + R_VISITED] = visited | 1L << k;
        if (to.length == 1) {
            return to[0];
        }
        double[] cum = c.cumulative[k];
        Family f = c.families[(int) (r[b + R_FLAGS] & 1)];
        double u;
        if ((visited & (1L << k)) == 0) {
            u = CounterRandom.uniform(f.routeKey[k], r[b + R_NUMBER]);
        } else {
            u = CounterRandom.uniform(f.routeRevisitKey[k], revisitIndex(p));
        }
        for (int i = 0; i < cum.length - 1; i++) {
            if (u < cum[i]) {
                return to[i];
            }
        }
        return to[to.length - 1];
    }

    private long revisitIndex(int p) {
        return (number(p) << 10) | (moves(p) & 1023);
    }

    // ---- patient rows ------------------------------------------------------------------------------------------------

    private long number(int p) {
        return rows[(p << 3) + R_NUMBER];
    }

    private void setNumber(int p, long v) {
        rows[(p << 3) + R_NUMBER] = v;
    }

    private long visited(int p) {
        return rows[(p << 3) + R_VISITED];
    }

    private void setVisited(int p, long v) {
        rows[(p << 3) + R_VISITED] = v;
    }

    private double since(int p) {
        return Double.longBitsToDouble(rows[(p << 3) + R_SINCE]);
    }

    private void setSince(int p, double v) {
        rows[(p << 3) + R_SINCE] = Double.doubleToRawLongBits(v);
    }

    private double admittedAt(int p) {
        return Double.longBitsToDouble(rows[(p << 3) + R_ADMITTED]);
    }

    private void setAdmittedAt(int p, double v) {
        rows[(p << 3) + R_ADMITTED] = Double.doubleToRawLongBits(v);
    }

    /** While p waits for its first bed, R_ADMITTED holds its patience deadline: NaN before it queues, -inf once used. */
    private double renegeAt(int p) {
        return admittedAt(p);
    }

    private void setRenegeAt(int p, double v) {
        setAdmittedAt(p, v);
    }

    private double arrivedAt(int p) {
        return Double.longBitsToDouble(rows[(p << 3) + R_ARRIVED]);
    }

    private void setArrivedAt(int p, double v) {
        rows[(p << 3) + R_ARRIVED] = Double.doubleToRawLongBits(v);
    }

    private long ticket(int p) {
        return rows[(p << 3) + R_TICKET];
    }

    private void setTicket(int p, long v) {
        rows[(p << 3) + R_TICKET] = v;
    }

    private int cohortOf(int p) {
        return (int) rows[(p << 3) + R_COHORT_SETTING];
    }

    private void setCohortOf(int p, int v) {
        int i = (p << 3) + R_COHORT_SETTING;
        rows[i] = (rows[i] & 0xFFFFFFFF00000000L) | (v & 0xFFFFFFFFL);
    }

    private int settingOf(int p) {
        return (int) (rows[(p << 3) + R_COHORT_SETTING] >>> 32);
    }

    private void setSettingOf(int p, int v) {
        int i = (p << 3) + R_COHORT_SETTING;
        rows[i] = (rows[i] & 0xFFFFFFFFL) | ((long) v << 32);
    }

    private int family(int p) {
        return (int) (rows[(p << 3) + R_FLAGS] & 1);
    }

    private void setFamily(int p, int v) {
        int i = (p << 3) + R_FLAGS;
        rows[i] = (rows[i] & ~1L) | (v & 1);
    }

    private int stateOf(int p) {
        return (int) ((rows[(p << 3) + R_FLAGS] >>> 1) & 7);
    }

    private void setStateOf(int p, int v) {
        int i = (p << 3) + R_FLAGS;
        rows[i] = (rows[i] & ~(7L << 1)) | ((long) (v & 7) << 1);
    }

    private int moves(int p) {
        return (int) ((rows[(p << 3) + R_FLAGS] >>> 4) & 0x0FFFFFFF);
    }

    private void setMoves(int p, int v) {
        int i = (p << 3) + R_FLAGS;
        rows[i] = (rows[i] & ~(0x0FFFFFFFL << 4)) | ((long) (v & 0x0FFFFFFF) << 4);
    }

    private int awaiting(int p) {
        return (int) (rows[(p << 3) + R_FLAGS] >>> 32);
    }

    private void setAwaiting(int p, int v) {
        int i = (p << 3) + R_FLAGS;
        rows[i] = (rows[i] & 0xFFFFFFFFL) | ((long) v << 32);
    }

    // ---- measurement -----------------------------------------------------------------------------------------------

    private void occupancyChanged(int s) {
        Collectors st = stats[s];
        double now = sim.now();
        st.occupancy.update(now, occupied[s]);
        if (escalation[s] > 0) {
            st.escalation.update(now, Math.max(0, occupied[s] - capacity[s]));
        }
        st.demand.update(now, demandOf(s));
    }

    private void demandChanged(int s) {
        stats[s].demand.update(sim.now(), demandOf(s));
    }

    private int demandOf(int s) {
        return occupied[s] + arrivalQueue[s].size() + transferQueue[s].size();
    }

    private void startMeasuring(double time) {
        measuring = true;
        inSystemAtStart = active;
        int[] queues = new int[nSet];
        for (int s = 0; s < nSet; s++) {
            stats[s].reset(time, occupied[s], capacity[s], blockedHere[s], demandOf(s));
            queues[s] = arrivalQueue[s].size();
        }
        waits.reset(queues);
    }

    private void census() {
        if (censusDay >= horizonDays) {
            return;
        }
        int row = censusDay * nSet;
        for (int s = 0; s < nSet; s++) {
            int occ = occupied[s];
            censusOccupied[row + s] = occ;
            censusDelayed[row + s] = blockedHere[s];
            censusWaiting[row + s] = arrivalQueue[s].size();
            waits.endOfDay(censusDay, s, arrivalQueue[s].size());
            daily.awaiting(censusDay, s, transferQueue[s].size());
            Collectors st = stats[s];
            st.census.add(occ, 1);
            st.demandCensus.add(demandOf(s), 1);
            if (occ >= capacity[s]) {
                st.daysFull++;
            }
        }
        censusDay++;
    }

    private FlowResult result(double end, long events) {
        List<SettingResult> results = new ArrayList<>(nSet);
        for (int s = 0; s < nSet; s++) {
            IntQueue q = arrivalQueue[s];
            for (int i = 0; i < q.size(); i++) {
                waits.stillWaiting(s, since(q.get(i)), end);
            }
            results.add(stats[s].result(names[s], names, nSet, end, cfg.occupancyTarget(), cfg.riskShareOfDays(),
                    horizonDays, waits.measures(s, names)));
        }
        Map<String, Long> sinks = new LinkedHashMap<>();
        long refused = 0;
        long cancelled = 0;
        for (int i = nSet; i < nAll; i++) {
            sinks.put(names[i], toSinks[i]);
        }
        for (Collectors st : stats) {
            refused += st.refused;
            cancelled += st.cancelled;
        }
        CensusSeries census = new CensusSeries(cfg.startDate(), Arrays.asList(names).subList(0, nSet),
                censusOccupied, censusDelayed, censusWaiting);
        return new FlowResult(replication, results, census, arrivals, avoided, readmissions, sinks, refused, cancelled,
                inSystemAtStart, active, systemStayCount == 0 ? 0 : systemStaySum / systemStayCount, events,
                daily.result(cfg.startDate()),
                waits.series(cfg.startDate(), Arrays.asList(names).subList(0, nSet)), redirected);
    }

    // ---- per-cohort runtime ----------------------------------------------------------------------------------------

    /** One cohort compiled for the run: its settings in local order, routing tables, streams and arrival process. */
    private final class CohortRuntime {
        final int index;
        final Cohort source;
        final boolean elective;
        // entry, redirect, readmission chance, patience target and routing tables of the regime in force (they
        // switch on the days of the routing changes; see switchRegime)
        int entry;
        int redirect;
        final double avoidShare;
        final int readmitCohort;
        double readmitProbability;
        final double readmitWithin;
        /** Where patients who stop waiting go (setting or sink index), -1 if they wait for ever. */
        int patienceTo;
        /** Global setting index to local index, -1 if the cohort never goes there. */
        final int[] localOf;
        /** Patients created so far, first admissions [0] and readmissions [1]: the next patient's number. */
        final long[] count = new long[2];
        double[][] cumulative;
        int[][] destinations;
        /** The same, per regime. */
        final int[] entryBy;
        final int[] redirectBy;
        final double[] readmitBy;
        final int[] patienceBy;
        final double[][][] cumulativeBy;
        final int[][][] destinationsBy;
        final Family[] families;
        // arrivals (non-elective): cumulative intensity by clock day
        final double[] cumulativeIntensity;
        final double[] dayRate;
        final ZigguratSampler.Exponential unitGaps;
        double level;
        int day;
        // electives
        double carry;
        final IntQueue deferred = new IntQueue();

        CohortRuntime(int index, Cohort[] versions, Map<String, Integer> settingIndex,
                Map<String, Integer> cohortIndex, ReplicationStreams streams) {
            Cohort cohort = versions[0];
            this.index = index;
            this.source = cohort;
            this.elective = cohort.type() == Cohort.AdmissionType.ELECTIVE;
            this.avoidShare = cohort.avoidance().share();
            Readmission r = cohort.readmission();
            this.readmitCohort = r == null ? -1 : cohortIndex.get(r.cohort());
            this.readmitWithin = r == null ? 0 : r.withinDays();

            // local settings: those with a stay, in the order of the cohort's lengths of stay, then those a routing
            // change adds (a routing change never alters a stay the cohort has, so the first version's stays hold)
            localOf = new int[nAll];
            Arrays.fill(localOf, -1);
            List<String> locals = new ArrayList<>();
            Map<String, Distribution> stays = new LinkedHashMap<>();
            for (Cohort v : versions) {
                for (Map.Entry<String, Distribution> e : v.lengthOfStay().entrySet()) {
                    if (!locals.contains(e.getKey()) && settingIndex.get(e.getKey()) < nSet) {
                        locals.add(e.getKey());
                        stays.put(e.getKey(), e.getValue());
                    }
                }
            }
            if (locals.size() > 63) {
                throw new IllegalArgumentException("cohort " + cohort.name() + " uses more than 63 settings");
            }
            for (int k = 0; k < locals.size(); k++) {
                localOf[settingIndex.get(locals.get(k))] = k;
            }
            int nVersions = versions.length;
            entryBy = new int[nVersions];
            redirectBy = new int[nVersions];
            readmitBy = new double[nVersions];
            patienceBy = new int[nVersions];
            cumulativeBy = new double[nVersions][locals.size()][];
            destinationsBy = new int[nVersions][locals.size()][];
            for (int v = 0; v < nVersions; v++) {
                Cohort c = versions[v];
                entryBy[v] = settingIndex.get(c.entry());
                redirectBy[v] = c.avoidance().redirectTo() == null ? -1
                        : settingIndex.get(c.avoidance().redirectTo());
                readmitBy[v] = c.readmission() == null ? 0 : c.readmission().probability();
                patienceBy[v] = c.patience() == null ? -1 : settingIndex.get(c.patience().to());
                for (int k = 0; k < locals.size(); k++) {
                    List<Route> routes = c.routing().getOrDefault(locals.get(k),
                            List.of(new Route(FlowSettings.HOME, 1)));
                    cumulativeBy[v][k] = new double[routes.size()];
                    destinationsBy[v][k] = new int[routes.size()];
                    double sum = 0;
                    for (int i = 0; i < routes.size(); i++) {
                        sum += routes.get(i).probability();
                        cumulativeBy[v][k][i] = sum;
                        destinationsBy[v][k][i] = settingIndex.get(routes.get(i).to());
                    }
                }
            }
            regime(0);
            Cohort all = cohort.withLengthOfStay(stays);
            families = new Family[] {
                new Family(all, locals, streams, ""), new Family(all, locals, streams, "/readmissions")};

            if (!elective) {
                int n = totalDays;
                dayRate = new double[n];
                cumulativeIntensity = new double[n + 1];
                ArrivalPattern a = cohort.arrivals();
                double[] dow = a.dayOfWeek();
                double[] month = a.month();
                double base = a.annualVolume() / 365.25;
                for (int d = 0; d < n; d++) {
                    double years = Math.max(0, d + 0.5 - warmupDays) / 365.25;
                    dayRate[d] = base * dow[weekdayOfDay[d]] * month[monthOfDay[d]]
                            * Math.pow(1 + a.growthPerYear(), years);
                    cumulativeIntensity[d + 1] = cumulativeIntensity[d] + dayRate[d];
                }
                unitGaps = ZigguratSampler.Exponential.of(streams.stream("arrivals/" + cohort.name()));
            } else {
                dayRate = null;
                cumulativeIntensity = null;
                unitGaps = null;
            }
        }

        /** Puts regime {@code r}'s entry, redirect, readmission chance, patience target and routing in force. */
        void regime(int r) {
            entry = entryBy[r];
            redirect = redirectBy[r];
            readmitProbability = readmitBy[r];
            patienceTo = patienceBy[r];
            cumulative = cumulativeBy[r];
            destinations = destinationsBy[r];
        }

        /**
         * Draws the next arrival, if any is left in the horizon, and reserves its place among events at equal times
         * (where a timer of its own would have been set) in the merged arrival timer.
         */
        void scheduleNext() {
            level += unitGaps.sample();
            double[] cum = cumulativeIntensity;
            while (day < totalDays && cum[day + 1] <= level) {
                day++;
            }
            if (day >= totalDays) {
                nextArrivalAt[index] = Double.POSITIVE_INFINITY;
                nextArrivalSequence[index] = Long.MAX_VALUE;
            } else {
                double t = Math.max(day + (level - cum[day]) / dayRate[day], sim.now());
                nextArrivalAt[index] = t;
                nextArrivalSequence[index] = sim.reserveSequence(t);
            }
            nextArrivalChanged(index);
        }

        /** Booked admissions on a working day, before carrying the fraction. */
        double dailyQuota(int d) {
            ArrivalPattern a = source.arrivals();
            double[] dow = a.dayOfWeek();
            double working = dow[0] + dow[1] + dow[2] + dow[3] + dow[4];
            double weight = working == 0 ? 1 : dow[weekdayOfDay[d]] * 5 / working;
            double years = Math.max(0, d + 0.5 - warmupDays) / 365.25;
            return a.annualVolume() / WORKING_DAYS_PER_YEAR * weight * a.month()[monthOfDay[d]]
                    * Math.pow(1 + a.growthPerYear(), years);
        }

    }

    /** The stream keys and samplers of a cohort's first admissions, or of its readmissions. */
    private static final class Family {
        final Sampler[] stay;
        final CounterRandom[] losRandom;
        final long[] losKey;
        final long[] losRevisitKey;
        final long[] routeKey;
        final long[] routeRevisitKey;
        final long avoidanceKey;
        final long readmissionKey;
        final CounterRandom patienceRandom;
        final Sampler patience;
        final long patienceKey;

        Family(Cohort cohort, List<String> locals, ReplicationStreams streams, String suffix) {
            String c = cohort.name();
            int n = locals.size();
            stay = new Sampler[n];
            losRandom = new CounterRandom[n];
            losKey = new long[n];
            losRevisitKey = new long[n];
            routeKey = new long[n];
            routeRevisitKey = new long[n];
            for (int k = 0; k < n; k++) {
                String s = locals.get(k);
                Distribution d = cohort.lengthOfStay().get(s);
                losRandom[k] = new CounterRandom();
                stay[k] = d.sampler(losRandom[k]);
                losKey[k] = key(streams, "los/" + c + "/" + s + suffix);
                losRevisitKey[k] = key(streams, "los/" + c + "/" + s + suffix + "/revisits");
                routeKey[k] = key(streams, "routing/" + c + "/" + s + suffix);
                routeRevisitKey[k] = key(streams, "routing/" + c + "/" + s + suffix + "/revisits");
            }
            avoidanceKey = key(streams, "avoidance/" + c + suffix);
            readmissionKey = key(streams, "readmission/" + c + suffix);
            patienceRandom = new CounterRandom();
            patience = cohort.patience() == null ? null : cohort.patience().after().sampler(patienceRandom);
            patienceKey = cohort.patience() == null ? 0 : key(streams, "patience/" + c + suffix);
        }

        private static long key(ReplicationStreams streams, String name) {
            return streams.stream(name).nextLong();
        }
    }

    // ---- collectors of one setting ---------------------------------------------------------------------------------

    /** What is measured in one setting. */
    private static final class Collectors {
        long admissions;
        long external;
        long transfersIn;
        long refused;
        long divertedOut;
        long cancelled;
        long deferred;
        long daysFull;
        final long[] dischargesTo;
        double staySum;
        long stayCount;
        final OccupancyHistogram occupancy;
        final OccupancyHistogram census;
        final OccupancyHistogram demandCensus;
        final TimeWeighted demand = new TimeWeighted(0, 0);
        final TimeWeighted escalation = new TimeWeighted(0, 0);
        final TimeWeighted delayed = new TimeWeighted(0, 0);
        // delayed patients by awaited setting: level, area and last change time
        final int[] delayedLevel;
        final double[] delayedArea;
        final double[] delayedSince;
        final LogHistogram waits = new LogHistogram(1e-6, 1e5, 3);
        double waitSum;
        long waitCount;

        Collectors(int settings, int capacity) {
            dischargesTo = new long[settings];
            delayedLevel = new int[settings];
            delayedArea = new double[settings];
            delayedSince = new double[settings];
            int expected = capacity == CapacityTimeline.UNLIMITED ? 64 : Math.max(16, capacity + 1);
            occupancy = new OccupancyHistogram(0, 0, expected);
            census = OccupancyHistogram.forCounts(expected);
            demandCensus = OccupancyHistogram.forCounts(expected);
        }

        void delayedChanged(double now, int blocked, int destination, int step) {
            delayed.update(now, blocked);
            delayedArea[destination] += delayedLevel[destination] * (now - delayedSince[destination]);
            delayedSince[destination] = now;
            delayedLevel[destination] += step;
        }

        void capacityChanged(double now, int occupied, int capacity) {
            escalation.update(now, Math.max(0, occupied - capacity));
        }

        void recordWait(double days) {
            if (days > 0) {
                waitCount++;
                waitSum += days;
                waits.record(days);
            }
        }

        void reset(double time, int occupied, int capacity, int blocked, int demandLevel) {
            admissions = 0;
            external = 0;
            transfersIn = 0;
            refused = 0;
            divertedOut = 0;
            cancelled = 0;
            deferred = 0;
            daysFull = 0;
            Arrays.fill(dischargesTo, 0);
            staySum = 0;
            stayCount = 0;
            occupancy.update(time, occupied);
            occupancy.reset(time);
            demand.update(time, demandLevel);
            demand.reset(time);
            escalation.update(time, Math.max(0, occupied - capacity));
            escalation.reset(time);
            delayed.update(time, blocked);
            delayed.reset(time);
            Arrays.fill(delayedArea, 0);
            Arrays.fill(delayedSince, time);
            waits.reset();
            waitSum = 0;
            waitCount = 0;
        }

        SettingResult result(String name, String[] names, int nSet, double end, double target, double risk,
                int days, WaitMeasures waitMeasures) {
            occupancy.close(end);
            Map<String, Long> discharges = new LinkedHashMap<>();
            Map<String, Double> delays = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (dischargesTo[i] > 0) {
                    discharges.put(names[i], dischargesTo[i]);
                }
                double area = delayedArea[i] + delayedLevel[i] * (end - delayedSince[i]);
                if (i < nSet && area > 0) {
                    delays.put(names[i], area);
                }
            }
            double measured = occupancy.totalTime();
            double meanDemand = demand.mean(end);
            return new SettingResult(name, admissions, external, transfersIn, refused, divertedOut, cancelled,
                    deferred, discharges, occupancy.mean() * measured, occupancy.mean(), occupancy.quantile(0.50),
                    occupancy.quantile(0.85), occupancy.quantile(0.95), census.mean(), census.quantile(0.50),
                    census.quantile(0.85), census.quantile(0.95), waitCount,
                    waitCount == 0 ? 0 : waitSum / waitCount, waitCount == 0 ? 0 : waits.quantile(0.95),
                    delayed.area(end), delayed.mean(end), delays, escalation.area(end), meanDemand,
                    meanDemand / target, demandCensus.quantile(1 - risk), (double) daysFull / days,
                    stayCount == 0 ? 0 : staySum / stayCount, waitMeasures);
        }
    }
}
