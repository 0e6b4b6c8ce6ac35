package org.bedsim.spells;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bedsim.fit.ArrivalFit;
import org.bedsim.fit.KaplanMeier;
import org.bedsim.fit.StayFit;
import org.bedsim.report.chart.ChartWriter;
import org.bedsim.report.chart.DataCharts;
import org.bedsim.report.html.HtmlReport;

/** fit-report.html: the extract, its problems and refused rows, and the diagnostics of every fit. */
public final class FitReport {
    private static final int MAX_STAY_CHARTS = 12;
    private static final int MAX_ARRIVAL_CHARTS = 8;

    private FitReport() {
    }

    /** @return the report of a fit */
    public static HtmlReport build(ScenarioFit f, String scenarioFile) {
        SpellExtract x = f.extract;
        HtmlReport r = new HtmlReport("Fit of " + x.fileName, new ChartWriter(900, 480));
        r.subtitle("bedsim fit: " + x.fileName + " to " + scenarioFile);
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"File", x.fileName});
        facts.add(new String[] {"SHA-256", x.sha256});
        facts.add(new String[] {"Rows", String.format(Locale.ROOT, "%,d read, %,d used, %,d refused%s", x.rowsRead,
            x.rowsUsed, x.rowsRefused(), x.otherReplication > 0 ? String.format(Locale.ROOT,
            ", %,d of other replications or after the cut", x.otherReplication) : "")});
        facts.add(new String[] {"Dates", f.first + " to " + f.last + " (stays open then are right-censored)"});
        facts.add(new String[] {"Columns", x.columnsUsed.toString()});
        if (x.noPatientId > 0) {
            facts.add(new String[] {"Patient ids", String.format(Locale.ROOT, "%,d rows used have no patient id "
                + "(first %ss %s): they are fitted but not linked for readmissions", x.noPatientId, x.unit,
                x.noPatientIdLines)});
        }
        r.section("The extract").definitions(facts);

        var problems = r.section("Bad rows");
        if (x.problemCounts.isEmpty()) {
            problems.paragraph("No row was refused.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (SpellExtract.ProblemCount p : x.problems()) {
                rows.add(List.of(p.problem().text(), String.format(Locale.ROOT, "%,d", p.count()),
                        p.firstLines().toString()));
            }
            problems.table("Refused rows by kind", List.of("problem", "rows", "first " + x.unit() + "s"), rows);
            List<List<String>> refused = new ArrayList<>();
            for (SpellExtract.Refused s : x.refused) {
                refused.add(List.of(String.valueOf(s.line()), s.problem().text(), s.detail()));
            }
            problems.table("The first " + refused.size() + " refused rows", List.of(x.unit(), "problem", "value"),
                    refused);
        }
        var warn = r.section("Warnings");
        if (f.warnings.isEmpty()) {
            warn.paragraph("None.");
        } else {
            warn.list(f.warnings);
        }

        var arr = r.section("Arrivals");
        arr.paragraph("Poisson regression of daily arrivals from outside on a log-linear trend, weekday and month "
                + "(months only from a year of data), per cohort; intervals are 95 %, widened by the dispersion "
                + "when daily counts vary more than Poisson. Profiles are written to the scenario when they differ "
                + "from flat at the 5 % level.");
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioFit.CohortFit c : f.cohorts) {
            ArrivalFit.Result a = c.arrivals();
            rows.add(List.of(c.name(), String.format(Locale.ROOT, "%,d", a.arrivals()),
                    String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", a.perYear(), a.perYearLow(), a.perYearHigh()),
                    String.format(Locale.ROOT, "%+.2f %% [%+.2f, %+.2f]", 100 * a.trendPerYear(),
                            100 * a.trendLow(), 100 * a.trendHigh()),
                    ScenarioYaml.p(a.weekdayP()), ScenarioYaml.p(a.monthP()),
                    String.format(Locale.ROOT, "%.2f%s", a.dispersion(), a.overDispersed() ? " (over-dispersed)" : "")));
        }
        arr.table("Arrivals per cohort", List.of("cohort", "arrivals", "a year at the start [95 %]",
            "trend a year [95 %]", "week vs flat p", "months vs flat p", "variance/mean"), rows);
        List<List<String>> factors = new ArrayList<>();
        String[] wd = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        String[] mo = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (ScenarioFit.CohortFit c : f.cohorts) {
            ArrivalFit.Result a = c.arrivals();
            for (int i = 0; i < 7; i++) {
                factors.add(List.of(c.name(), wd[i], String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", a.weekday()[i],
                        a.weekdayLow()[i], a.weekdayHigh()[i])));
            }
            if (!Double.isNaN(a.monthP())) {
                for (int i = 0; i < 12; i++) {
                    factors.add(List.of(c.name(), mo[i], String.format(Locale.ROOT, "%.3f [%.3f, %.3f]",
                            a.month()[i], a.monthLow()[i], a.monthHigh()[i])));
                }
            }
        }
        arr.details("Weekday and month factors with 95 % intervals");
        arr.table("Factors (mean 1)", List.of("cohort", "day or month", "factor [95 %]"), factors);
        arr.endDetails();
        int charts = 0;
        for (ScenarioFit.CohortFit c : f.cohorts) {
            if (charts++ >= MAX_ARRIVAL_CHARTS) {
                break;
            }
            String key = (c.elective() ? "elective" : "non_elective") + "|" + c.band() + "|" + c.entry();
            long[] counts = x.arrivals.get(key);
            int from = (int) (f.first.toEpochDay() - SpellExtract.FIRST_DAY);
            double[] obs = new double[c.arrivals().fitted().length];
            for (int d = 0; d < obs.length; d++) {
                obs[d] = counts[from + d];
            }
            arr.chart(DataCharts.daily("Daily arrivals: " + c.name(), "observed and fitted mean (profile and trend)",
                    f.first, obs, c.arrivals().fitted(), "Arrivals a day"), "arrivals-" + c.name(),
                    "Daily arrivals of " + c.name() + " with the fitted mean.");
        }

        var st = r.section("Lengths of stay");
        st.paragraph("Maximum-likelihood fits with right-censoring (stays open at the extract's end count as "
                + "lasting at least as long as observed), chosen by AIC; a family fits when its largest distance from "
                + "the Kaplan-Meier curve is under 1.63/sqrt(n) + 0.02, else the Kaplan-Meier curve is used.");
        List<List<String>> srows = new ArrayList<>();
        for (ScenarioFit.StayGroup g : f.groups.values()) {
            StayFit.Result fit = g.fit();
            for (StayFit.FamilyFit ff : fit.fits()) {
                srows.add(List.of(g.key().replace('|', ' '), ff.family().key(),
                        String.format(Locale.ROOT, "%,d + %,d", fit.events(), fit.censored()),
                        String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", ff.mean(), ff.meanLow(), ff.meanHigh()),
                        String.format(Locale.ROOT, "%.1f", ff.aic()),
                        String.format(Locale.ROOT, "%.3f / %.3f", ff.distance(), fit.tolerance()),
                        ff == fit.best() ? (fit.fitsWell() ? "chosen" : "best, but Kaplan-Meier used") : ""));
            }
        }
        st.table("Every family fitted", List.of("stays (type, band, setting, E entry / T transfer)", "family",
            "complete + open", "mean days [95 %]", "AIC", "distance / allowed", ""), srows);
        int sc = 0;
        for (ScenarioFit.StayGroup g : f.groups.values()) {
            if (sc++ >= MAX_STAY_CHARTS) {
                break;
            }
            StayFit.Result fit = g.fit();
            KaplanMeier km = fit.curve();
            int n = km.times().length;
            int step = Math.max(1, n / 300);
            int m = (n + step - 1) / step;
            double[] xs = new double[m];
            double[] emp = new double[m];
            double[] fitted = new double[m];
            for (int i = 0, k = 0; i < n && k < m; i += step, k++) {
                xs[k] = km.times()[i];
                emp[k] = 1 - km.survival()[i];
                fitted[k] = fit.best().cdf(xs[k]);
            }
            String label = g.key().replace('|', ' ');
            st.chart(DataCharts.cdf("Stays: " + label, fit.best().family().key() + " fit against Kaplan-Meier", xs,
                    emp, fitted, fit.best().family().key()), "cdf-" + Codes.id(label), "Cumulative distribution of "
                    + label + ": data (Kaplan-Meier) and the best fit.");
            List<Double> dq = new ArrayList<>();
            List<Double> fq = new ArrayList<>();
            for (int i = 1; i < 100; i++) {
                double p = i / 100.0;
                double d = km.quantile(p);
                if (Double.isNaN(d)) {
                    break;
                }
                dq.add(d);
                fq.add(quantile(fit.best(), p, km.times()[n - 1] * 10));
            }
            st.chart(DataCharts.qq("Q-Q: " + label, "percentiles 1 to 99 reached by the data", dq.stream()
                    .mapToDouble(Double::doubleValue).toArray(), fq.stream().mapToDouble(Double::doubleValue)
                    .toArray()), "qq-" + Codes.id(label), "Quantiles of the fit against those of the data.");
        }

        var rt = r.section("Routing and delays");
        List<List<String>> rr = new ArrayList<>();
        for (ScenarioFit.StayGroup g : f.groups.values()) {
            g.routes().forEach((to, s) -> rr.add(List.of(g.key().replace('|', ' '), to,
                    String.format(Locale.ROOT, "%,d", s.count()), String.format(Locale.ROOT, "%.1f %% [%.1f, %.1f]",
                            100 * s.share(), 100 * s.low(), 100 * s.high()))));
        }
        rt.table("Destinations", List.of("stays", "to", "count", "share [95 %]"), rr);
        if (x.hasReadyDates) {
            List<List<String>> dl = new ArrayList<>();
            x.delays.forEach((to, d) -> dl.add(List.of(to, String.format(Locale.ROOT, "%,.0f", d[1]),
                    String.format(Locale.ROOT, "%.2f", d[0] / d[1]), String.format(Locale.ROOT, "%,.0f", d[0]))));
            rt.table("Delays from ready for discharge to discharge, by destination", List.of("awaited destination",
                "delayed stays", "mean delay, days", "delayed bed-days"), dl);
        } else {
            rt.paragraph("The extract has no ready-for-discharge dates, so delays are not measured.");
        }
        readmissions(r, f);
        return r;
    }

    private static void readmissions(HtmlReport r, ScenarioFit f) {
        SpellExtract x = f.extract;
        var rd = r.section("Readmissions within 30 days");
        if (!x.hasPatientIds) {
            rd.paragraph("The extract has no patient id column, so stays cannot be linked and readmissions are not "
                    + "derived.");
            return;
        }
        rd.paragraph("Stays are linked by patient id. A discharge home counts when the extract runs 30 days past "
                + "it; it is readmitted when the same patient's next admission from outside begins within 30 days. "
                + "Intervals are 95 % Wilson intervals. The chance written to the scenario counts the readmissions "
                + "into the cohort most of them join; those are left out of that cohort's arrivals, since the "
                + "model generates them as returns." + (x.noPatientId > 0 ? String.format(Locale.ROOT,
                    " %,d rows used had no patient id and are not linked (first %ss %s).", x.noPatientId, x.unit,
                    x.noPatientIdLines) : ""));
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioFit.CohortFit c : f.cohorts) {
            ScenarioFit.Readmission m = c.readmission();
            if (m == null) {
                rows.add(List.of(c.name(), "0", "", "", "", ""));
                continue;
            }
            rows.add(List.of(c.name(), String.format(Locale.ROOT, "%,d", m.share().of()),
                    String.format(Locale.ROOT, "%,d", m.share().count()),
                    String.format(Locale.ROOT, "%.2f %% [%.2f, %.2f]", 100 * m.share().share(),
                            100 * m.share().low(), 100 * m.share().high()),
                    m.cohort() == null ? "none" : m.cohort(),
                    m.cohort() == null ? "" : String.format(Locale.ROOT, "%.2f %% [%.2f, %.2f]; %,d left out of "
                        + "its arrivals", 100 * m.modelled().share(), 100 * m.modelled().low(),
                        100 * m.modelled().high(), m.removed())));
        }
        rd.table("Readmissions per cohort", List.of("cohort", "discharges home followed 30 days", "readmitted",
            "share [95 %]", "joining", "chance written [95 %]"), rows);
    }

    private static double quantile(StayFit.FamilyFit f, double p, double hi) {
        double lo = 0;
        double high = Math.max(hi, 1);
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + high);
            if (f.cdf(mid) < p) {
                lo = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (lo + high);
    }
}
