package org.bedsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Comparisons;
import org.bedsim.model.SettingKind;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Why a comparison of fewer, larger pools against more, smaller ones can give two answers, in words made of the run's
 * own figures. The bed searches hold a service level site by site (each site full on at most a share of days) and
 * add up the fewest beds that meet it: that answers how many beds the sites need. The percentile beds of a kind of
 * setting are each site's percentile of demand, sized alone, summed: percentiles do not add (the sum of the sites'
 * percentiles is not the percentile of their sum), and a peak common to every site does not pool, so that sum need
 * not move with the pooling; and as run it counts the patients queued with the option's beds, which grow where a
 * pooled site runs closer to its beds.
 */
public final class PoolingNote {
    private PoolingNote() {
    }

    /**
     * The searched beds of one option.
     *
     * @param option the option
     * @param beds fewest beds found, by setting, in search order
     */
    record Searched(String option, Map<String, Integer> beds) {
        int total() {
            return beds.values().stream().mapToInt(Integer::intValue).sum();
        }

        String sum() {
            List<String> parts = new ArrayList<>();
            beds.forEach((s, b) -> parts.add(s + " " + b));
            return String.join(" + ", parts) + (beds.size() > 1 ? String.format(Locale.ROOT, " = %,d", total())
                    : "");
        }
    }

    /**
     * @return the paragraph, or null when the run has no two options whose bed searches on a share of days full
     *     cover a different number of settings of one kind (no pooling to explain)
     */
    public static String of(Comparison c, List<ComparisonRun.SearchResult> searches) {
        Map<String, Searched> byOption = new LinkedHashMap<>();
        java.util.Set<String> incomplete = new java.util.HashSet<>();
        SettingKind kind = null;
        String riskTarget = null;
        for (ComparisonRun.SearchResult s : searches) {
            if (s.inverse() != null || s.target().kpi() != SettingKpi.SHARE_OF_DAYS_FULL) {
                continue;
            }
            if (s.optimum() == null) {
                incomplete.add(s.option());
                continue;
            }
            Comparison.Option o = option(c, s.option());
            if (o == null) {
                continue;
            }
            SettingKind k = o.summary().settings().setting(s.setting()).kind();
            if (kind != null && k != kind) {
                return null;
            }
            kind = k;
            double pct = 100 * s.target().threshold();
            riskTarget = !s.target().atMost() ? null : pct == Math.rint(pct)
                    ? String.format(Locale.ROOT, "%.0f %%", pct) : String.format(Locale.ROOT, "%.1f %%", pct);
            byOption.computeIfAbsent(s.option(), x -> new Searched(x, new LinkedHashMap<>())).beds()
                    .put(s.setting(), s.optimum().beds());
        }
        incomplete.forEach(byOption::remove);
        Searched more = null;
        Searched fewer = null;
        for (Searched s : byOption.values()) {
            if (more == null || s.beds().size() > more.beds().size()) {
                more = s;
            }
        }
        for (Searched s : byOption.values()) {
            if (more != null && s.beds().size() < more.beds().size() && fewer == null) {
                fewer = s;
            }
        }
        if (more == null || fewer == null || riskTarget == null) {
            return null;
        }
        String group = Comparisons.kindGroup(kind);
        int saved = more.total() - fewer.total();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Pooling, two answers reconciled. The bed searches hold a service level "
                + "site by site, each site full on at most %s of days, and add up the fewest beds that meet it: %s "
                + "beds for %s, %d sites (%s), and %s beds for %s, %d (%s). For the same risk of being full, "
                + "fewer, larger pools %s %d beds (%.1f %%): this is the answer to how many beds the sites need. ",
                riskTarget, String.format(Locale.ROOT, "%,d", more.total()), more.option(), more.beds().size(),
                more.sum(), String.format(Locale.ROOT, "%,d", fewer.total()), fewer.option(), fewer.beds().size(),
                fewer.sum(), saved >= 0 ? "save" : "need", Math.abs(saved),
                100.0 * Math.abs(saved) / more.total()));
        Comparison.Row demand = c.row(fewer.option(), group, "demand_beds_required_percentile");
        Comparison.Row demandBase = c.row(more.option(), group, "demand_beds_required_percentile");
        Comparison.Row asRun = c.row(fewer.option(), group, "beds_required_percentile");
        Comparison.Row asRunBase = c.row(more.option(), group, "beds_required_percentile");
        b.append("The percentile beds in the key results answer other questions, and do not add up to it: each "
                + "site's percentile is sized alone, and percentiles do not add (the sum of the sites' percentiles "
                + "is not the percentile of their summed demand, since the sites' busiest days are not all the same "
                + "days).");
        if (demand != null && demandBase != null) {
            b.append(String.format(Locale.ROOT, " Summed over the sites, demand's percentiles (the same patients "
                    + "with unlimited beds) are %.1f for %s and %.1f for %s, %s", demandBase.value().mean(),
                    more.option(), demand.value().mean(), fewer.option(), change(c, fewer.option(), more.option(),
                    demand, demandBase)));
            b.append(": only the day-to-day randomness pools, not a peak that every site shares (such as "
                    + "winter's).");
        }
        if (asRun != null && asRunBase != null) {
            b.append(String.format(Locale.ROOT, " As run, with each option's beds, they are %.1f and %.1f, %s: "
                    + "as run counts the patients queued for a bed, so a pooled site that runs closer to its beds "
                    + "counts a longer queue; it says how the option's beds cope, not how many are needed.",
                    asRunBase.value().mean(), asRun.value().mean(), change(c, fewer.option(), more.option(), asRun,
                            asRunBase)));
        }
        return b.toString();
    }

    /** @return "a change of +17.0 [+9.1, +24.9] beds" for the option against the other, paired when one is the base */
    private static String change(Comparison c, String option, String other, Comparison.Row row, Comparison.Row base) {
        ConfidenceInterval d = null;
        if (other.equals(c.base())) {
            d = row.difference();
        }
        double mean = row.value().mean() - base.value().mean();
        if (d == null) {
            return String.format(Locale.ROOT, "a change of %+.1f beds", mean);
        }
        return String.format(Locale.ROOT, "a change of %+.1f [%+.1f, %+.1f] beds (paired)", d.mean(), d.low(),
                d.high());
    }

    private static Comparison.Option option(Comparison c, String name) {
        for (Comparison.Option o : c.options()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }
}
