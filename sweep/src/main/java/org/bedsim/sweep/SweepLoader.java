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
import org.bedsim.scenario.FileReading;
import org.bedsim.scenario.InputPaths;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.Location;
import org.bedsim.scenario.OptionsLoader;
import org.bedsim.scenario.Problem;
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
            return new LoadedSweep(name, sha, spec.spec(), List.of(), List.of(), null, loader.problems,
                    loader.errors);
        }
        Path folder = file.toAbsolutePath().getParent();
        return loader.expand(sha, spec.spec(), folder);
    }

    private static LoadedSweep failed(String name, String sha, List<String> problems) {
        return new LoadedSweep(name, sha, null, List.of(), List.of(), null, problems, problems.size());
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

    /** A scenario of the sweep, loaded. */
    private record Base(String display, Path file, LoadedScenario loaded, JsonNode tree) {
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
                if (keptSettings.get(i) != null && !allSettings.isEmpty() && !allSettings.contains(keptSettings.get(i))) {
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
            return new LoadedSweep(name, sha, spec, List.of(), kpis, keptSettings, problems, errors);
        }
        List<double[]> points = points(spec, listed, ranged);
        long count = (long) points.size() * bases.size();
        if (count > MAX_VARIANTS) {
            error("parameters", count + " variants", "at most " + MAX_VARIANTS + " variants in one sweep");
            return new LoadedSweep(name, sha, spec, List.of(), kpis, keptSettings, problems, errors);
        }
        List<Variant> variants = variants(spec, bases, points);
        return new LoadedSweep(name, sha, spec, errors > 0 ? List.of() : variants, kpis, keptSettings, problems,
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

    /** @return the scenario files named (folders listed, by file name), each loaded */
    private List<Base> scenarios(SweepFileSpec spec, Path folder) {
        List<Base> bases = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; spec.scenarios() != null && i < spec.scenarios().size(); i++) {
            String entry = spec.scenarios().get(i);
            String at = "scenarios[" + i + "]";
            if (entry == null) {
                continue;
            }
            Path p = folder.resolve(entry).normalize();
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    files.addAll(list.filter(f -> f.getFileName().toString().matches(".*\\.(ya?ml|json)"))
                            .filter(OptionsLoader::isScenarioFile).sorted().toList());
                } catch (IOException e) {
                    error(at, "a folder that cannot be listed (" + FileReading.reason(e) + ")", "a readable folder");
                    continue;
                }
                if (files.isEmpty()) {
                    error(at, "a folder without scenario files", "a scenario file or a folder of them");
                }
            } else if (!Files.isRegularFile(p)) {
                error(at, "'" + entry + "', which does not exist (looked for " + p + ")",
                        "a scenario file or a folder, relative to the sweep file");
                continue;
            } else if (OptionsLoader.isOptionsFile(p)) {
                error(at, "an options file", "a scenario file (a sweep varies scenarios; name the options' base "
                        + "scenario and put the options' changes in parameters)");
                continue;
            } else {
                files.add(p);
            }
            for (Path f : files) {
                String display = Files.isDirectory(p) ? Path.of(entry).resolve(f.getFileName()).toString() : entry;
                LoadedScenario s = ScenarioLoader.load(f, null, null);
                for (Problem problem : s.errors()) {
                    add(problem.render(f.toString()), true);
                }
                if (s.spec() != null && s.spec().name() != null && !names.add(s.spec().name())) {
                    error(at, "a second scenario named '" + s.spec().name() + "' (" + display + ")",
                            "scenarios with different names (each variant's id starts with its scenario's name)");
                }
                JsonNode tree = null;
                if (!s.hasErrors()) {
                    try {
                        byte[] bytes = Files.readAllBytes(f);
                        tree = f.getFileName().toString().endsWith(".json") ? JSON.readTree(bytes)
                                : YAML.readTree(bytes);
                    } catch (IOException e) {
                        error(at, "a scenario file that cannot be read again (" + e.getMessage() + ")",
                                "a readable file");
                    }
                }
                bases.add(new Base(display, f, s, tree));
            }
        }
        return bases;
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
                if (spec.replications() != null || spec.seed() != null) {
                    ObjectNode run = tree.has("run") && tree.get("run").isObject() ? (ObjectNode) tree.get("run")
                            : ((ObjectNode) tree).putObject("run");
                    if (spec.replications() != null) {
                        run.put("replications", spec.replications());
                    }
                    if (spec.seed() != null) {
                        run.put("seed", spec.seed());
                    }
                }
                String id = b.loaded().spec().name() + (points.size() == 1 && params.isEmpty() ? ""
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
                if (v.hasErrors()) {
                    for (Problem p : v.errors()) {
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
                        v.replications(), v.seed()));
            }
        }
        if (hidden > 0) {
            errors += hidden;
            problems.add(name + ": error: and " + hidden + " more problem" + (hidden == 1 ? "" : "s")
                    + " of variants like those above");
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
