package org.bedsim.model;

import java.util.ArrayList;
import java.util.List;
import org.bedsim.fit.Mser5;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Whether a run's warm-up was long enough, judged from its own output: is there a transient left in the midnight
 * census of the measured period?
 *
 * <p><b>Implementation notes.</b> Per setting, MSER-5 (White 1997; see {@link Mser5}) runs on the mean midnight
 * census over the even-numbered replications (0, 2, 4, ...) of the measured period: the truncation {@code d} that
 * minimises the squared standard error of what is left. The census of the warm-up itself is not kept, so the
 * detected warm-up is the scenario's plus {@code d} when the transient is beyond noise; a warm-up already long
 * enough shows as {@code d = 0} or as a {@code d} whose transient is within noise. MSER picks the truncation that removes the batches furthest from the
 * rest, so testing that same data for a difference would be biased towards finding one; the test runs on the other
 * replications instead (odd-numbered): in each, the mean census of the first {@code d} days minus that of the rest,
 * and a 95 % t interval of that excess over them. The transient is "beyond noise" when the interval excludes zero.
 * With fewer than 4 replications, or a census of fewer than 20 days, nothing is tested. MSER assumes the steady
 * state is flat: a census that changes by design (demographic growth, a winter profile, beds opening) can also show
 * as a transient; the warning says so.
 *
 * @param setting the setting
 * @param scenarioWarmupDays the scenario's warm-up, days
 * @param truncateDays MSER-5's further truncation within the measured period, days (a multiple of 5)
 * @param found false if the minimum lies at the limit of the search (half the measured days): no steady state found
 * @param excess the mean census over the first {@code truncateDays} minus that over the rest, beds, with its
 *     interval over the odd-numbered replications (null if not tested)
 * @param beyondNoise whether that interval excludes zero
 */
public record WarmupCheck(String setting, double scenarioWarmupDays, int truncateDays, boolean found,
        ConfidenceInterval excess, boolean beyondNoise) {

    /** The fewest measured days MSER-5 is run on. */
    static final int MIN_DAYS = 20;

    /**
     * @return the warm-up the census suggests: the scenario's plus MSER-5's further truncation when the transient it
     *     marks is beyond noise (a truncation within noise suggests no more warm-up)
     */
    public double detectedWarmupDays() {
        return scenarioWarmupDays + (beyondNoise ? truncateDays : 0);
    }

    /** @return true if the scenario's warm-up is shorter than detected, the transient beyond noise */
    public boolean tooShort() {
        return truncateDays > 0 && beyondNoise;
    }

    /** @return true if MSER-5 and the noise test ran (enough replications and days) */
    public boolean tested() {
        return excess != null;
    }

    /** @return one check per setting of a run */
    public static List<WarmupCheck> of(FlowSummary summary) {
        List<FlowResult> reps = summary.replications();
        List<WarmupCheck> out = new ArrayList<>();
        List<String> names = summary.settingNames();
        double warmup = summary.settings().warmupDays();
        for (String name : names) {
            CensusSeries first = reps.get(0).census();
            int col = first.settings().indexOf(name);
            int days = first.days();
            if (reps.size() < 4 || days < MIN_DAYS || col < 0) {
                out.add(new WarmupCheck(name, warmup, 0, false, null, false));
                continue;
            }
            double[] mean = new double[days];
            int selecting = 0;
            for (int r = 0; r < reps.size(); r += 2) {
                CensusSeries c = reps.get(r).census();
                for (int d = 0; d < days; d++) {
                    mean[d] += c.occupied(d, col);
                }
                selecting++;
            }
            for (int d = 0; d < days; d++) {
                mean[d] /= selecting;
            }
            Mser5.Result m = Mser5.of(mean);
            int t = m.truncate();
            if (t == 0) {
                out.add(new WarmupCheck(name, warmup, 0, m.found(), ConfidenceInterval.of(new double[0], 0.95),
                        false));
                continue;
            }
            List<Double> excess = new ArrayList<>();
            for (int r = 1; r < reps.size(); r += 2) {
                CensusSeries c = reps.get(r).census();
                double head = 0;
                double tail = 0;
                for (int d = 0; d < days; d++) {
                    if (d < t) {
                        head += c.occupied(d, col);
                    } else {
                        tail += c.occupied(d, col);
                    }
                }
                excess.add(head / t - tail / (days - t));
            }
            ConfidenceInterval ci = ConfidenceInterval.of(excess.stream().mapToDouble(Double::doubleValue).toArray(),
                    0.95);
            boolean beyond = ci.halfWidth() == 0 ? ci.mean() != 0 : !ci.contains(0);
            out.add(new WarmupCheck(name, warmup, t, m.found(), ci, beyond));
        }
        return out;
    }

    /** @return the warning a check gives, or null if none */
    public String warning() {
        if (!tooShort()) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%s: the midnight census still moves in the first %d measured "
                + "days (%+.1f beds against the rest, 95 %% CI [%+.1f, %+.1f]; MSER-5): the warm-up of %.0f days "
                + "looks shorter than the %.0f days detected%s. Lengthen warm_up_days, unless the change is one the "
                + "scenario sets (a trend, a seasonal profile, beds opening or closing)", setting, truncateDays,
                excess.mean(), excess.low(), excess.high(), scenarioWarmupDays, detectedWarmupDays(),
                found ? "" : " (or longer: no steady state within half the measured period)");
    }
}
