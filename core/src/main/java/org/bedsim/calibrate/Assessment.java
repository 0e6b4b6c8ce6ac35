package org.bedsim.calibrate;

import java.util.List;
import java.util.Map;
import org.bedsim.bridge.BridgeResult;

/**
 * What a bridge rests on and how it stands up: the labels of its bars, the calibrations solved for the
 * reconstruction, the prediction from published, independent and assumed inputs (only the base year calibrated),
 * the sensitivity of the prediction's final beds, and the findings in words. Built by the scenario layer, written by
 * the reports.
 *
 * @param labels what each output of the reconstruction rests on
 * @param calibrations the reconstruction's solved inputs, in declared order
 * @param published the published value of each output that has one: "base", a step id, "final"
 * @param prediction the prediction, or null if not computed
 * @param tornado the one-at-a-time sensitivity of the prediction's final beds, or null
 * @param ranking the variance-based ranking of the same inputs, or null
 * @param findings what the calibrations and the prediction say about the plan, in words
 * @param calibrationSource where the solved values come from, in words ("solved now ...", "from cache (hash ...)"),
 *     or null when not said
 */
public record Assessment(Labels labels, List<SolvedInput> calibrations, Map<String, Double> published,
        Prediction prediction, Sensitivity.Tornado tornado, Sensitivity.Ranking ranking, List<String> findings,
        String calibrationSource) {

    /** Freezes. */
    public Assessment {
        calibrations = List.copyOf(calibrations);
        published = Map.copyOf(published);
        findings = List.copyOf(findings);
    }

    /** An assessment that does not say where its solved values come from. */
    public Assessment(Labels labels, List<SolvedInput> calibrations, Map<String, Double> published,
            Prediction prediction, Sensitivity.Tornado tornado, Sensitivity.Ranking ranking, List<String> findings) {
        this(labels, calibrations, published, prediction, tornado, ranking, findings, null);
    }

    /** @return a copy saying where its solved values come from */
    public Assessment withCalibrationSource(String source) {
        return new Assessment(labels, calibrations, published, prediction, tornado, ranking, findings, source);
    }

    /**
     * What each output rests on: the weakest of its inputs.
     *
     * @param base the base year's beds
     * @param bars by step id
     * @param finalBeds the target year's beds (the weakest of the base and the bars)
     * @param reasons why, by "base", step id and "final", in words
     */
    public record Labels(Basis base, Map<String, Basis> bars, Basis finalBeds, Map<String, String> reasons) {
        /** Freezes. */
        public Labels {
            bars = Map.copyOf(bars);
            reasons = Map.copyOf(reasons);
        }

        /** @return the label of a bar (assumed if unknown) */
        public Basis bar(String stepId) {
            return bars.getOrDefault(stepId, Basis.ASSUMED);
        }
    }

    /**
     * One solved input, as reported.
     *
     * @param id the calibration's id
     * @param label what it is, in words
     * @param paths the numbers it sets or scales
     * @param scale true if the value multiplies them
     * @param solved the solution
     * @param targetSource where the target comes from, in words (the source's citation)
     * @param predictionValue the value the prediction uses instead: the file's (low, high), or null when the
     *     prediction solves it too (a base-year calibration)
     * @param predictionBasis what that value rests on
     * @param evidence the range independent evidence supports, or null
     * @param evidenceSource where the evidence comes from, or null
     * @param plausible true if the solved value lies within the evidence, false if outside, null without evidence
     */
    public record SolvedInput(String id, String label, List<String> paths, boolean scale,
            Calibrator.Solved solved, String targetSource, double[] predictionValue, Basis predictionBasis,
            double[] evidence, String evidenceSource, Boolean plausible) {
        /** Freezes. */
        public SolvedInput {
            paths = List.copyOf(paths);
        }
    }

    /**
     * The prediction: the bridge with only the base year calibrated.
     *
     * @param bridge the bars, from published, independent and assumed inputs (with their ranges)
     * @param labels what its outputs rest on
     * @param baseCalibrations the base-year calibrations solved for it
     * @param finalValues final beds per replication (each replication draws every range anew)
     * @param finalInterval 95 % prediction interval of final beds: where one more draw would fall
     * @param published the published end point, or null if the plan gives none
     * @param publishedSource where it comes from
     */
    public record Prediction(BridgeResult bridge, Labels labels, List<SolvedInput> baseCalibrations,
            double[] finalValues, double[] finalInterval, Double published, String publishedSource) {
        /** Freezes. */
        public Prediction {
            baseCalibrations = List.copyOf(baseCalibrations);
        }

        /** @return true if the published end point lies inside the prediction interval, null without one */
        public Boolean inside() {
            return published == null ? null : published >= finalInterval[0] && published <= finalInterval[1];
        }
    }
}
