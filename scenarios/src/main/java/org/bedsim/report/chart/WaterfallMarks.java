package org.bedsim.report.chart;

import java.util.Map;
import java.util.Set;

/**
 * What a scenario says about a bridge's bars beside the model, for the waterfall and trajectory charts: the published
 * figure for a total or a step (drawn as a marker, so the reader sees model against plan) and which steps rest on a
 * calibrated input (drawn hatched). The charts only draw these; where they come from is the scenario's business.
 *
 * @param publishedBase the published beds of the base year, or null
 * @param publishedFinal the published beds of the final year, or null
 * @param publishedChanges the published change in beds of a step, by step id (absent when not published)
 * @param calibratedSteps ids of the steps whose size rests on a calibrated input
 */
public record WaterfallMarks(Double publishedBase, Double publishedFinal, Map<String, Double> publishedChanges,
        Set<String> calibratedSteps) {

    /** No published figures, no calibrated steps. */
    public static final WaterfallMarks NONE = new WaterfallMarks(null, null, Map.of(), Set.of());

    /** Freezes and validates. */
    public WaterfallMarks {
        publishedChanges = Map.copyOf(publishedChanges);
        calibratedSteps = Set.copyOf(calibratedSteps);
        for (Double d : new Double[] {publishedBase, publishedFinal}) {
            if (d != null && !Double.isFinite(d)) {
                throw new IllegalArgumentException("a published figure must be a finite number, was " + d);
            }
        }
        publishedChanges.values().forEach(d -> {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("a published change must be a finite number, was " + d);
            }
        });
    }

    /** @return true if there is any published figure to draw */
    public boolean anyPublished() {
        return publishedBase != null || publishedFinal != null || !publishedChanges.isEmpty();
    }
}
