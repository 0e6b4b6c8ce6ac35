package org.bedsim.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The midnight census of one replication: for each measured day and setting, occupied beds, delayed patients (fit
 * but blocked) and patients waiting to arrive. Day d is the midnight at the end of {@code startDate + d}.
 *
 * @param startDate first measured day
 * @param settings setting names, in column order
 * @param occupied occupied beds, [day * settings + setting]
 * @param delayed delayed patients among them
 * @param waiting patients waiting for a bed there (arrivals from outside)
 */
public record CensusSeries(LocalDate startDate, List<String> settings, int[] occupied, int[] delayed,
        int[] waiting) {

    /** Validates shapes and copies. */
    public CensusSeries {
        settings = List.copyOf(settings);
        if (occupied.length != delayed.length || occupied.length != waiting.length
                || (!settings.isEmpty() && occupied.length % settings.size() != 0)) {
            throw new IllegalArgumentException("census arrays must have days x settings entries");
        }
        occupied = occupied.clone();
        delayed = delayed.clone();
        waiting = waiting.clone();
    }

    /** @return number of days */
    public int days() {
        return settings.isEmpty() ? 0 : occupied.length / settings.size();
    }

    /** @return occupied beds on a day in a setting (by column) */
    public int occupied(int day, int setting) {
        return occupied[day * settings.size() + setting];
    }

    /** @return delayed patients on a day in a setting */
    public int delayed(int day, int setting) {
        return delayed[day * settings.size() + setting];
    }

    /** @return waiting patients on a day in a setting */
    public int waiting(int day, int setting) {
        return waiting[day * settings.size() + setting];
    }

    @Override
    public int[] occupied() {
        return occupied.clone();
    }

    @Override
    public int[] delayed() {
        return delayed.clone();
    }

    @Override
    public int[] waiting() {
        return waiting.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CensusSeries c && startDate.equals(c.startDate) && settings.equals(c.settings)
                && Arrays.equals(occupied, c.occupied) && Arrays.equals(delayed, c.delayed)
                && Arrays.equals(waiting, c.waiting);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(occupied) * 31 + settings.hashCode();
    }

    @Override
    public String toString() {
        return "CensusSeries[" + days() + " days x " + settings.size() + " settings from " + startDate + "]";
    }
}
