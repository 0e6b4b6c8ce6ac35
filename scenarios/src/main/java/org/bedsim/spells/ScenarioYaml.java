package org.bedsim.spells;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bedsim.fit.ArrivalFit;
import org.bedsim.fit.Share;
import org.bedsim.fit.StayFit;

/**
 * Writes a fitted scenario in the standard format: every fitted value names a source that cites the extract (file,
 * SHA-256, rows used, dates) and gives the fit's statistics. Strings are written as JSON strings (valid YAML).
 */
public final class ScenarioYaml {
    private ScenarioYaml() {
    }

    /**
     * @param f the fits
     * @param name the scenario's name
     * @param kinds setting kinds given by the user (others are guessed from the name)
     * @param beds beds given by the user (others are written effectively unlimited)
     * @return the scenario's text
     */
    public static String write(ScenarioFit f, String name, Map<String, String> kinds, Map<String, Integer> beds) {
        SpellExtract x = f.extract;
        StringBuilder b = new StringBuilder();
        String cite = String.format(Locale.ROOT, "Spell extract %s (SHA-256 %s): %,d rows used of %,d read, "
                + "admissions from %s to %s", x.fileName, x.sha256, x.rowsUsed, x.rowsRead, f.first, f.last);
        b.append("# Fitted by bedsim fit from ").append(x.fileName).append(". Every fitted value cites the extract\n");
        b.append("# and its fit statistics; see fit-report.html for the diagnostics.\n");
        b.append("name: ").append(q(name)).append('\n');
        b.append("description: ").append(q("Fitted from the spell extract " + x.fileName + " (" + f.first + " to "
                + f.last + ")." + (beds.keySet().containsAll(x.settings) ? ""
                : " Settings without a bed count have effectively unlimited beds: the scenario measures demand.")))
                .append('\n');
        List<String[]> sources = new ArrayList<>();
        StringBuilder body = new StringBuilder();

        int days = (int) (f.last.toEpochDay() - f.first.toEpochDay() + 1);
        int years = Math.max(1, (int) Math.ceil(days / 365.25 - 1e-9));
        int warmup = (int) Math.min(3650, Math.max(30, Math.ceil(5 * f.longestMeanStay())));
        body.append("\ncalendar:\n  start: ").append(f.first).append("      # the extract's first admission\n");
        body.append("  horizon_years: ").append(years).append(String.format(Locale.ROOT,
                "       # the extract covers %d days%n", days));
        body.append("  warmup_days: ").append(warmup).append("       # five times the longest fitted mean stay\n");
        body.append("\nrun:\n  replications: 20\n  seed: 1\n");
        body.append("\ntargets:\n  occupancy: 0.92\n  risk_share_of_days: 0.05\n  source: planning-targets\n");
        sources.add(new String[] {"planning-targets", null, null,
            "92 % mean occupancy and demand above the beds on at most 5 % of days: common NHS planning figures, "
                + "not from the extract; change them to your own."});

        // profiles
        StringBuilder profiles = new StringBuilder();
        for (ScenarioFit.CohortFit c : f.cohorts) {
            ArrivalFit.Result a = c.arrivals();
            if (a.weekdayVaries() || c.elective()) {
                profiles.append("  ").append(c.name()).append("-week:\n    day_of_week: ").append(list(a.weekday()))
                        .append("\n    source: ").append("fit-").append(c.name()).append("-week\n");
                sources.add(new String[] {"fit-" + c.name() + "-week", cite, String.format(Locale.ROOT,
                    "Weekday factors (Monday first, mean 1) from a Poisson regression of %,d daily counts with "
                        + "trend and months; 95 %% intervals %s; against a flat week p = %s%s.", a.days(),
                    intervals(a.weekdayLow(), a.weekdayHigh()), p(a.weekdayP()),
                    c.elective() ? " (booked electives: Monday to Friday only)" : ""), null});
            }
            if (a.monthVaries()) {
                profiles.append("  ").append(c.name()).append("-month:\n    month: ").append(list(a.month()))
                        .append("\n    source: ").append("fit-").append(c.name()).append("-month\n");
                sources.add(new String[] {"fit-" + c.name() + "-month", cite, String.format(Locale.ROOT,
                    "Month factors (January first, mean 1) from the same regression; 95 %% intervals %s; against "
                        + "flat months p = %s.", intervals(a.monthLow(), a.monthHigh()), p(a.monthP())), null});
            }
        }
        if (profiles.length() > 0) {
            body.append("\nprofiles:\n").append(profiles);
        }
        // growth
        if (!f.trends.isEmpty()) {
            body.append("\ngrowth:\n  by_age_band:\n");
            f.trends.forEach((band, t) -> {
                boolean usable = !Double.isNaN(t.trendLow()) && t.days() >= 180 && Math.abs(t.trendPerYear()) < 0.5;
                body.append("    ").append(band).append(": {per_year: ").append(usable ? num(t.trendPerYear()) : "0")
                        .append(", source: fit-").append(band).append("-trend}\n");
                if (!usable) {
                    sources.add(new String[] {"fit-" + band + "-trend", cite, String.format(Locale.ROOT,
                        "%,d %s arrivals on %d days: no trend is written (one needs at least 180 days and an estimate "
                            + "within +/-50 %% a year; found %+.1f %%).", t.arrivals(), band, t.days(),
                        100 * t.trendPerYear()), null});
                    return;
                }
                sources.add(new String[] {"fit-" + band + "-trend", cite, String.format(Locale.ROOT,
                    "Log-linear trend of all %s arrivals (%,d) over %d days, fitted with weekday and month "
                        + "effects: %+.2f %% a year, 95 %% interval %+.2f %% to %+.2f %%%s.", band, t.arrivals(),
                    t.days(), 100 * t.trendPerYear(), 100 * t.trendLow(), 100 * t.trendHigh(),
                    t.trendLow() <= 0 && t.trendHigh() >= 0 ? " (not different from no trend)" : ""), null});
            });
        }
        // settings
        body.append("\nsettings:\n");
        for (String s : x.settings) {
            String kind = kinds.getOrDefault(s, guessKind(s));
            Integer given = beds.get(s);
            int peak = f.peakCensus.getOrDefault(s, 0);
            int n = given != null ? given : Math.max(20, 10 * peak);
            body.append("  - {name: ").append(s).append(", kind: ").append(kind).append(", beds: ").append(n)
                    .append(", source: beds-").append(s).append("}\n");
            sources.add(given != null
                    ? new String[] {"beds-" + s, null, null, "Beds given with the fit (--map beds): " + given + "."}
                    : new String[] {"beds-" + s, null, null, String.format(Locale.ROOT, "No bed count was given: "
                        + "%d beds, ten times the highest midnight census in the extract (%d), so beds never "
                        + "bind and the scenario measures demand.", n, peak)});
        }
        body.append("  - {name: home, kind: home}\n");
        for (String sink : f.sinks) {
            if (!sink.equals("home") && !x.settings.contains(sink)) {
                body.append("  - {name: ").append(sink).append(", kind: home}\n");
            }
        }
        // cohorts
        body.append("\ncohorts:\n");
        for (ScenarioFit.CohortFit c : f.cohorts) {
            ArrivalFit.Result a = c.arrivals();
            body.append("  - name: ").append(c.name()).append('\n');
            body.append("    type: ").append(c.elective() ? "elective" : "non_elective").append('\n');
            body.append("    age_band: ").append(c.band()).append('\n');
            body.append("    entry: ").append(c.entry()).append('\n');
            body.append("    arrivals: {per_year: ").append(num(a.perYear()));
            if (a.weekdayVaries() || c.elective()) {
                body.append(", day_of_week: ").append(c.name()).append("-week");
            }
            if (a.monthVaries()) {
                body.append(", month: ").append(c.name()).append("-month");
            }
            body.append(", source: fit-").append(c.name()).append("-arrivals}\n");
            ScenarioFit.Readmission rd = c.readmission();
            boolean returns = rd != null && rd.cohort() != null && rd.modelled().count() > 0;
            if (returns) {
                body.append("    readmission: {probability: ").append(num(rd.modelled().share()))
                        .append(", within_days: 30, cohort: ").append(rd.cohort()).append(", source: fit-")
                        .append(c.name()).append("-readmissions}\n");
                sources.add(new String[] {"fit-" + c.name() + "-readmissions", cite, readmissionNote(rd), null});
            }
            sources.add(new String[] {"fit-" + c.name() + "-arrivals", cite, String.format(Locale.ROOT,
                "%,d arrivals from outside on %d days%s; Poisson regression with trend, weekday and month effects: "
                    + "%.1f a year at %s (95 %% interval %.1f to %.1f), before growth; daily counts vary %.2f "
                    + "times as much as Poisson (1 = Poisson)%s.%s", a.arrivals(), a.days(), removedNote(f, c),
                a.perYear(), f.first, a.perYearLow(), a.perYearHigh(), a.dispersion(),
                c.elective() ? ", booked electives" : "", rd != null && !returns ? " " + readmissionNote(rd) : ""),
                null});
            body.append("    los:\n");
            for (var e : c.stays().entrySet()) {
                String src = "fit-" + Codes.id(e.getValue().key().replace('|', '-')) + "-los";
                body.append("      ").append(e.getKey()).append(": ").append(los(e.getValue().fit(), src))
                        .append('\n');
                if (sources.stream().noneMatch(s -> s[0].equals(src))) {
                    sources.add(new String[] {src, cite, losNote(e.getValue()), null});
                }
            }
            body.append("    routing:\n");
            for (var e : c.stays().entrySet()) {
                StringBuilder routes = new StringBuilder();
                List<Map.Entry<String, Share>> rs = new ArrayList<>(e.getValue().routes().entrySet());
                double sum = 0;
                String src = "fit-" + Codes.id(e.getValue().key().replace('|', '-')) + "-routing";
                long total = 0;
                for (int i = 0; i < rs.size(); i++) {
                    double pr;
                    if (i < rs.size() - 1) {
                        pr = Math.max(1e-6, Math.round(rs.get(i).getValue().share() * 1e6) / 1e6);
                        sum += pr;
                    } else {
                        pr = Math.round((1 - sum) * 1e6) / 1e6;
                    }
                    total = rs.get(i).getValue().of();
                    routes.append("        - {to: ").append(rs.get(i).getKey()).append(", probability: ")
                            .append(num6(pr)).append(i == 0 ? ", source: " + src : "").append("}\n");
                }
                body.append("      ").append(e.getKey()).append(":\n").append(routes);
                if (sources.stream().noneMatch(s -> s[0].equals(src))) {
                    StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                            "Destinations of %,d completed stays in %s: ", total, e.getKey()));
                    for (var r : rs) {
                        note.append(String.format(Locale.ROOT, "%s %,d (%.1f %%, 95 %% interval %.1f to %.1f), ",
                                r.getKey(), r.getValue().count(), 100 * r.getValue().share(),
                                100 * r.getValue().low(), 100 * r.getValue().high()));
                    }
                    note.setLength(note.length() - 2);
                    sources.add(new String[] {src, cite, note + ".", null});
                }
            }
        }
        b.append("\nsources:\n");
        for (String[] s : sources) {
            b.append("  ").append(s[0]).append(":\n");
            if (s[1] != null) {
                b.append("    cite: ").append(q(s[1])).append('\n');
                b.append("    note: ").append(q(s[2])).append('\n');
            } else {
                b.append("    assumed: ").append(q(s[3])).append('\n');
            }
        }
        b.append(body);
        return b.toString();
    }

    private static String los(StayFit.Result r, String source) {
        if (!r.fitsWell()) {
            double[][] t = ScenarioFit.quantileTable(r, null);
            return "{family: quantiles, probabilities: " + list(t[0]) + ", values: " + list(t[1]) + ", source: "
                    + source + "}";
        }
        StayFit.FamilyFit best = r.best();
        StringBuilder b = new StringBuilder("{family: ").append(best.family().key());
        String[] names = best.family().names();
        for (int i = 0; i < names.length; i++) {
            b.append(", ").append(names[i]).append(": ").append(num(best.parameters()[i]));
        }
        return b.append(", source: ").append(source).append('}').toString();
    }

    /** @return what the arrivals leave out: readmissions the scenario generates as returns of other stays */
    private static String removedNote(ScenarioFit f, ScenarioFit.CohortFit c) {
        long removed = 0;
        for (ScenarioFit.CohortFit o : f.cohorts) {
            if (o.readmission() != null && c.name().equals(o.readmission().cohort())
                    && o.readmission().modelled().count() > 0) {
                removed += o.readmission().removed();
            }
        }
        return removed == 0 ? "" : String.format(Locale.ROOT, " (first admissions: %,d readmissions within 30 days "
                + "of a discharge home are left out, as the scenario generates them as returns)", removed);
    }

    static String readmissionNote(ScenarioFit.Readmission r) {
        Share s = r.share();
        Share m = r.modelled();
        String into = s.count() == 0 ? "no readmission is written"
                : r.cohort() == null ? "they join no fitted cohort, so no readmission is written"
                : String.format(Locale.ROOT, "%,d of them into %s, the chance written (%.2f %%, 95 %% interval "
                    + "%.2f to %.2f)", m.count(), r.cohort(), 100 * m.share(), 100 * m.low(), 100 * m.high());
        return String.format(Locale.ROOT, "Stays linked by patient id: of %,d discharges home with 30 days of the "
                + "extract after them, %,d (%.2f %%, 95 %% Wilson interval %.2f to %.2f) were followed by an "
                + "admission of the same patient from outside within 30 days; %s. The model returns them uniformly "
                + "within 30 days.", s.of(), s.count(), 100 * s.share(), 100 * s.low(), 100 * s.high(), into);
    }

    static String losNote(ScenarioFit.StayGroup g) {
        StayFit.Result r = g.fit();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d completed stays and %,d still open at "
                + "the extract's end (right-censored) in %s; maximum likelihood with censoring, by AIC: ",
                r.events(), r.censored(), g.setting()));
        for (StayFit.FamilyFit f : r.fits()) {
            b.append(String.format(Locale.ROOT, "%s AIC %.1f", f.family().key(), f.aic()));
            b.append(f == r.best() ? " (chosen), " : ", ");
        }
        StayFit.FamilyFit best = r.best();
        String[] names = best.family().names();
        for (int i = 0; i < names.length; i++) {
            b.append(String.format(Locale.ROOT, "%s %.3f (95 %% interval %.3f to %.3f), ", names[i],
                    best.parameters()[i], best.low()[i], best.high()[i]));
        }
        b.append(String.format(Locale.ROOT, "mean stay %.2f days (%.2f to %.2f); largest distance from the "
                + "Kaplan-Meier curve %.3f against %.3f allowed", best.mean(), best.meanLow(), best.meanHigh(),
                best.distance(), r.tolerance()));
        b.append(r.fitsWell() ? "." : ": no family fits, so the Kaplan-Meier curve is used as a quantile table.");
        return b.toString();
    }

    private static String guessKind(String s) {
        if (s.contains("virtual") || s.contains("at-home")) {
            return "virtual_ward";
        }
        if (s.contains("community") || s.contains("rehab")) {
            return "community";
        }
        if (s.contains("interim") || s.contains("care-home")) {
            return "interim";
        }
        return "acute";
    }

    static String intervals(double[] low, double[] high) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < low.length; i++) {
            if (low[i] == 0 && high[i] == 0) {
                continue;
            }
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.3f, %.3f]", low[i],
                    high[i]));
        }
        return b.toString();
    }

    static String p(double p) {
        return Double.isNaN(p) ? "not tested (less than a year)" : p < 1e-4 ? "< 0.0001"
                : String.format(Locale.ROOT, "%.4f", p);
    }

    static String list(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(num(v[i]));
        }
        return b.append(']').toString();
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return String.format(Locale.ROOT, "%.6f", v);
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String num6(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

}
