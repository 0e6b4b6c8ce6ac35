package org.bedsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bedsim.model.SettingKpi;
import org.bedsim.scenario.BridgePlan;
import org.bedsim.scenario.FileReading;
import org.bedsim.scenario.InputPaths;
import org.bedsim.scenario.LoadedOptions;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.Location;
import org.bedsim.scenario.OptionsLoader;
import org.bedsim.scenario.Problem;
import org.bedsim.scenario.QuarterlyCalibration;
import org.bedsim.scenario.ScenarioLoader;
import org.bedsim.scenario.SourceMap;
import org.bedsim.scenario.SpecFiles;
import org.bedsim.scenario.TargetSpec;

/**
 * From a sweep file to checked variants: reads the file strictly (every problem at once, with its line), loads each
 * scenario it names as {@code bedsim run} would, expands the parameters (the grid of listed values crossed with the
 * draws in the ranges) and builds every variant as a scenario in its own right, checked like a scenario file. A
 * variant's problem caused by a value is reported at that value's line in the sweep file. Nothing runs here.
 */
public final class SweepLoader {
    /** Most variants one sweep may have. */
    static final int MAX_VARIANTS = 1_000_000;
    /** Most variants' problems listed one by one (the rest are counted). */
    static final int MAX_VARIANT_PROBLEMS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String name;
    private final SourceMap sources;
    private final List<String> problems = new ArrayList<>();
    private int errors;
    /** The count of the variants' problems not listed, last of all (or null). */
    private String summary;

    private SweepLoader(String name, SourceMap sources) {
        this.name = name;
        this.sources = sources;
    }

    /**
     * Loads a sweep file.
     *
     * @param file the file
     * @return the sweep with its problems; never throws for a bad file
     */
    public static LoadedSweep load(Path file) {
        String name = file.toString();
        FileReading.Read read = FileReading.read(file, "sweep file");
        if (!read.ok()) {
            return failed(name, "", List.of(Problem.error("", Location.UNKNOWN, read.found(), read.expected())
                    .render(name)));
        }
        SpecFiles.Read<SweepFileSpec> spec = SpecFiles.read(file.getFileName().toString(), read.bytes(),
                SweepFileSpec.class, "a sweep file");
        SweepLoader loader = new SweepLoader(name, spec.sources());
        for (Problem p : spec.problems()) {
            loader.add(p.render(name), p.isError());
        }
        String sha = ScenarioLoader.sha256(read.bytes());
        if (spec.spec() == null) {
            return new LoadedSweep(name, sha, spec.spec(), List.of(), List.of(), null, loader.sorted(),
                    loader.errors);
        }
        // the scenarios are named relative to the sweep file, and messages name them that way too
        Path folder = file.getParent() == null ? Path.of("") : file.getParent();
        return loader.expand(sha, spec.spec(), folder);
    }

    private static LoadedSweep failed(String name, String sha, List<String> problems) {
        return new LoadedSweep(name, sha, null, List.of(), List.of(), null, problems, problems.size());
    }

    /**
     * @return the problems in the order a reader fixes them: the sweep file's by line and column (those without a
     *     line first), then those of the scenario and options files it names, in the order found
     */
    private List<String> sorted() {
        java.util.regex.Pattern located = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name)
                + ":(\\d+):(\\d+): .*");
        List<String> own = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String p : problems) {
            (p.startsWith(name + ":") ? own : others).add(p);
        }
        own.sort(java.util.Comparator.comparingLong(p -> {
            java.util.regex.Matcher m = located.matcher(p);
            return m.matches() ? Long.parseLong(m.group(1)) * 100_000 + Long.parseLong(m.group(2)) : 0;
        }));
        List<String> out = new ArrayList<>(own);
        out.addAll(others);
        if (summary != null) {
            out.add(summary);
        }
        return out;
    }

    private void add(String rendered, boolean error) {
        problems.add(rendered);
        if (error) {
            errors++;
        }
    }

    private void error(String path, String found, String expected) {
        add(Problem.error(path, sources.at(path), found, expected).render(name), true);
    }

    /**
     * A scenario the sweep varies: a scenario file, or an option of an options file (merged into its base).
     *
     * @param id the start of its variants' ids: the scenario's name, or the options file's name and the option's
     * @param display what the outputs call it: the file as the sweep names it, with the option
     * @param loaded the scenario, checked and compiled
     * @param tree its tree, into which a variant's values are written
     * @param run replications and seed to write into its variants when the sweep sets none (an options file's, so
     *     each option runs as {@code bedsim compare} runs it), else null
     */
    private record Base(String id, String display, LoadedScenario loaded, JsonNode tree, long[] run) {
    }

    private LoadedSweep expand(String sha, SweepFileSpec spec, Path folder) {
        List<SweepFileSpec.Parameter> params = spec.parameters();
        // the parameters: a list of values or a range, never both
        List<Integer> listed = new ArrayList<>();
        List<Integer> ranged = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (int i = 0; i < params.size(); i++) {
            SweepFileSpec.Parameter p = params.get(i);
            String at = "parameters[" + i + "]";
            if (p == null) {
                continue;
            }
            if (p.path() != null && !paths.add(p.path())) {
                error(at + ".path", "'" + p.path() + "' a second time", "each path once");
            }
            boolean range = p.low() != null || p.high() != null;
            if (p.values() != null && range) {
                error(at, "both values and a range (low, high)", "values or a range, not both");
            } else if (p.values() != null) {
                listed.add(i);
            } else if (p.low() != null && p.high() != null) {
                if (!(p.low() < p.high())) {
                    error(at + ".high", plain(p.high()) + ", not above low " + plain(p.low()),
                            "a high end above the low end");
                }
                ranged.add(i);
            } else if (range) {
                error(at, p.low() == null ? "high without low" : "low without high", "both ends of the range");
            } else {
                error(at, "neither values nor a range", "values: [...] or low and high");
            }
            if (p.whole() != null && p.whole() && p.values() != null) {
                error(at + ".whole", "whole with listed values", "whole only with a range (listed values are "
                        + "used as written)");
            }
        }
        if (!ranged.isEmpty() && spec.sample() == null) {
            error("parameters[" + ranged.get(0) + "]", "a range but no sample section",
                    "a sample section saying how many draws (sample: {draws: 20})");
        }
        if (ranged.isEmpty() && spec.sample() != null) {
            error("sample", "a sample section but no parameter with a range", "a range (low, high) to sample, or no "
                    + "sample section");
        }
        for (int i = 0; i < spec.targets().size(); i++) {
            SweepFileSpec.Target t = spec.targets().get(i);
            if (t == null) {
                continue;
            }
            if ((t.atMost() == null) == (t.atLeast() == null)) {
                error("targets[" + i + "]", t.atMost() == null ? "neither at_most nor at_least" : "both at_most and "
                        + "at_least", "one of at_most or at_least");
            }
        }
        List<Base> bases = scenarios(spec, folder);
        // the settings kept and targeted must be somewhere
        Set<String> allSettings = new LinkedHashSet<>();
        for (Base b : bases) {
            if (b.loaded().spec() != null && b.loaded().spec().settings() != null) {
                b.loaded().spec().settings().forEach(s -> allSettings.add(s == null ? null : s.name()));
            }
        }
        List<String> keptSettings = spec.keep() == null ? null : spec.keep().settings();
        if (keptSettings != null) {
            for (int i = 0; i < keptSettings.size(); i++) {
                String kept = keptSettings.get(i);
                if (kept != null && !allSettings.isEmpty() && !allSettings.contains(kept)) {
                    error("keep.settings[" + i + "]", "'" + keptSettings.get(i) + "', a setting of none of the "
                            + "scenarios", "a setting of a scenario: " + String.join(", ", allSettings));
                }
            }
        }
        for (int i = 0; i < spec.targets().size(); i++) {
            SweepFileSpec.Target t = spec.targets().get(i);
            if (t != null && t.setting() != null && !allSettings.isEmpty() && !allSettings.contains(t.setting())) {
                error("targets[" + i + "].setting", "'" + t.setting() + "', a setting of none of the scenarios",
                        "a setting of a scenario: " + String.join(", ", allSettings));
            }
        }
        if (spec.keep() != null && Boolean.TRUE.equals(spec.keep().bridge()) && !bases.isEmpty()
                && bases.stream().noneMatch(b -> b.loaded().spec().bridge() != null)) {
            error("keep.bridge", "true, but none of the scenarios has a bridge section", "a scenario with a "
                    + "bridge section (see 'Bed bridges' in the README), or no keep.bridge");
        }
        // every path must name numbers in every scenario
        for (Base b : bases) {
            for (int i = 0; i < params.size(); i++) {
                if (b.tree() == null || params.get(i) == null || params.get(i).path() == null) {
                    continue;
                }
                try {
                    InputPaths.resolve(b.tree(), params.get(i).path());
                } catch (IllegalArgumentException e) {
                    error("parameters[" + i + "].path", e.getMessage().replace("the path '" + params.get(i).path()
                            + "' ", "a path that ") + " in " + b.display(), "a path naming numbers of every "
                            + "scenario, e.g. settings[acute].beds");
                }
            }
        }
        List<SettingKpi> kpis = errors > 0 ? List.of() : keptKpis(spec.keep());
        if (errors > 0) {
            return new LoadedSweep(name, sha, spec, List.of(), kpis, keptSettings, sorted(), errors);
        }
        double count = bases.size(); // counted before any is built (a double: 50 lists of 10,000 overflow a long)
        for (int i : listed) {
            count *= params.get(i).values().size();
        }
        if (!ranged.isEmpty()) {
            count *= spec.sample().draws();
        }
        if (count > MAX_VARIANTS) {
            error("parameters", String.format(Locale.ROOT, (count < 1e15 ? "%,.0f" : "%.3g")
                    + " variants (%d scenario%s x the values x the draws)",
                    count, bases.size(), bases.size() == 1 ? "" : "s"), String.format(Locale.ROOT,
                    "at most %,d variants in one sweep (split it into several sweeps)", MAX_VARIANTS));
            return new LoadedSweep(name, sha, spec, List.of(), kpis, keptSettings, sorted(), errors);
        }
        List<double[]> points = points(spec, listed, ranged);
        List<Variant> variants = variants(spec, bases, points);
        return new LoadedSweep(name, sha, spec, errors > 0 ? List.of() : variants, kpis, keptSettings, sorted(),
                errors);
    }

    /** @return the KPIs kept, in the model's order */
    private static List<SettingKpi> keptKpis(SweepFileSpec.Keep keep) {
        if (keep == null || keep.kpis() == null && !Boolean.TRUE.equals(keep.bedsRequired())) {
            return List.of(SettingKpi.values());
        }
        Set<SettingKpi> chosen = new java.util.HashSet<>();
        if (keep.kpis() != null) {
            keep.kpis().forEach(k -> chosen.add(k.kpi()));
        }
        if (Boolean.TRUE.equals(keep.bedsRequired())) {
            chosen.add(SettingKpi.BEDS_REQUIRED_MEAN);
            chosen.add(SettingKpi.BEDS_REQUIRED_PERCENTILE);
        }
        return java.util.Arrays.stream(SettingKpi.values()).filter(chosen::contains).toList();
    }

    /**
     * @return the scenario and options files named (folders listed, by file name), each loaded: a scenario file is
     *     one base, an options file one base per option (its base option first)
     */
    private List<Base> scenarios(SweepFileSpec spec, Path folder) {
        List<Base> bases = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>(); // variant id prefix -> what has it
        for (int i = 0; spec.scenarios() != null && i < spec.scenarios().size(); i++) {
            String entry = spec.scenarios().get(i);
            String at = "scenarios[" + i + "]";
            if (entry == null) {
                continue;
            }
            Path p = folder.resolve(entry).normalize();
            List<Path> files = new ArrayList<>();
            boolean isFolder = Files.isDirectory(p);
            if (isFolder) {
                try (Stream<Path> list = Files.list(p)) {
                    files.addAll(list.filter(f -> f.getFileName().toString().matches(".*\\.(ya?ml|json)"))
                            .filter(f -> OptionsLoader.isScenarioFile(f) || OptionsLoader.isOptionsFile(f))
                            .sorted().toList());
                } catch (IOException e) {
                    error(at, "a folder that cannot be listed (" + FileReading.reason(e) + ")", "a readable folder");
                    continue;
                }
                if (files.isEmpty()) {
                    error(at, "a folder without scenario or options files ('" + entry + "')",
                            "a scenario file, an options file or a folder of them");
                }
            } else if (!Files.isRegularFile(p)) {
                error(at, "'" + entry + "', which does not exist (looked for " + p + ")",
                        "a scenario file, an options file or a folder of them, relative to the sweep file");
                continue;
            } else if (!p.getFileName().toString().matches(".*\\.(ya?ml|json)")) {
                error(at, "'" + entry + "', which is not a .yaml, .yml or .json file",
                        "a scenario file, an options file or a folder of them");
                continue;
            } else {
                files.add(p);
            }
            for (Path f : files) {
                String display = isFolder ? Path.of(entry).resolve(f.getFileName()).toString() : entry;
                List<Base> found = OptionsLoader.isOptionsFile(f) ? options(f, display, at)
                        : scenario(f, display, at);
                for (Base b : found) {
                    String before = ids.putIfAbsent(b.id(), b.display());
                    if (before != null) {
                        error(at, "'" + b.display() + "', whose variants would be named '" + b.id() + "' as those of '"
                                + before + "' are", "scenarios with different names (each variant's id starts with "
                                + "its scenario's name, or its options file's and option's)");
                    }
                    bases.add(b);
                }
            }
        }
        return bases;
    }

    /** @return a scenario file, loaded (as bedsim run loads it), or nothing if it has errors (listed) */
    private List<Base> scenario(Path f, String display, String at) {
        LoadedScenario s = ScenarioLoader.load(f, null, null);
        for (Problem problem : s.errors()) {
            add(problem.render(f.toString()), true);
        }
        if (s.hasErrors()) {
            int n = s.errors().size();
            error(at, "'" + display + "', a scenario file with errors (" + n + ", listed with its file)",
                    "a scenario file that runs");
            return List.of();
        }
        if (QuarterlyCalibration.declares(s.spec())) {
            error(at, "'" + display + "', a scenario that declares calibrations against quarterly figures (bedsim "
                    + "run solves them before it runs; a sweep does not)", "a scenario without quarterly "
                    + "calibrations: write the values bedsim calibrate solves into a copy and name that");
            return List.of();
        }
        JsonNode tree;
        try {
            byte[] bytes = Files.readAllBytes(f);
            tree = f.getFileName().toString().endsWith(".json") ? JSON.readTree(bytes) : YAML.readTree(bytes);
        } catch (IOException e) {
            add(Problem.error("", Location.UNKNOWN, "a scenario file that cannot be read again ("
                    + FileReading.reason(e) + ")", "a readable file").render(f.toString()), true);
            return List.of();
        }
        return List.of(new Base(s.spec().name(), display, s, tree, null));
    }

    /**
     * @return an options file's options (its base first), each merged into its base and checked as {@code bedsim
     *     compare} does, with the options file's replications and seed; nothing if it has errors (listed)
     */
    private List<Base> options(Path f, String display, String at) {
        LoadedOptions o = OptionsLoader.load(f, null, null);
        for (LoadedOptions.FileProblem problem : o.errors()) {
            add(problem.render(), true);
        }
        if (o.hasErrors()) {
            int n = o.errors().size();
            error(at, "'" + display + "', an options file with errors (" + n + ", listed with their files)",
                    "an options file whose options all run");
            return List.of();
        }
        if (QuarterlyCalibration.declares(o.base().spec())) {
            error(at, "'" + display + "', an options file whose base scenario declares calibrations against "
                    + "quarterly figures (bedsim compare solves them before it runs; a sweep does not)", "a base "
                    + "scenario without quarterly calibrations: write the values bedsim calibrate solves into a copy "
                    + "and name that");
            return List.of();
        }
        List<Base> out = new ArrayList<>();
        for (LoadedOptions.Option option : o.options()) {
            if (option.tree() == null) {
                add(Problem.error("", Location.UNKNOWN, "an options file whose base scenario cannot be read again",
                        "a readable file").render(f.toString()), true);
                return List.of();
            }
            out.add(new Base(o.spec().name() + "-" + option.name(), display + " option " + option.name(),
                    option.scenario(), option.tree(), new long[] {o.replications(), o.seed()}));
        }
        return out;
    }

    /** @return the points: the grid of listed values (the first parameter slowest), each with every draw */
    private static List<double[]> points(SweepFileSpec spec, List<Integer> listed, List<Integer> ranged) {
        List<SweepFileSpec.Parameter> params = spec.parameters();
        List<double[]> grid = new ArrayList<>();
        grid.add(new double[params.size()]);
        for (int i : listed) {
            List<double[]> next = new ArrayList<>();
            for (double[] g : grid) {
                for (double v : params.get(i).values()) {
                    double[] x = g.clone();
                    x[i] = v;
                    next.add(x);
                }
            }
            grid = next;
        }
        if (ranged.isEmpty()) {
            return grid;
        }
        SweepFileSpec.Sample sample = spec.sample();
        double[] lows = new double[ranged.size()];
        double[] highs = new double[ranged.size()];
        for (int k = 0; k < ranged.size(); k++) {
            lows[k] = params.get(ranged.get(k)).low();
            highs[k] = params.get(ranged.get(k)).high();
        }
        double[][] draws = Sampling.draw(lows, highs, sample.draws(),
                sample.method() != SweepFileSpec.Sample.Method.RANDOM,
                sample.stream() == null ? "sweep-sample" : sample.stream(), sample.seed() == null ? 1 : sample.seed());
        List<double[]> out = new ArrayList<>();
        for (double[] g : grid) {
            for (double[] d : draws) {
                double[] x = g.clone();
                for (int k = 0; k < ranged.size(); k++) {
                    SweepFileSpec.Parameter p = params.get(ranged.get(k));
                    x[ranged.get(k)] = Boolean.TRUE.equals(p.whole()) ? Math.rint(d[k]) : d[k];
                }
                out.add(x);
            }
        }
        return out;
    }

    /** Builds, checks and keeps every variant. */
    private List<Variant> variants(SweepFileSpec spec, List<Base> bases, List<double[]> points) {
        List<SweepFileSpec.Parameter> params = spec.parameters();
        List<Variant> out = new ArrayList<>();
        int width = Integer.toString(Math.max(0, points.size() - 1)).length();
        int shown = 0;
        int hidden = 0;
        for (Base b : bases) {
            for (int pi = 0; pi < points.size(); pi++) {
                double[] x = points.get(pi);
                JsonNode tree = b.tree().deepCopy();
                Map<String, Integer> concrete = new LinkedHashMap<>(); // concrete path -> parameter
                for (int i = 0; i < params.size(); i++) {
                    for (InputPaths.Ref r : InputPaths.resolve(tree, params.get(i).path())) {
                        r.set(number(x[i]));
                        concrete.put(r.path(), i);
                    }
                }
                if (spec.replications() != null || spec.seed() != null || b.run() != null) {
                    ObjectNode run = tree.has("run") && tree.get("run").isObject() ? (ObjectNode) tree.get("run")
                            : ((ObjectNode) tree).putObject("run");
                    if (spec.replications() != null || b.run() != null) {
                        run.put("replications", spec.replications() != null ? spec.replications() : b.run()[0]);
                    }
                    if (spec.seed() != null || b.run() != null) {
                        run.put("seed", spec.seed() != null ? spec.seed() : b.run()[1]);
                    }
                }
                String id = b.id() + (points.size() == 1 && params.isEmpty() ? ""
                        : "-" + String.format(Locale.ROOT, "%0" + width + "d", pi));
                byte[] json;
                try {
                    json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                LoadedScenario v = ScenarioLoader.load(id + ".json", json, null, null);
                List<Double> values = new ArrayList<>();
                for (double d : x) {
                    values.add(d);
                }
                // a variant refused as a scenario, or as a bridge when bridges are kept: its problems, up to the cap
                List<Problem> refused = v.hasErrors() ? v.errors() : List.of();
                boolean bridge = !v.hasErrors() && spec.keepsBridges() && v.spec().bridge() != null;
                if (bridge) {
                    BridgePlan.Result plan = BridgePlan.check(v);
                    refused = plan.hasErrors() ? plan.problems() : refused;
                }
                if (!refused.isEmpty()) {
                    for (Problem p : refused) {
                        if (shown >= MAX_VARIANT_PROBLEMS) {
                            hidden++;
                            continue;
                        }
                        shown++;
                        add(variantProblem(p, concrete, params, id, b.display(), x), true);
                    }
                    continue;
                }
                out.add(new Variant(out.size(), id, b.display(), values, json, ScenarioLoader.sha256(json),
                        v.replications(), v.seed(), bridge));
            }
        }
        if (hidden > 0) {
            errors += hidden;
            summary = name + ": error: and " + hidden + " more problem" + (hidden == 1 ? "" : "s")
                    + " of variants like those above";
        }
        return out;
    }

    /** @return a variant's problem, at the line of the parameter whose value causes it (else of parameters) */
    private String variantProblem(Problem p, Map<String, Integer> concrete, List<SweepFileSpec.Parameter> params,
            String id, String scenario, double[] x) {
        String at = "parameters";
        for (Map.Entry<String, Integer> e : concrete.entrySet()) {
            if (p.path().equals(e.getKey()) || p.path().startsWith(e.getKey() + ".")
                    || p.path().startsWith(e.getKey() + "[")) {
                SweepFileSpec.Parameter param = params.get(e.getValue());
                at = "parameters[" + e.getValue() + "]";
                if (param.values() != null) {
                    int j = param.values().indexOf(x[e.getValue()]);
                    at = j >= 0 ? at + ".values[" + j + "]" : at;
                } else {
                    at = at + ".low";
                }
                break;
            }
        }
        StringBuilder what = new StringBuilder();
        for (int i = 0; i < params.size(); i++) {
            what.append(", ").append(params.get(i).path()).append(" = ").append(plain(x[i]));
        }
        Location l = sources.at(at);
        String located = l.known() ? l.line() + ":" + l.column() + ": " : " ";
        return name + ":" + located + "error: in variant '" + id + "' (" + scenario + what + "): " + p.message();
    }

    /** @return a whole number as an integer node (so it binds where the scenario wants one), else a double */
    private static JsonNode number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return LongNode.valueOf((long) v);
        }
        return DoubleNode.valueOf(v);
    }

    /** @return a number as a planner writes it */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** @return the bytes as UTF-8 text (for messages) */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
