package org.bedsim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.PreFlight;

/**
 * Checks from distribution means before a run: each setting's offered load against its capacity (a warning when the
 * load reaches it: queues and delays would grow without bound), a warm-up long enough for beds to fill, and the run's
 * size, so that an absurd run is refused with a message instead of exhausting time or memory.
 */
public final class PreFlightCheck {
    /** Most events a run may execute (all replications, warm-up included). */
    public static final double MAX_EVENTS = 5e9;
    /** Most bytes the daily census of all replications may take (it is held until the outputs are written). */
    public static final long MAX_CENSUS_BYTES = 1L << 30;

    private PreFlightCheck() {
    }

    /**
     * The estimates and the problems they raise.
     *
     * @param loads offered load per non-sink setting
     * @param eventsPerReplication expected events of one replication
     * @param events expected events of the run
     * @param censusBytes memory for the daily census of all replications
     * @param problems warnings (overload, short warm-up) and errors (run too large)
     */
    public record Result(List<PreFlight.Load> loads, double eventsPerReplication, double events, long censusBytes,
            List<Problem> problems) {
    }

    /** Checks compiled settings for a run of {@code replications}. */
    public static Result check(FlowSettings settings, int replications, ScenarioSpec spec, SourceMap at) {
        List<Problem> problems = new ArrayList<>();
        List<PreFlight.Load> loads = PreFlight.loads(settings);
        boolean finite = true;
        for (PreFlight.Load l : loads) {
            if (!Double.isFinite(l.admissionsPerDay()) || !Double.isFinite(l.offeredLoad())) {
                // derived from bounded inputs, so never expected; checked so nothing non-finite reaches the model
                String path = settingPath(spec, l.setting());
                problems.add(Problem.error(path, at.at(path), "admissions a day or an offered load in '"
                        + l.setting() + "' that is not a finite number (the arrivals, growth, profiles or stays "
                        + "reaching it are beyond what the model can compute with)", "finite volumes and stays"));
                finite = false;
            }
        }
        if (!finite) {
            return new Result(loads, Double.NaN, Double.NaN, 0, List.copyOf(problems));
        }
        for (PreFlight.Load l : loads) {
            if (l.overloaded()) {
                String path = settingPath(spec, l.setting()) + ".beds";
                problems.add(Problem.warning(path, at.at(path), String.format(java.util.Locale.ROOT,
                        "an offered load of %.1f beds against %d beds (%s) in '%s'", l.offeredLoad(),
                        l.capacity(), l.capacity() == 0 ? "no beds at all" : String.format(java.util.Locale.ROOT,
                        "%.0f %%", 100 * l.utilisation()), l.setting()), "more beds than the offered load "
                        + "(admissions a day x mean stay, at the end of the horizon), or queues and delays grow "
                        + "without bound"));
            }
        }
        double longest = 0;
        String longestWhere = "";
        for (Cohort c : settings.cohorts()) {
            for (var e : c.lengthOfStay().entrySet()) {
                if (e.getValue().mean() > longest) {
                    longest = e.getValue().mean();
                    longestWhere = c.name() + " in " + e.getKey();
                }
            }
        }
        if (settings.warmupDays() < 3 * longest) {
            String path = "calendar.warmup_days";
            problems.add(Problem.warning(path, at.at(path), String.format(java.util.Locale.ROOT,
                    "a warm-up of %s days", StructureChecker.plain(settings.warmupDays())),
                    String.format(java.util.Locale.ROOT, "at least 3 times the longest mean stay (%s days, %s), so "
                            + "that beds are filled before measuring", StructureChecker.plain(
                            Math.round(longest * 10) / 10.0), longestWhere)));
        }
        double perReplication = PreFlight.expectedEvents(settings);
        double events = perReplication * replications;
        if (!Double.isFinite(events)) {
            String path = "cohorts";
            problems.add(Problem.error(path, at.at(path), "an estimated run size that is not a finite number of "
                    + "events", "finite volumes, growth and stays"));
        } else if (events > MAX_EVENTS) {
            String path = "run.replications";
            problems.add(Problem.error(path, at.at(path), "a run of about " + count(events) + " events ("
                    + count(perReplication) + " per replication x " + replications + " replications)",
                    "at most " + count(MAX_EVENTS) + " events: fewer replications, a shorter horizon or smaller "
                    + "volumes"));
        }
        long censusBytes = censusBytes(settings, replications);
        if (censusBytes > MAX_CENSUS_BYTES) {
            String path = "run.replications";
            problems.add(Problem.error(path, at.at(path), String.format(java.util.Locale.ROOT,
                    "a daily census of %d MiB (%d days x %d settings x %d replications)", censusBytes >> 20,
                    (long) Math.ceil(settings.horizonDays()), censusSettings(settings), replications),
                    String.format(java.util.Locale.ROOT, "at most %d MiB: fewer replications or a shorter horizon",
                            MAX_CENSUS_BYTES >> 20)));
        }
        long heap = Runtime.getRuntime().maxMemory();
        long needed = memoryBytes(settings, replications);
        if (censusBytes <= MAX_CENSUS_BYTES && heap != Long.MAX_VALUE && needed > heap * HEAP_SHARE) {
            String path = "run.replications";
            problems.add(Problem.error(path, at.at(path), String.format(java.util.Locale.ROOT,
                    "a run needing about %d MiB of memory (the daily series of %d replications, held until the "
                    + "outputs are written, and the model)", needed >> 20, replications),
                    memoryExpected(needed, "fewer replications or a shorter horizon")));
        }
        return new Result(loads, perReplication, events, censusBytes, List.copyOf(problems));
    }

    /** Share of the JVM's largest heap a run may plan to use (the rest is for the JVM, the outputs and charts). */
    static final double HEAP_SHARE = 0.6;

    /** Memory allowed for the model, the JVM and the writers, besides what grows with the run. */
    static final long FIXED_BYTES = 64L << 20;

    /**
     * @return the memory a run is estimated to need: every daily series the replications keep until the outputs are
     *     written ({@link #dailyBytes}), the census again (as the objects the outputs are built from) and a fixed
     *     allowance for the model, the JVM and the writers
     */
    static long memoryBytes(FlowSettings settings, int replications) {
        return heldBytes(settings, replications) + FIXED_BYTES;
    }

    /** @return what the replications of one configuration hold until the outputs are written (no fixed part) */
    static long heldBytes(FlowSettings settings, int replications) {
        return dailyBytes(settings, replications) + censusBytes(settings, replications);
    }

    /**
     * @return bytes of every daily series a replication keeps, for all replications: per day and non-sink setting
     *     the census (occupied, delayed, waiting), the waits (admitted, over the standard, over the long threshold,
     *     peak, a long-wait day) and the delayed patients awaiting it; per day and cohort the acute admissions and the
     *     arrivals at each sink
     */
    static long dailyBytes(FlowSettings settings, int replications) {
        long days = (long) Math.ceil(settings.horizonDays());
        long nonSinks = censusSettings(settings);
        long sinks = settings.settings().size() - nonSinks;
        long cohorts = settings.cohorts().size();
        return days * (9 * nonSinks + cohorts * (1 + sinks)) * Integer.BYTES * replications;
    }

    /**
     * The memory a comparison needs: the replications of every option are held at once until the outputs are
     * written; a search holds one configuration's replications at a time (the largest counted).
     *
     * @param options each option's configuration
     * @param searched the configurations searches run (each option a search starts from), or none
     * @param replications replications of each
     * @return the estimate in bytes, the fixed allowance included
     */
    public static long comparisonBytes(List<FlowSettings> options, List<FlowSettings> searched, int replications) {
        long total = FIXED_BYTES;
        for (FlowSettings o : options) {
            total += heldBytes(o, replications);
        }
        long search = 0;
        for (FlowSettings s : searched) {
            search = Math.max(search, dailyBytes(s, replications));
        }
        return total + search;
    }

    /** @return the most memory a run may plan to use in this Java, or {@link Long#MAX_VALUE} if unbounded */
    public static long allowedBytes() {
        long heap = Runtime.getRuntime().maxMemory();
        return heap == Long.MAX_VALUE ? Long.MAX_VALUE : (long) (heap * HEAP_SHARE);
    }

    /** @return the problem's "expected" text for a run needing {@code needed} bytes in this Java */
    static String memoryExpected(long needed, String fewer) {
        long heap = Runtime.getRuntime().maxMemory();
        return String.format(java.util.Locale.ROOT, "at most %.0f %% of the %d MiB this Java may use: %s, or more "
                + "memory (e.g. JAVA_TOOL_OPTIONS=-Xmx%dg)", 100 * HEAP_SHARE, heap >> 20, fewer,
                Math.max(2, (long) Math.ceil(needed / HEAP_SHARE / (1L << 30))));
    }

    /** @return e.g. "2.1 billion", "340 million", "12,500" */
    static String count(double n) {
        if (n >= 1e9) {
            return String.format(java.util.Locale.ROOT, "%.1f billion", n / 1e9);
        }
        if (n >= 1e6) {
            return String.format(java.util.Locale.ROOT, "%.1f million", n / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "%,.0f", n);
    }

    private static int censusSettings(FlowSettings settings) {
        return (int) settings.settings().stream().filter(s -> !s.isSink()).count();
    }

    /** @return bytes of the census: three ints per day, setting and replication */
    static long censusBytes(FlowSettings settings, int replications) {
        return (long) Math.ceil(settings.horizonDays()) * censusSettings(settings) * 3L * Integer.BYTES
                * replications;
    }

    private static String settingPath(ScenarioSpec spec, String name) {
        for (int i = 0; i < spec.settings().size(); i++) {
            SettingSpec s = spec.settings().get(i);
            if (s != null && name.equals(s.name())) {
                return "settings[" + i + "]";
            }
        }
        return "settings";
    }

    /** @return the setting names of a configuration, sinks excluded */
    static List<String> nonSinks(FlowSettings settings) {
        return settings.settings().stream().filter(s -> !s.isSink()).map(CareSetting::name).toList();
    }
}
