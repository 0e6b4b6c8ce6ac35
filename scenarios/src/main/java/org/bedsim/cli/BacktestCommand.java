package org.bedsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bedsim.fit.Backtest;
import org.bedsim.fit.Mser5;
import org.bedsim.model.CensusSeries;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.report.BacktestWriters;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.RunManifest;
import org.bedsim.report.chart.DataCharts;
import org.bedsim.report.html.HtmlReport;
import org.bedsim.report.html.RunReport;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;
import org.bedsim.spells.ObservedCensus;
import org.bedsim.spells.SpellExtract;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bedsim backtest SCENARIO}: the simulated census against an observed one. */
@Command(name = "backtest",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Runs a scenario and compares its daily midnight census with an observed one.",
            "",
            "The observed census per setting is read (--observed: date,setting,occupied) or",
            "computed from a spell extract (--spells). Per setting: coverage (the share of",
            "observed days inside the simulated 90 %% band, P5-P95 over replications: near",
            "90 %% for a well-calibrated model), the 50 %% band's, mean bias, mean absolute",
            "percentage error, and bias by weekday and month. Writes backtest.json,",
            "backtest.csv, a chart per setting and report.html with a back-test section.",
            "A census computed from an extract of admissions starts empty: the days it fills",
            "up are found by MSER-5 and left out (or give --from).",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bedsim backtest out/fit/scenario.yaml --spells spells.csv",
            "  ./bedsim backtest trust.yaml --observed census.csv --from 2019-04-01 --to 2020-03-31"})
final class BacktestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file.")
    private Path scenario;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Observed observed;

    static final class Observed {
        @Option(names = "--observed", paramLabel = "CENSUS.csv", required = true,
                description = "Observed midnight census: columns date, setting, occupied.")
        Path census;

        @Option(names = "--spells", paramLabel = "SPELLS.csv", required = true,
                description = "A spell extract to compute the observed census from.")
        Path spells;
    }

    @Option(names = "--map", paramLabel = "MAP.yaml", description = "With --spells: the mapping file of fit.")
    private Path map;

    @Option(names = "--replication", paramLabel = "R", description = "With --spells and a replication column: "
            + "the one to read (default: the first).")
    private Integer replication;

    @Option(names = "--from", paramLabel = "DATE", description = "First date compared.")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last date compared.")
    private LocalDate to;

    @Mixin
    private RunOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedScenario s = ScenarioLoader.load(scenario, options.replications(), options.seed());
        Terminal.problems(err, s.file(), s.errors());
        if (s.hasErrors()) {
            throw new UserError(s.file() + ": " + Terminal.counts(s) + "; nothing was run");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new UserError("--to " + to + " is before --from " + from);
        }
        // the observed census
        ObservedCensus obs;
        String obsSha;
        String obsWhat;
        try {
            if (observed.spells != null) {
                org.bedsim.spells.SpellMapping m = org.bedsim.spells.SpellMapping.read(map);
                SpellExtract x = SpellExtract.read(observed.spells,
                        new SpellExtract.Options(m.columns, replication, null, m.delimiter));
                FitCommand.report(err, x);
                if (x.rowsUsed() == 0) {
                    throw new UserError(observed.spells + ": no usable row; no census to compare with");
                }
                obs = ObservedCensus.of(x);
                obsSha = x.sha256();
                obsWhat = "midnight census computed from the spell extract " + x.fileName();
            } else {
                obs = ObservedCensus.read(observed.census);
                obsSha = sha256(observed.census);
                obsWhat = "observed census " + observed.census.getFileName();
            }
        } catch (SpellExtract.ExtractError e) {
            throw new UserError(e.getMessage());
        }
        FlowSettings cfg = s.settings();
        LocalDate simStart = cfg.startDate();
        // dates compared
        LocalDate first = max(simStart, obs.first());
        int excluded = 0;
        String why = "none";
        if (from != null) {
            first = max(first, from);
            why = "--from " + from;
        } else if (obs.fromSpells()) {
            Mser5.Result w = Mser5.of(obs.total(obs.first(), obs.last()));
            LocalDate after = obs.first().plusDays(w.truncate());
            if (after.isAfter(first)) {
                excluded = (int) (after.toEpochDay() - first.toEpochDay());
                first = after;
            }
            why = String.format(Locale.ROOT, "the census from an extract of admissions starts empty; MSER-5 on the "
                    + "observed total finds it settled after %d days%s", w.truncate(), w.found() ? ""
                    : " (no clear end of warm-up found: check the chart)");
        }
        LocalDate last = to != null ? min(to, obs.last()) : obs.last();
        if (last.isBefore(first)) {
            throw new UserError("no day to compare: the observed census covers " + obs.first() + " to "
                    + obs.last() + ", the scenario starts " + simStart + (from != null ? ", --from " + from : ""));
        }
        int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
        int horizon = (int) Math.max(cfg.horizonDays(), last.toEpochDay() - simStart.toEpochDay() + 1);
        FlowSettings run = cfg.withCalendar(simStart, cfg.warmupDays(), horizon);
        List<String> compared = new ArrayList<>();
        for (String name : obs.settings()) {
            if (run.setting(name) != null && !run.setting(name).isSink()) {
                compared.add(name);
            } else {
                err.println("bedsim: warning: observed setting '" + name + "' is not in the scenario; left out");
            }
        }
        if (compared.isEmpty()) {
            throw new UserError("no observed setting is a setting of the scenario (observed: "
                    + String.join(", ", obs.settings()) + ")");
        }
        int replications = s.replications();
        int threads = options.threadsFor(replications);
        Path outDir = options.outFor(s.spec().name() + "-backtest");
        OutputDirectory dir;
        try {
            dir = OutputDirectory.create(outDir);
        } catch (IOException e) {
            throw new UserError("cannot create the output directory " + outDir + ": " + e.getMessage());
        }
        Instant startedAt = Instant.now();
        FlowSummary summary;
        try (ProgressBar bar = ProgressBar.start(err, replications, s.preFlight().eventsPerReplication(),
                !options.quiet && Terminal.stderrIsTerminal())) {
            summary = FlowExperiment.run(run, s.seed(), replications, threads, r -> bar.replicationDone());
        }
        RunManifest manifest = new RunManifest(Version.bedsim(), s.spec().name(), s.file(), s.sha256(), s.seed(),
                replications, threads, System.getProperty("java.version"), startedAt, Instant.now());
        int offset = (int) (first.toEpochDay() - simStart.toEpochDay());
        Map<String, Backtest> results = new LinkedHashMap<>();
        for (String name : compared) {
            double[] o = obs.series(name, first, last);
            double[][] sim = new double[replications][days];
            for (int r = 0; r < replications; r++) {
                FlowResult fr = summary.replications().get(r);
                CensusSeries c = fr.census();
                int col = c.settings().indexOf(name);
                for (int d = 0; d < days; d++) {
                    sim[r][d] = c.occupied(offset + d, col);
                }
            }
            results.put(name, Backtest.of(first, o, sim));
        }
        BacktestWriters.Context ctx = new BacktestWriters.Context(obsWhat, obsSha, excluded, why);
        HtmlReport report = RunReport.build(summary, manifest, ReportFacts.of(s));
        var section = report.section("Back-test against the observed census");
        section.paragraph(String.format(Locale.ROOT, "The %s from %s to %s (%d days; days left out at the start: "
                + "%d, because %s) against the simulated census over %d replications. Coverage is the share of "
                + "observed days inside the simulated 90 %% band (P5 to P95): near 90 %% for a model whose census "
                + "varies as the observed one does (about 85 %% with 20 replications, as the band itself is "
                + "estimated); far below it, the model does not reproduce what was observed.", obsWhat, first,
                last, days, excluded, why, replications));
        List<List<String>> rows = new ArrayList<>();
        for (var e : results.entrySet()) {
            Backtest b = e.getValue();
            rows.add(List.of(e.getKey(), pct(b.coverage90()), pct(b.coverage50()),
                    String.format(Locale.ROOT, "%+.1f", b.bias()), pct(b.mape()), verdict(b)));
        }
        section.table("Back-test per setting", List.of("setting", "inside 90 % band", "inside 50 % band",
            "mean bias, beds (simulated - observed)", "MAPE", "verdict"), rows);
        List<List<String>> byDay = new ArrayList<>();
        String[] wd = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (var e : results.entrySet()) {
            List<String> r = new ArrayList<>(List.of(e.getKey()));
            for (int i = 0; i < 7; i++) {
                r.add(String.format(Locale.ROOT, "%+.1f", e.getValue().biasByWeekday()[i]));
            }
            byDay.add(r);
        }
        List<String> head = new ArrayList<>(List.of("setting"));
        head.addAll(List.of(wd));
        section.table("Mean bias by weekday, beds", head, byDay);
        List<List<String>> byMonth = new ArrayList<>();
        String[] mo = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (var e : results.entrySet()) {
            List<String> r = new ArrayList<>(List.of(e.getKey()));
            for (int i = 0; i < 12; i++) {
                double v = e.getValue().biasByMonth()[i];
                r.add(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+.1f", v));
            }
            byMonth.add(r);
        }
        List<String> mhead = new ArrayList<>(List.of("setting"));
        mhead.addAll(List.of(mo));
        section.table("Mean bias by month, beds", mhead, byMonth);
        List<Path> written = new ArrayList<>();
        try {
            written.add(dir.write("backtest.json", w -> BacktestWriters.json(results, manifest, ctx, w)));
            written.add(dir.write("backtest.csv", w -> BacktestWriters.csv(results, w)));
            var charts = new org.bedsim.report.chart.ChartWriter();
            for (var e : results.entrySet()) {
                Backtest b = e.getValue();
                var chart = DataCharts.band("Observed census against the model: " + e.getKey(),
                        String.format(Locale.ROOT, "%s of days inside the 90 %% band; mean bias %+.1f beds",
                                pct(b.coverage90()), b.bias()), b.first(), b.observed(), b.p5(), b.p25(), b.p50(),
                        b.p75(), b.p95());
                String file = "backtest-" + e.getKey();
                written.addAll(charts.write(chart, dir.path(), file));
                section.chart(chart, file, "The observed midnight census of " + e.getKey()
                        + " (line) over the simulated bands.");
            }
            written.add(dir.write(RunCommand.REPORT, report::write));
        } catch (IOException e) {
            throw new UserError("cannot write to " + dir.path() + ": " + e.getMessage());
        }
        TextTable.paragraph(out, String.format(Locale.ROOT, "Back-test of %s against the %s, %s to %s (%d days), %d "
                + "replications:", s.spec().name(), obsWhat, first, last, days, replications));
        TextTable t = new TextTable("setting", "in 90% band", "in 50% band", "bias, beds", "MAPE");
        for (var e : results.entrySet()) {
            Backtest b = e.getValue();
            t.row(e.getKey(), pct(b.coverage90()), pct(b.coverage50()), String.format(Locale.ROOT, "%+.1f",
                    b.bias()), pct(b.mape()));
        }
        t.print(out);
        for (var e : results.entrySet()) {
            TextTable.paragraph(out, "  " + e.getKey() + ": " + verdict(e.getValue()));
        }
        TextTable.paragraph(out, "Wrote " + String.join(", ", written.stream().map(p -> outDir.resolve(p.getFileName())
                .toString()).toList()));
        out.flush();
        return Main.OK;
    }

    /** The verdict: consistent when at least 75 % of days are inside the 90 % band. */
    static String verdict(Backtest b) {
        if (b.coverage90() >= 0.75) {
            return "consistent with the observed census";
        }
        return String.format(Locale.ROOT, "NOT consistent: the model runs %s by %.1f beds on average",
                b.bias() > 0 ? "high" : "low", Math.abs(b.bias()));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            MessageDigest md = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

}
