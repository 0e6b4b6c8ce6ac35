package org.bedsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.html.HtmlReport;
import org.bedsim.spells.FitReport;
import org.bedsim.spells.ScenarioFit;
import org.bedsim.spells.ScenarioYaml;
import org.bedsim.spells.SpellExtract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bedsim fit SPELLS.csv}: fit a scenario from a spell extract. */
@Command(name = "fit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Fits a scenario from a spell extract (one row per stay in a setting, CSV).",
            "",
            "Columns (found by these names, case-insensitive, or named in --map): spell_id,",
            "patient_id, setting, admitted_at, discharged_at (empty: still in at the end),",
            "ready_at, admission_type (words or NHS admission-method codes), age_band (a band",
            "or an age), admitted_from (empty: from outside), destination (a setting, a sink",
            "or an NHS discharge-destination code), replication.",
            "Writes the scenario (validate and run accept it as it is) and fit-report.html",
            "beside it. Bad rows are counted and located; more than 5 %% of them stops the",
            "fit (exit 2) unless --allow-bad-rows.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bedsim fit scenarios/examples/data/spells.csv --out out/fitted/scenario.yaml",
            "  ./bedsim fit extract.csv --map map.yaml --name my-trust --out my-trust.yaml"})
final class FitCommand implements Callable<Integer> {
    static final String REPORT = "fit-report.html";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPELLS", description = "The spell extract (CSV: any delimiter, quotes, "
            + "UTF-8 with or without BOM).")
    private Path spells;

    @Option(names = "--map", paramLabel = "MAP.yaml", description = "Mapping file: columns (field: column name), "
            + "kinds (setting: acute|community|virtual_ward|interim), beds (setting: beds).")
    private Path map;

    @Option(names = "--out", paramLabel = "FILE", description = "The scenario to write (default: <extract>-fitted"
            + ".yaml in out/fit/); fit-report.html goes beside it.")
    private Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The scenario's name (default from the file).")
    private String name;

    @Option(names = "--allow-bad-rows", description = "Fit even when more than 5 %% of rows are refused.")
    private boolean allowBad;

    @Option(names = "--replication", paramLabel = "R", description = "With a replication column: the one to "
            + "read (default: the first).")
    private Integer replication;

    @Option(names = "--train-until", paramLabel = "DATE", description = "Fit on the stays admitted up to this "
            + "date only (stays still in then are open); back-test after it.")
    private LocalDate until;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Mapping m = Mapping.read(map);
        SpellExtract x;
        try {
            x = SpellExtract.read(spells, new SpellExtract.Options(m.columns, replication, until));
        } catch (SpellExtract.ExtractError e) {
            throw new UserError(e.getMessage());
        }
        report(err, x);
        if (x.rowsRead() == 0) {
            throw new UserError(spells + ": no rows after the header; nothing to fit");
        }
        if (x.rowsUsed() == 0) {
            throw new UserError(spells + ": no usable row (all " + x.rowsRead() + " refused); nothing to fit");
        }
        double bad = (double) x.rowsRefused() / Math.max(1, x.rowsUsed() + x.rowsRefused());
        if (bad > 0.05 && !allowBad) {
            throw new UserError(String.format(Locale.ROOT, "%s: %.1f %% of rows refused, more than 5 %%; fix the "
                    + "extract or fit anyway with --allow-bad-rows", spells, 100 * bad));
        }
        ScenarioFit f = ScenarioFit.of(x);
        if (f.cohorts().isEmpty()) {
            throw new UserError(spells + ": no cohort could be fitted (see the warnings above)");
        }
        for (String w : f.warnings()) {
            err.println("bedsim: warning: " + w);
        }
        String stem = x.fileName().replaceAll("\\.[^.]*$", "");
        String scenarioName = name != null ? name : org.bedsim.spells.Names.id(stem + "-fitted");
        Path target = out != null ? out : Path.of("out", "fit", scenarioName + ".yaml");
        Path dirPath = target.toAbsolutePath().getParent();
        String text = ScenarioYaml.write(f, scenarioName, m.kinds, m.beds);
        HtmlReport report = FitReport.build(f, target.getFileName().toString());
        try {
            OutputDirectory dir = OutputDirectory.create(dirPath);
            dir.write(target.getFileName().toString(), w -> w.write(text));
            dir.write(REPORT, report::write);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot write " + target + ": " + e.getMessage());
        }
        o.println(String.format(Locale.ROOT, "Fitted %d cohorts from %,d stays (%s to %s)", f.cohorts().size(),
                x.rowsUsed(), x.firstDate(), x.lastDate()));
        o.println(String.format(Locale.ROOT, "  %-36s %10s  %-22s %s", "cohort", "a year", "95 % interval",
                "stay in the entry setting"));
        for (ScenarioFit.CohortFit c : f.cohorts()) {
            var entry = c.stays().get(c.entry()).fit();
            o.println(String.format(Locale.ROOT, "  %-36s %10.1f  [%8.1f, %8.1f]   %s, mean %.2f days", c.name(),
                    c.arrivals().perYear(), c.arrivals().perYearLow(), c.arrivals().perYearHigh(),
                    entry.fitsWell() ? entry.best().family().key() : "Kaplan-Meier", entry.best().mean()));
        }
        o.println("Wrote " + target + ", " + target.resolveSibling(REPORT));
        o.flush();
        return Main.OK;
    }

    static void report(PrintWriter err, SpellExtract x) {
        err.println(String.format(Locale.ROOT, "bedsim: %s: %,d rows read, %,d used, %,d refused", x.fileName(),
                x.rowsRead(), x.rowsUsed(), x.rowsRefused()));
        for (SpellExtract.ProblemCount p : x.problems()) {
            StringBuilder lines = new StringBuilder();
            for (long l : p.firstLines()) {
                lines.append(lines.length() == 0 ? "" : ", ").append(l);
            }
            err.println(String.format(Locale.ROOT, "bedsim: %s: %,d row%s with %s (line%s %s%s)", x.fileName(),
                    p.count(), p.count() == 1 ? "" : "s", p.problem().text(), p.firstLines().size() == 1 ? "" : "s",
                    lines, p.count() > p.firstLines().size() ? ", ..." : ""));
        }
        err.flush();
    }

    /** The mapping file: columns, kinds, beds. */
    static final class Mapping {
        final Map<String, String> columns = new LinkedHashMap<>();
        final Map<String, String> kinds = new LinkedHashMap<>();
        final Map<String, Integer> beds = new LinkedHashMap<>();

        static Mapping read(Path file) {
            Mapping m = new Mapping();
            if (file == null) {
                return m;
            }
            JsonNode root;
            try {
                root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
            } catch (IOException e) {
                throw new UserError(file + ": cannot read the mapping: " + e.getMessage().lines().findFirst()
                        .orElse(""));
            }
            List<String> problems = new ArrayList<>();
            if (root == null || !root.isObject()) {
                throw new UserError(file + ": expected a mapping with columns, kinds and beds");
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
                String k = it.next();
                JsonNode v = root.get(k);
                if (!List.of("columns", "kinds", "beds").contains(k)) {
                    problems.add(k + ": found an unknown key, expected columns, kinds or beds");
                    continue;
                }
                if (!v.isObject()) {
                    problems.add(k + ": expected a mapping");
                    continue;
                }
                v.fields().forEachRemaining(e -> {
                    String path = k + "." + e.getKey();
                    JsonNode val = e.getValue();
                    switch (k) {
                        case "columns" -> {
                            if (!SpellExtract.COLUMNS.containsKey(e.getKey())) {
                                problems.add(path + ": found an unknown field, expected one of "
                                        + String.join(", ", SpellExtract.COLUMNS.keySet()));
                            } else if (!val.isTextual()) {
                                problems.add(path + ": expected a column name");
                            } else {
                                m.columns.put(e.getKey(), val.asText());
                            }
                        }
                        case "kinds" -> {
                            if (!val.isTextual() || !List.of("acute", "community", "virtual_ward", "interim")
                                    .contains(val.asText())) {
                                problems.add(path + ": expected acute, community, virtual_ward or interim");
                            } else {
                                m.kinds.put(org.bedsim.spells.Names.id(e.getKey()), val.asText());
                            }
                        }
                        default -> {
                            if (!val.canConvertToInt() || !val.isIntegralNumber() || val.asInt() < 0) {
                                problems.add(path + ": expected a whole number of beds >= 0");
                            } else {
                                m.beds.put(org.bedsim.spells.Names.id(e.getKey()), val.asInt());
                            }
                        }
                    }
                });
            }
            if (!problems.isEmpty()) {
                throw new UserError(file + ": " + String.join("; ", problems));
            }
            return m;
        }
    }
}
