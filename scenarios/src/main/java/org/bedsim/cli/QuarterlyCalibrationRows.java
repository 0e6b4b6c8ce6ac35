package org.bedsim.cli;

import java.util.List;
import org.bedsim.report.QuarterlyCalibrationJson;
import org.bedsim.scenario.CalibrateSpec;
import org.bedsim.scenario.QuarterlyCalibration;

/** A quarterly calibration's declared inputs and figures as the report layer writes them (plain data, no specs). */
final class QuarterlyCalibrationRows {
    private QuarterlyCalibrationRows() {
    }

    /** @return the calibrations in the order the solver solved them */
    static List<QuarterlyCalibrationJson.Input> inputs(QuarterlyCalibration calibration) {
        return calibration.calibrations().stream().map(c -> input(calibration, c)).toList();
    }

    /** @return the figures, quarter by quarter */
    static List<QuarterlyCalibrationJson.Quarter> quarters(List<QuarterlyCalibration.Figure> figures) {
        return figures.stream().map(f -> new QuarterlyCalibrationJson.Quarter(f.period(), f.kpi(), f.mean(),
                new double[] {f.ci95().low(), f.ci95().high()}, f.prediction(), f.published(), f.status(),
                f.calibrated(), f.inside())).toList();
    }

    private static QuarterlyCalibrationJson.Input input(QuarterlyCalibration calibration, CalibrateSpec c) {
        return new QuarterlyCalibrationJson.Input(c.id(), c.label() != null ? c.label() : c.id(), c.isScale(),
                c.paths(), calibration.concretePaths().get(c.id()), c.target().quarterly(), c.target().periods(),
                c.target().source(), calibration.citation(c.target().source()), calibration.citation(c.source()));
    }
}
