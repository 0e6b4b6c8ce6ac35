package org.bedsim.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Waits for a bed day by day in one replication: for each measured day and setting, non-elective arrivals from
 * outside admitted that day, those of them who had waited more than the standard and the long threshold, the most
 * patients waiting at once during the day, and whether anyone in the queue had waited longer than the long threshold
 * at some moment of the day. Day d is {@code startDate + d}; arrays are indexed [day * settings + setting].
 *
 * @param startDate first measured day
 * @param settings setting names, in column order (the non-sink settings)
 * @param admitted admitted that day
 * @param overStandard of which after more than the standard threshold
 * @param overLong of which after more than the long threshold
 * @param peakWaiting the most waiting at once
 * @param longWaitDay 1 if someone had waited longer than the long threshold during the day, else 0
 */
public record WaitSeries(LocalDate startDate, List<String> settings, int[] admitted, int[] overStandard,
        int[] overLong, int[] peakWaiting, int[] longWaitDay) {

    /** Validates shapes and copies. */
    public WaitSeries {
        settings = List.copyOf(settings);
        int n = admitted.length;
        if (overStandard.length != n || overLong.length != n || peakWaiting.length != n || longWaitDay.length != n
                || (!settings.isEmpty() && n % settings.size() != 0)) {
            throw new IllegalArgumentException("wait series arrays must have days x settings entries");
        }
        admitted = admitted.clone();
        overStandard = overStandard.clone();
        overLong = overLong.clone();
        peakWaiting = peakWaiting.clone();
        longWaitDay = longWaitDay.clone();
    }

    /** @return number of days */
    public int days() {
        return settings.isEmpty() ? 0 : admitted.length / settings.size();
    }

    /** @return the column of a setting */
    public int column(String setting) {
        int i = settings.indexOf(setting);
        if (i < 0) {
            throw new IllegalArgumentException("no setting " + setting);
        }
        return i;
    }

    /** @return admitted on a day in a setting (by column) */
    public int admitted(int day, int setting) {
        return admitted[day * settings.size() + setting];
    }

    /** @return admitted after more than the standard threshold on a day */
    public int overStandard(int day, int setting) {
        return overStandard[day * settings.size() + setting];
    }

    /** @return admitted after more than the long threshold on a day */
    public int overLong(int day, int setting) {
        return overLong[day * settings.size() + setting];
    }

    /** @return the most waiting at once on a day */
    public int peakWaiting(int day, int setting) {
        return peakWaiting[day * settings.size() + setting];
    }

    /** @return true if someone had waited longer than the long threshold during a day */
    public boolean longWaitDay(int day, int setting) {
        return longWaitDay[day * settings.size() + setting] != 0;
    }

    @Override
    public int[] admitted() {
        return admitted.clone();
    }

    @Override
    public int[] overStandard() {
        return overStandard.clone();
    }

    @Override
    public int[] overLong() {
        return overLong.clone();
    }

    @Override
    public int[] peakWaiting() {
        return peakWaiting.clone();
    }

    @Override
    public int[] longWaitDay() {
        return longWaitDay.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaitSeries w && startDate.equals(w.startDate) && settings.equals(w.settings)
                && Arrays.equals(admitted, w.admitted) && Arrays.equals(overStandard, w.overStandard)
                && Arrays.equals(overLong, w.overLong) && Arrays.equals(peakWaiting, w.peakWaiting)
                && Arrays.equals(longWaitDay, w.longWaitDay);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(overLong) * 31 + Arrays.hashCode(peakWaiting);
    }

    @Override
    public String toString() {
        return "WaitSeries[" + days() + " days x " + settings.size() + " settings from " + startDate + "]";
    }
}
