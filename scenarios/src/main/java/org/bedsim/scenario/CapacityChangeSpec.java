package org.bedsim.scenario;

import java.time.LocalDate;

/** A setting's beds from a date on (a ward opening or closing, sites merging). */
public record CapacityChangeSpec(
        @Key(doc = "The first day with the new capacity, inside the measured period.")
        LocalDate from,
        @Key(doc = "Beds from that day on.", min = 0, max = 1_000_000)
        Integer beds,
        @Key(doc = "Id of the source (in 'sources') of this change.", required = false, pattern = Key.NAME)
        String source) {
}
