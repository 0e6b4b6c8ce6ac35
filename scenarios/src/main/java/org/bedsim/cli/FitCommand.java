package org.bedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.html.HtmlReport;
import org.bedsim.spells.FitReport;
import org.bedsim.spells.ScenarioFit;
import org.bedsim.spells.ScenarioYaml;
import org.bedsim.spells.SpellExtract;
import org.bedsim.spells.SpellMapping;
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
            + "kinds (setting: acute|community|virtual_ward|interim), beds (setting: beds), delimiter (one "
            + "character; default: guessed from the header among , ; tab |).")
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
        SpellMapping m;
        try {
            m = SpellMapping.read(map);
        } catch (SpellExtract.ExtractError e) {
            throw new UserError(e.getMessage());
        }
        SpellExtract x;
        try {
            x = SpellExtract.read(spells, new SpellExtract.Options(m.columns, replication, until, m.delimiter));
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
        TextTable t = new TextTable("cohort", "a year", "95 % interval", "stay in the entry setting");
        for (ScenarioFit.CohortFit c : f.cohorts()) {
            var entry = c.stays().get(c.entry()).fit();
            t.row(c.name(), String.format(Locale.ROOT, "%.1f", c.arrivals().perYear()), String.format(Locale.ROOT,
                    "[%.1f, %.1f]", c.arrivals().perYearLow(), c.arrivals().perYearHigh()), String.format(
                    Locale.ROOT, "%s, mean %.2f days", entry.fitsWell() ? entry.best().family().key()
                            : "Kaplan-Meier", entry.best().mean()));
        }
        t.print(o);
        for (ScenarioFit.CohortFit c : f.cohorts()) {
            ScenarioFit.Readmission rd = c.readmission();
            if (rd != null) {
                TextTable.paragraph(o, String.format(Locale.ROOT, "  %s readmitted within 30 days: %.1f %% [%.1f, "
                        + "%.1f] of %,d discharges home%s", c.name(), 100 * rd.share().share(), 100 * rd.share().low(),
                        100 * rd.share().high(), rd.share().of(), rd.cohort() == null ? ""
                        : String.format(Locale.ROOT, "; %.1f %% return as %s", 100 * rd.modelled().share(),
                            rd.cohort())));
            }
        }
        TextTable.paragraph(o, "Wrote " + target + ", " + target.resolveSibling(REPORT));
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
            err.println(String.format(Locale.ROOT, "bedsim: %s: %,d row%s with %s (%s%s %s%s)", x.fileName(),
                    p.count(), p.count() == 1 ? "" : "s", p.problem().text(), x.unit(),
                    p.firstLines().size() == 1 ? "" : "s",
                    lines, p.count() > p.firstLines().size() ? ", ..." : ""));
        }
        if (x.rowsWithoutPatientId() > 0) {
            StringBuilder lines = new StringBuilder();
            for (long l : x.rowsWithoutPatientIdLines()) {
                lines.append(lines.length() == 0 ? "" : ", ").append(l);
            }
            err.println(String.format(Locale.ROOT, "bedsim: %s: %,d row%s with no patient id, used but not linked "
                    + "for readmissions (%s%s %s%s)", x.fileName(), x.rowsWithoutPatientId(),
                    x.rowsWithoutPatientId() == 1 ? "" : "s", x.unit(),
                    x.rowsWithoutPatientIdLines().size() == 1 ? "" : "s", lines,
                    x.rowsWithoutPatientId() > x.rowsWithoutPatientIdLines().size() ? ", ..." : ""));
        }
        err.flush();
    }
}
