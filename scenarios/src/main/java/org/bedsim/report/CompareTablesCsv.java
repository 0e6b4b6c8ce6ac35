package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.InverseSearch;
import org.bedsim.stats.ConfidenceInterval;

/**
 * The rest of {@code compare.json} as tidy CSV, for R or pandas: {@code targets.csv}, one row per target and option
 * (the target's definition, the option's value with its 95 % interval, met by the mean and with confidence), and
 * {@code searches.csv}, one row per search (bed searches and searches on stays or arrivals): the range searched,
 * the answer with the target's value there, a step beyond it (one bed fewer, or the next step of the lever) and,
 * for searches on stays or arrivals, the answer whose whole interval meets the target. NA where a value does not
 * apply; a search that found no answer has an NA answer and {@code found} false.
 */
public final class CompareTablesCsv {
    /** The targets file's name. */
    public static final String TARGETS = "targets.csv";
    /** The searches file's name. */
    public static final String SEARCHES = "searches.csv";
    /** The targets file's header. */
    public static final String TARGETS_HEADER = "target,settings,kpi,direction,threshold,option,mean,ci95_low,"
            + "ci95_high,met,met_with_confidence";
    /** The searches file's header. */
    public static final String SEARCHES_HEADER = "search,option,setting,cohorts,target,low,high,step,found,answer,"
            + "target_mean,target_ci95_low,target_ci95_high,beyond,beyond_target_mean,beyond_target_ci95_low,"
            + "beyond_target_ci95_high,confident_answer,confident_target_mean,confident_target_ci95_low,"
            + "confident_target_ci95_high,runs";

    private CompareTablesCsv() {
    }

    /** Writes {@code targets.csv}. */
    public static void targets(Comparison c, Writer out) throws IOException {
        out.write(TARGETS_HEADER);
        out.write('\n');
        for (Comparison.TargetCheck t : c.targets()) {
            Numbers.field(out, t.target().label());
            out.write(',');
            Numbers.field(out, String.join(" ", t.target().settings()));
            out.write(',');
            out.write(t.target().kpi().key());
            out.write(',');
            out.write(t.target().atMost() ? "at_most" : "at_least");
            out.write(',');
            out.write(Numbers.csv(t.target().threshold()));
            out.write(',');
            Numbers.field(out, t.option());
            out.write(',');
            triple(out, t.value());
            out.write(',');
            out.write(Boolean.toString(t.met()));
            out.write(',');
            out.write(Boolean.toString(t.metWithConfidence()));
            out.write('\n');
        }
    }

    /** Writes {@code searches.csv}. */
    public static void searches(Iterable<ComparisonRun.SearchResult> searches, Writer out) throws IOException {
        out.write(SEARCHES_HEADER);
        out.write('\n');
        for (ComparisonRun.SearchResult s : searches) {
            InverseSearch.Result r = s.inverse();
            if (r == null) {
                boolean found = s.optimum() != null;
                row(out, "beds", s.option(), s.setting(), "", s.target().label(), s.low(), s.high(), 1, found,
                        found ? s.optimum().beds() : Double.NaN, found ? s.optimum().value() : null,
                        found ? s.optimum().beds() - 1 : Double.NaN, found ? s.optimum().oneFewer() : null,
                        Double.NaN, null, found ? s.optimum().runs() : -1);
            } else {
                row(out, r.lever().kind() == InverseSearch.Kind.STAY_CUT ? "stay_cut" : "arrivals", s.option(),
                        r.lever().setting() == null ? "" : r.lever().setting(), String.join(" ", r.lever().cohorts()),
                        s.target().label(), r.low(), r.high(), r.step(), r.found(), r.value(), r.atValue(),
                        r.nextStep(), r.atNextStep(), r.confidentValue(), r.atConfidentValue(), r.runs());
            }
        }
    }

    private static void row(Writer out, String search, String option, String setting, String cohorts, String target,
            double low, double high, double step, boolean found, double answer, ConfidenceInterval atAnswer,
            double beyond, ConfidenceInterval atBeyond, double confident, ConfidenceInterval atConfident, int runs)
            throws IOException {
        out.write(search);
        out.write(',');
        Numbers.field(out, option);
        out.write(',');
        Numbers.field(out, setting);
        out.write(',');
        Numbers.field(out, cohorts);
        out.write(',');
        Numbers.field(out, target);
        for (double v : new double[] {low, high, step}) {
            out.write(',');
            out.write(Numbers.csv(v));
        }
        out.write(',');
        out.write(Boolean.toString(found));
        out.write(',');
        out.write(Numbers.csv(answer));
        out.write(',');
        triple(out, atAnswer);
        out.write(',');
        out.write(Numbers.csv(beyond));
        out.write(',');
        triple(out, atBeyond);
        out.write(',');
        out.write(Numbers.csv(confident));
        out.write(',');
        triple(out, atConfident);
        out.write(',');
        out.write(runs < 0 ? "NA" : Integer.toString(runs));
        out.write('\n');
    }

    private static void triple(Writer out, ConfidenceInterval ci) throws IOException {
        out.write(Numbers.csv(ci == null ? Double.NaN : ci.mean()));
        out.write(',');
        out.write(Numbers.csv(ci == null ? Double.NaN : ci.low()));
        out.write(',');
        out.write(Numbers.csv(ci == null ? Double.NaN : ci.high()));
    }
}
