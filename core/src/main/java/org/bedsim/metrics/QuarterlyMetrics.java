package org.bedsim.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.model.DailyFlows;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;
import org.bedsim.stats.ConfidenceInterval;

/**
 * The Better Care Fund's metrics by financial quarter and year, from each replication's {@link DailyFlows}, then
 * summarised across replications with 95 % intervals.
 *
 * <p>Definitions, as the Better Care Fund planning template states them:
 * <ul>
 *   <li>Delayed days: the patients delayed at each midnight (fit to move on but held because the next setting is
 *       full), summed over the days of the period, over every setting they are held in (acute and non-acute);
 *       split by the owner of the awaited setting. Settings declared delayed-while-there (patients in an acute bed
 *       awaiting assessment) add their midnight census, attributed to their own owner. Per 100,000 adults: divided by the adult population of the
 *       period's year. People delayed per day: delayed days divided by the days of the period.</li>
 *   <li>Non-elective admissions: admissions from outside into acute settings by non-elective cohorts (readmissions
 *       included; patients avoided or redirected elsewhere are not admissions).</li>
 *   <li>Permanent admissions to residential and nursing care: patients of the 65+ cohorts reaching a care-home sink,
 *       per 100,000 people aged 65+ of the period's year.</li>
 * </ul>
 * A period the measured days cover only in part is computed on the days covered and marked incomplete; a rate whose
 * population is not given is NaN.
 */
public final class QuarterlyMetrics {
    private QuarterlyMetrics() {
    }

    /**
     * A quarter or financial year of the measured period.
     *
     * @param label {@code 2016/17 Q1} or {@code 2016/17}
     * @param start first day
     * @param end first day after it
     * @param measuredDays days of it inside the measured period
     * @param complete true if every day of it is measured
     */
    public record Period(String label, LocalDate start, LocalDate end, int measuredDays, boolean complete) {
    }

    /** @return the quarters, then the financial years, that the measured days touch, in date order */
    public static List<Period> periods(LocalDate startDate, int days) {
        List<Period> out = new ArrayList<>();
        if (days <= 0) {
            return out;
        }
        LocalDate end = startDate.plusDays(days);
        FinancialQuarter q = FinancialQuarter.of(startDate);
        while (q.start().isBefore(end)) {
            out.add(period(q.label(), q.start(), q.end(), startDate, end));
            q = q.quarter() == 4 ? new FinancialQuarter(q.year() + 1, 1)
                    : new FinancialQuarter(q.year(), q.quarter() + 1);
        }
        for (int y = FinancialQuarter.of(startDate).year(); LocalDate.of(y, 4, 1).isBefore(end); y++) {
            out.add(period(FinancialQuarter.financialYear(y), LocalDate.of(y, 4, 1), LocalDate.of(y + 1, 4, 1),
                    startDate, end));
        }
        return out;
    }

    private static Period period(String label, LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        LocalDate a = start.isBefore(from) ? from : start;
        LocalDate b = end.isAfter(to) ? to : end;
        int measured = (int) Math.max(0, ChronoUnit.DAYS.between(a, b));
        return new Period(label, start, end, measured, measured == ChronoUnit.DAYS.between(start, end));
    }

    /**
     * @param r one replication's result
     * @param def what to count
     * @return per period (in {@link #periods} order), every {@link QuarterlyKpi} by key
     */
    public static Map<String, Map<String, Double>> compute(FlowResult r, QuarterlyDefinition def) {
        DailyFlows f = r.daily();
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        int nSet = f.settings().size();
        DelayOwner[] ownerOf = new DelayOwner[nSet];
        boolean[] delayedThere = new boolean[nSet];
        for (int s = 0; s < nSet; s++) {
            ownerOf[s] = def.ownerOf(f.settings().get(s));
            delayedThere[s] = def.delayedWhileThere().contains(f.settings().get(s));
        }
        org.bedsim.model.CensusSeries census = r.census();
        boolean[] nonElective = new boolean[f.cohorts().size()];
        boolean[] older = new boolean[f.cohorts().size()];
        for (int c = 0; c < nonElective.length; c++) {
            nonElective[c] = def.nonElectiveCohorts().contains(f.cohorts().get(c));
            older[c] = def.olderCohorts().contains(f.cohorts().get(c));
        }
        boolean[] careHome = new boolean[f.sinks().size()];
        for (int k = 0; k < careHome.length; k++) {
            careHome[k] = def.careHomeSinks().contains(f.sinks().get(k));
        }
        for (Period p : periods(f.startDate(), f.days())) {
            int from = (int) Math.max(0, ChronoUnit.DAYS.between(f.startDate(), p.start()));
            int to = (int) Math.min(f.days(), ChronoUnit.DAYS.between(f.startDate(), p.end()));
            long nea = 0;
            long careHomeAdmissions = 0;
            long[] byOwner = new long[DelayOwner.values().length];
            for (int d = from; d < to; d++) {
                for (int s = 0; s < nSet; s++) {
                    byOwner[ownerOf[s].ordinal()] += f.awaited(d, s);
                    if (delayedThere[s]) {
                        byOwner[ownerOf[s].ordinal()] += census.occupied(d, s);
                    }
                }
                for (int c = 0; c < nonElective.length; c++) {
                    if (nonElective[c]) {
                        nea += f.acuteAdmissions(d, c);
                    }
                    if (older[c]) {
                        for (int k = 0; k < careHome.length; k++) {
                            if (careHome[k]) {
                                careHomeAdmissions += f.toSink(d, c, k);
                            }
                        }
                    }
                }
            }
            long delayed = 0;
            for (long v : byOwner) {
                delayed += v;
            }
            double days = p.measuredDays();
            double adults = denominator(def.adults(), p);
            double older65 = denominator(def.older(), p);
            Map<String, Double> v = new LinkedHashMap<>();
            v.put(QuarterlyKpi.NON_ELECTIVE_ADMISSIONS.key(), (double) nea);
            v.put(QuarterlyKpi.DELAYED_DAYS.key(), (double) delayed);
            v.put(QuarterlyKpi.DELAYED_DAYS_PER_100K_ADULTS.key(), delayed / adults * 100_000);
            v.put(QuarterlyKpi.DELAYED_PER_DAY.key(), delayed / days);
            v.put(QuarterlyKpi.DELAYED_PER_DAY_PER_100K_ADULTS.key(), delayed / days / adults * 100_000);
            for (DelayOwner o : DelayOwner.values()) {
                v.put(QuarterlyKpi.delayedDays(o).key(), (double) byOwner[o.ordinal()]);
            }
            for (DelayOwner o : DelayOwner.values()) {
                v.put(QuarterlyKpi.delayedPerDayPer100k(o).key(), byOwner[o.ordinal()] / days / adults * 100_000);
            }
            v.put(QuarterlyKpi.CARE_HOME_ADMISSIONS.key(), (double) careHomeAdmissions);
            v.put(QuarterlyKpi.CARE_HOME_ADMISSIONS_PER_100K.key(), careHomeAdmissions / older65 * 100_000);
            out.put(p.label(), v);
        }
        return out;
    }

    /** The denominator of a period: a quarter's year, or a financial year's (its first quarter's). */
    private static double denominator(Population pop, Period p) {
        if (pop == null) {
            return Double.NaN;
        }
        return pop.of(FinancialQuarter.of(p.start()));
    }

    /**
     * The metrics of every replication, with their intervals.
     *
     * @param definition what was counted
     * @param periods the periods, in order
     * @param values per period label and KPI key, the mean and 95 % interval across replications (NaN mean if the
     *     KPI has no denominator)
     * @param atHomeAfterReablement per period label, the share still at home 91 days after discharge into
     *     reablement ({@link AtHomeAfterReablement}); empty when the scenario does not name its reablement settings
     */
    public record Summary(QuarterlyDefinition definition, List<Period> periods,
            Map<String, Map<String, ConfidenceInterval>> values,
            Map<String, org.bedsim.stats.ProportionInterval> atHomeAfterReablement) {

        /** Freezes. */
        public Summary {
            periods = List.copyOf(periods);
            atHomeAfterReablement = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(atHomeAfterReablement));
        }

        /** A summary without the reablement outcome. */
        public Summary(QuarterlyDefinition definition, List<Period> periods,
                Map<String, Map<String, ConfidenceInterval>> values) {
            this(definition, periods, values, Map.of());
        }

        /** @return true if the share at home 91 days after reablement was modelled */
        public boolean hasReablement() {
            return !atHomeAfterReablement.isEmpty();
        }

        /** @return the interval of a KPI in a period */
        public ConfidenceInterval get(String period, QuarterlyKpi kpi) {
            return values.get(period).get(kpi.key());
        }

        /** @return true if the adult population is given (rates of delays are defined) */
        public boolean hasAdults() {
            return definition.adults() != null;
        }
    }

    /**
     * Discharges from acute settings by the discharge pathway of where they went (0-3), over the measured period; a
     * destination without a pathway (death, another acute setting, a setting the scenario leaves unlabelled) is not
     * counted.
     *
     * @return per pathway 0 to 3, the mean and 95 % interval across replications of discharges and of their share
     *     among the discharges counted: {@code [pathway][0]} count, {@code [pathway][1]} share
     */
    public static ConfidenceInterval[][] dischargesByPathway(FlowSummary summary, QuarterlyDefinition def) {
        int n = summary.replications().size();
        double[][] counts = new double[4][n];
        double[][] shares = new double[4][n];
        for (int i = 0; i < n; i++) {
            FlowResult r = summary.replications().get(i);
            double total = 0;
            for (org.bedsim.model.SettingResult x : r.settings()) {
                if (summary.settings().setting(x.setting()).kind() != org.bedsim.model.SettingKind.ACUTE) {
                    continue;
                }
                for (Map.Entry<String, Long> e : x.dischargesTo().entrySet()) {
                    Integer p = def.pathways().get(e.getKey());
                    if (p != null) {
                        counts[p][i] += e.getValue();
                        total += e.getValue();
                    }
                }
            }
            for (int p = 0; p < 4; p++) {
                shares[p][i] = total == 0 ? 0 : counts[p][i] / total;
            }
        }
        ConfidenceInterval[][] out = new ConfidenceInterval[4][2];
        for (int p = 0; p < 4; p++) {
            out[p][0] = ConfidenceInterval.of(counts[p], summary.level());
            out[p][1] = ConfidenceInterval.of(shares[p], summary.level());
        }
        return out;
    }

    /**
     * @param listeners the reablement outcome's listener of every replication of the run, in replication order
     * @return the metrics of every replication of a run, summarised, with the share still at home 91 days after
     *     discharge into reablement by period
     */
    public static Summary summarise(FlowSummary summary, QuarterlyDefinition def,
            List<AtHomeAfterReablement> listeners) {
        if (listeners.size() != summary.replications().size()) {
            throw new IllegalArgumentException(listeners.size() + " reablement listeners for "
                    + summary.replications().size() + " replications");
        }
        Summary s = summarise(summary, def);
        DailyFlows first = summary.replications().get(0).daily();
        return new Summary(def, s.periods(), s.values(), AtHomeAfterReablement.summarise(listeners,
                first.startDate(), first.days(), summary.level()));
    }

    /** @return the metrics of every replication of a run, summarised */
    public static Summary summarise(FlowSummary summary, QuarterlyDefinition def) {
        List<Map<String, Map<String, Double>>> reps = new ArrayList<>();
        for (FlowResult r : summary.replications()) {
            reps.add(compute(r, def));
        }
        DailyFlows first = summary.replications().get(0).daily();
        List<Period> periods = periods(first.startDate(), first.days());
        Map<String, Map<String, ConfidenceInterval>> values = new LinkedHashMap<>();
        for (Period p : periods) {
            Map<String, ConfidenceInterval> m = new LinkedHashMap<>();
            for (QuarterlyKpi k : QuarterlyKpi.all()) {
                double[] xs = reps.stream().mapToDouble(x -> x.get(p.label()).get(k.key())).toArray();
                m.put(k.key(), allFinite(xs) ? ConfidenceInterval.of(xs, summary.level())
                        : new ConfidenceInterval(Double.NaN, Double.NaN, summary.level(), xs.length));
            }
            values.put(p.label(), m);
        }
        return new Summary(def, periods, values);
    }

    private static boolean allFinite(double[] xs) {
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
