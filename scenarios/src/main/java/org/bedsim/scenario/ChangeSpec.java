package org.bedsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * One change a bridge step makes to the scenario: exactly one of its keys. Every number that is a parameter (growth,
 * shares, changes of stay, occupancy) may be a range {@code [low, high]}, read as an 80 % interval and drawn once per
 * replication, the same draw in every configuration of the bridge.
 */
public record ChangeSpec(
        @Key(doc = "Demographic growth over the whole bridge by age band, e.g. {older: 0.0877}: arrivals of cohorts "
                + "of that age_band grow by the factor (1 + growth). A number or a range [low, high].",
                required = false, keyPattern = Key.NAME, minItems = 1, min = -1, minExclusive = true, max = 10)
        Map<String, ParameterSpec> demographicGrowth,
        @Key(doc = "Growth beyond demography: a rate a year, compounded.", required = false)
        VolumeGrowthSpec volumeGrowth,
        @Key(doc = "A share of a cohort's admissions avoided, optionally cared for in another setting.",
                required = false)
        AvoidAdmissionsSpec avoidAdmissions,
        @Key(doc = "Lengths of stay in a setting changed: by a fraction of the mean, capped, or replaced.",
                required = false)
        LengthOfStayChangeSpec lengthOfStay,
        @Key(doc = "Settings merged into one (e.g. three acute sites pooled into two).", required = false)
        MergeSettingsSpec mergeSettings,
        @Key(doc = "A setting's beds set to a number (only matters with unconstrained: false).", required = false)
        SetCapacitySpec setCapacity,
        @Key(doc = "A new target occupancy for the mean_occupancy method, e.g. 0.90. A number or a range "
                + "[low, high].", required = false, min = 0, minExclusive = true, max = 1)
        ParameterSpec occupancyTarget,
        @Key(doc = "A share of the patients routed from one place to another after a setting go elsewhere instead "
                + "(Home First, discharge to assess, step-down).", required = false)
        ShiftRoutingSpec shiftRouting,
        @Key(doc = "Readmissions reduced by a share.", required = false)
        ReduceReadmissionsSpec reduceReadmissions,
        @Key(doc = "A setting closes: its arrivals and every route into it go to another setting of any kind, "
                + "which keeps its own beds and count (unlike merge_settings, which pools beds). Applies from half "
                + "way through the phasing.", required = false)
        CloseSettingSpec closeSetting) {

    /** Freezes. */
    public ChangeSpec {
        demographicGrowth = demographicGrowth == null ? null : Specs.frozen(demographicGrowth);
    }

    /** @return the keys given, in declaration order (a valid change has exactly one) */
    public List<String> keysGiven() {
        List<String> keys = new java.util.ArrayList<>();
        if (demographicGrowth != null) {
            keys.add("demographic_growth");
        }
        if (volumeGrowth != null) {
            keys.add("volume_growth");
        }
        if (avoidAdmissions != null) {
            keys.add("avoid_admissions");
        }
        if (lengthOfStay != null) {
            keys.add("length_of_stay");
        }
        if (mergeSettings != null) {
            keys.add("merge_settings");
        }
        if (setCapacity != null) {
            keys.add("set_capacity");
        }
        if (occupancyTarget != null) {
            keys.add("occupancy_target");
        }
        if (shiftRouting != null) {
            keys.add("shift_routing");
        }
        if (reduceReadmissions != null) {
            keys.add("reduce_readmissions");
        }
        if (closeSetting != null) {
            keys.add("close_setting");
        }
        return keys;
    }
}
