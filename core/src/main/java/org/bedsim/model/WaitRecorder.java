package org.bedsim.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures waits for a bed in the NHS's terms for {@link FlowModel}: counts against the standard and long thresholds,
 * wait bands, daily peaks, days with a long wait and reneging, per setting and per measured day.
 *
 * <p>Implementation notes. Everything is a primitive array sized once (settings, and days x settings for the daily
 * series), so recording allocates nothing. A wait is counted when it ends: on the day of the admission for the
 * admitted counts; a long wait marks every measured day from the moment the patient's wait passed the long
 * threshold to the moment it ended (admission, reneging, or the end of the run for those still waiting), so a day
 * counts whoever was in the queue that day. The daily peak is the largest queue seen since the previous midnight
 * (the queue at midnight included). The waits of the admitted are added up when they end (for the mean wait of all,
 * zeros included); the time-weighted number waiting is kept as each wait's overlap with the measured period, added
 * when the wait ends (admission, reneging, or the end of the run), which is the same integral as a level-and-area
 * collector updated at every change of the queue, with no work while the queue only grows or shrinks elsewhere.
 */
final class WaitRecorder {
    private final int settings;
    private final int warmupDays;
    private final int horizonDays;
    private final double standard;
    private final double longWait;
    private final int sinks;

    private final long[] admitted;
    private final long[] overStandard;
    private final long[] overLong;
    private final long[] reneged;
    private final long[] renegedOverLong;
    private final long[] renegedTo;
    private final long[] bands;
    private final double[] waitSum;
    private final double[] queueArea;
    private final int[] peakNow;
    private final int[] dayAdmitted;
    private final int[] dayOverStandard;
    private final int[] dayOverLong;
    private final int[] dayPeak;
    private final int[] dayLong;
    private final int nBands = WaitMeasures.bandHours().length;

    WaitRecorder(int settings, int allSettings, int warmupDays, int horizonDays, WaitThresholds thresholds) {
        this.settings = settings;
        this.sinks = allSettings;
        this.warmupDays = warmupDays;
        this.horizonDays = horizonDays;
        this.standard = thresholds.standardDays();
        this.longWait = thresholds.longDays();
        admitted = new long[settings];
        overStandard = new long[settings];
        overLong = new long[settings];
        reneged = new long[settings];
        renegedOverLong = new long[settings];
        renegedTo = new long[settings * allSettings];
        bands = new long[settings * nBands];
        waitSum = new double[settings];
        queueArea = new double[settings];
        peakNow = new int[settings];
        int cells = horizonDays * settings;
        dayAdmitted = new int[cells];
        dayOverStandard = new int[cells];
        dayOverLong = new int[cells];
        dayPeak = new int[cells];
        dayLong = new int[cells];
    }

    /** Measurement starts at {@code time}: counters to zero, today's peak from the queues as they are. */
    void reset(int[] queueSizes) {
        Arrays.fill(admitted, 0);
        Arrays.fill(overStandard, 0);
        Arrays.fill(overLong, 0);
        Arrays.fill(reneged, 0);
        Arrays.fill(renegedOverLong, 0);
        Arrays.fill(renegedTo, 0);
        Arrays.fill(bands, 0);
        Arrays.fill(waitSum, 0);
        Arrays.fill(queueArea, 0);
        System.arraycopy(queueSizes, 0, peakNow, 0, settings);
    }

    /** The queue for a bed at s has grown to {@code size}. */
    void queued(int s, int size) {
        if (size > peakNow[s]) {
            peakNow[s] = size;
        }
    }

    /** A non-elective arrival from outside takes a bed at s at {@code now}, having asked for it at {@code since}. */
    void admitted(int s, double since, double now, boolean measuring) {
        double wait = now - since;
        if (measuring) {
            int day = day(now);
            int cell = day * settings + s;
            admitted[s]++;
            waitSum[s] += wait;
            dayAdmitted[cell]++;
            bands[s * nBands + WaitMeasures.band(wait)]++;
            if (wait > standard) {
                overStandard[s]++;
                dayOverStandard[cell]++;
                if (wait > longWait) {
                    overLong[s]++;
                    dayOverLong[cell]++;
                }
            }
        }
        waitEnded(s, since, now);
    }

    /** A patient leaves the queue at s for {@code to} (a setting or sink index) when its patience runs out. */
    void reneged(int s, int to, double since, double now, boolean measuring) {
        if (measuring) {
            reneged[s]++;
            renegedTo[s * sinks + to]++;
            if (now - since > longWait) {
                renegedOverLong[s]++;
            }
        }
        waitEnded(s, since, now);
    }

    /** At the end of the run: a patient still waiting at s since {@code since}. */
    void stillWaiting(int s, double since, double end) {
        waitEnded(s, since, end);
    }

    /** The midnight ending measured day {@code day}: record its peak, start the next from the queues as they are. */
    void endOfDay(int day, int s, int queueSize) {
        dayPeak[day * settings + s] = peakNow[s];
        peakNow[s] = queueSize;
    }

    /** A wait at s from {@code since} ended at {@code end}: its time in the measured queue; the long-wait days. */
    private void waitEnded(int s, double since, double end) {
        double measuredFrom = Math.max(since, warmupDays);
        if (end > measuredFrom) {
            queueArea[s] += end - measuredFrom;
        }
        double from = since + longWait;
        if (!(end > from)) {
            return;
        }
        int first = Math.max(0, (int) Math.floor(from) - warmupDays);
        int last = Math.min(horizonDays - 1, (int) Math.floor(end) - warmupDays);
        for (int d = first; d <= last; d++) {
            dayLong[d * settings + s] = 1;
        }
    }

    private int day(double now) {
        return Math.min(horizonDays - 1, Math.max(0, (int) Math.floor(now) - warmupDays));
    }

    /** @return the measures of setting s over the measured period */
    WaitMeasures measures(int s, String[] names) {
        long longDays = 0;
        long queueDays = 0;
        long peakSum = 0;
        int peakMax = 0;
        for (int d = 0; d < horizonDays; d++) {
            int cell = d * settings + s;
            longDays += dayLong[cell];
            peakSum += dayPeak[cell];
            queueDays += dayPeak[cell] > 0 ? 1 : 0;
            peakMax = Math.max(peakMax, dayPeak[cell]);
        }
        Map<String, Long> to = new LinkedHashMap<>();
        for (int i = 0; i < sinks; i++) {
            if (renegedTo[s * sinks + i] > 0) {
                to.put(names[i], renegedTo[s * sinks + i]);
            }
        }
        return new WaitMeasures(admitted[s], overStandard[s], overLong[s], longDays, queueDays, horizonDays,
                horizonDays == 0 ? 0 : (double) peakSum / horizonDays, peakMax, reneged[s], renegedOverLong[s], to,
                Arrays.copyOfRange(bands, s * nBands, (s + 1) * nBands), waitSum[s], queueArea[s]);
    }

    /** @return the daily series */
    WaitSeries series(java.time.LocalDate start, List<String> names) {
        return new WaitSeries(start, names, dayAdmitted, dayOverStandard, dayOverLong, dayPeak, dayLong);
    }
}
