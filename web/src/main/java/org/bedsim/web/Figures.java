package org.bedsim.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A finished run's figures, read from its tidy CSV output: per setting and KPI for {@code run}
 * ({@code settings.csv}), per bar for {@code bridge} ({@code bridge.csv}: the base and final beds, each step's
 * change), per option, setting and KPI for {@code compare} ({@code compare.csv}).
 */
final class Figures {
    /** The KPIs shown first, and in the runs list. */
    static final Set<String> KEY_KPIS = Set.of("demand_beds_required_mean", "demand_beds_required_percentile",
            "beds_required_mean", "beds_required_percentile", "mean_occupancy", "share_of_days_full",
            "mean_wait_all_days", "mean_wait_days", "refused", "diverted", "delayed_days");

    /** One figure: what it is, its unit, its mean and 95 % interval (NaN when not available). */
    record Figure(String key, String unit, double mean, double low, double high, boolean isKey) {
    }

    /** The key KPIs in the order a planner reads them, with their labels. */
    static final java.util.Map<String, String> KEY_LABELS = keyLabels();

    private Figures() {
    }

    private static java.util.Map<String, String> keyLabels() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        // demand (the same patients with unlimited beds) answers how many beds are needed; as run counts them
        // with the scenario's beds, not counting refused, diverted or cancelled patients
        m.put("demand_beds_required_mean", "beds required (demand), mean method");
        m.put("demand_beds_required_percentile", "beds required (demand), percentile method");
        m.put("beds_required_mean", "beds required (as run), mean method");
        m.put("beds_required_percentile", "beds required (as run), percentile method");
        m.put("mean_occupancy", "mean occupied beds");
        m.put("share_of_days_full", "days full");
        m.put("mean_wait_all_days", "mean wait of all admitted (days)");
        m.put("mean_wait_days", "mean wait of those who waited (days)");
        m.put("delayed_days", "delayed bed-days");
        m.put("refused", "patients refused");
        m.put("diverted", "patients diverted");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** @return the figures of a finished run (empty if its table is missing) */
    static List<Figure> of(Job job) throws IOException {
        Path out = job.out();
        return switch (job.kind) {
            case "run" -> table(out.resolve("settings.csv"), List.of("setting", "kpi"), "unit", "mean", "ci95_low",
                    "ci95_high", r -> KEY_KPIS.contains(r.get(1)));
            case "bridge" -> bridge(out.resolve("bridge.csv"));
            case "compare" -> table(out.resolve("compare.csv"), List.of("option", "setting", "kpi"), "unit", "mean",
                    "ci95_low", "ci95_high", r -> KEY_KPIS.contains(r.get(2)) && r.get(1).startsWith("kind:"));
            default -> List.of();
        };
    }

    private interface KeyRule {
        boolean isKey(List<String> keyValues);
    }

    private static List<Figure> table(Path csv, List<String> keys, String unit, String mean, String low, String high,
            KeyRule rule) throws IOException {
        List<Figure> out = new ArrayList<>();
        List<List<String>> rows = read(csv);
        if (rows.isEmpty()) {
            return out;
        }
        List<String> header = rows.get(0);
        int u = header.indexOf(unit);
        int m = header.indexOf(mean);
        int lo = header.indexOf(low);
        int hi = header.indexOf(high);
        for (List<String> r : rows.subList(1, rows.size())) {
            List<String> kv = new ArrayList<>();
            for (String k : keys) {
                int i = header.indexOf(k);
                kv.add(i >= 0 && i < r.size() ? r.get(i) : "");
            }
            out.add(new Figure(String.join(" / ", kv), at(r, u), number(at(r, m)), number(at(r, lo)),
                    number(at(r, hi)), rule.isKey(kv)));
        }
        return out;
    }

    private static List<Figure> bridge(Path csv) throws IOException {
        List<Figure> out = new ArrayList<>();
        List<List<String>> rows = read(csv);
        if (rows.isEmpty()) {
            return out;
        }
        List<String> h = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            String row = at(r, h.indexOf("row"));
            String label = at(r, h.indexOf("label"));
            boolean total = row.equals("base") || row.equals("final");
            if (total) {
                out.add(new Figure(label + " (beds)", "beds", number(at(r, h.indexOf("cumulative_beds"))),
                        number(at(r, h.indexOf("cumulative_ci95_low"))), number(at(r, h.indexOf("cumulative_ci95_high"))),
                        true));
            } else {
                out.add(new Figure(label + " (change)", "beds", number(at(r, h.indexOf("delta_beds"))),
                        number(at(r, h.indexOf("delta_ci95_low"))), number(at(r, h.indexOf("delta_ci95_high"))), true));
            }
        }
        return out;
    }

    private static List<List<String>> read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return Csv.all(in);
        }
    }

    private static String at(List<String> r, int i) {
        return i >= 0 && i < r.size() ? r.get(i) : "";
    }

    static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** @return a difference: as {@link #format}, a difference of shares in percentage points */
    static String difference(double d, String unit) {
        if (Double.isNaN(d)) {
            return "NA";
        }
        String sign = d > 0 ? "+" : "";
        if ("share".equals(unit)) {
            return sign + String.format(Locale.ROOT, "%.1f pp", 100 * d);
        }
        return sign + format(d, unit);
    }

    /** @return a figure's key with its KPI's label where it has one ({@code acute / days full}) */
    static String label(String key) {
        int cut = key.lastIndexOf(" / ");
        if (cut < 0) {
            return key;
        }
        String kpi = key.substring(cut + 3);
        return key.substring(0, cut) + " / " + KEY_LABELS.getOrDefault(kpi, kpi);
    }

    /** @return a number for a table: up to 4 significant digits, a share as a percentage */
    static String format(double x, String unit) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        if ("share".equals(unit)) {
            return String.format(Locale.ROOT, "%.1f %%", 100 * x);
        }
        double a = Math.abs(x);
        if (a >= 1000 || x == Math.rint(x)) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
