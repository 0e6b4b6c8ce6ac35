package org.bedsim.model;

import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.ProportionInterval;

/**
 * A KPI's value over the replications with its interval, in the KPI's range, and the events it rests on.
 *
 * <p>A share of counted events (12-hour waits out of admissions, days full out of days, patients turned away out of
 * arrivals) is the pooled ratio with a {@link ProportionInterval} (Wilson's score interval on the replications'
 * effective sample size: never outside [0, 1], an upper end above zero when no event happened, honest with few
 * events). Any other KPI is the mean of the replications' values with a Student t interval, its ends kept inside
 * the KPI's range (at least 0; a share at most 1).
 *
 * @param mean the estimate: the pooled ratio of a share, else the mean over replications
 * @param low lower end (NaN with one replication)
 * @param high upper end (NaN with one replication)
 * @param replications replications it rests on
 * @param events the events it rests on in all replications (admissions over 12 hours for their share, patients who
 *     waited for the mean wait of those who waited); -1 if it rests on no count of events
 * @param trials the trials of a share in all replications; -1 if not a share of counted events
 */
public record KpiInterval(double mean, double low, double high, int replications, long events, long trials) {

    /** @return a t interval, its ends kept inside [min, max], resting on no count of events */
    public static KpiInterval of(ConfidenceInterval ci, double min, double max) {
        boolean finite = Double.isFinite(ci.halfWidth());
        return new KpiInterval(ci.mean(), finite ? Math.max(min, ci.low()) : Double.NaN,
                finite ? Math.min(max, ci.high()) : Double.NaN, (int) ci.n(), -1, -1);
    }

    /** @return a share's interval */
    public static KpiInterval of(ProportionInterval p, int replications) {
        return new KpiInterval(p.mean(), p.low(), p.high(), replications, p.events(), p.trials());
    }

    /**
     * A KPI's interval over replications, the one every output uses: a share of counted events as a pooled ratio
     * with a Wilson-type {@link ProportionInterval}, any other KPI as a t interval kept inside its range.
     *
     * @param kpi the KPI
     * @param values its value in each replication, in replication order
     * @param events per replication, what {@link SettingKpi#counts} gives first; null if the KPI rests on no count
     * @param trials per replication, what {@link SettingKpi#counts} gives second; null with {@code events}
     * @param level the confidence level
     * @return the interval with the events and trials it rests on
     */
    public static KpiInterval over(SettingKpi kpi, double[] values, long[] events, long[] trials, double level) {
        ConfidenceInterval ci = ConfidenceInterval.of(values, level);
        int n = values.length;
        if (events == null) {
            return KpiInterval.of(ci, 0, kpi.upperBound());
        }
        long eventSum = 0;
        long trialSum = 0;
        for (int r = 0; r < n; r++) {
            eventSum += events[r];
            trialSum += trials[r];
        }
        if (!kpi.isCountedShare()) {
            KpiInterval t = KpiInterval.of(ci, 0, kpi.upperBound());
            return new KpiInterval(t.mean(), t.low(), t.high(), n, eventSum, -1);
        }
        if (trialSum == 0) { // nothing to share out: every replication reads 0
            KpiInterval t = KpiInterval.of(ci, 0, 1);
            return new KpiInterval(t.mean(), t.low(), t.high(), n, 0, 0);
        }
        return KpiInterval.of(ProportionInterval.of(events, trials, level), n);
    }

    /** @return true if the ends are finite (two replications or more) */
    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** @return half the width, in the KPI's unit (NaN with one replication) */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /**
     * @return true if the KPI rests on some events but fewer than {@link ProportionInterval#FEW_EVENTS} in all
     *     replications together, too few to trust its interval (none at all is not "few": a share then reads 0
     *     with an honest upper end, a mean wait of those who waited has nobody to average)
     */
    public boolean fewEvents() {
        return events > 0 && events < ProportionInterval.FEW_EVENTS;
    }
}
