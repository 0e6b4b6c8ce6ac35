package org.bedsim.spells;

import java.util.Arrays;

/**
 * Links each patient's stays by patient id to find readmissions within 30 days of a discharge home, as the model
 * generates them: a patient of a cohort discharged home (from whichever setting the episode ends in) returns, within
 * the window, as an arrival from outside of some cohort.
 *
 * <p>Implementation notes: an extract need not be sorted, so every accepted row that has a patient id keeps 29
 * bytes in primitive arrays (a 64-bit hash of the id, admission and discharge instants, its arrival cohort or -1 for
 * a transfer, whether it went home) until the end of the file; then the rows are ordered by (patient, admission) by
 * one primitive sort of packed (hash, row) keys, and each patient's rows are walked once. A discharge home counts in a
 * cohort's denominator only when the whole window after it lies inside the extract (a later discharge cannot show
 * its readmission), so the share is not biased low at the end. The next arrival of the same patient within the window
 * is its readmission; it is also removed from its cohort's arrivals when it joins the cohort the origin's
 * readmissions are written to (the most frequent), so the fitted scenario does not count it twice.
 */
final class ReadmissionLinks {
    /** The window, days. */
    static final double WINDOW = 30;

    private long[] patient = new long[1 << 12];
    private double[] in = new double[1 << 12];
    private double[] out = new double[1 << 12];
    private int[] cohort = new int[1 << 12];
    private boolean[] home = new boolean[1 << 12];
    private int size;

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

    int size() {
        return size;
    }

    /**
     * @param id the patient id's hash
     * @param admittedAt days since the epoch
     * @param dischargedAt days since the epoch, NaN when still in
     * @param arrivalCohort the row's cohort index when it is an arrival from outside, -1 for a transfer
     * @param toHome whether the stay ended with a discharge home
     */
    void add(long id, double admittedAt, double dischargedAt, int arrivalCohort, boolean toHome) {
        if (size == patient.length) {
            int n = size << 1;
            patient = Arrays.copyOf(patient, n);
            in = Arrays.copyOf(in, n);
            out = Arrays.copyOf(out, n);
            cohort = Arrays.copyOf(cohort, n);
            home = Arrays.copyOf(home, n);
        }
        patient[size] = id;
        in[size] = admittedAt;
        out[size] = dischargedAt;
        cohort[size] = arrivalCohort;
        home[size] = toHome;
        size++;
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
        int[] order = order();
        // pass 1: count; pass 2: remove the readmissions into each origin's target from the target's arrivals
        for (int pass = 0; pass < 2; pass++) {
            int i = 0;
            while (i < size) {
                int j = i;
                while (j < size && patient[order[j]] == patient[order[i]]) {
                    j++;
                }
                walk(order, i, j, end, counts, pass, arrivalDay, arrivals);
                i = j;
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

    /** One patient's rows, {@code order[from..to)}, in admission order. */
    private void walk(int[] order, int from, int to, double end, Counts[] counts, int pass,
            java.util.function.DoubleToIntFunction arrivalDay, long[][] arrivals) {
        int episode = -1;
        double homeAt = Double.NaN;
        int homeOrigin = -1;
        boolean homeFollowed = false;
        for (int k = from; k < to; k++) {
            int r = order[k];
            if (cohort[r] >= 0) {
                if (homeOrigin >= 0 && in[r] >= homeAt && in[r] - homeAt <= WINDOW) {
                    Counts o = counts[homeOrigin];
                    if (pass == 0) {
                        if (homeFollowed) {
                            o.readmitted++;
                            o.into[cohort[r]]++;
                        }
                    } else if (cohort[r] == o.target) {
                        arrivals[cohort[r]][arrivalDay.applyAsInt(in[r])]--;
                        o.removed++;
                    }
                }
                homeOrigin = -1;
                episode = cohort[r];
            }
            if (home[r] && episode >= 0 && !Double.isNaN(out[r])) {
                homeAt = out[r];
                homeOrigin = episode;
                homeFollowed = out[r] + WINDOW <= end;
                if (pass == 0 && homeFollowed) {
                    counts[episode].followed++;
                }
            }
        }
    }

    /** @return row indices ordered by (patient hash, admission) */
    private int[] order() {
        // one primitive sort of packed (upper half of the hash << 32 | row) keys; rows whose upper halves are equal
        // (one patient's, or a rare collision of two patients') are then put in (hash, admission) order
        long[] keys = new long[size];
        for (int r = 0; r < size; r++) {
            keys[r] = (patient[r] & 0xFFFFFFFF00000000L) | r;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int k = 0; k < size; k++) {
            order[k] = (int) keys[k];
        }
        int i = 0;
        while (i < size) {
            long upper = keys[i] & 0xFFFFFFFF00000000L;
            int j = i + 1;
            while (j < size && (keys[j] & 0xFFFFFFFF00000000L) == upper) {
                j++;
            }
            if (j - i > 1) {
                sortRun(order, i, j);
            }
            i = j;
        }
        return order;
    }

    /** Sorts {@code order[from..to)} by (hash, admission): insertion sort for the usual few rows. */
    private void sortRun(int[] order, int from, int to) {
        if (to - from > 32) {
            Integer[] run = new Integer[to - from];
            for (int k = from; k < to; k++) {
                run[k - from] = order[k];
            }
            Arrays.sort(run, (a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
            for (int k = from; k < to; k++) {
                order[k] = run[k - from];
            }
            return;
        }
        for (int a = from + 1; a < to; a++) {
            int v = order[a];
            int b = a - 1;
            while (b >= from && before(v, order[b])) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = v;
        }
    }

    private boolean before(int a, int b) {
        return patient[a] != patient[b] ? patient[a] < patient[b] : in[a] < in[b];
    }
}
