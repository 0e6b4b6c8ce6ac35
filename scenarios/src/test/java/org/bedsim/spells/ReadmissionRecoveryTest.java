package org.bedsim.spells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bedsim.cli.Main;
import org.bedsim.model.FlowModel;
import org.bedsim.random.RandomStreams;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readmissions recovered from the model's own spells: the documented truth (scenarios/examples/data/hospital.yaml)
 * with older emergency patients discharged home returning within 30 days with a known chance. The spell log links a
 * readmission to its first stay by patient id; the fit must recover the chance inside its Wilson interval, send the
 * returns to the right cohort, and take them out of the first admissions so that the volume is not counted twice.
 */
class ReadmissionRecoveryTest {
    static final double TRUE_CHANCE = 0.12;

    @TempDir
    static Path tmp;
    static Path spells;
    static ScenarioFit fit;

    @BeforeAll
    static void generateAndFit() throws IOException {
        String truth = Files.readString(FitRecoveryTest.TRUTH);
        String marker = "    arrivals: {per_year: 5000, day_of_week: emergency-week, month: winter, source: volumes}\n";
        assertTrue(truth.contains(marker), "the truth's older cohort");
        Path scenario = tmp.resolve("hospital-readmissions.yaml");
        Files.writeString(scenario, truth.replace(marker, marker + "    readmission: {probability: " + TRUE_CHANCE
                + ", within_days: 30, cohort: emergency-older, source: routing}\n"));
        LoadedScenario s = ScenarioLoader.load(scenario, 1, 23L);
        assertTrue(!s.hasErrors(), s.errors().toString());
        SpellLogWriter w = new SpellLogWriter(s.settings(), tmp);
        SpellLogWriter.Part part = w.replication(0);
        new FlowModel(s.settings(), new RandomStreams(23).replication(0)).withStayListener(part).run();
        spells = tmp.resolve("spells-readmissions.csv");
        try (Writer out = Files.newBufferedWriter(spells, StandardCharsets.UTF_8)) {
            w.concatenate(List.of(part), out);
        }
        fit = ScenarioFit.of(SpellExtract.read(spells, new SpellExtract.Options(null, null, null)));
    }

    private static ScenarioFit.CohortFit cohort(String name) {
        return fit.cohorts().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void spellLog_readmissionKeepsThePatientIdOfItsFirstStay() throws IOException {
        // the truth column (cohort) and patient ids: some emergency-older patients have two arrivals from outside
        Map<String, Integer> arrivals = new HashMap<>();
        List<String> lines = Files.readAllLines(spells);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int patient = header.indexOf("patient_id");
        int from = header.indexOf("admitted_from");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[from].isEmpty()) {
                arrivals.merge(f[patient], 1, Integer::sum);
            }
        }
        long twice = arrivals.values().stream().filter(n -> n > 1).count();
        assertTrue(twice > 500, "patients admitted more than once: " + twice);
        assertTrue(arrivals.keySet().stream().noneMatch(id -> id.contains("-r")), "a readmission names its first stay");
    }

    @Test
    void readmissionChance_recoveredInsideItsInterval_andReturnsToTheRightCohort() {
        ScenarioFit.Readmission r = cohort("emergency-older-acute").readmission();
        assertNotNull(r, "older patients' readmissions");
        assertEquals("emergency-older-acute", r.cohort());
        assertTrue(r.modelled().low() <= TRUE_CHANCE && TRUE_CHANCE <= r.modelled().high(), String.format(Locale.ROOT,
                "truth %.3f not in [%.4f, %.4f]", TRUE_CHANCE, r.modelled().low(), r.modelled().high()));
        assertEquals(r.share().count(), r.modelled().count(), "every readmission joins the same cohort");
        ScenarioFit.Readmission adults = cohort("emergency-adults-acute").readmission();
        assertNotNull(adults);
        assertEquals(0, adults.share().count(), "adults are never readmitted in the truth");
        System.out.printf(Locale.ROOT, "readmission within 30 days, truth %.3f: %.4f [%.4f, %.4f] of %,d "
                + "discharges home%n", TRUE_CHANCE, r.modelled().share(), r.modelled().low(), r.modelled().high(),
                r.modelled().of());
    }

    @Test
    void firstAdmissions_notCountedTwice() {
        ScenarioFit.CohortFit older = cohort("emergency-older-acute");
        ScenarioFit.Readmission r = older.readmission();
        var a = older.arrivals();
        assertTrue(a.perYearLow() <= 5000 && 5000 <= a.perYearHigh(), String.format(Locale.ROOT,
                "first admissions a year, truth 5000: %.0f [%.0f, %.0f]", a.perYear(), a.perYearLow(),
                a.perYearHigh()));
        // counted with the readmissions, the cohort's arrivals would lie well above the truth
        double withReadmissions = a.perYear() * (a.arrivals() + r.removed()) / (double) a.arrivals();
        assertTrue(r.removed() > 700, "readmissions taken out: " + r.removed());
        assertTrue(withReadmissions > a.perYearHigh(), "with them: " + withReadmissions);
    }

    /** Runs bedsim with the arguments; returns the exit code, stderr and stdout joined. */
    private static Object[] cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter o = new java.io.PrintWriter(out, true);
        java.io.PrintWriter e = new java.io.PrintWriter(err, true);
        int code = Main.execute(args, o, e);
        o.flush();
        e.flush();
        return new Object[] {code, err + "\n" + out};
    }

    private static JsonNode backtest(Path scenario, String out) throws IOException {
        Object[] r = cli("backtest", scenario.toString(), "--spells", spells.toString(), "--replications", "12",
                "--out", tmp.resolve(out).toString(), "--quiet");
        assertEquals(0, r[0], (String) r[1]);
        System.out.println(r[1]);
        return new ObjectMapper().readTree(tmp.resolve(out).resolve("backtest.json").toFile());
    }

    @Test
    void fitCommand_reportsTheShare_andTheFittedScenarioBackTests_whereDoubleCountingRunsHigh() throws IOException {
        Path scenario = tmp.resolve("cli-fit").resolve("fitted.yaml");
        Object[] r = cli("fit", spells.toString(), "--out", scenario.toString(), "--name", "fitted");
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(((String) r[1]).replaceAll("\\s+", " ").contains("emergency-older-acute readmitted within 30 days: "
                + "12."), (String) r[1]);
        String report = Files.readString(scenario.resolveSibling("fit-report.html"));
        assertTrue(report.contains("Readmissions per cohort") && report.contains("emergency-older-acute"), "report");
        JsonNode good = backtest(scenario, "bt-good");
        double coverage = good.at("/settings/acute/coverage_90").asDouble();
        double bias = good.at("/settings/acute/mean_bias_beds").asDouble();
        assertTrue(coverage >= 0.7, "coverage " + coverage);
        // the same scenario with the readmissions left in the first admissions as well: counted twice
        ScenarioFit.CohortFit older = cohort("emergency-older-acute");
        double twice = older.arrivals().perYear() * (older.arrivals().arrivals() + older.readmission().removed())
                / older.arrivals().arrivals();
        String text = Files.readString(scenario);
        String from = "arrivals: {per_year: " + ScenarioYaml.num(older.arrivals().perYear()) + ",";
        assertTrue(text.contains(from), from);
        Path doubled = scenario.resolveSibling("doubled.yaml");
        Files.writeString(doubled, text.replace(from, "arrivals: {per_year: " + ScenarioYaml.num(twice) + ",")
                .replace("name: \"fitted\"", "name: \"doubled\""));
        JsonNode bad = backtest(doubled, "bt-doubled");
        double doubledBias = bad.at("/settings/acute/mean_bias_beds").asDouble();
        assertTrue(doubledBias - bias > 5, "counted twice the model runs high: bias " + doubledBias + " against "
                + bias);
    }

    @Test
    void fittedScenario_writesTheReturnFlow_andRunsWithTheTrueVolume() throws IOException {
        String yaml = ScenarioYaml.write(fit, "fitted-readmissions", Map.of(), Map.of());
        assertTrue(yaml.contains("    readmission: {probability: 0.1"), yaml);
        assertTrue(yaml.contains("within_days: 30, cohort: emergency-older-acute, source: "
                + "fit-emergency-older-acute-readmissions}"), yaml);
        assertTrue(yaml.contains("fit-emergency-older-acute-readmissions:\n    cite: \"Spell extract "
                + "spells-readmissions.csv"), "the source cites the extract");
        Path file = tmp.resolve("fitted-readmissions.yaml");
        Files.writeString(file, yaml);
        LoadedScenario s = ScenarioLoader.load(file, 1, 5L);
        assertTrue(!s.hasErrors(), s.errors().toString());
    }
}
