package org.bedsim.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeDescribeTest {

    @Test
    void describe_eachKindOfChange_readsAsASentenceFragment() {
        assertEquals("arrivals grow by age band: adults +1.36 %, older +8.79 %",
                new Change.DemographicGrowth(Map.of("older", Parameter.of(0.0879), "adults", Parameter.of(0.0136)))
                        .describe());
        assertEquals("arrivals of every cohort grow [+0.50 %, +1.50 %] a year over 4 years",
                new Change.VolumeGrowth(new Parameter(0.005, 0.015), 4, null).describe());
        assertEquals("36.40 % of risk's admissions avoided, cared for in ics instead",
                new Change.AdmissionAvoidance("risk", Parameter.of(0.364), "ics").describe());
        assertEquals("stays of older in lri: mean -20.60 % capped at 30 days",
                new Change.LengthOfStayChange("older", "lri", Parameter.of(-0.206), 30.0, null).describe());
        assertEquals("general merged into glenfield",
                new Change.MergeSettings(List.of("general", "glenfield"), "glenfield", null).describe());
        assertEquals("ward set to 21 beds", new Change.CapacityChange("ward", 21).describe());
        assertEquals("target occupancy 90.00 %", new Change.OccupancyTarget(Parameter.of(0.9)).describe());
    }
}
