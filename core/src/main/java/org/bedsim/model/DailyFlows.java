package org.bedsim.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Day-by-day flows of one replication, beside the midnight census, for measures planners report by period (the
 * Better Care Fund's quarters): delayed patients at midnight by the setting they await, admissions from outside into
 * acute settings by cohort, and patients reaching each sink by cohort. Day d is {@code startDate + d}: the census
 * part is its closing midnight, the counts are of events during it.
 *
 * @param startDate first measured day
 * @param settings non-sink setting names (the awaited settings), in column order
 * @param cohorts cohort names, in column order
 * @param sinks sink names, in column order
 * @param awaited delayed patients at midnight awaiting each setting (wherever they are held), [day * settings + s]
 * @param acuteAdmissions admissions from outside into settings of kind acute, [day * cohorts + c]
 * @param toSinks patients reaching a sink, [(day * cohorts + c) * sinks + k]
 */
public record DailyFlows(LocalDate startDate, List<String> settings, List<String> cohorts, List<String> sinks,
        int[] awaited, int[] acuteAdmissions, int[] toSinks) {

    /** Validates shapes and copies. */
    public DailyFlows {
        settings = List.copyOf(settings);
        cohorts = List.copyOf(cohorts);
        sinks = List.copyOf(sinks);
        int days = settings.isEmpty() ? 0 : awaited.length / settings.size();
        if (awaited.length != days * settings.size() || acuteAdmissions.length != days * cohorts.size()
                || toSinks.length != days * cohorts.size() * sinks.size()) {
            throw new IllegalArgumentException("daily flow arrays must have days x columns entries");
        }
        awaited = awaited.clone();
        acuteAdmissions = acuteAdmissions.clone();
        toSinks = toSinks.clone();
    }

    /** @return flows of no days (for results built without them) */
    public static DailyFlows none(LocalDate startDate) {
        return new DailyFlows(startDate, List.of(), List.of(), List.of(), new int[0], new int[0], new int[0]);
    }

    /** @return number of days */
    public int days() {
        return settings.isEmpty() ? 0 : awaited.length / settings.size();
    }

    /** @return delayed patients at the midnight ending day d who await setting s (by column) */
    public int awaited(int day, int setting) {
        return awaited[day * settings.size() + setting];
    }

    /** @return admissions from outside into acute settings of cohort c during day d */
    public int acuteAdmissions(int day, int cohort) {
        return acuteAdmissions[day * cohorts.size() + cohort];
    }

    /** @return patients of cohort c reaching sink k during day d */
    public int toSink(int day, int cohort, int sink) {
        return toSinks[(day * cohorts.size() + cohort) * sinks.size() + sink];
    }

    @Override
    public int[] awaited() {
        return awaited.clone();
    }

    @Override
    public int[] acuteAdmissions() {
        return acuteAdmissions.clone();
    }

    @Override
    public int[] toSinks() {
        return toSinks.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyFlows f && startDate.equals(f.startDate) && settings.equals(f.settings)
                && cohorts.equals(f.cohorts) && sinks.equals(f.sinks) && Arrays.equals(awaited, f.awaited)
                && Arrays.equals(acuteAdmissions, f.acuteAdmissions) && Arrays.equals(toSinks, f.toSinks);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(awaited) * 31 + Arrays.hashCode(acuteAdmissions)) * 31 + Arrays.hashCode(toSinks);
    }

    @Override
    public String toString() {
        return "DailyFlows[" + days() + " days from " + startDate + "]";
    }
}
