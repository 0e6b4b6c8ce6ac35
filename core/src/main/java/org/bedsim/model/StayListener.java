package org.bedsim.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Receives every stay of one replication as it ends, and the stays still open when the run ends: a patient-level
 * log out of the model (for {@code bedsim run --spells-out}, audits and the tests that fit the model's own output).
 *
 * <p>Implementation notes: the model calls {@link #stay} from the place a patient leaves a bed, behind a single
 * null check, so a run without a listener pays nothing. Times are clock days: day 0 is the first day of the warm-up
 * ({@link #begin} gives its date), so a time {@code t} is {@code day0 + t} days. Indices name places in the order of
 * {@link #begin}'s {@code places} (care settings first, then sinks) and cohorts in the order of the settings.
 */
public interface StayListener {

    /**
     * Called once before the run.
     *
     * @param day0 the date of clock day 0 (the first day of the warm-up)
     * @param warmupDays days of warm-up before the measured period
     * @param places care settings, then sinks
     * @param cohorts cohort names
     */
    void begin(LocalDate day0, int warmupDays, List<String> places, List<String> cohorts);

    /**
     * One stay in one care setting.
     *
     * @param cohort the patient's cohort
     * @param readmission whether the patient is a readmission
     * @param patient the patient's number within its cohort (and readmission flag) in this replication
     * @param setting where the stay was
     * @param transfer whether the patient came from another care setting (else from outside)
     * @param admittedAt when the stay began, clock days
     * @param readyAt when the patient was ready to leave (the stay's end without delay), clock days
     * @param leftAt when the patient left, clock days; NaN when still in at the end of the run
     * @param to where the patient went, a place index; -1 when still in
     */
    void stay(int cohort, boolean readmission, long patient, int setting, boolean transfer, double admittedAt,
            double readyAt, double leftAt, int to);

    /**
     * A readmitted patient has just arrived (before its first stay is logged): it follows the patient named by
     * {@code fromCohort}, {@code fromReadmission} and {@code fromPatient}, so a log can give both one patient id.
     * Called only for readmissions; the default ignores it.
     *
     * @param cohort the cohort the patient returns to
     * @param patient the returning patient's number among that cohort's readmissions
     * @param fromCohort the cohort of the stay it follows
     * @param fromReadmission whether that patient was itself a readmission
     * @param fromPatient that patient's number
     */
    default void readmitted(int cohort, long patient, int fromCohort, boolean fromReadmission, long fromPatient) {
    }

    /**
     * @param a a listener, or null
     * @param b another, or null
     * @return one listener passing every call to both, in order (the other when one is null; null when both are)
     */
    static StayListener both(StayListener a, StayListener b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new StayListener() {
            @Override
            public void begin(LocalDate day0, int warmupDays, List<String> places, List<String> cohorts) {
                a.begin(day0, warmupDays, places, cohorts);
                b.begin(day0, warmupDays, places, cohorts);
            }

            @Override
            public void stay(int cohort, boolean readmission, long patient, int setting, boolean transfer,
                    double admittedAt, double readyAt, double leftAt, int to) {
                a.stay(cohort, readmission, patient, setting, transfer, admittedAt, readyAt, leftAt, to);
                b.stay(cohort, readmission, patient, setting, transfer, admittedAt, readyAt, leftAt, to);
            }

            @Override
            public void readmitted(int cohort, long patient, int fromCohort, boolean fromReadmission,
                    long fromPatient) {
                a.readmitted(cohort, patient, fromCohort, fromReadmission, fromPatient);
                b.readmitted(cohort, patient, fromCohort, fromReadmission, fromPatient);
            }
        };
    }
}
