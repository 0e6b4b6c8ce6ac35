package org.bedsim.spells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bedsim.fit.ArrivalFit;
import org.bedsim.fit.Share;
import org.bedsim.fit.StayFamily;
import org.bedsim.fit.StayFit;
import org.bedsim.model.FlowModel;
import org.bedsim.random.RandomStreams;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fits spells the model generated from the documented truth (scenarios/examples/data/hospital.yaml) and checks that
 * every known parameter lies inside its fitted 95 % interval; and that on an extract cut mid-year the censoring-aware
 * stay fit still covers the truth where a naive fit that drops the open stays is biased short.
 */
class FitRecoveryTest {
    static final Path TRUTH = Path.of("examples", "data", "hospital.yaml");
    static final double[] WEEK = {1.15, 1.05, 1.00, 1.00, 1.00, 0.88, 0.92};
    static final double[] MONTH = {1.12, 1.06, 1.02, 0.98, 0.96, 0.93, 0.94, 0.93, 0.95, 1.00, 1.04, 1.07};

    @TempDir
    static Path tmp;
    static Path spells;

    /** Writes the spells of replication {@code replication} of the truth scenario. */
    static Path generate(Path dir, long seed, int replication) throws IOException {
        LoadedScenario s = ScenarioLoader.load(TRUTH, 1, seed);
        assertTrue(!s.hasErrors(), s.errors().toString());
        SpellLogWriter w = new SpellLogWriter(s.settings(), dir);
        SpellLogWriter.Part part = w.replication(replication);
        new FlowModel(s.settings(), new RandomStreams(seed).replication(replication)).withStayListener(part).run();
        Path file = dir.resolve("spells-" + seed + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.concatenate(List.of(part), out);
        }
        return file;
    }

    @BeforeAll
    static void extract() throws IOException {
        spells = generate(tmp, 11, 0);
    }

    private static ScenarioFit.CohortFit cohort(ScenarioFit f, String name) {
        return f.cohorts().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + f.cohorts().stream().map(c -> c.name()).toList()));
    }

    private static void inside(double truth, double low, double high, String what) {
        assertTrue(low <= truth && truth <= high, what + ": truth " + truth + " not in [" + low + ", " + high + "]");
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    @Test
    void twoYears_recoverVolumesProfilesTrendStaysAndRouting() {
        ScenarioFit f = ScenarioFit.of(SpellExtract.read(spells, new SpellExtract.Options(null, null, null)));
        assertEquals(3, f.cohorts().size(), f.warnings().toString());
        ScenarioFit.CohortFit older = cohort(f, "emergency-older-acute");
        ScenarioFit.CohortFit adults = cohort(f, "emergency-adults-acute");
        ScenarioFit.CohortFit elective = cohort(f, "elective-adults-acute");
        inside(5000, older.arrivals().perYearLow(), older.arrivals().perYearHigh(), "older a year");
        inside(7000, adults.arrivals().perYearLow(), adults.arrivals().perYearHigh(), "adults a year");
        inside(3000, elective.arrivals().perYearLow(), elective.arrivals().perYearHigh(), "electives a year");
        ArrivalFit.Result olderTrend = f.trends().get("older");
        inside(0.03, olderTrend.trendLow(), olderTrend.trendHigh(), "older trend");
        inside(0.03, older.arrivals().trendLow(), older.arrivals().trendHigh(), "older cohort trend");
        inside(0, adults.arrivals().trendLow(), adults.arrivals().trendHigh(), "adults trend");
        // profiles: 7 + 12 factors of the older cohort, 7 of the adults; 95 % intervals miss about 1 in 20
        int missed = 0;
        int factors = 0;
        for (ScenarioFit.CohortFit c : List.of(older, adults)) {
            for (int i = 0; i < 7; i++) {
                double t = WEEK[i] / mean(WEEK);
                missed += t < c.arrivals().weekdayLow()[i] || t > c.arrivals().weekdayHigh()[i] ? 1 : 0;
                factors++;
            }
            assertTrue(c.arrivals().weekdayVaries(), c.name() + " week p " + c.arrivals().weekdayP());
        }
        for (int i = 0; i < 12; i++) {
            double t = MONTH[i] / mean(MONTH);
            missed += t < older.arrivals().monthLow()[i] || t > older.arrivals().monthHigh()[i] ? 1 : 0;
            factors++;
        }
        assertTrue(older.arrivals().monthVaries(), "older months p " + older.arrivals().monthP());
        assertTrue(adults.arrivals().monthP() > 0.01, "adults have flat months: p " + adults.arrivals().monthP());
        assertTrue(missed <= 3, missed + " of " + factors + " profile factors outside their intervals");
        // stays: family by AIC and parameters inside their intervals
        StayFit.Result oa = older.stays().get("acute").fit();
        assertEquals(StayFamily.LOGNORMAL, oa.best().family());
        inside(8, oa.best().low()[0], oa.best().high()[0], "older acute mean");
        inside(10, oa.best().low()[1], oa.best().high()[1], "older acute sd");
        StayFit.Result oc = older.stays().get("community").fit();
        assertEquals(StayFamily.GAMMA, oc.best().family());
        inside(20, oc.best().low()[0], oc.best().high()[0], "community mean");
        inside(12, oc.best().low()[1], oc.best().high()[1], "community sd");
        StayFit.Result aa = adults.stays().get("acute").fit();
        assertEquals(StayFamily.WEIBULL, aa.best().family());
        inside(0.9, aa.best().low()[0], aa.best().high()[0], "adults weibull shape");
        inside(4, aa.best().low()[1], aa.best().high()[1], "adults weibull scale");
        StayFit.Result ea = elective.stays().get("acute").fit();
        assertEquals(StayFamily.GAMMA, ea.best().family());
        inside(2.5, ea.best().low()[0], ea.best().high()[0], "elective mean");
        inside(2, ea.best().low()[1], ea.best().high()[1], "elective sd");
        for (StayFit.Result r : List.of(oa, oc, aa, ea)) {
            assertTrue(r.fitsWell(), "distance " + r.best().distance());
        }
        System.out.printf(java.util.Locale.ROOT, "recovered vs true:%n"
                + "  older a year 5000: %.0f [%.0f, %.0f]%n  adults a year 7000: %.0f [%.0f, %.0f]%n"
                + "  electives a year 3000: %.0f [%.0f, %.0f]%n  older trend 0.03: %.4f [%.4f, %.4f]%n"
                + "  older acute lognormal mean 8 sd 10: %.2f [%.2f, %.2f] sd %.2f [%.2f, %.2f]%n"
                + "  community gamma mean 20 sd 12: %.2f [%.2f, %.2f] sd %.2f [%.2f, %.2f]%n"
                + "  adults acute weibull shape 0.9 scale 4: %.3f [%.3f, %.3f] scale %.3f [%.3f, %.3f]%n"
                + "  elective gamma mean 2.5 sd 2: %.3f [%.3f, %.3f] sd %.3f [%.3f, %.3f]%n"
                + "  Monday factor %.3f: %.3f [%.3f, %.3f]; January factor %.3f: %.3f [%.3f, %.3f]%n",
                older.arrivals().perYear(), older.arrivals().perYearLow(), older.arrivals().perYearHigh(),
                adults.arrivals().perYear(), adults.arrivals().perYearLow(), adults.arrivals().perYearHigh(),
                elective.arrivals().perYear(), elective.arrivals().perYearLow(), elective.arrivals().perYearHigh(),
                olderTrend.trendPerYear(), olderTrend.trendLow(), olderTrend.trendHigh(),
                oa.best().parameters()[0], oa.best().low()[0], oa.best().high()[0], oa.best().parameters()[1],
                oa.best().low()[1], oa.best().high()[1], oc.best().parameters()[0], oc.best().low()[0],
                oc.best().high()[0], oc.best().parameters()[1], oc.best().low()[1], oc.best().high()[1],
                aa.best().parameters()[0], aa.best().low()[0], aa.best().high()[0], aa.best().parameters()[1],
                aa.best().low()[1], aa.best().high()[1], ea.best().parameters()[0], ea.best().low()[0],
                ea.best().high()[0], ea.best().parameters()[1], ea.best().low()[1], ea.best().high()[1],
                WEEK[0] / mean(WEEK), older.arrivals().weekday()[0], older.arrivals().weekdayLow()[0],
                older.arrivals().weekdayHigh()[0], MONTH[0] / mean(MONTH), older.arrivals().month()[0],
                older.arrivals().monthLow()[0], older.arrivals().monthHigh()[0]);
        // routing
        Share home = older.stays().get("acute").routes().get("home");
        inside(0.75, home.low(), home.high(), "older acute to home");
        Share community = older.stays().get("acute").routes().get("community");
        inside(0.15, community.low(), community.high(), "older acute to community");
        Share died = older.stays().get("community").routes().get("died");
        inside(0.10, died.low(), died.high(), "community to died");
        Share adultsDied = adults.stays().get("acute").routes().get("died");
        inside(0.02, adultsDied.low(), adultsDied.high(), "adults acute to died");
    }

    @Test
    void cutMidYear_censoredFitCoversTheTruth_naiveFitIsBiasedShort() {
        LocalDate cut = LocalDate.of(2017, 10, 15);
        SpellExtract x = SpellExtract.read(spells, new SpellExtract.Options(null, null, cut));
        assertEquals(cut, x.lastDate());
        SpellExtract.Stays acute = x.stays.get("non_elective|older|acute|E");
        assertTrue(acute.open > 100, "stays open at the cut: " + acute.open);
        StayFit.Result censored = StayFit.fit(acute.complete);
        StayFit.FamilyFit lognormal = censored.fits().stream().filter(ff -> ff.family() == StayFamily.LOGNORMAL)
                .findFirst().orElseThrow();
        inside(8, lognormal.meanLow(), lognormal.meanHigh(), "censoring-aware mean stay");
        inside(10, lognormal.low()[1], lognormal.high()[1], "censoring-aware sd");
        StayFit.Result naive = StayFit.fit(acute.complete.completeOnly());
        StayFit.FamilyFit naiveLog = naive.fits().stream().filter(ff -> ff.family() == StayFamily.LOGNORMAL)
                .findFirst().orElseThrow();
        assertTrue(naiveLog.meanHigh() < 8, "the naive fit is biased short: mean " + naiveLog.mean() + " ["
                + naiveLog.meanLow() + ", " + naiveLog.meanHigh() + "]");
        List<String> table = new ArrayList<>();
        table.add(String.format(java.util.Locale.ROOT, "censored %.3f [%.3f, %.3f], naive %.3f [%.3f, %.3f]",
                lognormal.mean(), lognormal.meanLow(), lognormal.meanHigh(), naiveLog.mean(), naiveLog.meanLow(),
                naiveLog.meanHigh()));
        System.out.println("cut mid-year, older acute mean stay (truth 8): " + table);
    }
}
