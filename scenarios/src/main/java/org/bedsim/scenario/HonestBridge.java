package org.bedsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.bridge.Bridges;
import org.bedsim.calibrate.Assessment;
import org.bedsim.calibrate.Basis;
import org.bedsim.calibrate.Calibration;
import org.bedsim.calibrate.Calibrator;
import org.bedsim.calibrate.Input;
import org.bedsim.calibrate.Sensitivity;
import org.bedsim.calibrate.SolvedNumbers;
import org.bedsim.calibrate.Target;
import org.bedsim.model.FlowSettings;

/**
 * A scenario's bridge with its declared calibrations, labels, prediction and sensitivity: the scenario layer's side
 * of {@link Calibrator} and {@link Sensitivity}, which see only a function from input values to a bridge.
 *
 * <p>Implementation notes. The file's tree is kept as read; every evaluation copies it, writes the input values at
 * their paths (a calibration's solved value replaces or multiplies the numbers it names; a sensitivity input fixes a
 * range to one number), binds and compiles it as the loader does. The reconstruction solves every calibration; the
 * prediction only those meeting the base year, so every bar comes from the file's own (published, independent or
 * assumed) values with their ranges. When the reconstruction is at hand (bedsim bridge, bedsim calibrate) the
 * prediction starts from its values, and keeps each that still meets its target: a base-year output the bars' inputs
 * do not reach (a ward no cohort input changes) is then kept after one evaluation instead of a grid and a solve. A bar is labelled by the weakest of its step's sources, or calibrated when a
 * solved input lies in its step or a calibration meets it; the base is calibrated when a solved input lies outside
 * the bridge section or a calibration meets it; the final beds take the weakest of all.
 */
public final class HonestBridge {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LoadedScenario loaded;
    private final JsonNode tree;
    private final List<CalibrateSpec> specs;
    private final List<List<String>> calibrationPaths = new ArrayList<>();
    private final List<RangeInput> ranges = new ArrayList<>();
    private final Map<String, Basis> sourceBasis = new LinkedHashMap<>();
    /** Each replication's demand model, kept across this bridge's evaluations (calibrations, runs, sensitivity). */
    private final org.bedsim.bridge.DemandCache cache = new org.bedsim.bridge.DemandCache();

    /** A range in a bridge step, as an input of the sensitivity analysis. */
    private record RangeInput(String path, String stepId, String label, double low, double high, Basis basis) {
    }

    private HonestBridge(LoadedScenario loaded, JsonNode tree) {
        this.loaded = loaded;
        this.tree = tree;
        this.specs = loaded.spec().calibrate();
        loaded.spec().sources().forEach((id, s) -> sourceBasis.put(id, basis(s)));
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
            calibrationPaths.add(concrete);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        BridgeSpec b = loaded.spec().bridge();
        for (int i = 0; b != null && i < b.steps().size(); i++) {
            BridgeStepSpec st = b.steps().get(i);
            Basis basis = Basis.PUBLISHED;
            for (String src : st.sources()) {
                basis = basis.weaker(sourceBasis.getOrDefault(src, Basis.ASSUMED));
            }
            JsonNode changes = tree.path("bridge").path("steps").path(i).path("changes");
            for (int j = 0; j < changes.size(); j++) {
                collectRanges(changes.get(j), "bridge.steps[" + i + "].changes[" + j + "]", st, basis);
            }
        }
    }

    private void collectRanges(JsonNode n, String path, BridgeStepSpec st, Basis basis) {
        if (n.isArray() && n.size() == 2 && n.get(0).isNumber() && n.get(1).isNumber()
                && n.get(0).doubleValue() < n.get(1).doubleValue()) {
            String what = path.substring(path.indexOf(".changes[") + 1).replaceFirst("^changes\\[\\d+\\]\\.", "");
            double lo = n.get(0).doubleValue();
            double hi = n.get(1).doubleValue();
            // the same range for the same key in one step (e.g. one stay cut per site) is one input
            for (int i = 0; i < ranges.size(); i++) {
                RangeInput r = ranges.get(i);
                if (r.stepId().equals(st.id()) && r.label().equals(st.label() + ": " + what) && r.low() == lo
                        && r.high() == hi) {
                    ranges.set(i, new RangeInput(r.path() + "," + path, r.stepId(), r.label(), lo, hi, basis));
                    return;
                }
            }
            ranges.add(new RangeInput(path, st.id(), st.label() + ": " + what, lo, hi, basis));
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> collectRanges(e.getValue(), Paths.key(path, e.getKey()), st, basis));
        }
    }

    /**
     * @param loaded a scenario without errors, with a bridge
     * @param bytes the file's bytes (read again as a tree)
     * @return the scenario's bridge with its calibrations
     * @throws IllegalArgumentException if a calibration's path names nothing or something other than numbers
     */
    public static HonestBridge of(LoadedScenario loaded, byte[] bytes) {
        String name = loaded.file();
        TreeReader.Result read = TreeReader.read(bytes, TreeReader.formatOf(name.substring(Math.max(
                name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)));
        return new HonestBridge(loaded, read.tree());
    }

    /** @return the basis of a source: published, independent evidence, or assumed */
    static Basis basis(SourceSpec s) {
        if (s == null || s.cite() == null) {
            return Basis.ASSUMED;
        }
        return s.isIndependent() ? Basis.INDEPENDENT : Basis.PUBLISHED;
    }

    /** @return the declared calibrations */
    public List<CalibrateSpec> calibrations() {
        return specs;
    }

    /** @return the indexes of the calibrations meeting the base year (the prediction solves only these) */
    private boolean[] baseOnly() {
        boolean[] b = new boolean[specs.size()];
        for (int j = 0; j < b.length; j++) {
            b[j] = specs.get(j).target().output() == CalibrationTargetSpec.Output.BASE;
        }
        return b;
    }

    private boolean[] all() {
        boolean[] b = new boolean[specs.size()];
        java.util.Arrays.fill(b, true);
        return b;
    }

    /**
     * The bridge with inputs set.
     *
     * @param values a value per calibration (used where {@code active})
     * @param active which calibrations are in effect
     * @param rangeValues a fixed value per range input, or null to keep the ranges
     * @return the compiled bridge
     */
    BridgeDefinition build(double[] values, boolean[] active, double[] rangeValues) {
        JsonNode t = tree.deepCopy();
        if (rangeValues != null) {
            for (int i = 0; i < ranges.size(); i++) {
                for (String p : ranges.get(i).path().split(",")) {
                    for (InputPaths.Ref r : InputPaths.resolve(t, p)) {
                        r.set(DoubleNode.valueOf(rangeValues[i]));
                    }
                }
            }
        }
        for (int j = 0; j < specs.size(); j++) {
            if (!active[j]) {
                continue;
            }
            for (String p : calibrationPaths.get(j)) {
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
        ScenarioReader.Bound<ScenarioSpec> bound = ScenarioReader.bind(t, loaded.sources(), ScenarioSpec.class,
                "a scenario");
        List<Problem> errors = bound.problems().stream().filter(Problem::isError).toList();
        if (bound.spec() == null || !errors.isEmpty()) {
            throw new IllegalArgumentException("the calibrated values make a scenario bedsim refuses: "
                    + String.join("; ", errors.stream().map(p -> p.path() + ": " + p.found()).toList()));
        }
        FlowSettings settings = ScenarioCompiler.compile(bound.spec());
        return BridgeCompiler.compile(bound.spec(), settings, loaded.replications(), loaded.seed());
    }

    /** @return the declared calibrations as the solver sees them */
    private List<Calibration> solverCalibrations(boolean[] active) {
        List<Calibration> out = new ArrayList<>();
        for (int j = 0; j < specs.size(); j++) {
            if (active[j]) {
                CalibrateSpec c = specs.get(j);
                CalibrationTargetSpec t = c.target();
                Target target = new Target(Target.Output.valueOf(t.output().name()), t.step(), t.beds(),
                        t.settings().isEmpty() ? null : new LinkedHashSet<>(t.settings()), t.method() == null ? null
                        : t.method() == BridgeCountSpec.Method.PERCENTILE ? org.bedsim.bridge.BedCount.PERCENTILE
                        : org.bedsim.bridge.BedCount.MEAN_OCCUPANCY);
                out.add(new Calibration(c.id(), c.bounds().get(0), c.bounds().get(1), target,
                        c.effectiveTolerance()));
            }
        }
        return out;
    }

    /**
     * @return the demand models kept across this bridge's evaluations, to share with other runs of it on the same
     *     seed (results are identical with or without it)
     */
    public org.bedsim.bridge.DemandCache cache() {
        return cache;
    }

    /**
     * Solves the calibrations.
     *
     * @param baseOnly true for the prediction: only those meeting the base year
     * @param threads worker threads
     * @return the solution, one entry per active calibration in declared order
     */
    public Calibrator.Result solve(boolean baseOnly, int threads) {
        return solve(baseOnly, threads, null);
    }

    /**
     * Solves the calibrations, started warm from an earlier solution of them where it has each (the prediction's
     * base-year calibrations from the reconstruction's: the same targets, with the bars' inputs at the file's values
     * instead of solved); a start that still meets its target is kept (see {@link Calibrator#solveWarm}).
     *
     * @param baseOnly true for the prediction: only those meeting the base year
     * @param threads worker threads
     * @param warmFrom an earlier solution of these scenario's calibrations (the reconstruction's), or null to start
     *     cold from the file's values
     * @return the solution, one entry per active calibration in declared order
     */
    public Calibrator.Result solve(boolean baseOnly, int threads, Calibrator.Result warmFrom) {
        boolean[] active = baseOnly ? baseOnly() : all();
        List<Calibration> cals = solverCalibrations(active);
        int[] index = activeIndex(active);
        double[] warm = warmStart(baseOnly, warmFrom);
        double[] start = new double[cals.size()];
        for (int k = 0; k < start.length; k++) {
            start[k] = warm != null ? warm[k] : startValue(index[k]);
        }
        java.util.function.Function<double[], BridgeDefinition> f = x -> build(expand(x, index), active, null);
        return warm != null ? Calibrator.solveWarm(cals, f, start, threads, cache)
                : Calibrator.solve(cals, f, start, threads, cache);
    }

    /**
     * @return the starting values an earlier solution gives the active calibrations, in order, or null if it does
     *     not solve every one of them (then the solve starts cold)
     */
    public double[] warmStart(boolean baseOnly, Calibrator.Result warmFrom) {
        if (warmFrom == null) {
            return null;
        }
        List<Calibration> cals = solverCalibrations(baseOnly ? baseOnly() : all());
        double[] out = new double[cals.size()];
        for (int k = 0; k < out.length; k++) {
            String id = cals.get(k).id();
            java.util.Optional<Calibrator.Solved> s = warmFrom.solved().stream()
                    .filter(v -> v.calibration().id().equals(id)).findFirst();
            if (s.isEmpty()) {
                return null;
            }
            out[k] = s.get().value();
        }
        return out;
    }

    /**
     * What a solution depends on, as the parts of its cache key: the scenario's content (its tree as read, so layout
     * and comments do not matter; every number, those a calibration solves included, since the solver starts from
     * them), the replications and seed, which calibrations are solved, where the solve starts (a warm solution may
     * differ from a cold one within the tolerances), and the code.
     *
     * @param baseOnly true for the prediction's solution (only the base year's calibrations)
     * @param warmStart the values of {@link #warmStart} the solve starts from, or null for a cold start
     * @param codeHash the hash of the code that solves
     */
    public String[] cacheKeyParts(boolean baseOnly, double[] warmStart, String codeHash) {
        return new String[] {tree.toString(), "replications " + loaded.replications(), "seed " + loaded.seed(),
            baseOnly ? "base year only" : "every calibration",
            warmStart == null ? "cold start" : "warm start " + java.util.Arrays.toString(warmStart), codeHash};
    }

    /** @return a solution as numbers with their exact bits, for {@link #restore} */
    public static double[] numbers(Calibrator.Result r) {
        return SolvedNumbers.encode(r.solved().stream().map(s -> new SolvedNumbers.Figures(s.value(), s.interval(),
                s.reached(), s.met(), s.slope())).toList(), r.sweeps(), r.evaluations());
    }

    /**
     * @param baseOnly which calibrations the numbers solve
     * @param numbers a solution written by {@link #numbers}
     * @return the solution, or null if the numbers do not fit this scenario's calibrations
     */
    public Calibrator.Result restore(boolean baseOnly, double[] numbers) {
        List<Calibration> cals = solverCalibrations(baseOnly ? baseOnly() : all());
        SolvedNumbers.Decoded d = SolvedNumbers.decode(numbers, cals.size());
        if (d == null) {
            return null;
        }
        List<Calibrator.Solved> solved = new ArrayList<>();
        for (int k = 0; k < cals.size(); k++) {
            SolvedNumbers.Figures f = d.solved().get(k);
            solved.add(new Calibrator.Solved(cals.get(k), f.value(), f.interval(), f.reached(), f.met(), f.slope()));
        }
        return new Calibrator.Result(solved, d.sweeps(), d.evaluations());
    }

    private static int[] activeIndex(boolean[] active) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < active.length; j++) {
            if (active[j]) {
                idx.add(j);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    private double[] expand(double[] x, int[] index) {
        double[] v = new double[specs.size()];
        for (int k = 0; k < index.length; k++) {
            v[index[k]] = x[k];
        }
        return v;
    }

    /** @return where the solver starts: 1 for a scale, else the file's value (mid of a range) */
    private double startValue(int j) {
        if (specs.get(j).isScale()) {
            return 1;
        }
        double[] v = fileValue(j);
        return (v[0] + v[1]) / 2;
    }

    /** @return the file's value at a set calibration's first path: {low, high} */
    private double[] fileValue(int j) {
        JsonNode n = InputPaths.resolve(tree, calibrationPaths.get(j).get(0)).get(0).node();
        return n.isNumber() ? new double[] {n.doubleValue(), n.doubleValue()}
                : new double[] {n.get(0).doubleValue(), n.get(1).doubleValue()};
    }

    /** @return the bridge of the reconstruction (every calibration solved) or the prediction */
    public BridgeDefinition bridge(Calibrator.Result solved, boolean baseOnly) {
        boolean[] active = baseOnly ? baseOnly() : all();
        return build(expand(solved.values(), activeIndex(active)), active, null);
    }

    /** @return what each output rests on, with the given calibrations in effect */
    public Assessment.Labels labels(boolean baseOnly) {
        boolean[] active = baseOnly ? baseOnly() : all();
        BridgeSpec b = loaded.spec().bridge();
        Map<String, Basis> bars = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        Basis base = null;
        String baseReason = null;
        for (int j = 0; j < specs.size(); j++) {
            CalibrateSpec c = specs.get(j);
            if (!active[j]) {
                continue;
            }
            boolean outside = calibrationPaths.get(j).stream().anyMatch(p -> !p.startsWith("bridge."));
            if (base == null && (outside || c.target().output() == CalibrationTargetSpec.Output.BASE)) {
                base = Basis.CALIBRATED;
                baseReason = "calibrated: " + c.id() + " is solved" + meets(c);
            }
        }
        if (base == null) {
            base = Basis.PUBLISHED;
            Set<String> weakest = new LinkedHashSet<>();
            for (Map.Entry<String, List<String>> e : Citations.of(loaded.spec()).entrySet()) {
                if (e.getValue().stream().anyMatch(p -> !p.startsWith("bridge") && !p.startsWith("calibrate")
                        && !p.startsWith("sources"))) {
                    Basis s = sourceBasis.getOrDefault(e.getKey(), Basis.ASSUMED);
                    if (s.compareTo(base) > 0) {
                        weakest.clear();
                    }
                    base = base.weaker(s);
                    if (s == base) {
                        weakest.add(e.getKey());
                    }
                }
            }
            baseReason = base.key() + ": " + String.join(", ", weakest);
        }
        reasons.put("base", baseReason);
        Basis fin = base;
        for (int i = 0; b != null && i < b.steps().size(); i++) {
            BridgeStepSpec st = b.steps().get(i);
            String prefix = "bridge.steps[" + i + "].";
            Basis basis = null;
            String reason = null;
            for (int j = 0; j < specs.size() && basis == null; j++) {
                CalibrateSpec c = specs.get(j);
                boolean inStep = calibrationPaths.get(j).stream().anyMatch(p -> p.startsWith(prefix));
                boolean meets = c.target().output() == CalibrationTargetSpec.Output.STEP
                        && st.id().equals(c.target().step());
                if (active[j] && (inStep || meets)) {
                    basis = Basis.CALIBRATED;
                    reason = "calibrated: " + c.id() + " is solved" + meets(c);
                }
            }
            if (basis == null) {
                basis = Basis.PUBLISHED;
                List<String> weakest = new ArrayList<>();
                for (String src : st.sources()) {
                    Basis s = sourceBasis.getOrDefault(src, Basis.ASSUMED);
                    if (s.compareTo(basis) > 0) {
                        weakest.clear();
                    }
                    basis = basis.weaker(s);
                    if (s == basis) {
                        weakest.add(src);
                    }
                }
                reason = basis.key() + ": " + String.join(", ", weakest);
            }
            bars.put(st.id(), basis);
            reasons.put(st.id(), reason);
            fin = fin.weaker(basis);
        }
        String finalReason = fin.key() + ": the weakest of the base and the bars";
        for (int j = 0; j < specs.size(); j++) {
            if (active[j] && specs.get(j).target().output() == CalibrationTargetSpec.Output.FINAL) {
                fin = Basis.CALIBRATED;
                finalReason = "calibrated: " + specs.get(j).id() + " is solved" + meets(specs.get(j));
            }
        }
        reasons.put("final", finalReason);
        return new Assessment.Labels(base, bars, fin, reasons);
    }

    private String meets(CalibrateSpec c) {
        CalibrationTargetSpec t = c.target();
        return " to meet " + switch (t.output()) {
            case BASE -> "the base year's";
            case FINAL -> "the target year's";
            case STEP -> "the bar '" + t.step() + "' of";
        } + " " + plain(t.beds()) + " beds (" + t.source() + ")";
    }

    /**
     * @return the published value of each output a calibration meets ("base", a step id, "final"), for outputs
     *     counted as the bridge counts; parts of the count add up when they cover it (192 + 41 rehabilitation and
     *     stroke beds are the 233 community beds); and the final beds if the base and every bar are published
     */
    public Map<String, Double> published() {
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, Double> partSums = new LinkedHashMap<>();
        Map<String, Set<String>> partSettings = new LinkedHashMap<>();
        BridgeSpec bs = loaded.spec().bridge();
        Set<String> countedHere = bs == null ? Set.of() : new LinkedHashSet<>(bs.count().settings());
        for (CalibrateSpec c : specs) {
            CalibrationTargetSpec t = c.target();
            if (t.isQuarterly() || (t.method() != null && bs != null && !t.method().equals(bs.count().method()))
                    || !countedHere.containsAll(t.settings())) {
                continue; // not a figure of the bridge's own count (another count, or a setting it does not count)
            }
            String key = switch (t.output()) {
                case BASE -> "base";
                case FINAL -> "final";
                case STEP -> t.step();
            };
            if (t.settings().isEmpty()) {
                out.put(key, t.beds());
            } else {
                partSums.merge(key, t.beds(), Double::sum);
                Set<String> seen = partSettings.computeIfAbsent(key, k -> new LinkedHashSet<>());
                for (String st : t.settings()) {
                    if (!seen.add(st)) {
                        partSums.put(key, Double.NaN); // overlapping parts do not add up
                    }
                }
            }
        }
        BridgeSpec b = loaded.spec().bridge();
        Set<String> counted = b == null ? Set.of() : new LinkedHashSet<>(b.count().settings());
        partSums.forEach((key, sum) -> {
            if (!out.containsKey(key) && Double.isFinite(sum) && partSettings.get(key).equals(counted)) {
                out.put(key, sum);
            }
        });
        if (!out.containsKey("final") && out.containsKey("base") && b != null
                && b.steps().stream().allMatch(st -> out.containsKey(st.id()))) {
            out.put("final", out.get("base") + b.steps().stream().mapToDouble(st -> out.get(st.id())).sum());
        }
        return out;
    }

    /** @return the sources of the published end point, in words */
    private String publishedSource() {
        for (CalibrateSpec c : specs) {
            if (c.target().output() == CalibrationTargetSpec.Output.FINAL) {
                return citation(c.target().source()) + (c.target().settings().isEmpty() ? ""
                        : " (and the other parts of the count)");
            }
        }
        return "the base and every bar as published, added up";
    }

    /** @return a source's citation in words: its cite (or assumption) */
    public String citation(String sourceId) {
        SourceSpec s = loaded.spec().sources().get(sourceId);
        if (s == null) {
            return sourceId;
        }
        return s.cite() != null ? s.cite() : "assumed: " + s.assumed();
    }

    /**
     * The whole assessment: reconstruction labels and solved inputs (given), the prediction, the sensitivity of
     * its final beds and the findings.
     *
     * @param reconstruction the reconstruction's calibrations, solved
     * @param withPrediction false to skip the prediction and sensitivity (e.g. when only calibrating)
     * @param threads worker threads
     */
    public Assessment assess(Calibrator.Result reconstruction, boolean withPrediction, int threads) {
        return assess(reconstruction, withPrediction ? solve(true, threads, reconstruction) : null, threads);
    }

    /**
     * As {@link #assess(Calibrator.Result, boolean, int)}, with the prediction's base-year calibrations solved
     * already (e.g. taken from a cache), or null to skip the prediction and sensitivity.
     */
    public Assessment assess(Calibrator.Result reconstruction, Calibrator.Result predictionBase, int threads) {
        List<Assessment.SolvedInput> solved = solvedInputs(reconstruction, all());
        Map<String, Double> published = published();
        Assessment.Prediction prediction = null;
        Sensitivity.Tornado tornado = null;
        Sensitivity.Ranking ranking = null;
        if (predictionBase != null) {
            Calibrator.Result base = predictionBase;
            BridgeDefinition def = bridge(base, true);
            BridgeDefinition quick = new BridgeDefinition(def.base(), def.counted(), def.method(), def.steps(),
                    def.baseYear(), def.targetYear(), def.replications(), def.seed(), 0, 1);
            BridgeResult result = Bridges.compute(quick, threads, cache);
            double[] finals = Bridges.bedsPerReplication(def, ones(def), threads, cache);
            prediction = new Assessment.Prediction(result, labels(true), solvedInputs(base, baseOnly()), finals,
                    Sensitivity.predictionInterval(finals), published.get("final"), publishedSource());
            Sensitivities sens = sensitivity(base, false, threads);
            tornado = sens.tornado();
            ranking = sens.ranking();
        }
        return new Assessment(labels(false), solved, published, prediction, tornado, ranking,
                findings(solved, prediction));
    }

    /**
     * The sensitivity of the prediction's final beds: a tornado and a ranking.
     *
     * @param tornado the one-at-a-time tornado (null if there is no input with a range)
     * @param ranking the variance-based ranking (null likewise)
     */
    public record Sensitivities(Sensitivity.Tornado tornado, Sensitivity.Ranking ranking) {
    }

    /**
     * The sensitivity of the prediction's final beds to every input with a range: the file's ranges in the bridge
     * steps (assumed, independent or published), and the base-year calibrations over their solved intervals.
     *
     * @param base the base-year calibrations, solved ({@link #solve(boolean, int)} with baseOnly)
     * @param bars true to give every bar at each end of each range too
     * @param threads worker threads
     */
    public Sensitivities sensitivity(Calibrator.Result base, boolean bars, int threads) {
        List<Input> inputs = new ArrayList<>();
        for (RangeInput r : ranges) {
            inputs.add(new Input(r.path(), r.label(), r.basis(), r.low(), (r.low() + r.high()) / 2, r.high()));
        }
        int[] index = activeIndex(baseOnly());
        for (int k = 0; k < index.length; k++) {
            Calibrator.Solved s = base.solved().get(k);
            double lo = Double.isNaN(s.interval()[0]) ? s.value() : Math.min(s.value(), s.interval()[0]);
            double hi = Double.isNaN(s.interval()[1]) ? s.value() : Math.max(s.value(), s.interval()[1]);
            inputs.add(new Input(specs.get(index[k]).id(), label(specs.get(index[k])), Basis.CALIBRATED, lo,
                    s.value(), hi));
        }
        if (inputs.isEmpty()) {
            return new Sensitivities(null, null);
        }
        int nRanges = ranges.size();
        double[] baseValues = base.values();
        java.util.function.Function<double[], BridgeDefinition> f = x -> {
            double[] cal = baseValues.clone();
            System.arraycopy(x, nRanges, cal, 0, cal.length);
            return build(expand(cal, index), baseOnly(), java.util.Arrays.copyOf(x, nRanges));
        };
        Sensitivity.Tornado tornado = Sensitivity.tornado(inputs, f, bars, threads, cache);
        int k = inputs.size();
        Sensitivity.Ranking ranking = Sensitivity.ranking(inputs, f, Math.max(16, 3 * k), loaded.seed(), threads,
                cache);
        return new Sensitivities(tornado, ranking);
    }

    private static double[] ones(BridgeDefinition def) {
        double[] f = new double[def.steps().size()];
        java.util.Arrays.fill(f, 1);
        return f;
    }

    /** @return the solved inputs as reported, for the reconstruction (all) or the prediction (base only) */
    public List<Assessment.SolvedInput> solvedInputs(Calibrator.Result r, boolean baseOnly) {
        return solvedInputs(r, baseOnly ? baseOnly() : all());
    }

    private List<Assessment.SolvedInput> solvedInputs(Calibrator.Result r, boolean[] active) {
        List<Assessment.SolvedInput> out = new ArrayList<>();
        int[] index = activeIndex(active);
        for (int k = 0; k < index.length; k++) {
            CalibrateSpec c = specs.get(index[k]);
            boolean base = c.target().output() == CalibrationTargetSpec.Output.BASE;
            double[] file = base || c.isScale() ? null : fileValue(index[k]);
            Basis fileBasis = file == null ? null : rangeBasis(index[k]);
            double[] evidence = c.evidence() == null ? null
                    : new double[] {c.evidence().range().low(), c.evidence().range().high()};
            Calibrator.Solved s = r.solved().get(k);
            Boolean plausible = evidence == null ? null : s.value() >= evidence[0] - 1e-12
                    && s.value() <= evidence[1] + 1e-12;
            out.add(new Assessment.SolvedInput(c.id(), label(c), c.paths(), c.isScale(), s,
                    citation(c.target().source()), file, fileBasis, evidence,
                    c.evidence() == null ? null : citation(c.evidence().source()), plausible));
        }
        return out;
    }

    /** @return the basis of the file's value at a set calibration's paths: the weakest source of its step */
    private Basis rangeBasis(int j) {
        String p = calibrationPaths.get(j).get(0);
        if (p.startsWith("bridge.steps[")) {
            int i = Integer.parseInt(p.substring("bridge.steps[".length(), p.indexOf(']')));
            Basis basis = Basis.PUBLISHED;
            for (String src : loaded.spec().bridge().steps().get(i).sources()) {
                basis = basis.weaker(sourceBasis.getOrDefault(src, Basis.ASSUMED));
            }
            return basis;
        }
        // a number outside the bridge: the source cited beside it
        String parent = Paths.parent(p);
        for (Map.Entry<String, List<String>> e : Citations.of(loaded.spec()).entrySet()) {
            for (String cited : e.getValue()) {
                if (namedPath(parent).startsWith(cited) || cited.startsWith(namedPath(parent))) {
                    return sourceBasis.getOrDefault(e.getKey(), Basis.ASSUMED);
                }
            }
        }
        return Basis.ASSUMED;
    }

    /** @return a concrete path with settings and cohorts by name, as {@link Citations} writes them */
    private String namedPath(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(settings|cohorts)\\[(\\d+)\\](.*)$")
                .matcher(path);
        if (!m.matches()) {
            return path;
        }
        int i = Integer.parseInt(m.group(2));
        String name = m.group(1).equals("settings") ? loaded.spec().settings().get(i).name()
                : loaded.spec().cohorts().get(i).name();
        return m.group(1) + "." + name + m.group(3);
    }

    private static String label(CalibrateSpec c) {
        return c.label() != null ? c.label() : c.id();
    }

    /** @return what the calibrations and the prediction say about the plan, in words */
    private List<String> findings(List<Assessment.SolvedInput> solved, Assessment.Prediction p) {
        List<String> out = new ArrayList<>();
        for (Assessment.SolvedInput s : solved) {
            StringBuilder b = new StringBuilder();
            Calibrator.Solved v = s.solved();
            b.append(String.format(Locale.ROOT, "To meet %s of %s beds, %s must be %s [%s, %s]", v.calibration()
                    .target().describe(), plain(v.calibration().target().beds()), s.label(), plain(v.value()),
                    plain(v.interval()[0]), plain(v.interval()[1])));
            if (!v.met()) {
                b.append(String.format(Locale.ROOT, " (not met: the output reaches %.1f)", v.reached().mean()));
            }
            if (s.predictionValue() != null) {
                b.append("; the prediction uses ").append(range(s.predictionValue())).append(" (")
                        .append(s.predictionBasis().key()).append(")");
            }
            if (s.evidence() != null) {
                b.append("; independent evidence supports ").append(range(s.evidence())).append(" (")
                        .append(s.evidenceSource()).append(")");
                b.append(Boolean.TRUE.equals(s.plausible()) ? ": the solved value is within it."
                        : ": the solved value lies outside it, an implausible assumption the published figure "
                        + "rests on.");
            } else {
                b.append('.');
            }
            out.add(b.toString());
        }
        if (p != null && p.published() != null) {
            double mean = mean(p.finalValues());
            out.add(String.format(Locale.ROOT, "Prediction (only the base year calibrated): %.0f beds in the "
                    + "target year, 95 %% prediction interval [%.0f, %.0f]. The published end point, %s beds, "
                    + "lies %s it%s", mean, p.finalInterval()[0], p.finalInterval()[1], plain(p.published()),
                    p.inside() ? "inside" : "outside",
                    mean > p.published() ? String.format(Locale.ROOT, ": the plan needs %.0f beds more "
                            + "improvement than its published, independent and assumed inputs give.",
                            mean - p.published())
                            : String.format(Locale.ROOT, ": the inputs give %.0f beds more improvement than the "
                            + "plan counts.", p.published() - mean)));
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static String range(double[] v) {
        return v[0] == v[1] ? plain(v[0]) : "[" + plain(v[0]) + ", " + plain(v[1]) + "]";
    }

    /** @return a number with up to 4 significant digits, plainly */
    public static String plain(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
