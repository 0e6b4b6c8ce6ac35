package org.bedsim.model.pool;

import org.bedsim.dist.Exponential;
import org.bedsim.dist.Sampler;
import org.bedsim.kernel.EventList;
import org.bedsim.kernel.QuaternaryHeapEventList;
import org.bedsim.kernel.Simulator;
import org.bedsim.random.ReplicationStreams;
import org.bedsim.stats.LogHistogram;
import org.bedsim.stats.OccupancyHistogram;
import org.bedsim.stats.Tally;
import org.bedsim.stats.TimeWeighted;

/**
 * One replication of a {@link BedPoolSettings bed pool}.
 *
 * <p>Implementation notes. Two kinds of event: an arrival (which schedules the next arrival, then either admits the
 * patient and schedules the departure, turns the patient away, or queues the patient) and a departure (which admits
 * the head of the queue into the freed bed, or frees it). A patient's length of stay is drawn when the patient
 * arrives, from the stream {@code los}, whether or not the patient is admitted, so the n-th patient draws the same
 * stay whatever the number of beds (common random numbers across bed counts). Inter-arrival times come from the
 * stream {@code arrivals}. The queue is a ring buffer of primitive arrays; statistics are primitive collectors; after
 * the arrays reach their working size nothing is allocated per event. Warm-up: the run goes to {@code warmupDays},
 * every collector is reset there (the state - occupied beds, queue - is kept), and the run goes on for
 * {@code measuredDays}.
 */
public final class BedPool {
    private static final double WAIT_LOWEST_DAYS = 1e-6;
    private static final double WAIT_HIGHEST_DAYS = 1e5;

    private final BedPoolSettings settings;
    private final int replication;
    private final Simulator sim;
    private final int arrivalTimer;
    private final int departureKind;
    private final Sampler gaps;
    private final Sampler stays;
    private final int beds;
    private final boolean wait;

    private int occupied;
    private double[] queueArrivedAt = new double[64];
    private double[] queueStay = new double[64];
    private int queueHead;
    private int queueSize;

    private long arrivals;
    private long admissions;
    private long lost;
    private long waited;
    private long discharges;
    private long inSystemAtStart;
    private final OccupancyHistogram occupancy;
    private final TimeWeighted queueLength;
    private final Tally waits = new Tally();
    private final LogHistogram waitHistogram = new LogHistogram(WAIT_LOWEST_DAYS, WAIT_HIGHEST_DAYS, 3);
    /** Sum of the stays of the patients admitted: a plain sum, as only its mean is reported (Little's law). */
    private double admittedStaySum;

    /**
     * @param settings the pool
     * @param streams the random streams of this replication ({@code arrivals} and {@code los} are used)
     */
    public BedPool(BedPoolSettings settings, ReplicationStreams streams) {
        this(settings, streams, new QuaternaryHeapEventList());
    }

    /**
     * As {@link #BedPool(BedPoolSettings, ReplicationStreams)} on a chosen event list (for benchmarks and the
     * agreement test of event-list implementations).
     */
    public BedPool(BedPoolSettings settings, ReplicationStreams streams, EventList eventList) {
        this.sim = new Simulator(eventList);
        this.settings = settings;
        this.replication = streams.replication();
        this.beds = settings.beds();
        this.wait = settings.policy() == FullPolicy.WAIT;
        this.gaps = settings.arrivalsPerDay() > 0
                ? Exponential.ofMean(1.0 / settings.arrivalsPerDay()).sampler(streams.stream("arrivals"))
                : () -> Double.POSITIVE_INFINITY;
        this.stays = settings.lengthOfStay().sampler(streams.stream("los"));
        int expected = (int) Math.min(Math.max(16, 2 * settings.offeredLoad()), beds == BedPoolSettings.UNLIMITED
                ? 1 << 20 : beds);
        this.occupancy = new OccupancyHistogram(0.0, 0, expected);
        this.queueLength = new TimeWeighted(0.0, 0.0);
        this.arrivalTimer = sim.newTimer(sim.register(p -> arrive()), 0);
        this.departureKind = sim.register(p -> depart());
    }

    /** Runs the replication (warm-up, then the measured period) and returns its result. */
    public BedPoolResult run() {
        double first = gaps.sample();
        if (first < Double.POSITIVE_INFINITY) {
            sim.setTimer(arrivalTimer, first);
        }
        double warmupEnd = settings.warmupDays();
        double end = warmupEnd + settings.measuredDays();
        sim.runUntil(warmupEnd);
        resetCollectors(warmupEnd);
        long eventsBefore = sim.eventsExecuted();
        sim.runUntil(end);
        occupancy.close(end);
        queueLength.update(end, queueSize);
        return result(sim.eventsExecuted() - eventsBefore, end);
    }

    /** @return events executed so far, warm-up included */
    public long eventsExecuted() {
        return sim.eventsExecuted();
    }

    private void arrive() {
        double now = sim.now();
        double gap = gaps.sample();
        sim.setTimer(arrivalTimer, now + gap);
        double stay = stays.sample();
        arrivals++;
        if (occupied < beds) {
            occupied++;
            occupancy.update(now, occupied);
            admit(now, stay, 0.0);
        } else if (wait) {
            enqueue(now, stay);
            queueLength.update(now, queueSize);
        } else {
            lost++;
        }
    }

    private void depart() {
        double now = sim.now();
        if (queueSize > 0) {
            int head = queueHead;
            double arrivedAt = queueArrivedAt[head];
            double stay = queueStay[head];
            queueHead = (head + 1) & (queueArrivedAt.length - 1);
            queueSize--;
            queueLength.update(now, queueSize);
            waited++;
            admit(now, stay, now - arrivedAt);
        } else {
            occupied--;
            occupancy.update(now, occupied);
        }
        discharges++;
    }

    private void admit(double now, double stay, double waitDays) {
        admissions++;
        if (wait) {
            waits.add(waitDays);
            waitHistogram.record(waitDays);
        }
        admittedStaySum += stay;
        sim.schedule(now + stay, departureKind, 0);
    }

    private void enqueue(double now, double stay) {
        if (queueSize == queueArrivedAt.length) {
            growQueue();
        }
        int tail = (queueHead + queueSize) & (queueArrivedAt.length - 1);
        queueArrivedAt[tail] = now;
        queueStay[tail] = stay;
        queueSize++;
    }

    private void growQueue() {
        int n = queueArrivedAt.length;
        double[] a = new double[n << 1];
        double[] s = new double[n << 1];
        for (int i = 0; i < queueSize; i++) {
            int j = (queueHead + i) & (n - 1);
            a[i] = queueArrivedAt[j];
            s[i] = queueStay[j];
        }
        queueArrivedAt = a;
        queueStay = s;
        queueHead = 0;
    }

    private void resetCollectors(double time) {
        arrivals = 0;
        admissions = 0;
        lost = 0;
        waited = 0;
        discharges = 0;
        inSystemAtStart = occupied + queueSize;
        occupancy.reset(time);
        queueLength.reset(time);
        waits.reset();
        waitHistogram.reset();
        admittedStaySum = 0;
    }

    private BedPoolResult result(long events, double end) {
        double measured = settings.measuredDays();
        double meanOccupancy = occupancy.mean();
        double probabilityFull = settings.unlimited() ? 0.0 : occupancy.probabilityAbove(beds - 1);
        return new BedPoolResult(
                replication,
                arrivals,
                admissions,
                lost,
                arrivals == 0 ? 0.0 : (double) lost / arrivals,
                meanOccupancy,
                occupancy.variance(),
                probabilityFull,
                occupancy.toFractions(),
                wait && admissions > 0 ? waits.mean() : 0.0,
                wait && admissions > 0 ? waitHistogram.quantile(0.95) : 0.0,
                waited,
                queueLength.mean(end),
                meanOccupancy * measured,
                admissions == 0 ? Double.NaN : admittedStaySum / admissions,
                measured,
                events,
                inSystemAtStart,
                discharges,
                occupied + queueSize);
    }
}
