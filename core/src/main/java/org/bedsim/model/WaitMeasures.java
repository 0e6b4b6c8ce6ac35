package org.bedsim.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Waits for a bed in one setting over the measured period, in the measures the NHS uses: arrivals from outside
 * (non-elective; deferred electives are not counted here) admitted after waiting more than the standard (4 h) and the
 * long (12 h) thresholds from their arrival (the decision to admit), the daily peak number waiting, the days on which
 * someone had been waiting longer than the long threshold, and patients who left the queue (reneged).
 *
 * @param admitted non-elective arrivals from outside admitted here (the denominator of the shares)
 * @param overStandard of which admitted after waiting more than the standard threshold
 * @param overLong of which admitted after waiting more than the long threshold
 * @param daysWithLongWait measured days on which, at some moment, a patient in the queue had waited longer than the
 *     long threshold (whether later admitted, reneged or still waiting at the end)
 * @param daysWithQueue measured days on which someone waited for a bed at some moment
 * @param days measured days
 * @param meanDailyPeakWaiting mean over days of the most patients waiting at once during the day
 * @param maxDailyPeakWaiting the most patients waiting at once in the measured period
 * @param reneged patients who left this setting's queue when their patience ran out
 * @param renegedOverLong of which after waiting more than the long threshold
 * @param renegedTo reneged patients by where they went
 * @param bandCounts admitted patients by wait band, the bands of {@link #BAND_HOURS}
 * @param totalWaitDays the waits of the admitted patients added up, days (zero waits included), so that
 *     {@link #meanWaitOfAllDays()} is the mean wait of every admitted arrival (Erlang C's W<sub>q</sub>)
 * @param queueDays patient-days spent in the queue within the measured period (the time integral of the number
 *     waiting: admitted, reneged and still waiting at the end alike), so that {@link #meanQueueLength()} is the
 *     time-weighted mean number waiting (Erlang C's L<sub>q</sub>)
 */
public record WaitMeasures(long admitted, long overStandard, long overLong, long daysWithLongWait, long daysWithQueue, long days,
        double meanDailyPeakWaiting, int maxDailyPeakWaiting, long reneged, long renegedOverLong,
        Map<String, Long> renegedTo, long[] bandCounts, double totalWaitDays, double queueDays) {

    /**
     * Upper edges, hours, of the wait bands of {@link #bandCounts}: no wait, then up to 1, 2, 4, 8, 12, 24, 48 hours
     * and longer. A wait exactly on an edge falls in the band below it.
     */
    private static final double[] BAND_HOURS = {0, 1, 2, 4, 8, 12, 24, 48, Double.POSITIVE_INFINITY};

    /** Nothing measured (a setting nobody waits for, or a result built without wait measures). */
    public static final WaitMeasures NONE = new WaitMeasures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(),
            new long[BAND_HOURS.length], 0, 0);

    /** Freezes. */
    public WaitMeasures {
        renegedTo = Collections.unmodifiableMap(new LinkedHashMap<>(renegedTo));
        if (bandCounts.length != BAND_HOURS.length) {
            throw new IllegalArgumentException("expected " + BAND_HOURS.length + " wait bands");
        }
        bandCounts = bandCounts.clone();
    }

    /** @return the upper edges of the wait bands, hours (the first band is "no wait") */
    public static double[] bandHours() {
        return BAND_HOURS.clone();
    }

    /** @return the band of a wait, days */
    static int band(double waitDays) {
        double hours = waitDays * 24;
        int b = 0;
        while (hours > BAND_HOURS[b]) {
            b++;
        }
        return b;
    }

    @Override
    public long[] bandCounts() {
        return bandCounts.clone();
    }

    /** @return the share of admitted patients who waited more than the standard threshold (0 if none admitted) */
    public double shareOverStandard() {
        return admitted == 0 ? 0 : (double) overStandard / admitted;
    }

    /** @return the share of admitted patients who waited more than the long threshold (0 if none admitted) */
    public double shareOverLong() {
        return admitted == 0 ? 0 : (double) overLong / admitted;
    }

    /**
     * @return the mean wait of all admitted patients, zero waits included, days (0 if none admitted); the mean of
     *     those who waited only is larger by the share who waited
     */
    public double meanWaitOfAllDays() {
        return admitted == 0 ? 0 : totalWaitDays / admitted;
    }

    /** @return the time-weighted mean number of patients waiting for a bed over the measured period (0 if none) */
    public double meanQueueLength() {
        return days == 0 ? 0 : queueDays / days;
    }

    /** @return the share of measured days with a wait over the long threshold */
    public double shareOfDaysWithLongWait() {
        return days == 0 ? 0 : (double) daysWithLongWait / days;
    }

    /** @return the share of measured days on which someone waited for a bed */
    public double shareOfDaysWithQueue() {
        return days == 0 ? 0 : (double) daysWithQueue / days;
    }

    /** @return the share of non-elective arrivals from outside who left the queue: reneged / (admitted + reneged) */
    public double shareReneged() {
        long total = admitted + reneged;
        return total == 0 ? 0 : (double) reneged / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaitMeasures w && admitted == w.admitted && overStandard == w.overStandard
                && overLong == w.overLong && daysWithLongWait == w.daysWithLongWait && daysWithQueue == w.daysWithQueue && days == w.days
                && Double.compare(meanDailyPeakWaiting, w.meanDailyPeakWaiting) == 0
                && maxDailyPeakWaiting == w.maxDailyPeakWaiting && reneged == w.reneged
                && renegedOverLong == w.renegedOverLong && renegedTo.equals(w.renegedTo)
                && Arrays.equals(bandCounts, w.bandCounts)
                && Double.compare(totalWaitDays, w.totalWaitDays) == 0 && Double.compare(queueDays, w.queueDays) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(admitted) * 31 * 31 + Long.hashCode(overLong) * 31 + Arrays.hashCode(bandCounts);
    }

    @Override
    public String toString() {
        return "WaitMeasures[admitted=" + admitted + ", overStandard=" + overStandard + ", overLong=" + overLong
                + ", daysWithLongWait=" + daysWithLongWait + "/" + days + ", daysWithQueue=" + daysWithQueue + ", meanDailyPeakWaiting="
                + meanDailyPeakWaiting + ", maxDailyPeakWaiting=" + maxDailyPeakWaiting + ", reneged=" + reneged
                + ", renegedTo=" + renegedTo + ", bands=" + Arrays.toString(bandCounts) + ", totalWaitDays="
                + totalWaitDays + ", queueDays=" + queueDays + "]";
    }
}
