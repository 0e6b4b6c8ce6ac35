package org.bedsim.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * A change of routing from a date of the measured period on, in ordinary runs: exactly one of a site closing, a
 * routing share moved, or readmissions cut. Patients in a closed site finish their stays there; those waiting for
 * its beds move to the receiving setting's queue.
 */
public record RoutingChangeSpec(
        @Key(doc = "The first day with the change, inside the measured period.")
        LocalDate from,
        @Key(doc = "A setting closes: its arrivals and the routes into it go to another setting from that day on.",
                required = false)
        CloseSettingSpec closeSetting,
        @Key(doc = "A share of the patients routed from one place to another after a setting go elsewhere from "
                + "that day on (Home First, discharge to assess, step-down). The share is a number.",
                required = false)
        ShiftRoutingSpec shiftRouting,
        @Key(doc = "Readmissions after a discharge on or after that day cut by a share (a number).",
                required = false)
        ReduceReadmissionsSpec reduceReadmissions,
        @Key(doc = "Id of the source (in 'sources') of this change.", required = false, pattern = Key.NAME)
        String source) {

    /** The keys of which a change has exactly one. */
    static final List<String> KEYS = List.of("close_setting", "shift_routing", "reduce_readmissions");

    /** @return the keys given, in declaration order (a valid change has exactly one) */
    public List<String> keysGiven() {
        List<String> keys = new java.util.ArrayList<>();
        if (closeSetting != null) {
            keys.add("close_setting");
        }
        if (shiftRouting != null) {
            keys.add("shift_routing");
        }
        if (reduceReadmissions != null) {
            keys.add("reduce_readmissions");
        }
        return keys;
    }
}
