package org.bedsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.compare.Comparisons;
import org.bedsim.compare.InverseSearch;
import org.bedsim.model.FlowSettings;
import org.bedsim.compare.Target;
import org.bedsim.scenario.LoadedOptions.FileProblem;

/**
 * The whole way from an options file to options ready to compare: read the file strictly (streaming pass, structure
 * check, binding, as for scenarios), load its base scenario, merge each option into its base
 * ({@link ScenarioMerger}) and check the merged scenario exactly as a scenario file is checked (structure,
 * cross-field rules, compilation, pre-flight), then check the targets and bed searches against the options. Every
 * step that can run does, so the planner sees every problem at once; each problem points at the line that causes it,
 * in the options file or in the base scenario (then naming the option that brings it out).
 */
public final class OptionsLoader {
    private OptionsLoader() {
    }

    /** The effective replications and seed, and where the replications come from (for messages). */
    private record Run(int replications, long seed, String replicationsFrom) {
    }

    /** Loads an options file; never throws for a bad file. */
    public static LoadedOptions load(Path file, Integer replications, Long seed) {
        String name = file.toString();
        FileReading.Read read = FileReading.read(file, "options file");
        if (!read.ok()) {
            return failed(name, read.found(), read.expected());
        }
        byte[] bytes = read.bytes();
        return load(name, bytes, replications, seed);
    }

    /**
     * @return true if a file reads as an options file (a mapping with the keys {@code base} and {@code options}),
     *     false for a scenario or anything else
     */
    public static boolean isOptionsFile(Path file) {
        TreeReader.Format format = TreeReader.formatOf(file.getFileName().toString());
        if (format == null) {
            return false;
        }
        FileReading.Read read = FileReading.read(file, "options file");
        if (!read.ok()) {
            return false;
        }
        if (cannotName(read.bytes(), "options") || cannotName(read.bytes(), "base")) {
            return false; // most scenarios: told without parsing them twice (a 7 MB file took as long again)
        }
        Set<String> keys = TreeReader.topLevelKeys(read.bytes(), format);
        return keys.contains("base") && keys.contains("options");
    }

    /** @return true if the bytes can hold no key {@code word}: it is nowhere in them, and no escape could spell it */
    static boolean cannotName(byte[] bytes, String word) {
        byte[] w = word.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + w.length <= bytes.length; i++) {
            for (int k = 0; k < w.length; k++) {
                if (bytes[i + k] != w[k]) {
                    continue outer;
                }
            }
            return false;
        }
        for (byte b : bytes) {
            if (b == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a file's text just far enough to tell an options file from a scenario, without opening any other file.
     *
     * @param name the file's name (its extension gives the format)
     * @param bytes its content
     * @return the options file's {@code base.scenario} reference as written (a path relative to the file; empty if
     *     missing or not text), or null if the content is not an options file
     */
    public static String baseReference(String name, byte[] bytes) {
        TreeReader.Format format = TreeReader.formatOf(fileName(name));
        if (format == null) {
            return null;
        }
        JsonNode tree = TreeReader.read(bytes, format).tree();
        if (tree == null || !tree.isObject() || !tree.has("base") || !tree.has("options")) {
            return null;
        }
        JsonNode ref = tree.path("base").path("scenario");
        return ref.isTextual() ? ref.asText() : "";
    }

    /**
     * @return true if the file reads as a scenario (a mapping with {@code settings}, {@code cohorts} or
     *     {@code calendar} and without {@code base} and {@code options}); false if it cannot be read
     */
    public static boolean isScenarioFile(Path file) {
        TreeReader.Format format = TreeReader.formatOf(file.getFileName().toString());
        if (format == null) {
            return false;
        }
        FileReading.Read read = FileReading.read(file, "scenario file");
        if (!read.ok()) {
            return false;
        }
        Set<String> keys = TreeReader.topLevelKeys(read.bytes(), format);
        return !(keys.contains("base") && keys.contains("options"))
                && (keys.contains("settings") || keys.contains("cohorts") || keys.contains("calendar"));
    }

    /**
     * @return for each source id the options file's overrides and targets cite, where: the option and the path in
     *     its overrides ({@code six-sites: settings.melton-rehab}), or the target
     */
    public static Map<String, List<String>> citations(LoadedOptions options) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        OptionsFileSpec spec = options.spec();
        if (spec == null) {
            return out;
        }
        TreeReader.Format format = TreeReader.formatOf(fileName(options.file()));
        FileReading.Read read = FileReading.read(Path.of(options.file()), "options file");
        JsonNode tree = format == null || !read.ok() ? null : TreeReader.read(read.bytes(), format).tree();
        if (tree != null) {
            JsonNode list = tree.path("options");
            for (int i = 0; i < list.size(); i++) {
                String option = list.get(i).path("name").asText("options[" + i + "]");
                Job.citations(list.get(i).path("overrides"), "", (id, path) -> out.computeIfAbsent(id,
                        k -> new ArrayList<>()).add(option + ": " + path));
            }
        }
        for (TargetSpec t : spec.targets()) {
            if (t != null && t.source() != null) {
                out.computeIfAbsent(t.source(), k -> new ArrayList<>()).add("target " + t.name());
            }
        }
        return out;
    }

    /** Loads an options file from its bytes; {@code name} is its path (the base scenario is found beside it). */
    public static LoadedOptions load(String name, byte[] bytes, Integer replications, Long seed) {
        return new OptionsLoader.Job(name, bytes, replications, seed, null).run();
    }

    /**
     * The base scenario with its declared calibrations solved: the options start from it.
     *
     * @param base the calibrated base, compiled (as {@link QuarterlyCalibration#withValues})
     * @param values the solved values, one per calibration
     * @param calibration the base's calibrations, which write the values into the base file's tree before the
     *     options are merged into it (an option that sets one of those inputs keeps its own value)
     */
    public record CalibratedBase(LoadedScenario base, double[] values, QuarterlyCalibration calibration) {
    }

    /**
     * Loads an options file whose options start from the calibrated base (see {@link CalibratedBase}); the file's
     * problems are those of {@link #load(Path, Integer, Long)}.
     */
    public static LoadedOptions load(Path file, Integer replications, Long seed, CalibratedBase calibrated) {
        String name = file.toString();
        FileReading.Read read = FileReading.read(file, "options file");
        if (!read.ok()) {
            return failed(name, read.found(), read.expected());
        }
        return new OptionsLoader.Job(name, read.bytes(), replications, seed, calibrated).run();
    }

    private static LoadedOptions failed(String name, String found, String expected) {
        return new LoadedOptions(name, "", null, null, List.of(), List.of(), List.of(), 0, 0, 0,
                List.of(new FileProblem(name, null, Problem.error("", Location.UNKNOWN, found, expected))));
    }

    /** One loading, with its growing list of problems. */
    private static final class Job {
        private final String name;
        private final byte[] bytes;
        private final Integer cliReplications;
        private final Long cliSeed;
        private final List<FileProblem> problems = new ArrayList<>();
        private final Set<String> reported = new HashSet<>();
        private SourceMap at;
        private JsonNode fileTree;
        private String baseName;
        private final Map<String, Target> targetsByName = new HashMap<>();
        private final Set<String> clashing = new HashSet<>();

        private final CalibratedBase calibrated;

        Job(String name, byte[] bytes, Integer replications, Long seed, CalibratedBase calibrated) {
            this.calibrated = calibrated;
            this.name = name;
            this.bytes = bytes;
            this.cliReplications = replications;
            this.cliSeed = seed;
        }

        LoadedOptions run() {
            String sha = ScenarioLoader.sha256(bytes);
            TreeReader.Format format = TreeReader.formatOf(fileName(name));
            if (format == null) {
                return failed(name, "a file named " + fileName(name), "an options file ending in .yaml, .yml or "
                        + ".json");
            }
            TreeReader.Result tree = TreeReader.read(bytes, format);
            at = tree.sources();
            fileTree = tree.tree();
            tree.problems().forEach(p -> add(name, null, p));
            if (tree.tree() == null) {
                return result(sha, null, null, List.of(), List.of(), List.of(), null, 0);
            }
            ScenarioReader.Bound<OptionsFileSpec> bound = ScenarioReader.bind(tree.tree(), at, OptionsFileSpec.class,
                    "an options file");
            bound.problems().forEach(p -> add(name, null, p));
            OptionsFileSpec spec = bound.spec();
            if (spec == null) {
                return result(sha, null, null, List.of(), List.of(), List.of(), null, 0);
            }
            names(spec);
            Path baseFile = baseFile(spec);
            Run run = run(spec, baseFile == null ? null : ScenarioLoader.load(baseFile, null, null));
            LoadedScenario base = baseFile == null ? null : base(baseFile, run);
            if (calibrated != null && base != null && !base.hasErrors()) {
                base = calibrated.base();
            }
            List<LoadedOptions.Option> options = new ArrayList<>();
            if (base != null && !base.hasErrors()) {
                options = options(spec, base, run, tree.sources());
            }
            List<Target> targets = targets(spec, base, options);
            List<LoadedOptions.Search> searches = searches(spec, options, targets);
            uncitedSources(spec);
            double events = events(spec, options, searches);
            memory(spec, options, searches, run);
            boolean allLoaded = base != null && !base.hasErrors() && options.size() == spec.options().size() + 1;
            return result(sha, spec, base, allLoaded ? options : List.of(), targets, searches, run, events);
        }

        private LoadedOptions result(String sha, OptionsFileSpec spec, LoadedScenario base,
                List<LoadedOptions.Option> options, List<Target> targets, List<LoadedOptions.Search> searches,
                Run run, double events) {
            List<FileProblem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparing((FileProblem p) -> !p.file().equals(name))
                    .thenComparing(FileProblem::file)
                    .thenComparingInt(p -> p.problem().at().known() ? p.problem().at().line() : Integer.MAX_VALUE)
                    .thenComparingInt(p -> p.problem().at().column())
                    .thenComparing(p -> p.problem().severity()));
            boolean errors = sorted.stream().anyMatch(p -> p.problem().isError());
            return new LoadedOptions(name, sha, spec, base, errors ? List.of() : options, targets, searches,
                    run == null ? 0 : run.replications(), run == null ? 0 : run.seed(), events, sorted);
        }

        // ---- the options file's own rules --------------------------------------------------------------------

        private void names(OptionsFileSpec spec) {
            baseName = spec.base() == null ? null : spec.base().name();
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < spec.options().size(); i++) {
                OptionSpec o = spec.options().get(i);
                if (o == null || o.name() == null) {
                    continue;
                }
                String p = "options[" + i + "]";
                if (o.name().equals(baseName)) {
                    error(p + ".name", "the name '" + o.name() + "', which is the base's (base.name)",
                            "a name of its own for each option");
                } else if (first.putIfAbsent(o.name(), i) != null) {
                    error(p + ".name", "the name '" + o.name() + "' again (options[" + first.get(o.name())
                            + "] has it)", "a name no other option uses");
                }
                if (o.basedOn() != null && !o.basedOn().equals(baseName)) {
                    Integer earlier = first.get(o.basedOn());
                    // with base.name refused or missing (reported), a name that is no option may be the base's
                    if ((earlier == null && baseName != null) || (earlier != null && earlier >= i)) {
                        Set<String> before = new LinkedHashSet<>();
                        if (baseName != null) {
                            before.add(baseName);
                        }
                        for (int j = 0; j < i; j++) {
                            OptionSpec e = spec.options().get(j);
                            if (e != null && e.name() != null) {
                                before.add(e.name());
                            }
                        }
                        error(p + ".based_on", "'" + o.basedOn() + "', which is not an earlier option",
                                "the base or an option listed before this one: " + String.join(", ", before));
                    }
                }
            }
        }

        /** @return the base scenario file, or null if the options file names none (reported) */
        private Path baseFile(OptionsFileSpec spec) {
            if (spec.base() == null || spec.base().scenario() == null) {
                return null;
            }
            String p = "base.scenario";
            String written = spec.base().scenario();
            if (TreeReader.formatOf(written) == null) {
                error(p, "'" + written + "'", "a scenario file ending in .yaml, .yml or .json, relative to the "
                        + "options file");
                return null;
            }
            Path resolved = resolve(written);
            if (!Files.isRegularFile(resolved)) {
                error(p, "'" + written + "', which is not a file (" + resolved + ")", "a scenario file, relative "
                        + "to the options file's folder");
                return null;
            }
            if (isOptionsFile(resolved)) {
                error(p, "'" + written + "', an options file", "a scenario file (options cannot be based on "
                        + "options)");
                return null;
            }
            return resolved;
        }

        /** @return the base scenario loaded for the comparison's run, its problems reported */
        private LoadedScenario base(Path file, Run run) {
            LoadedScenario base = ScenarioLoader.load(file, run.replications(), run.seed());
            base.problems().forEach(q -> add(base.file(), null, q));
            if (base.hasErrors()) {
                error("base.scenario", "a base scenario with errors (" + base.errors().size() + ", listed with "
                        + "its file)", "a base scenario that runs");
            }
            return base;
        }

        private Path resolve(String written) {
            Path dir = Path.of(name).getParent();
            return (dir == null ? Path.of(written) : dir.resolve(written)).normalize();
        }

        private Run run(OptionsFileSpec spec, LoadedScenario base) {
            RunSpec own = spec.run();
            RunSpec baseRun = base == null || base.spec() == null ? null : base.spec().run();
            int reps;
            String from;
            if (cliReplications != null) {
                reps = cliReplications;
                from = "--replications";
            } else if (own != null && own.replications() != null) {
                reps = own.replications();
                from = "run.replications";
            } else if (baseRun != null && baseRun.replications() != null) {
                reps = baseRun.replications();
                from = "the base scenario's run.replications";
            } else {
                reps = RunSpec.DEFAULT_REPLICATIONS;
                from = "the default";
            }
            long seed = cliSeed != null ? cliSeed : own != null && own.seed() != null ? own.seed()
                    : baseRun != null && baseRun.seed() != null ? baseRun.seed() : RunSpec.DEFAULT_SEED;
            if (reps < 2) {
                String p = from.equals("run.replications") ? "run.replications" : own != null ? "run" : "";
                error(p, reps + " replication (" + from + ")", "at least 2 replications: differences between "
                        + "options need intervals" + (p.isEmpty() ? " (add run: {replications: 10})" : ""));
            }
            return new Run(reps, seed, from);
        }

        // ---- the options -------------------------------------------------------------------------------------

        private List<LoadedOptions.Option> options(OptionsFileSpec spec, LoadedScenario base, Run run,
                SourceMap optionSources) {
            List<LoadedOptions.Option> out = new ArrayList<>();
            // the base file's own tree, as read: its paths are what the base's locations refer to
            ObjectNode baseTree = readTree(base);
            if (baseTree != null && calibrated != null) {
                calibrated.calibration().writeInto(baseTree, calibrated.values());
            }
            out.add(new LoadedOptions.Option(baseName, spec.base().description(), null, true, base, List.of(),
                    baseTree));
            if (baseTree == null) {
                error("base.scenario", "a base scenario that could not be read again", "a readable file");
                return out;
            }
            Map<String, ScenarioMerger.Merged> merged = new HashMap<>();
            Map<String, JsonNode> ownSources = new LinkedHashMap<>();
            JsonNode sourcesNode = fileTree.path("sources");
            sourcesNode.fields().forEachRemaining(e -> ownSources.put(e.getKey(), e.getValue()));
            for (String id : ownSources.keySet()) {
                if (base.spec().sources().containsKey(id)) {
                    String p = Paths.key("sources", id);
                    problems.add(new FileProblem(name, null, Problem.error(p, at.keyAt(p), "the source id '" + id
                            + "', which the base scenario also has", "an id the base scenario does not use (cite "
                            + "the base's own source instead)")));
                }
            }
            ownSources.keySet().removeIf(id -> base.spec().sources().containsKey(id));
            spec.sources().keySet().stream().filter(id -> base.spec().sources().containsKey(id))
                    .forEach(clashing::add);
            for (int i = 0; i < spec.options().size(); i++) {
                OptionSpec o = spec.options().get(i);
                if (o == null || o.name() == null || o.overrides() == null) {
                    continue;
                }
                ObjectNode parentTree = baseTree;
                Map<String, ScenarioMerger.Origin> parentOrigins = ScenarioMerger.ownOrigins(baseTree);
                if (o.basedOn() != null && !o.basedOn().equals(baseName)) {
                    ScenarioMerger.Merged parent = merged.get(o.basedOn());
                    if (parent == null) {
                        continue; // unknown (reported) or with errors (reported there)
                    }
                    parentTree = parent.tree();
                    parentOrigins = parent.origins();
                }
                String op = "options[" + i + "].overrides";
                if (!(fileTree.path("options").path(i).path("overrides") instanceof ObjectNode overrides)) {
                    continue;
                }
                ScenarioMerger.Merged m = ScenarioMerger.merge(parentTree, parentOrigins, overrides, op,
                        optionSources);
                m.problems().forEach(p -> add(name, null, p));
                ScenarioMerger.addSources(m, ownSources, optionSources);
                SourceMap sources = m.sources(base.sources(), optionSources);
                ScenarioReader.Bound<ScenarioSpec> bound = ScenarioReader.bind(m.tree(), sources,
                        ScenarioSpec.class, "a scenario");
                List<Problem> found = new ArrayList<>(bound.problems());
                LoadedScenario loaded = bound.spec() == null ? null : ScenarioLoader.load(name + " (option "
                        + o.name() + ")", ScenarioLoader.sha256(bytes), new ScenarioReader.Result(bound.spec(),
                        sources, ScenarioReader.sorted(found)), run.replications(), run.seed());
                List<Problem> all = loaded == null ? found : loaded.problems();
                boolean errors = !m.problems().isEmpty();
                for (Problem p : all) {
                    if (!p.isError() && "sources".equals(Paths.parent(p.path()))) {
                        continue; // sources nobody cites: checked over all options at once
                    }
                    errors |= p.isError();
                    ScenarioMerger.Origin origin = m.originOf(p.path());
                    if (origin.file() != ScenarioMerger.File.BASE && optionSources.refused(origin.path())) {
                        continue; // the value there was refused as the options file was read (reported)
                    }
                    // a key removed by a null is absent from the merged tree: point at the null
                    Location where = m.removed().containsKey(p.path()) ? optionSources.at(origin.path()) : p.at();
                    Problem q = new Problem(p.severity(), origin.path(), where, p.found(), p.expected());
                    if (origin.file() == ScenarioMerger.File.BASE) {
                        if (!base.problems().contains(q)) {
                            add(base.file(), o.name(), q);
                        }
                    } else {
                        add(name, null, q);
                    }
                }
                if (loaded == null || loaded.hasErrors() || errors) {
                    continue;
                }
                merged.put(o.name(), m);
                out.add(new LoadedOptions.Option(o.name(), o.description(), o.basedOn(), false, loaded,
                        m.changes().stream().map(ScenarioMerger.Change::toString).toList(), m.tree()));
            }
            return out;
        }

        /** @return the base scenario file's tree as read, or null */
        private static ObjectNode readTree(LoadedScenario base) {
            FileReading.Read read = FileReading.read(Path.of(base.file()), "scenario file");
            TreeReader.Format format = TreeReader.formatOf(base.file());
            JsonNode t = read.ok() && format != null ? TreeReader.read(read.bytes(), format).tree() : null;
            return t instanceof ObjectNode o ? o : null;
        }


        // ---- targets and searches ----------------------------------------------------------------------------

        private List<Target> targets(OptionsFileSpec spec, LoadedScenario base, List<LoadedOptions.Option> options) {
            Set<String> settings = new LinkedHashSet<>();
            boolean settingsKnown = base != null && !base.hasErrors()
                    && options.size() == spec.options().size() + 1;
            for (LoadedOptions.Option o : options) {
                o.settings().settings().stream().filter(s -> !s.isSink()).forEach(s -> settings.add(s.name()));
            }
            Set<String> sourceIds = new HashSet<>(spec.sources().keySet());
            if (base != null && base.spec() != null) {
                sourceIds.addAll(base.spec().sources().keySet());
            }
            List<Target> out = new ArrayList<>();
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < spec.targets().size(); i++) {
                TargetSpec t = spec.targets().get(i);
                String p = "targets[" + i + "]";
                if (t == null) {
                    continue;
                }
                if (t.name() != null && first.putIfAbsent(t.name(), i) != null) {
                    error(p + ".name", "the name '" + t.name() + "' again (targets[" + first.get(t.name())
                            + "] has it)", "a name no other target uses");
                }
                boolean ok = t.name() != null && t.label() != null && t.kpi() != null
                        && !at.refused(p + ".settings") && !t.settings().contains(null);
                if (settingsKnown) {
                    for (int k = 0; k < t.settings().size(); k++) {
                        String s = t.settings().get(k);
                        if (s != null && !settings.contains(s)) {
                            error(p + ".settings[" + k + "]", "'" + s + "', which is not a setting of the base or "
                                    + "of any option", "a setting that is not of kind home: " + String.join(", ",
                                    settings));
                            ok = false;
                        }
                    }
                }
                if ((t.atMost() == null) == (t.atLeast() == null)) {
                    error(p, t.atMost() == null ? "neither at_most nor at_least" : "both at_most and at_least",
                            "exactly one of at_most and at_least");
                    ok = false;
                }
                if (t.source() == null) {
                    problems.add(new FileProblem(name, null, Problem.warning(p, at.at(p), "no source for the "
                            + "threshold of target '" + t.name() + "'", "a 'source' naming an entry of sources (a "
                            + "published figure, or 'assumed' with the reasoning)")));
                } else if (!sourceIds.contains(t.source())) {
                    error(p + ".source", "the source '" + t.source() + "', which is not in sources",
                            "an id of the options file's or the base scenario's sources: " + String.join(", ",
                                    new java.util.TreeSet<>(sourceIds)));
                }
                if (ok) {
                    boolean atMost = t.atMost() != null;
                    Target target = new Target(t.label(), t.settings(), t.kpi().kpi(), atMost,
                            atMost ? t.atMost() : t.atLeast());
                    out.add(target);
                    targetsByName.putIfAbsent(t.name(), target);
                }
            }
            return out;
        }

        private List<LoadedOptions.Search> searches(OptionsFileSpec spec, List<LoadedOptions.Option> options,
                List<Target> targets) {
            List<LoadedOptions.Search> out = new ArrayList<>();
            Map<String, Target> byName = targetsByName;
            Set<String> targetNames = new LinkedHashSet<>();
            spec.targets().forEach(t -> {
                if (t != null && t.name() != null) {
                    targetNames.add(t.name());
                }
            });
            boolean optionsKnown = options.size() == spec.options().size() + 1;
            for (int i = 0; i < spec.optimise().size(); i++) {
                OptimiseSpec s = spec.optimise().get(i);
                String p = "optimise[" + i + "]";
                if (s == null) {
                    continue;
                }
                int levers = (s.stayCut() != null ? 1 : 0) + (s.arrivals() != null ? 1 : 0)
                        + (s.setting() != null || s.low() != null || s.high() != null ? 1 : 0);
                if (levers != 1) {
                    error(p, levers == 0 ? "no lever" : "more than one lever", "exactly one of: setting, low and "
                            + "high (a bed search); stay_cut; arrivals");
                    continue;
                }
                if (s.stayCut() != null || s.arrivals() != null) {
                    LoadedOptions.Search inverse = inverseSearch(s, p, options, optionsKnown, byName, targetNames);
                    if (inverse != null) {
                        out.add(inverse);
                    }
                    continue;
                }
                for (String k : new String[] {"setting", "low", "high"}) {
                    if ((k.equals("setting") ? s.setting() : k.equals("low") ? s.low() : s.high()) == null) {
                        error(p + "." + k, "nothing (the key '" + k + "' is missing)", "setting, low and high for "
                                + "a bed search");
                    }
                }
                boolean ok = s.low() != null && s.high() != null && s.setting() != null;
                LoadedOptions.Option option = null;
                if (s.option() != null && optionsKnown) {
                    option = options.stream().filter(o -> s.option().equals(o.name())).findFirst().orElse(null);
                    if (option == null && baseName != null) { // else it may name the base (base.name reported)
                        error(p + ".option", "'" + s.option() + "', which is not an option", "the base or an "
                                + "option: " + String.join(", ", options.stream().map(LoadedOptions.Option::name)
                                .toList()));
                    }
                }
                if (option != null && s.setting() != null) {
                    List<String> beds = option.settings().settings().stream().filter(c -> !c.isSink())
                            .map(c -> c.name()).toList();
                    if (!beds.contains(s.setting())) {
                        error(p + ".setting", "'" + s.setting() + "', which is not a setting of option '"
                                + option.name() + "'", "a setting of that option that is not of kind home: "
                                + String.join(", ", beds));
                        ok = false;
                    }
                }
                Target target = null;
                if (s.target() != null) {
                    target = byName.get(s.target());
                    if (!targetNames.contains(s.target())) {
                        error(p + ".target", "'" + s.target() + "', which is not a target", targetNames.isEmpty()
                                ? "the name of a target (there are none: add targets)"
                                : "the name of a target: " + String.join(", ", targetNames));
                    }
                }
                if (s.low() != null && s.high() != null && s.high() <= s.low()) {
                    error(p + ".high", s.high() + " beds, not above low (" + s.low() + ")", "more beds than low: "
                            + "the search runs between too few (low) and enough (high)");
                    ok = false;
                }
                if (ok && option != null && target != null) {
                    out.add(new LoadedOptions.Search(option.name(), s.setting(), target, s.low(), s.high()));
                }
            }
            return out;
        }

        /** Checks and builds a search on stays or arrivals; null if it has an error (reported). */
        private LoadedOptions.Search inverseSearch(OptimiseSpec s, String p, List<LoadedOptions.Option> options,
                boolean optionsKnown, Map<String, Target> byName, Set<String> targetNames) {
            LoadedOptions.Option option = null;
            boolean ok = true;
            if (s.option() != null && optionsKnown) {
                option = options.stream().filter(o -> java.util.Objects.equals(o.name(), s.option())).findFirst()
                        .orElse(null);
                if (option == null) {
                    error(p + ".option", "'" + s.option() + "', which is not an option", "the base or an option: "
                            + String.join(", ", options.stream().map(LoadedOptions.Option::name).toList()));
                }
            }
            Target target = s.target() == null ? null : byName.get(s.target());
            if (s.target() != null && !targetNames.contains(s.target())) {
                error(p + ".target", "'" + s.target() + "', which is not a target", targetNames.isEmpty()
                        ? "the name of a target (there are none: add targets)"
                        : "the name of a target: " + String.join(", ", targetNames));
            }
            String lp = p + (s.stayCut() != null ? ".stay_cut" : ".arrivals");
            List<String> cohorts = s.stayCut() != null ? s.stayCut().cohorts() : s.arrivals().cohorts();
            Double low = s.stayCut() != null ? s.stayCut().low() : s.arrivals().low();
            Double high = s.stayCut() != null ? s.stayCut().high() : s.arrivals().high();
            Double step = s.stayCut() != null ? s.stayCut().step() : s.arrivals().step();
            String setting = s.stayCut() != null ? s.stayCut().setting() : null;
            if (option != null) {
                FlowSettings fs = option.settings();
                List<String> names = fs.cohorts().stream().map(c -> c.name()).toList();
                for (int i = 0; i < cohorts.size(); i++) {
                    if (!names.contains(cohorts.get(i))) {
                        error(lp + ".cohorts[" + i + "]", "'" + cohorts.get(i) + "', which is not a cohort of option '"
                                + option.name() + "'", "a cohort: " + String.join(", ", names));
                        ok = false;
                    }
                }
                if (setting != null) {
                    List<String> stays = fs.cohorts().stream()
                            .filter(c -> cohorts.isEmpty() || cohorts.contains(c.name()))
                            .flatMap(c -> c.lengthOfStay().keySet().stream()).distinct().toList();
                    if (!stays.contains(setting)) {
                        error(lp + ".setting", "'" + setting + "', where the cohorts searched have no stay",
                                "a setting where they stay: " + String.join(", ", stays));
                        ok = false;
                    }
                }
                if (s.arrivals() != null && ok) {
                    double base = new InverseSearch.Lever(InverseSearch.Kind.ARRIVALS, null, cohorts)
                            .baseArrivals(fs);
                    if (!(base > 0)) {
                        error(lp + ".cohorts", "cohorts with no arrivals", "cohorts with arrivals to scale");
                        ok = false;
                    }
                }
            }
            if (low == null || high == null) {
                ok = false;
            } else if (!(high > low)) {
                error(lp + ".high", StructureChecker.plain(high) + ", not above low (" + StructureChecker.plain(low)
                        + ")", "a range from low to a larger high");
                ok = false;
            }
            if (!ok || option == null || target == null) {
                return null;
            }
            double grid = step != null ? step : s.stayCut() != null ? 0.01 : 100;
            InverseSearch.Lever lever = new InverseSearch.Lever(s.stayCut() != null ? InverseSearch.Kind.STAY_CUT
                    : InverseSearch.Kind.ARRIVALS, setting, cohorts);
            return new LoadedOptions.Search(option.name(), setting, target, 0, 0,
                    new LoadedOptions.Inverse(lever, low, high, grid));
        }

        /** Warns about sources of the options file that nothing cites. */
        private void uncitedSources(OptionsFileSpec spec) {
            Set<String> cited = new HashSet<>();
            collectSources(fileTree.path("options"), cited);
            spec.targets().forEach(t -> {
                if (t != null && t.source() != null) {
                    cited.add(t.source());
                }
            });
            for (String id : spec.sources().keySet()) {
                if (!cited.contains(id) && !clashing.contains(id)) {
                    String p = Paths.key("sources", id);
                    problems.add(new FileProblem(name, null, Problem.warning(p, at.at(p), "a source no figure "
                            + "cites", "every source to be named by some 'source' key (or removed)")));
                }
            }
            spec.sources().forEach((id, s) -> {
                if (s == null) {
                    return;
                }
                String p = Paths.key("sources", id);
                if ((s.cite() != null) == (s.assumed() != null)) {
                    error(p, s.cite() != null ? "both cite and assumed" : "neither cite nor assumed", "exactly "
                            + "one of cite (where a published figure is) and assumed (the reasoning behind an "
                            + "assumption)");
                }
                if (s.quote() != null && s.cite() == null) {
                    error(p + ".quote", "a quote without cite", "quote only with cite (the text quoted from it)");
                }
                if (s.note() != null && s.cite() == null) {
                    error(p + ".note", "a note without cite", "note only with cite (assumed holds the reasoning)");
                }
            });
        }

        private static void collectSources(JsonNode n, Set<String> out) {
            citations(n, "", (id, path) -> out.add(id));
        }

        /** Calls {@code visit} with each {@code source} value under a node and its path (named items by name). */
        static void citations(JsonNode n, String path, java.util.function.BiConsumer<String, String> visit) {
            if (n.isObject()) {
                n.fields().forEachRemaining(e -> {
                    if (e.getKey().equals("source") && e.getValue().isTextual()) {
                        visit.accept(e.getValue().asText(), path);
                    } else {
                        citations(e.getValue(), Paths.key(path, e.getKey()), visit);
                    }
                });
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    JsonNode item = n.get(i);
                    String name = item.path("name").isTextual() ? item.get("name").asText() : null;
                    citations(item, name != null ? Paths.key(path, name) : Paths.index(path, i), visit);
                }
            }
        }

        private double events(OptionsFileSpec spec, List<LoadedOptions.Option> options,
                List<LoadedOptions.Search> searches) {
            double total = 0;
            for (LoadedOptions.Option o : options) {
                if (o.scenario().preFlight() != null) {
                    total += o.scenario().preFlight().events();
                }
            }
            for (LoadedOptions.Search s : searches) {
                LoadedOptions.Option o = options.stream().filter(x -> s.option().equals(x.name())).findFirst()
                        .orElse(null);
                if (o != null && o.scenario().preFlight() != null) {
                    total += o.scenario().preFlight().events() * (s.inverse() == null
                            ? Comparisons.searchRuns(s.low(), s.high())
                            : InverseSearch.maxRuns(s.inverse().low(), s.inverse().high(), s.inverse().step()));
                }
            }
            if (total > PreFlightCheck.MAX_EVENTS) {
                String p = spec.optimise().isEmpty() ? "options" : "optimise";
                error(p, "a comparison of about " + PreFlightCheck.count(total) + " events (" + options.size()
                        + " options" + (searches.isEmpty() ? "" : " and " + searches.size() + " bed searches")
                        + ")", "at most " + PreFlightCheck.count(PreFlightCheck.MAX_EVENTS) + " events: fewer "
                        + "replications, options or searches, narrower search ranges, or a shorter horizon");
            }
            return total;
        }

        /**
         * Refuses a comparison whose options, held at once until the outputs are written (and one search
         * configuration at a time), need more memory than this Java may use; each option alone was checked already.
         */
        private void memory(OptionsFileSpec spec, List<LoadedOptions.Option> options,
                List<LoadedOptions.Search> searches, Run run) {
            if (run == null || options.isEmpty() || options.stream().anyMatch(o -> o.settings() == null
                    || o.scenario().hasErrors())) {
                return;
            }
            List<FlowSettings> searched = new ArrayList<>();
            for (LoadedOptions.Search s : searches) {
                options.stream().filter(x -> s.option().equals(x.name())).findFirst()
                        .ifPresent(x -> searched.add(x.settings()));
            }
            List<FlowSettings> all = options.stream().map(LoadedOptions.Option::settings).toList();
            long needed = PreFlightCheck.comparisonBytes(all, searched, run.replications());
            if (needed > PreFlightCheck.allowedBytes()) {
                String p = spec.optimise().isEmpty() || searched.isEmpty() ? "options" : "optimise";
                error(p, String.format(java.util.Locale.ROOT, "a comparison needing about %d MiB of memory (the "
                        + "daily series of %d options x %d replications, held at once until the outputs are written"
                        + "%s, and the model)", needed >> 20, options.size(), run.replications(),
                        searched.isEmpty() ? "" : ", and of one search configuration at a time"),
                        PreFlightCheck.memoryExpected(needed, "fewer replications or options, or a shorter "
                        + "horizon"));
            }
        }

        // ---- problems ----------------------------------------------------------------------------------------

        private void error(String path, String found, String expected) {
            add(name, null, Problem.error(path, at.at(path), found, expected));
        }

        private void add(String file, String option, Problem p) {
            if (reported.add(file + "\u0000" + option + "\u0000" + p.severity() + p.path() + "\u0000" + p.message())) {
                problems.add(new FileProblem(file, option, p));
            }
        }
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
