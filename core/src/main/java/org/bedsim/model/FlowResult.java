package org.bedsim.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one replication of the flow model measured over the measured period.
 *
 * @param replication replication number
 * @param settings one result per non-sink setting, in the order of the configuration
 * @param census the daily midnight census
 * @param arrivals patients who arrived from outside (before avoidance), readmissions included
 * @param avoided arrivals avoided and removed from the system (not redirected)
 * @param readmissions arrivals that were readmissions
 * @param toSinks patients who reached each sink (home, died, ...)
 * @param refused arrivals turned away, all settings
 * @param cancelled elective bookings cancelled, all settings
 * @param inSystemAtStart patients in a bed, waiting or booked-but-deferred when measurement began
 * @param inSystemAtEnd the same when it ended
 * @param meanSystemStayDays mean time from arrival to a sink of patients who reached a sink (delays included)
 * @param events events executed in the measured period
 * @param daily day-by-day flows (delays by awaited setting, acute admissions and sinks by cohort)
 * @param waits waits for a bed day by day (null if not measured)
 * @param redirected arrivals avoided and cared for in another setting instead ({@code redirect_to}); they are not
 *     in {@code avoided}, since they stay in the system
 */
public record FlowResult(int replication, List<SettingResult> settings, CensusSeries census, long arrivals,
        long avoided, long readmissions, Map<String, Long> toSinks, long refused, long cancelled,
        long inSystemAtStart, long inSystemAtEnd, double meanSystemStayDays, long events, DailyFlows daily,
        WaitSeries waits, long redirected) {

    /** Freezes. */
    public FlowResult {
        settings = List.copyOf(settings);
        toSinks = Collections.unmodifiableMap(new LinkedHashMap<>(toSinks));
        if (daily == null) {
            daily = DailyFlows.none(census.startDate());
        }
    }

    /** A result without redirected arrivals counted. */
    public FlowResult(int replication, List<SettingResult> settings, CensusSeries census, long arrivals,
            long avoided, long readmissions, Map<String, Long> toSinks, long refused, long cancelled,
            long inSystemAtStart, long inSystemAtEnd, double meanSystemStayDays, long events, DailyFlows daily,
            WaitSeries waits) {
        this(replication, settings, census, arrivals, avoided, readmissions, toSinks, refused, cancelled,
                inSystemAtStart, inSystemAtEnd, meanSystemStayDays, events, daily, waits, 0);
    }

    /** @return arrivals avoided in all: removed from the system or redirected to another setting */
    public long avoidedInAll() {
        return avoided + redirected;
    }

    /** A result without a daily wait series. */
    public FlowResult(int replication, List<SettingResult> settings, CensusSeries census, long arrivals,
            long avoided, long readmissions, Map<String, Long> toSinks, long refused, long cancelled,
            long inSystemAtStart, long inSystemAtEnd, double meanSystemStayDays, long events, DailyFlows daily) {
        this(replication, settings, census, arrivals, avoided, readmissions, toSinks, refused, cancelled,
                inSystemAtStart, inSystemAtEnd, meanSystemStayDays, events, daily, null);
    }

    /** A result without day-by-day flows. */
    public FlowResult(int replication, List<SettingResult> settings, CensusSeries census, long arrivals,
            long avoided, long readmissions, Map<String, Long> toSinks, long refused, long cancelled,
            long inSystemAtStart, long inSystemAtEnd, double meanSystemStayDays, long events) {
        this(replication, settings, census, arrivals, avoided, readmissions, toSinks, refused, cancelled,
                inSystemAtStart, inSystemAtEnd, meanSystemStayDays, events, null, null);
    }

    /** @return the result of a setting by name */
    public SettingResult setting(String name) {
        for (SettingResult r : settings) {
            if (r.setting().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no setting " + name);
    }

    /** @return patients who reached any sink */
    public long reachedSinks() {
        return toSinks.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Conservation over the measured period: present at the start, plus arrivals, minus those avoided, refused,
     * cancelled, gone to a sink or present at the end. Exactly zero for a correct model.
     */
    public long flowImbalance() {
        return inSystemAtStart + arrivals - avoided - refused - cancelled - reachedSinks() - inSystemAtEnd;
    }
}
