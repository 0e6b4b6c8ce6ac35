package org.bedsim.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.model.StayListener;
import org.bedsim.stats.ProportionInterval;

/**
 * The Better Care Fund's reablement outcome, modelled: of the patients of some cohorts (aged 65+) discharged from
 * hospital into reablement or rehabilitation, the share still at home 91 days after that discharge, by the
 * financial quarter and year of the discharge. One instance listens to one replication's stays.
 *
 * <p>Definitions. A patient enters the cohort when a stay in a hospital setting ends with a move into a reablement
 * setting, at a time {@code t0} inside the measured period. The patient is at home at {@code t0 + followUpDays} if
 * they reached a home sink by then; reaching another sink (a care home, death) or still being in a care setting then
 * is not at home. Patients whose follow-up ends after the run are not counted (censored), so a quarter whose
 * discharges cannot all be followed has fewer patients, and none in the last 91 days of the run. A patient home and
 * readmitted before the follow-up ends is followed through the readmission (the model names the stay a readmission
 * follows, {@link StayListener#readmitted}): at home only if home again by then. A readmission the scenario avoids
 * (cared for outside the modelled settings) leaves the patient at home.
 *
 * <p>Implementation notes. Only the patients in the cohort are tracked (a map from the patient's key to the time of
 * its discharge into reablement; those at home are kept by key until their follow-up ends, in case they return), so
 * the cost is in proportion to them, not to every stay.
 */
public final class AtHomeAfterReablement implements StayListener {
    /** The Better Care Fund's follow-up, in days. */
    public static final int BCF_FOLLOW_UP_DAYS = 91;

    private final Set<String> hospitalNames;
    private final Set<String> reablementNames;
    private final Set<String> homeNames;
    private final Set<String> sinkNames;
    private final Set<String> cohortNames;
    private final int followUpDays;
    private boolean[] hospital;
    private boolean[] reablement;
    private boolean[] home;
    private boolean[] sink;
    private boolean[] counted;
    private LocalDate day0;
    private int warmupDays;
    private final Map<Long, Double> pending = new HashMap<>();
    /** Patients who reached home within their follow-up, by key: the time of their discharge into reablement. */
    private final Map<Long, Double> home91 = new HashMap<>();
    /** Readmissions of patients at home, by the new patient's key: {the first patient's key, its discharge time}. */
    private final Map<Long, Return> returning = new HashMap<>();

    /** A readmission of a patient at home: the first patient's key and its discharge time into reablement. */
    private record Return(long from, double t0) {
    }
    /** Patients resolved not at home: discharge time into reablement and 0. */
    private final List<double[]> resolved = new ArrayList<>();

    /**
     * @param hospital settings whose patients leave hospital (acute settings, including beds where fit patients
     *     wait for an assessment)
     * @param reablement settings of reablement or rehabilitation (pathways 1 and 2)
     * @param sinks every sink (where patients leave the system: home, care homes, death)
     * @param home the sinks that are the patient's home
     * @param cohorts cohorts counted (those aged 65+)
     * @param followUpDays days from the discharge to the outcome (91 for the Better Care Fund)
     */
    public AtHomeAfterReablement(Set<String> hospital, Set<String> reablement, Set<String> sinks, Set<String> home,
            Set<String> cohorts, int followUpDays) {
        if (followUpDays < 1) {
            throw new IllegalArgumentException("the follow-up must be at least a day, was " + followUpDays);
        }
        this.hospitalNames = Set.copyOf(hospital);
        this.reablementNames = Set.copyOf(reablement);
        this.homeNames = Set.copyOf(home);
        this.sinkNames = Set.copyOf(sinks);
        this.cohortNames = Set.copyOf(cohorts);
        this.followUpDays = followUpDays;
    }

    @Override
    public void begin(LocalDate day0, int warmupDays, List<String> places, List<String> cohorts) {
        this.day0 = day0;
        this.warmupDays = warmupDays;
        int n = places.size();
        hospital = new boolean[n];
        reablement = new boolean[n];
        home = new boolean[n];
        sink = new boolean[n];
        for (int i = 0; i < n; i++) {
            hospital[i] = hospitalNames.contains(places.get(i));
            reablement[i] = reablementNames.contains(places.get(i));
            home[i] = homeNames.contains(places.get(i));
            sink[i] = sinkNames.contains(places.get(i));
        }
        counted = new boolean[cohorts.size()];
        for (int c = 0; c < counted.length; c++) {
            counted[c] = cohortNames.contains(cohorts.get(c));
        }
    }

    private static long key(int cohort, boolean readmission, long patient) {
        return ((long) cohort << 48) ^ (readmission ? 1L << 47 : 0L) ^ patient;
    }

    @Override
    public void readmitted(int cohort, long patient, int fromCohort, boolean fromReadmission, long fromPatient) {
        long from = key(fromCohort, fromReadmission, fromPatient);
        Double t0 = home91.get(from);
        if (t0 != null) {
            returning.put(key(cohort, true, patient), new Return(from, t0));
        }
    }

    @Override
    public void stay(int cohort, boolean readmission, long patient, int setting, boolean transfer, double admittedAt,
            double readyAt, double leftAt, int to) {
        if (readmission && !returning.isEmpty()) {
            Return back = returning.remove(key(cohort, true, patient));
            if (back != null && admittedAt <= back.t0() + followUpDays) {
                // home, then back in care before the follow-up ends: followed again, as the readmitted patient
                home91.remove(back.from());
                pending.put(key(cohort, true, patient), back.t0());
            }
        }
        if ((!counted[cohort] && !readmission) || Double.isNaN(leftAt) || to < 0) {
            return; // not followed, or still in care at the end of the run (pending patients are decided in counts())
        }
        long key = key(cohort, readmission, patient);
        if (counted[cohort] && hospital[setting] && reablement[to] && leftAt >= warmupDays
                && !pending.containsKey(key)) {
            pending.put(key, leftAt);
            return;
        }
        Double t0 = pending.get(key);
        if (t0 != null && isSink(to)) {
            pending.remove(key);
            if (home[to] && leftAt <= t0 + followUpDays) {
                home91.put(key, t0);
            } else {
                resolved.add(new double[] {t0, 0});
            }
        }
    }

    private boolean isSink(int place) {
        return sink[place];
    }

    /**
     * @param startDate first measured day
     * @param measuredDays days measured
     * @return per period label (quarters, then financial years, as {@link QuarterlyMetrics#periods}): {patients at
     *     home at the follow-up, patients followed up}
     */
    public Map<String, long[]> counts(LocalDate startDate, int measuredDays) {
        double end = warmupDays + measuredDays;
        List<double[]> all = new ArrayList<>(resolved);
        for (double t0 : home91.values()) {
            all.add(new double[] {t0, 1});
        }
        for (double t0 : pending.values()) {
            all.add(new double[] {t0, 0}); // never reached a sink: still in care at the follow-up (if it ended)
        }
        Map<String, long[]> out = new LinkedHashMap<>();
        for (QuarterlyMetrics.Period p : QuarterlyMetrics.periods(startDate, measuredDays)) {
            out.put(p.label(), new long[2]);
        }
        for (double[] r : all) {
            if (r[0] + followUpDays > end) {
                continue; // censored: the follow-up ends after the run
            }
            LocalDate d = day0.plusDays((long) Math.floor(r[0]));
            for (QuarterlyMetrics.Period p : QuarterlyMetrics.periods(startDate, measuredDays)) {
                if (!d.isBefore(p.start()) && d.isBefore(p.end())) {
                    long[] c = out.get(p.label());
                    c[0] += (long) r[1];
                    c[1]++;
                }
            }
        }
        return out;
    }

    /**
     * @param replications one listener per replication, each after its run
     * @param startDate first measured day
     * @param measuredDays days measured
     * @param level confidence level
     * @return per period label, the share at home with its interval over replications ({@link ProportionInterval})
     */
    public static Map<String, ProportionInterval> summarise(List<AtHomeAfterReablement> replications,
            LocalDate startDate, int measuredDays, double level) {
        List<Map<String, long[]>> counts = new ArrayList<>();
        for (AtHomeAfterReablement r : replications) {
            counts.add(r.counts(startDate, measuredDays));
        }
        Map<String, ProportionInterval> out = new LinkedHashMap<>();
        for (String period : counts.get(0).keySet()) {
            long[] k = new long[counts.size()];
            long[] n = new long[counts.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = counts.get(i).get(period)[0];
                n[i] = counts.get(i).get(period)[1];
            }
            out.put(period, ProportionInterval.of(k, n, level));
        }
        return out;
    }
}
