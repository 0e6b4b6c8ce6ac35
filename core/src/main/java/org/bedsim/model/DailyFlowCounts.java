package org.bedsim.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The counters behind {@link DailyFlows}, filled by {@link FlowModel} while it measures: preallocated arrays indexed
 * by measured day, no allocation per event. An event at clock time t falls on measured day
 * {@code floor(t) - warmupDays}; events outside the measured days are ignored.
 */
final class DailyFlowCounts {
    private final List<String> settings;
    private final List<String> cohorts;
    private final List<String> sinks;
    private final boolean[] acute;
    private final int warmupDays;
    private final int days;
    private final int nSet;
    private final int nCohorts;
    private final int nSinks;
    private final int[] awaited;
    private final int[] acuteAdmissions;
    private final int[] toSinks;

    DailyFlowCounts(FlowSettings cfg, List<CareSetting> nonSinks, List<CareSetting> sinkSettings, int warmupDays,
            int days) {
        this.settings = nonSinks.stream().map(CareSetting::name).toList();
        this.cohorts = cfg.cohorts().stream().map(Cohort::name).toList();
        this.sinks = sinkSettings.stream().map(CareSetting::name).toList();
        this.nSet = settings.size();
        this.nCohorts = cohorts.size();
        this.nSinks = sinks.size();
        this.acute = new boolean[nSet];
        for (int s = 0; s < nSet; s++) {
            acute[s] = nonSinks.get(s).kind() == SettingKind.ACUTE;
        }
        this.warmupDays = warmupDays;
        this.days = days;
        this.awaited = new int[days * nSet];
        this.acuteAdmissions = new int[days * nCohorts];
        this.toSinks = new int[days * nCohorts * nSinks];
    }

    private int day(double now) {
        return (int) Math.floor(now) - warmupDays;
    }

    /** An admission from outside of a patient of cohort c into setting s. */
    void admitted(double now, int cohort, int setting) {
        int d = day(now);
        if (acute[setting] && d >= 0 && d < days) {
            acuteAdmissions[d * nCohorts + cohort]++;
        }
    }

    /** A patient of cohort c reached sink k (index among the sinks). */
    void reachedSink(double now, int cohort, int sink) {
        int d = day(now);
        if (d >= 0 && d < days) {
            toSinks[(d * nCohorts + cohort) * nSinks + sink]++;
        }
    }

    /** At the midnight ending measured day d, n patients are delayed awaiting setting s. */
    void awaiting(int d, int setting, int n) {
        awaited[d * nSet + setting] = n;
    }

    DailyFlows result(LocalDate startDate) {
        return new DailyFlows(startDate, settings, cohorts, sinks, awaited, acuteAdmissions, toSinks);
    }
}
