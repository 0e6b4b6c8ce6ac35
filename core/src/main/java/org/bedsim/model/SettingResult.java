package org.bedsim.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one replication measured in one setting over the measured period (warm-up discarded). Field names are the
 * stable KPI names of {@link SettingKpi}.
 *
 * @param setting the setting's name
 * @param admissions patients who took a bed here (arrivals from outside, transfers, diverted or redirected patients)
 * @param externalAdmissions of which arrivals from outside (emergency, elective, diverted, redirected, readmitted)
 * @param transfersIn of which transfers from another setting
 * @param refused arrivals turned away because it was full (policy LOSE)
 * @param divertedOut arrivals sent to the divert target because it was full
 * @param cancelled elective bookings cancelled because it was full
 * @param deferred elective bookings deferred to a later working day because it was full (each counted once)
 * @param dischargesTo patients who left, by where they went (next setting or sink)
 * @param bedDays occupied bed-days (delayed patients included)
 * @param meanOccupancy time-weighted mean of occupied beds
 * @param occupancyP50 time-weighted median occupancy
 * @param occupancyP85 time-weighted 85th percentile occupancy
 * @param occupancyP95 time-weighted 95th percentile occupancy
 * @param censusMean mean midnight census (occupied beds at midnight)
 * @param censusP50 median midnight census
 * @param censusP85 85th percentile midnight census
 * @param censusP95 95th percentile midnight census
 * @param waitCount arrivals from outside who waited for a bed here (deferred electives included)
 * @param meanWaitDays mean wait of those who waited, days (0 if none)
 * @param p95WaitDays 95th percentile wait of those who waited, days (0 if none)
 * @param delayedDays bed-days here of patients medically fit but blocked because the next setting was full
 * @param meanDelayedBeds time-weighted mean number of such patients
 * @param delayedDaysByDestination delayed days by the setting awaited
 * @param escalationBedDays bed-days above capacity in escalation beds
 * @param meanDemand time-weighted mean of demand: occupied beds, patients waiting to arrive and patients blocked
 *     elsewhere waiting to transfer in
 * @param bedsRequiredMean mean demand divided by the occupancy target
 * @param bedsRequiredPercentile smallest number of beds that midnight demand exceeds on at most the risk share of days
 * @param shareOfDaysFull share of midnights with every bed (escalation excluded) occupied
 * @param meanStayDays mean stay, days, of patients who left in the measured period (delays included)
 * @param waits waits for a bed in the NHS's measures (4- and 12-hour waits, daily peaks, reneging)
 */
public record SettingResult(String setting, long admissions, long externalAdmissions, long transfersIn, long refused,
        long divertedOut, long cancelled, long deferred, Map<String, Long> dischargesTo, double bedDays,
        double meanOccupancy, int occupancyP50, int occupancyP85, int occupancyP95, double censusMean, int censusP50,
        int censusP85, int censusP95, long waitCount, double meanWaitDays, double p95WaitDays, double delayedDays,
        double meanDelayedBeds, Map<String, Double> delayedDaysByDestination, double escalationBedDays,
        double meanDemand, double bedsRequiredMean, int bedsRequiredPercentile, double shareOfDaysFull,
        double meanStayDays, WaitMeasures waits) {

    /** Freezes the maps (keeping their order). */
    public SettingResult {
        waits = waits == null ? WaitMeasures.NONE : waits;
        dischargesTo = Collections.unmodifiableMap(new LinkedHashMap<>(dischargesTo));
        delayedDaysByDestination = Collections.unmodifiableMap(new LinkedHashMap<>(delayedDaysByDestination));
    }

    /** A result without wait measures (for results built outside the flow model). */
    public SettingResult(String setting, long admissions, long externalAdmissions, long transfersIn, long refused,
            long divertedOut, long cancelled, long deferred, Map<String, Long> dischargesTo, double bedDays,
            double meanOccupancy, int occupancyP50, int occupancyP85, int occupancyP95, double censusMean,
            int censusP50, int censusP85, int censusP95, long waitCount, double meanWaitDays, double p95WaitDays,
            double delayedDays, double meanDelayedBeds, Map<String, Double> delayedDaysByDestination,
            double escalationBedDays, double meanDemand, double bedsRequiredMean, int bedsRequiredPercentile,
            double shareOfDaysFull, double meanStayDays) {
        this(setting, admissions, externalAdmissions, transfersIn, refused, divertedOut, cancelled, deferred,
                dischargesTo, bedDays, meanOccupancy, occupancyP50, occupancyP85, occupancyP95, censusMean, censusP50,
                censusP85, censusP95, waitCount, meanWaitDays, p95WaitDays, delayedDays, meanDelayedBeds,
                delayedDaysByDestination, escalationBedDays, meanDemand, bedsRequiredMean, bedsRequiredPercentile,
                shareOfDaysFull, meanStayDays, WaitMeasures.NONE);
    }

    /** @return arrivals from outside who did not get a bed here because it was full: refused, diverted, cancelled */
    public long turnedAway() {
        return refused + divertedOut + cancelled;
    }

    /**
     * @return the share of arrivals from outside turned away because the setting was full (refused, diverted or
     *     cancelled, out of those and the arrivals from outside admitted): under {@code when_full: lose}, the loss
     *     probability (Erlang B for Poisson arrivals); 0 if nobody arrived
     */
    public double shareTurnedAway() {
        long offered = turnedAway() + externalAdmissions;
        return offered == 0 ? 0 : (double) turnedAway() / offered;
    }

    /** @return all discharges */
    public long discharges() {
        return dischargesTo.values().stream().mapToLong(Long::longValue).sum();
    }
}
