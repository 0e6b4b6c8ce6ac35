package org.bedsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.calibrate.CalibrationException;
import org.bedsim.calibrate.OutputCalibrator;
import org.bedsim.calibrate.Sensitivity;
import org.bedsim.calibrate.SolvedNumbers;
import org.bedsim.metrics.QuarterlyDefinition;
import org.bedsim.metrics.QuarterlyMetrics;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.stats.ConfidenceInterval;

/**
 * A scenario's declared calibrations against quarterly metrics (e.g. the published delayed days of three quarters):
 * the scenario layer's side of {@link OutputCalibrator}, which sees a function from input values to outputs per
 * replication.
 *
 * <p>Implementation notes. The file's tree is kept as read; every evaluation copies it, writes the input values at
 * their paths (set replaces, scale multiplies), binds and compiles it as the loader does, runs the scenario's
 * replications on its seed (common random numbers), and sums the target's metric over its periods in each
 * replication. The published value of a target is the sum of the quarterly section's published actuals of its
 * periods, so no number is typed twice. After solving, {@link #figures} runs the calibrated scenario and gives every
 * quarter's metric with its 95 % prediction interval (where one more year's quarter would fall: the spread over
 * replications, widened to cover the runs at the ends of each solved value's interval), labelled calibrated for the
 * periods a target sums and predicted for the others.
 */
public final class QuarterlyCalibration {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LoadedScenario loaded;
    private final JsonNode tree;
    private final List<CalibrateSpec> specs;
    private final List<List<String>> paths = new ArrayList<>();

    private QuarterlyCalibration(LoadedScenario loaded, JsonNode tree) {
        this.loaded = loaded;
        this.tree = tree;
        this.specs = loaded.spec().calibrate();
        List<String> problems = new ArrayList<>();
        for (CalibrateSpec c : specs) {
            List<String> concrete = new ArrayList<>();
            for (String p : c.paths()) {
                try {
                    InputPaths.resolve(tree, p).forEach(r -> concrete.add(r.path()));
                } catch (IllegalArgumentException e) {
                    problems.add("calibrate '" + c.id() + "': " + e.getMessage());
                }
            }
            paths.add(concrete);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** @return true if the scenario declares calibrations against quarterly metrics */
    public static boolean declares(ScenarioSpec spec) {
        return spec != null && !spec.calibrate().isEmpty() && spec.calibrate().stream()
                .allMatch(c -> c != null && c.target() != null && c.target().isQuarterly());
    }

    /**
     * @param loaded a scenario without errors whose calibrations meet quarterly metrics
     * @param bytes the file's bytes (read again as a tree)
     * @throws IllegalArgumentException if a path names nothing or something other than numbers
     */
    public static QuarterlyCalibration of(LoadedScenario loaded, byte[] bytes) {
        String name = loaded.file();
        TreeReader.Result read = TreeReader.read(bytes, TreeReader.formatOf(name.substring(Math.max(
                name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)));
        return new QuarterlyCalibration(loaded, read.tree());
    }

    /** @return the declared calibrations */
    public List<CalibrateSpec> calibrations() {
        return specs;
    }

    /** @return the published value a calibration meets: the sum of the published actuals of its periods */
    public double published(CalibrateSpec c) {
        double sum = 0;
        for (String period : c.target().periods()) {
            for (PublishedFigureSpec f : loaded.spec().quarterly().published()) {
                if (period.equals(f.period()) && c.target().quarterly().equals(f.kpi())
                        && f.status() == PublishedFigureSpec.Status.ACTUAL) {
                    sum += f.value();
                }
            }
        }
        return sum;
    }

    /** @return the target in words, e.g. "delayed_days of 2016/17 Q1 + Q2 + Q3" */
    public static String describe(CalibrationTargetSpec t) {
        return t.quarterly() + " of " + String.join(" + ", t.periods());
    }

    /**
     * Solves every calibration.
     *
     * @param threads worker threads for the replications
     * @throws CalibrationException if a target is out of reach within its bounds, or its output does not move one
     *     way there
     */
    public OutputCalibrator.Result solve(int threads) {
        double[] start = new double[specs.size()];
        for (int j = 0; j < specs.size(); j++) {
            start[j] = specs.get(j).isScale() ? 1 : fileValue(j);
        }
        return OutputCalibrator.solve(goals(), x -> outputs(run(x, threads)), start);
    }

    private List<OutputCalibrator.Goal> goals() {
        List<OutputCalibrator.Goal> goals = new ArrayList<>();
        for (CalibrateSpec c : specs) {
            goals.add(new OutputCalibrator.Goal(c.id(), c.bounds().get(0), c.bounds().get(1), published(c),
                    c.effectiveTolerance(), describe(c.target())));
        }
        return goals;
    }

    /**
     * @param codeHash the code's hash
     * @return everything a solution depends on, for the calibration cache: the file's content as read, the
     *     replications, the seed, the code
     */
    public String[] cacheKeyParts(String codeHash) {
        return new String[] {tree.toString(), "replications " + loaded.replications(), "seed " + loaded.seed(),
            "quarterly calibrations", codeHash};
    }

    /** @return a solution as numbers with their exact bits, for {@link #restore} */
    public static double[] numbers(OutputCalibrator.Result r) {
        return SolvedNumbers.encode(r.solved().stream().map(s -> new SolvedNumbers.Figures(s.value(), s.interval(),
                s.reached(), s.met(), s.slope())).toList(), r.sweeps(), r.evaluations());
    }

    /**
     * @param numbers a solution written by {@link #numbers}, or null
     * @return the solution, or null if the numbers do not fit this scenario's calibrations
     */
    public OutputCalibrator.Result restore(double[] numbers) {
        List<OutputCalibrator.Goal> goals = goals();
        SolvedNumbers.Decoded d = SolvedNumbers.decode(numbers, goals.size());
        if (d == null) {
            return null;
        }
        List<OutputCalibrator.Solved> solved = new ArrayList<>();
        for (int k = 0; k < goals.size(); k++) {
            SolvedNumbers.Figures f = d.solved().get(k);
            solved.add(new OutputCalibrator.Solved(goals.get(k), f.value(), f.interval(), f.reached(), f.met(),
                    f.slope()));
        }
        return new OutputCalibrator.Result(solved, d.sweeps(), d.evaluations());
    }

    /** @return the file's value at a set calibration's first path (the middle of a range) */
    private double fileValue(int j) {
        JsonNode n = InputPaths.resolve(tree, paths.get(j).get(0)).get(0).node();
        return n.isNumber() ? n.doubleValue() : (n.get(0).doubleValue() + n.get(1).doubleValue()) / 2;
    }

    private double[][] outputs(Run run) {
        double[][] out = new double[specs.size()][run.summary().replications().size()];
        for (int r = 0; r < run.summary().replications().size(); r++) {
            Map<String, Map<String, Double>> m = QuarterlyMetrics.compute(run.summary().replications().get(r),
                    run.definition());
            for (int j = 0; j < specs.size(); j++) {
                CalibrationTargetSpec t = specs.get(j).target();
                for (String period : t.periods()) {
                    out[j][r] += m.get(period).get(t.quarterly());
                }
            }
        }
        return out;
    }

    /** A run of the scenario with inputs set. */
    private record Run(LoadedScenario scenario, QuarterlyDefinition definition, FlowSummary summary) {
    }

    private Run run(double[] values, int threads) {
        LoadedScenario s = withValues(values);
        FlowSummary summary = FlowExperiment.run(s.settings(), s.seed(), s.replications(), threads);
        return new Run(s, ScenarioCompiler.quarterly(s.spec()), summary);
    }

    /**
     * @param values one value per calibration, in declared order
     * @return the scenario with the values written at their paths, compiled (file, sources and run as loaded)
     * @throws IllegalArgumentException if the values make a scenario bedsim refuses
     */
    public LoadedScenario withValues(double[] values) {
        JsonNode t = tree.deepCopy();
        writeInto(t, values);
        ScenarioReader.Bound<ScenarioSpec> bound = ScenarioReader.bind(t, loaded.sources(), ScenarioSpec.class,
                "a scenario");
        List<Problem> errors = new ArrayList<>(bound.problems().stream().filter(Problem::isError).toList());
        if (bound.spec() != null && errors.isEmpty()) {
            errors.addAll(ScenarioValidator.validate(bound.spec(), loaded.sources()).stream()
                    .filter(Problem::isError).toList());
        }
        if (bound.spec() == null || !errors.isEmpty()) {
            throw new CalibrationException("the calibrated values " + java.util.Arrays.toString(values) + " make a "
                    + "scenario bedsim refuses: " + String.join("; ", errors.stream().map(p -> p.path() + ": "
                    + p.found() + ", expected " + p.expected()).toList()) + "; narrow the bounds");
        }
        FlowSettings settings = ScenarioCompiler.compile(bound.spec());
        return new LoadedScenario(loaded.file(), loaded.sha256(), bound.spec(), loaded.sources(), settings,
                loaded.replications(), loaded.seed(), loaded.preFlight(), loaded.problems());
    }

    /**
     * Writes solved values into a tree of the scenario's file as read (set replaces, scale multiplies the value
     * there): how a comparison's options start from the calibrated base.
     *
     * @param t the scenario's tree, changed in place
     * @param values one value per calibration, in declared order
     */
    public void writeInto(JsonNode t, double[] values) {
        for (int j = 0; j < specs.size(); j++) {
            for (String p : paths.get(j)) {
                for (InputPaths.Ref r : InputPaths.resolve(t, p)) {
                    JsonNode n = r.node();
                    if (!specs.get(j).isScale()) {
                        r.set(DoubleNode.valueOf(values[j]));
                    } else if (n.isNumber()) {
                        r.set(DoubleNode.valueOf(n.doubleValue() * values[j]));
                    } else {
                        ArrayNode a = NODES.arrayNode();
                        a.add(n.get(0).doubleValue() * values[j]).add(n.get(1).doubleValue() * values[j]);
                        r.set(a);
                    }
                }
            }
        }
    }

    /**
     * One period's metric with the calibrated inputs.
     *
     * @param period e.g. {@code 2016/17 Q4}
     * @param kpi the metric's key
     * @param mean the mean over replications
     * @param ci95 the 95 % interval of the mean
     * @param prediction the 95 % prediction interval of one period: the spread over replications at the solution
     *     and at the ends of each solved value's interval, together
     * @param published the published figure (actual, else plan), or null
     * @param status {@code actual} or {@code plan}, or null
     * @param calibrated true if a calibration's target sums this period (the figure is calibrated to it, not
     *     predicted)
     */
    public record Figure(String period, String kpi, double mean, ConfidenceInterval ci95, double[] prediction,
            Double published, String status, boolean calibrated) {
        /** @return true if the published figure lies inside the prediction interval, null without one */
        public Boolean inside() {
            return published == null || Double.isNaN(prediction[0]) ? null
                    : published >= prediction[0] && published <= prediction[1];
        }
    }

    /**
     * The calibrated scenario's figures, quarter by quarter, for every metric a target sums.
     *
     * @param solved the solution
     * @param threads worker threads
     * @return one figure per complete quarter and metric, in date order
     */
    public List<Figure> figures(OutputCalibrator.Result solved, int threads) {
        double[] x = solved.values();
        List<Run> runs = new ArrayList<>();
        runs.add(run(x, threads));
        for (int j = 0; j < x.length; j++) {
            double[] iv = solved.solved().get(j).interval();
            CalibrateSpec c = specs.get(j);
            for (double end : iv) {
                if (Double.isFinite(end)) {
                    double[] y = x.clone();
                    y[j] = Math.max(c.bounds().get(0), Math.min(c.bounds().get(1), end));
                    runs.add(run(y, threads));
                }
            }
        }
        List<String> kpis = specs.stream().map(c -> c.target().quarterly()).distinct().toList();
        List<Map<String, Map<String, Double>>[]> perRun = new ArrayList<>();
        for (Run r : runs) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Double>>[] m = new Map[r.summary().replications().size()];
            for (int i = 0; i < m.length; i++) {
                FlowResult fr = r.summary().replications().get(i);
                m[i] = QuarterlyMetrics.compute(fr, r.definition());
            }
            perRun.add(m);
        }
        FlowResult first = runs.get(0).summary().replications().get(0);
        List<Figure> out = new ArrayList<>();
        for (String kpi : kpis) {
            for (QuarterlyMetrics.Period p : QuarterlyMetrics.periods(first.daily().startDate(),
                    first.daily().days())) {
                if (!p.complete() || !p.label().contains(" Q")) {
                    continue;
                }
                double[] at = values(perRun.get(0), p.label(), kpi);
                double[] pi = Sensitivity.predictionInterval(at);
                for (int k = 1; k < perRun.size(); k++) {
                    double[] e = Sensitivity.predictionInterval(values(perRun.get(k), p.label(), kpi));
                    pi = new double[] {Math.min(pi[0], e[0]), Math.max(pi[1], e[1])};
                }
                pi[0] = Math.max(0, pi[0]); // every quarterly metric is a count or a rate of counts
                Double published = null;
                String status = null;
                for (PublishedFigureSpec f : loaded.spec().quarterly().published()) {
                    if (p.label().equals(f.period()) && kpi.equals(f.kpi()) && (published == null
                            || f.status() == PublishedFigureSpec.Status.ACTUAL)) {
                        published = f.value();
                        status = f.status().key();
                    }
                }
                boolean calibrated = specs.stream().anyMatch(c -> c.target().quarterly().equals(kpi)
                        && c.target().periods().contains(p.label()));
                ConfidenceInterval ci = ConfidenceInterval.of(at, 0.95);
                out.add(new Figure(p.label(), kpi, ci.mean(), ci, pi, published, status, calibrated));
            }
        }
        return out;
    }

    private static double[] values(Map<String, Map<String, Double>>[] reps, String period, String kpi) {
        double[] v = new double[reps.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = reps[i].get(period).get(kpi);
        }
        return v;
    }

    /** @return a source's citation in words */
    public String citation(String sourceId) {
        SourceSpec s = loaded.spec().sources().get(sourceId);
        if (s == null) {
            return sourceId;
        }
        return s.cite() != null ? s.cite() : "assumed: " + s.assumed();
    }

    /** @return by calibration id, the paths it sets or scales (concrete) */
    public Map<String, List<String>> concretePaths() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int j = 0; j < specs.size(); j++) {
            out.put(specs.get(j).id(), List.copyOf(paths.get(j)));
        }
        return out;
    }
}
