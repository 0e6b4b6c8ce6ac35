package org.bedsim.spells;

/**
 * Links each patient's stays by patient id to find readmissions within 30 days of a discharge home, as the model
 * generates them: a patient of a cohort discharged home (from whichever setting the episode ends in) returns, within
 * the window, as an arrival from outside of some cohort.
 *
 * <p>Implementation notes: an extract need not be sorted, so every accepted row that has a patient id is kept as a
 * record (a 64-bit hash of the id, admission and discharge instants, its arrival cohort or -1 for a transfer, whether
 * it went home, and its place in the file) in a {@link RecordSort}: a buffer of bounded size, sorted and spilled to a
 * temporary file when full, so memory does not grow with the rows. The records come back ordered by (patient,
 * admission, place in the file) and each patient's rows are walked once, as they come. A discharge home counts in a
 * cohort's denominator only when the whole window after it lies inside the extract (a later discharge cannot show
 * its readmission), so the share is not biased low at the end. The next arrival of the same patient within the window
 * is its readmission; it is also removed from its cohort's arrivals when it joins the cohort the origin's
 * readmissions are written to (the most frequent), so the fitted scenario does not count it twice.
 */
final class ReadmissionLinks {
    /** The window, days. */
    static final double WINDOW = 30;

    private final RecordSort rows;
    private final long[] record = new long[5];

    /**
     * @param capacity records kept in memory before a sorted run is written to {@code temp}
     * @param temp where runs go
     */
    ReadmissionLinks(int capacity, RecordSort.TempFolder temp) {
        rows = new RecordSort(5, 3, capacity, temp);
    }

    /** Counts of one origin cohort. */
    static final class Counts {
        /** discharges home with the whole window inside the extract */
        long followed;
        /** of those, readmitted within the window */
        long readmitted;
        /** of those, readmitted into each cohort (by cohort index) */
        long[] into = new long[0];
        /** the cohort readmissions are modelled to join (most frequent), -1 for none */
        int target = -1;
        /** of {@code readmitted}, into {@code target} */
        long intoTarget;
        /** readmissions (followed or not) removed from the target's arrivals */
        long removed;
    }

    long size() {
        return rows.size();
    }

    /** Deletes the rows' runs on disk, if any. */
    void discard() {
        rows.discard();
    }

    /** @return whether rows were spilled to disk */
    boolean spilled() {
        return rows.spilled();
    }

    /**
     * @param id the patient id's hash
     * @param admittedAt days since the epoch
     * @param dischargedAt days since the epoch, NaN when still in
     * @param arrivalCohort the row's cohort index when it is an arrival from outside, -1 for a transfer
     * @param toHome whether the stay ended with a discharge home
     */
    void add(long id, double admittedAt, double dischargedAt, int arrivalCohort, boolean toHome) {
        record[0] = id;
        record[1] = Double.doubleToLongBits(admittedAt); // admissions are after 1990: positive, ordered as longs
        record[2] = rows.size();
        record[3] = Double.doubleToRawLongBits(dischargedAt);
        record[4] = ((long) arrivalCohort << 1) | (toHome ? 1 : 0);
        rows.add(record);
    }

    /**
     * Links the rows and takes the readmissions modelled as a return flow out of the daily arrivals.
     *
     * @param end the instant the extract ends
     * @param cohorts the number of arrival cohorts
     * @param arrivalDay the day index of an instant in {@code arrivals}
     * @param arrivals each cohort's daily arrivals, by cohort index
     * @return counts per origin cohort index
     */
    Counts[] link(double end, int cohorts, java.util.function.DoubleToIntFunction arrivalDay, long[][] arrivals) {
        Counts[] counts = new Counts[cohorts];
        for (int c = 0; c < cohorts; c++) {
            counts[c] = new Counts();
            counts[c].into = new long[cohorts];
        }
        // pass 1: count; pass 2: remove the readmissions into each origin's target from the target's arrivals
        for (int pass = 0; pass < 2; pass++) {
            try (RecordSort.Cursor c = rows.sorted()) {
                Walk w = new Walk();
                long[] r = new long[5];
                boolean first = true;
                long patient = 0;
                while (c.next(r)) {
                    if (first || r[0] != patient) {
                        w.reset();
                        patient = r[0];
                        first = false;
                    }
                    w.row(Double.longBitsToDouble(r[1]), Double.longBitsToDouble(r[3]), (int) (r[4] >> 1),
                            (r[4] & 1) != 0, end, counts, pass, arrivalDay, arrivals);
                }
            }
            if (pass == 0) {
                for (Counts k : counts) {
                    long best = 0;
                    for (int c = 0; c < cohorts; c++) {
                        if (k.into[c] > best) {
                            best = k.into[c];
                            k.target = c;
                        }
                    }
                    k.intoTarget = best;
                }
            }
        }
        return counts;
    }

    /** One patient's rows, met in admission order. */
    private static final class Walk {
        private int episode = -1;
        private double homeAt = Double.NaN;
        private int homeOrigin = -1;
        private boolean homeFollowed;

        void reset() {
            episode = -1;
            homeAt = Double.NaN;
            homeOrigin = -1;
            homeFollowed = false;
        }

        void row(double in, double out, int cohort, boolean home, double end, Counts[] counts, int pass,
                java.util.function.DoubleToIntFunction arrivalDay, long[][] arrivals) {
            if (cohort >= 0) {
                if (homeOrigin >= 0 && in >= homeAt && in - homeAt <= WINDOW) {
                    Counts o = counts[homeOrigin];
                    if (pass == 0) {
                        if (homeFollowed) {
                            o.readmitted++;
                            o.into[cohort]++;
                        }
                    } else if (cohort == o.target) {
                        arrivals[cohort][arrivalDay.applyAsInt(in)]--;
                        o.removed++;
                    }
                }
                homeOrigin = -1;
                episode = cohort;
            }
            if (home && episode >= 0 && !Double.isNaN(out)) {
                homeAt = out;
                homeOrigin = episode;
                homeFollowed = out + WINDOW <= end;
                if (pass == 0 && homeFollowed) {
                    counts[episode].followed++;
                }
            }
        }
    }
}
