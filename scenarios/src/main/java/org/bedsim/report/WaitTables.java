package org.bedsim.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.KpiInterval;
import org.bedsim.model.WaitMeasures;
import org.bedsim.model.WaitSeries;
import org.bedsim.model.WaitThresholds;
import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.ProportionInterval;

/**
 * Waits for a bed in the NHS's measures, tabulated from a run for the outputs: by calendar month and by wait band,
 * each count a mean over replications with its 95 % t interval (kept at 0 or more), each share the pooled ratio over
 * the replications (that month's waits over that month's admissions, all replications together) with a Wilson-type
 * {@link org.bedsim.stats.ProportionInterval}, which never leaves [0, 1] and holds for few events.
 */
public final class WaitTables {
    private WaitTables() {
    }

    /**
     * One calendar month of one setting.
     *
     * @param month the month
     * @param days measured days in it
     * @param admitted non-elective arrivals from outside admitted
     * @param overStandard of which after waiting longer than the standard threshold
     * @param overLong of which after waiting longer than the long threshold
     * @param shareOverStandard overStandard / admitted
     * @param shareOverLong overLong / admitted
     * @param shareOfDaysWithLongWait days with someone waiting longer than the long threshold / days
     * @param meanDailyPeakWaiting mean over the days of the most waiting at once
     * @param maxDailyPeakWaiting the most waiting at once in the month
     */
    public record Month(YearMonth month, int days, ConfidenceInterval admitted, ConfidenceInterval overStandard,
            ConfidenceInterval overLong, KpiInterval shareOverStandard, KpiInterval shareOverLong,
            KpiInterval shareOfDaysWithLongWait, ConfidenceInterval meanDailyPeakWaiting,
            ConfidenceInterval maxDailyPeakWaiting) {
    }

    /**
     * One wait band of one setting.
     *
     * @param label e.g. "4-8 h"
     * @param fromHours lower edge (exclusive; 0 for "no wait")
     * @param toHours upper edge (inclusive), infinite for the last band
     * @param patients admitted patients whose wait fell in the band
     * @param share their share of the admitted
     */
    public record Band(String label, double fromHours, double toHours, ConfidenceInterval patients,
            KpiInterval share) {
    }

    /** @return true if arrivals from outside can wait for a bed in the setting (any policy but lose) */
    public static boolean canWait(FlowSummary s, String setting) {
        return s.settings().setting(setting).policy().kind() != AdmissionPolicy.Kind.LOSE;
    }

    /** @return true if anyone waited for a bed in the setting, in any replication */
    public static boolean anyoneWaited(FlowSummary s, String setting) {
        for (FlowResult r : s.replications()) {
            WaitMeasures w = r.setting(setting).waits();
            if (w.admitted() > w.bandCounts()[0] || w.reneged() > 0) {
                return true;
            }
        }
        return false;
    }

    /** @return the thresholds of the run */
    public static WaitThresholds thresholds(FlowSummary s) {
        return s.settings().waits();
    }

    /** @return the months of a setting, in order */
    public static List<Month> monthly(FlowSummary s, String setting) {
        int n = s.replications().size();
        WaitSeries first = s.replications().get(0).waits();
        if (first == null) {
            return List.of();
        }
        LocalDate start = first.startDate();
        int days = first.days();
        List<YearMonth> months = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            YearMonth m = YearMonth.from(start.plusDays(d));
            if (months.isEmpty() || !months.get(months.size() - 1).equals(m)) {
                months.add(m);
                ranges.add(new int[] {d, d + 1});
            } else {
                ranges.get(ranges.size() - 1)[1] = d + 1;
            }
        }
        List<Month> out = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            int from = ranges.get(i)[0];
            int to = ranges.get(i)[1];
            double[][] v = new double[8][n];
            long[][] counts = new long[4][n];
            for (int r = 0; r < n; r++) {
                WaitSeries w = s.replications().get(r).waits();
                int col = w.column(setting);
                long admitted = 0;
                long overStandard = 0;
                long overLong = 0;
                long longDays = 0;
                long peakSum = 0;
                int peakMax = 0;
                for (int d = from; d < to; d++) {
                    admitted += w.admitted(d, col);
                    overStandard += w.overStandard(d, col);
                    overLong += w.overLong(d, col);
                    longDays += w.longWaitDay(d, col) ? 1 : 0;
                    peakSum += w.peakWaiting(d, col);
                    peakMax = Math.max(peakMax, w.peakWaiting(d, col));
                }
                v[0][r] = admitted;
                v[1][r] = overStandard;
                v[2][r] = overLong;
                v[3][r] = admitted == 0 ? 0 : (double) overStandard / admitted;
                v[4][r] = admitted == 0 ? 0 : (double) overLong / admitted;
                v[5][r] = (double) longDays / (to - from);
                v[6][r] = (double) peakSum / (to - from);
                v[7][r] = peakMax;
                counts[0][r] = admitted;
                counts[1][r] = overStandard;
                counts[2][r] = overLong;
                counts[3][r] = longDays;
            }
            long[] monthDays = new long[n];
            java.util.Arrays.fill(monthDays, to - from);
            out.add(new Month(months.get(i), to - from, ci(v[0]), ci(v[1]), ci(v[2]), share(counts[1], counts[0]),
                    share(counts[2], counts[0]), share(counts[3], monthDays), ci(v[6]), ci(v[7])));
        }
        return out;
    }

    /** @return the wait bands of a setting's admitted patients */
    public static List<Band> bands(FlowSummary s, String setting) {
        double[] edges = WaitMeasures.bandHours();
        int n = s.replications().size();
        List<Band> out = new ArrayList<>();
        for (int b = 0; b < edges.length; b++) {
            double[] count = new double[n];
            long[] events = new long[n];
            long[] admitted = new long[n];
            for (int r = 0; r < n; r++) {
                WaitMeasures w = s.replications().get(r).setting(setting).waits();
                count[r] = w.bandCounts()[b];
                events[r] = w.bandCounts()[b];
                admitted[r] = w.admitted();
            }
            double from = b == 0 ? 0 : edges[b - 1];
            out.add(new Band(bandLabel(from, edges[b]), from, edges[b], ci(count), share(events, admitted)));
        }
        return out;
    }

    /** @return "no wait", "up to 1 h", "4-8 h", "over 48 h" */
    static String bandLabel(double from, double to) {
        if (to == 0) {
            return "no wait";
        }
        if (from == 0) {
            return "up to " + Numbers.csv(to) + " h";
        }
        if (Double.isInfinite(to)) {
            return "over " + Numbers.csv(from) + " h";
        }
        return Numbers.csv(from) + "-" + Numbers.csv(to) + " h";
    }

    /** @return mean over replications of reneged patients by destination */
    public static Map<String, ConfidenceInterval> renegedTo(FlowSummary s, String setting) {
        Set<String> to = new LinkedHashSet<>();
        s.replications().forEach(r -> to.addAll(r.setting(setting).waits().renegedTo().keySet()));
        Map<String, ConfidenceInterval> out = new LinkedHashMap<>();
        for (String d : to) {
            out.put(d, s.interval(r -> r.setting(setting).waits().renegedTo().getOrDefault(d, 0L)));
        }
        return out;
    }

    /** @return per measured day, the daily peak number waiting: mean, lowest and highest over replications */
    public static double[][] dailyPeaks(FlowSummary s, String setting) {
        WaitSeries first = s.replications().get(0).waits();
        int days = first == null ? 0 : first.days();
        double[][] out = new double[3][days];
        for (int d = 0; d < days; d++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (FlowResult r : s.replications()) {
                int p = r.waits().peakWaiting(d, r.waits().column(setting));
                sum += p;
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
            out[0][d] = sum / s.replications().size();
            out[1][d] = lo;
            out[2][d] = hi;
        }
        return out;
    }

    /** @return the pooled share of events in trials with its Wilson-type interval (0 with no trials at all) */
    static KpiInterval share(long[] events, long[] trials) {
        long total = 0;
        for (long t : trials) {
            total += t;
        }
        if (total == 0) {
            return new KpiInterval(0, events.length > 1 ? 0 : Double.NaN, events.length > 1 ? 0 : Double.NaN,
                    events.length, 0, 0);
        }
        return KpiInterval.of(ProportionInterval.of(events, trials, 0.95), events.length);
    }

    private static ConfidenceInterval ci(double[] v) {
        return ConfidenceInterval.of(v, 0.95);
    }
}
