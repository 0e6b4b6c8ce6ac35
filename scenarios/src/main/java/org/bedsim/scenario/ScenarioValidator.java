package org.bedsim.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-field rules of a scenario, beyond what each key allows on its own: names unique and references
 * resolved (settings, cohorts, profiles, age bands, sources), a sink named home, each distribution with exactly its
 * family's parameters, routing probabilities summing to 1, every setting a cohort can reach with a length of stay,
 * every pathway able to reach a sink, capacity changes in date order inside the measured period, a warm-up shorter
 * than the horizon, every figure citing a source, and the bridge's rules ({@link BridgeValidator}).
 *
 * <p>Runs on a spec whose refused values are null (see {@link StructureChecker}): a null required value was already
 * reported, so rules that need it are skipped, and reference checks are skipped when some names are unknown, to
 * avoid reporting one mistake twice.
 */
public final class ScenarioValidator {
    /** Tolerance on a sum of routing probabilities: the model's, so that what passes here the model accepts. */
    public static final double SUM_TOLERANCE = org.bedsim.model.Route.SUM_TOLERANCE;

    /** Longest mean stay even with {@code long_stay: true}, days: a hundred years, the limit of every stay key. */
    static final double MAX_STAY_DAYS = 36_500;

    private static final com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy();

    private final ScenarioSpec spec;
    final SourceMap at;
    private final List<Problem> problems = new ArrayList<>();
    final Map<String, SettingSpec> settings = new LinkedHashMap<>();
    private final Map<String, Integer> settingIndex = new HashMap<>();
    final Set<String> cohortNames = new LinkedHashSet<>();
    boolean settingNamesComplete = true;
    private boolean settingKindsComplete = true;
    boolean cohortNamesComplete = true;
    private final Set<String> citedSources = new HashSet<>();
    private final BridgeValidator bridge;

    private ScenarioValidator(ScenarioSpec spec, SourceMap at) {
        this.spec = spec;
        this.at = at;
        this.bridge = new BridgeValidator(spec, this);
    }

    /** @return every cross-field problem of a bound scenario, errors and warnings */
    public static List<Problem> validate(ScenarioSpec spec, SourceMap sources) {
        ScenarioValidator v = new ScenarioValidator(spec, sources);
        v.run();
        return List.copyOf(v.problems);
    }

    private void run() {
        indexNames();
        calendar();
        settings();
        profiles();
        growth();
        targets();
        cohorts();
        routingChanges();
        quarterly();
        citedSources.addAll(bridge.validate());
        calibrations();
        citations();
        sources();
    }

    // ---- names -------------------------------------------------------------------------------------------------

    private void indexNames() {
        // a missing or refused list was reported already: no reference into it can be checked
        settingNamesComplete = !spec.settings().isEmpty();
        cohortNamesComplete = !spec.cohorts().isEmpty();
        for (int i = 0; i < spec.settings().size(); i++) {
            SettingSpec s = spec.settings().get(i);
            if (s == null || s.name() == null) {
                settingNamesComplete = false;
                continue;
            }
            settingKindsComplete &= s.kind() != null;
            Integer first = settingIndex.get(s.name());
            if (first != null) {
                error("settings[" + i + "].name", "the name '" + s.name() + "' again (settings[" + first
                        + "] has it)", "a name no other setting uses");
                continue;
            }
            settingIndex.put(s.name(), i);
            settings.put(s.name(), s);
        }
        Map<String, Integer> firstCohort = new HashMap<>();
        for (int i = 0; i < spec.cohorts().size(); i++) {
            CohortSpec c = spec.cohorts().get(i);
            if (c == null || c.name() == null) {
                cohortNamesComplete = false;
                continue;
            }
            Integer first = firstCohort.putIfAbsent(c.name(), i);
            if (first != null) {
                error("cohorts[" + i + "].name", "the name '" + c.name() + "' again (cohorts[" + first + "] has it)",
                        "a name no other cohort uses");
            }
            cohortNames.add(c.name());
        }
    }

    // ---- calendar ----------------------------------------------------------------------------------------------

    private LocalDate start() {
        return spec.calendar() == null ? null : spec.calendar().start();
    }

    private LocalDate end() {
        CalendarSpec c = spec.calendar();
        return c == null || c.start() == null || c.horizonYears() == null ? null
                : c.start().plusYears(c.horizonYears());
    }

    private void calendar() {
        CalendarSpec c = spec.calendar();
        if (c == null || end() == null || c.warmupDays() == null) {
            return;
        }
        long horizon = ChronoUnit.DAYS.between(c.start(), end());
        if (c.warmupDays() >= horizon) {
            error("calendar.warmup_days", "a warm-up of " + c.warmupDays() + " days", "a warm-up shorter than the "
                    + "horizon (" + horizon + " days from " + c.start() + " to " + end() + ")");
        }
    }

    // ---- settings ----------------------------------------------------------------------------------------------

    private void settings() {
        SettingSpec home = settings.get("home");
        if (home == null && settingNamesComplete) {
            error("settings", "no setting named 'home'", "a setting named 'home' of kind home (where patients go "
                    + "from a setting without routing)");
        } else if (home != null && home.kind() != null && !home.isSink()) {
            error("settings[" + settingIndex.get("home") + "].kind", "kind " + home.kind().key()
                    + " for the setting named 'home'", "kind home (a sink)");
        }
        for (int i = 0; i < spec.settings().size(); i++) {
            SettingSpec s = spec.settings().get(i);
            if (s == null || s.kind() == null) {
                continue;
            }
            String p = "settings[" + i + "]";
            if (s.isSink()) {
                forbidOnSink(p, "beds", s.beds());
                forbidOnSink(p, "capacity_changes", s.capacityChanges().isEmpty() ? null : s.capacityChanges());
                forbidOnSink(p, "when_full", s.whenFull());
                forbidOnSink(p, "escalation_beds", s.escalationBeds());
                forbidOnSink(p, "divert_to", s.divertTo());
                forbidOnSink(p, "priority", s.priority());
                forbidOnSink(p, "owner", s.owner());
                forbidOnSink(p, "delayed_while_here", s.delayedWhileHere());
                continue;
            }
            if (s.beds() == null && !at.has(p + ".beds")) {
                error(p + ".beds", "nothing (the key 'beds' is missing)", "the beds at the start, an integer "
                        + "from 0 to 1000000 (required for kind " + s.kind().key() + ")");
            }
            policy(s, p);
            capacityChanges(s, p);
            if (s.source() == null) {
                missingSource(p, "the beds of setting '" + s.name() + "'");
            }
        }
    }

    private void forbidOnSink(String p, String key, Object value) {
        if (value != null) {
            error(p + "." + key, "'" + key + "' on a setting of kind home", "no '" + key + "': a home setting is "
                    + "a sink without beds (leave the key out)");
        }
    }

    private void policy(SettingSpec s, String p) {
        SettingSpec.WhenFull w = s.effectiveWhenFull();
        if (w == SettingSpec.WhenFull.ESCALATE && s.escalationBeds() == null && !at.has(p + ".escalation_beds")) {
            error(p + ".escalation_beds", "nothing (the key 'escalation_beds' is missing)", "the extra beds that "
                    + "can be opened, an integer >= 1 (required with when_full: escalate)");
        }
        if (w != SettingSpec.WhenFull.ESCALATE && s.escalationBeds() != null) {
            error(p + ".escalation_beds", "escalation_beds with when_full: " + w.key(),
                    "escalation_beds only with when_full: escalate");
        }
        if (w == SettingSpec.WhenFull.DIVERT) {
            if (s.divertTo() == null) {
                if (!at.has(p + ".divert_to")) {
                    error(p + ".divert_to", "nothing (the key 'divert_to' is missing)", "the setting tried "
                            + "instead (required with when_full: divert)");
                }
            } else {
                SettingSpec target = settings.get(s.divertTo());
                if (target == null) {
                    if (settingNamesComplete) {
                        error(p + ".divert_to", "'" + s.divertTo() + "', which is not a setting",
                                "another setting that is not of kind home: " + nonSinkNames(s.name()));
                    }
                } else if (target.isSink() || target == s) {
                    error(p + ".divert_to", "'" + s.divertTo() + "'" + (target == s ? ", the setting itself"
                            : ", a setting of kind home"), "another setting that is not of kind home: "
                            + nonSinkNames(s.name()));
                }
            }
        } else if (s.divertTo() != null) {
            error(p + ".divert_to", "divert_to with when_full: " + w.key(), "divert_to only with when_full: divert");
        }
    }

    private void capacityChanges(SettingSpec s, String p) {
        LocalDate start = start();
        LocalDate end = end();
        LocalDate previous = null;
        for (int j = 0; j < s.capacityChanges().size(); j++) {
            CapacityChangeSpec c = s.capacityChanges().get(j);
            String cp = p + ".capacity_changes[" + j + "]";
            if (c == null || c.from() == null) {
                previous = null;
                continue;
            }
            if (start != null && end != null && (!c.from().isAfter(start) || !c.from().isBefore(end))) {
                error(cp + ".from", "the date " + c.from(), "a date inside the measured period, after " + start
                        + " and before " + end + (c.from().equals(start) ? " (the beds on the start date are "
                        + "'beds')" : ""));
            } else if (previous != null && !c.from().isAfter(previous)) {
                error(cp + ".from", "the date " + c.from() + " after " + previous, "capacity changes in "
                        + "increasing date order, each date once");
            }
            previous = c.from();
            if (c.source() == null) {
                missingSource(cp, "a capacity change of setting '" + s.name() + "'");
            }
        }
    }

    // ---- routing changes by date --------------------------------------------------------------------------------

    private void routingChanges() {
        LocalDate start = start();
        LocalDate end = end();
        for (int i = 0; i < spec.routingChanges().size(); i++) {
            RoutingChangeSpec r = spec.routingChanges().get(i);
            String p = "routing_changes[" + i + "]";
            if (r == null) {
                continue;
            }
            if (r.from() != null && start != null && end != null && (r.from().isBefore(start)
                    || !r.from().isBefore(end))) {
                error(p + ".from", "the date " + r.from(), "a date inside the measured period, from " + start
                        + " and before " + end);
            }
            List<String> given = new ArrayList<>();
            for (String key : RoutingChangeSpec.KEYS) {
                if (r.keysGiven().contains(key) || at.has(p + "." + key)) {
                    given.add(key);
                }
            }
            if (given.size() > 1 || (given.isEmpty() && !at.hasUnder(p + ".close_setting")
                    && !at.hasUnder(p + ".shift_routing") && !at.hasUnder(p + ".reduce_readmissions"))) {
                error(p, given.isEmpty() ? "a routing change with no change" : "the keys " + String.join(" and ",
                        given), "exactly one of " + String.join(", ", RoutingChangeSpec.KEYS) + " in each item "
                        + "(make each change its own item)");
            }
            if (r.closeSetting() != null) {
                closeSetting(r.closeSetting(), p + ".close_setting");
            }
            if (r.shiftRouting() != null) {
                ShiftRoutingSpec sr = r.shiftRouting();
                String sp = p + ".shift_routing";
                boolean known = sr.cohort() == null || !cohortNamesComplete || cohortNames.contains(sr.cohort());
                if (!known) {
                    error(sp + ".cohort", "'" + sr.cohort() + "', which is not a cohort", "one of the cohorts: "
                            + String.join(", ", cohortNames));
                }
                reference(sp + ".setting", sr.setting(), "shift_routing", true);
                reference(sp + ".from", sr.from(), "shift_routing", false);
                SettingSpec to = reference(sp + ".to", sr.to(), "shift_routing", false);
                number(sp + ".share", sr.share());
                if (known && to != null && to.kind() != null && !to.isSink()) {
                    for (CohortSpec c : spec.cohorts()) {
                        if (c != null && c.name() != null && (sr.cohort() == null || sr.cohort().equals(c.name()))
                                && routesTo(c, sr.setting(), sr.from()) && !c.los().containsKey(sr.to())) {
                            error(sp + ".to", "'" + sr.to() + "', where cohort '" + c.name() + "' has no length "
                                    + "of stay", "a sink, or a setting where every cohort moved there has a stay "
                                    + "(add it to the cohort's los)");
                        }
                    }
                }
            }
            if (r.reduceReadmissions() != null) {
                ReduceReadmissionsSpec rr = r.reduceReadmissions();
                if (rr.cohort() != null && cohortNamesComplete && !cohortNames.contains(rr.cohort())) {
                    error(p + ".reduce_readmissions.cohort", "'" + rr.cohort() + "', which is not a cohort",
                            "one of the cohorts: " + String.join(", ", cohortNames));
                }
                number(p + ".reduce_readmissions.share", rr.share());
            }
            if (r.source() == null) {
                missingSource(p, "a routing change");
            }
        }
    }

    /** A share of a change by date is one number: a run draws nothing. */
    private void number(String path, ParameterSpec share) {
        if (share != null && share.isRange()) {
            error(path, "the range " + share, "a number: a run takes one value (ranges are for bridge steps, "
                    + "drawn once per replication)");
        }
    }

    private static boolean routesTo(CohortSpec c, String setting, String to) {
        List<RouteSpec> routes = c.routing().get(setting);
        return routes != null && routes.stream().anyMatch(r -> r != null && to.equals(r.to()));
    }

    /** Checks a closure (in routing_changes or a bridge step): two different settings with beds. */
    void closeSetting(CloseSettingSpec c, String p) {
        reference(p + ".setting", c.setting(), "close_setting", true);
        reference(p + ".into", c.into(), "close_setting", true);
        if (c.setting() != null && c.setting().equals(c.into())) {
            error(p + ".into", "'" + c.into() + "', the setting that closes", "another setting to receive its "
                    + "patients: " + nonSinkNames(c.setting()));
        }
    }

    String nonSinkNames(String except) {
        List<String> names = new ArrayList<>();
        settings.forEach((n, s) -> {
            if (s.kind() != null && !s.isSink() && !n.equals(except)) {
                names.add(n);
            }
        });
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    // ---- profiles, growth, targets -----------------------------------------------------------------------------

    private void profiles() {
        spec.profiles().forEach((name, pr) -> {
            String p = Paths.key("profiles", name);
            if (pr == null) {
                return;
            }
            boolean week = pr.dayOfWeek() != null || at.has(p + ".day_of_week");
            boolean month = pr.month() != null || at.has(p + ".month");
            if (week == month) {
                error(p, week ? "both day_of_week and month" : "neither day_of_week nor month",
                        "exactly one of day_of_week (7 weights) and month (12 weights)");
            }
            for (String key : List.of("day_of_week", "month")) {
                List<Double> w = key.equals("day_of_week") ? pr.dayOfWeek() : pr.month();
                if (w != null && !w.contains(null) && w.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                    error(p + "." + key, "weights that are all 0", "at least one weight above 0");
                }
            }
            if (pr.source() == null) {
                missingSource(p, "profile '" + name + "'");
            }
        });
    }

    private void growth() {
        GrowthSpec g = spec.growth();
        if (g == null) {
            return;
        }
        g.byAgeBand().forEach((band, rate) -> rate(Paths.key("growth.by_age_band", band), rate,
                "demographic growth of age band '" + band + "'"));
        rate("growth.non_demographic", g.nonDemographic(), "non-demographic growth");
    }

    private void rate(String p, GrowthRateSpec r, String what) {
        if (r == null) {
            return;
        }
        boolean perYear = r.perYear() != null || at.has(p + ".per_year");
        boolean total = r.total() != null || at.has(p + ".total");
        boolean over = r.overYears() != null || at.has(p + ".over_years");
        if (perYear && (total || over)) {
            error(p, "both per_year and total/over_years", "either per_year, or total with over_years");
        } else if (!perYear && total != over) {
            error(p, total ? "total without over_years" : "over_years without total",
                    "total and over_years together (or per_year alone)");
        } else if (!perYear && !total) {
            error(p, "no rate", "per_year, or total with over_years");
        }
        if (r.source() == null) {
            missingSource(p, what);
        }
    }

    private void targets() {
        TargetsSpec t = spec.targets();
        if (t == null) {
            return;
        }
        if (t.source() == null) {
            missingSource("targets", "the targets");
        }
        double standard = t.waitStandardHours() == null ? 4 : t.waitStandardHours();
        double longWait = t.waitLongHours() == null ? 12 : t.waitLongHours();
        if (!(longWait > standard)) {
            error(t.waitLongHours() == null ? "targets.wait_standard_hours" : "targets.wait_long_hours",
                    "a long-wait threshold of " + round(longWait) + " hours, not above the standard "
                    + round(standard), "wait_long_hours above wait_standard_hours (defaults 4 and 12)");
        }
    }

    // ---- cohorts -----------------------------------------------------------------------------------------------

    private void cohorts() {
        for (int i = 0; i < spec.cohorts().size(); i++) {
            CohortSpec c = spec.cohorts().get(i);
            if (c != null) {
                cohort(c, "cohorts[" + i + "]");
            }
        }
    }

    private void cohort(CohortSpec c, String p) {
        SettingSpec entry = reference(p + ".entry", c.entry(), "entry", true);
        arrivals(c, p);
        if (c.ageBand() != null) {
            Map<String, GrowthRateSpec> bands = spec.growth() == null ? Map.of() : spec.growth().byAgeBand();
            if (!bands.containsKey(c.ageBand()) && !bridge.ageBands().contains(c.ageBand())
                    && !spec.population().containsKey(c.ageBand())) {
                error(p + ".age_band", "the age band '" + c.ageBand() + "', which growth.by_age_band does not list",
                        "an age band of growth.by_age_band" + (bands.isEmpty() ? " (there are none: add "
                                + "growth.by_age_band, or leave age_band out)" : ": " + String.join(", ",
                                bands.keySet())) + (spec.bridge() == null ? "" : " or of the bridge's "
                                + "demographic_growth" + (bridge.ageBands().isEmpty() ? "" : ": " + String.join(
                                ", ", bridge.ageBands()))) + (spec.population().isEmpty() ? ""
                                : " or of population: " + String.join(", ", spec.population().keySet())));
            }
        }
        if (c.whenFull() != null && c.type() == CohortSpec.Type.NON_ELECTIVE) {
            error(p + ".when_full", "when_full on a non_elective cohort", "when_full only on elective cohorts "
                    + "(emergency arrivals follow the entry setting's when_full)");
        }
        SettingSpec redirect = null;
        if (c.avoidance() != null) {
            redirect = reference(p + ".avoidance.redirect_to", c.avoidance().redirectTo(), "redirect_to", true);
            if (c.avoidance().source() == null) {
                missingSource(p + ".avoidance", "the avoidance of cohort '" + c.name() + "'");
            }
        }
        if (c.readmission() != null) {
            String cohort = c.readmission().cohort();
            if (cohort != null && cohortNamesComplete && !cohortNames.contains(cohort)) {
                error(p + ".readmission.cohort", "'" + cohort + "', which is not a cohort", "one of the cohorts: "
                        + String.join(", ", cohortNames));
            }
            if (c.readmission().source() == null) {
                missingSource(p + ".readmission", "the readmission of cohort '" + c.name() + "'");
            }
        }
        if (c.renegeAfter() != null) {
            if (c.renegeAfter().family() != null) {
                distribution(p + ".renege_after", c.renegeAfter());
            }
            if (c.renegeAfter().source() == null) {
                missingSource(p + ".renege_after", "the patience of cohort '" + c.name() + "'");
            }
            if (c.renegeTo() == null) {
                error(p + ".renege_to", "nothing (renege_after without renege_to)", "renege_to: the setting or "
                        + "sink (e.g. home) patients who stop waiting go to");
            } else {
                reference(p + ".renege_to", c.renegeTo(), "renege_to", false);
            }
            if (c.type() == CohortSpec.Type.ELECTIVE) {
                error(p + ".renege_after", "renege_after on an elective cohort", "renege_after only on "
                        + "non_elective cohorts (booked admissions are cancelled or deferred instead)");
            }
        } else if (c.renegeTo() != null) {
            error(p + ".renege_to", "renege_to without renege_after", "renege_after (the patience) with renege_to");
        }
        lengthsOfStay(c, p);
        boolean routesOk = routing(c, p);
        if (entry != null && !entry.isSink() && routesOk && settingNamesComplete && settingKindsComplete
                && c.los().values().stream().allMatch(java.util.Objects::nonNull)) {
            pathways(c, p, redirect);
        }
    }

    /** @return the referenced setting, or null if absent, unknown (reported) or not checkable */
    SettingSpec reference(String path, String name, String what, boolean nonSink) {
        if (name == null) {
            return null;
        }
        SettingSpec s = settings.get(name);
        if (s == null) {
            if (settingNamesComplete) {
                error(path, "'" + name + "', which is not a setting", (nonSink ? "a setting that is not of kind "
                        + "home: " + nonSinkNames(null) : "a setting: " + String.join(", ", settings.keySet())));
            }
            return null;
        }
        if (nonSink && s.kind() != null && s.isSink()) {
            error(path, "'" + name + "', a setting of kind home", "a setting that is not of kind home for " + what
                    + ": " + nonSinkNames(null));
            return null;
        }
        return s;
    }

    private void arrivals(CohortSpec c, String p) {
        ArrivalsSpec a = c.arrivals();
        if (a == null) {
            return;
        }
        profile(p + ".arrivals.day_of_week", a.dayOfWeek(), true);
        profile(p + ".arrivals.month", a.month(), false);
        if (a.source() == null) {
            missingSource(p + ".arrivals", "the arrivals of cohort '" + c.name() + "'");
        }
    }

    private void profile(String path, String name, boolean week) {
        if (name == null) {
            return;
        }
        ProfileSpec pr = spec.profiles().get(name);
        String kind = week ? "day_of_week" : "month";
        List<String> fitting = new ArrayList<>();
        spec.profiles().forEach((n, x) -> {
            if (x != null && (week ? x.dayOfWeek() : x.month()) != null) {
                fitting.add(n);
            }
        });
        String options = fitting.isEmpty() ? " (there are none in profiles)" : ": " + String.join(", ", fitting);
        if (!spec.profiles().containsKey(name)) {
            error(path, "'" + name + "', which is not in profiles", "a profile with " + kind + " weights" + options);
        } else if (pr != null && (week ? pr.dayOfWeek() : pr.month()) == null
                && (week ? pr.month() : pr.dayOfWeek()) != null) {
            error(path, "'" + name + "', a " + (week ? "month" : "day_of_week") + " profile",
                    "a profile with " + kind + " weights" + options);
        }
    }

    private void lengthsOfStay(CohortSpec c, String p) {
        c.los().forEach((setting, d) -> {
            String lp = Paths.key(p + ".los", setting);
            reference(lp, setting, "a length of stay", true);
            if (d == null || d.family() == null) {
                return;
            }
            distribution(lp, d);
            if (d.source() == null) {
                missingSource(lp, "the length of stay of cohort '" + c.name() + "' in '" + setting + "'");
            }
        });
    }

    /** Checks a distribution has exactly its family's parameters, and that they make a distribution. */
    void distribution(String lp, DistributionSpec d) {
        Set<String> allowed = new HashSet<>(d.family().parameters());
        Map<String, Object> given = parameters(d);
        for (String need : d.family().parameters()) {
            if (given.get(need) == null && !at.has(lp + "." + need)) {
                error(lp + "." + need, "nothing (the key '" + need + "' is missing)", "the " + need + " of a "
                        + d.family().key() + " distribution (it needs " + String.join(", ",
                        d.family().parameters()) + ")");
            }
        }
        boolean complete = true;
        for (Map.Entry<String, Object> e : given.entrySet()) {
            if (!allowed.contains(e.getKey()) && (e.getValue() != null || at.has(lp + "." + e.getKey()))) {
                error(lp + "." + e.getKey(), "'" + e.getKey() + "' on a " + d.family().key() + " distribution",
                        "only " + String.join(", ", d.family().parameters()) + " (and cap, source) for "
                                + d.family().key());
                complete = false;
            }
        }
        for (String need : d.family().parameters()) {
            Object v = given.get(need);
            complete &= v != null && !(v instanceof List<?> l && l.contains(null));
        }
        if (complete) {
            org.bedsim.dist.Distribution dist;
            try {
                dist = ScenarioCompiler.distribution(d);
            } catch (IllegalArgumentException e) {
                error(lp, describe(d), "parameters a " + d.family().key() + " distribution accepts ("
                        + String.valueOf(e.getMessage()).replace("-Infinity", "minus infinity")
                        .replace("Infinity", "infinity").replace("NaN", "not a number") + ")");
                return;
            }
            double mean = dist.mean();
            boolean longAllowed = Boolean.TRUE.equals(d.longStay());
            double limit = longAllowed ? MAX_STAY_DAYS : DistributionSpec.MAX_MEAN_STAY_DAYS;
            if (!Double.isFinite(mean) || mean > limit || !Double.isFinite(dist.variance())) {
                error(lp, describe(d) + ", whose mean stay is " + (Double.isFinite(mean) ? days(mean)
                        : "not a finite number of days") + (Double.isFinite(dist.variance()) || !Double.isFinite(
                        mean) ? "" : " and whose variance is not finite"), "a mean stay of at most " + days(limit)
                        + " (" + Math.round(limit / 365) + " years)" + (longAllowed ? "" : "; add long_stay: true if "
                        + "stays this long are meant (a long-term placement)"));
            }
        }
    }

    private static Map<String, Object> parameters(DistributionSpec d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", d.mean());
        m.put("sd", d.sd());
        m.put("shape", d.shape());
        m.put("scale", d.scale());
        m.put("min", d.min());
        m.put("mode", d.mode());
        m.put("max", d.max());
        m.put("value", d.value());
        m.put("observations", d.observations());
        m.put("probabilities", d.probabilities());
        m.put("values", d.values());
        return m;
    }

    private static String describe(DistributionSpec d) {
        StringBuilder b = new StringBuilder(d.family().key()).append('(');
        String sep = "";
        for (Map.Entry<String, Object> e : parameters(d).entrySet()) {
            if (e.getValue() != null) {
                Object v = e.getValue();
                String text = v instanceof Double x ? (x != 0 && (Math.abs(x) < 1e-6 || Math.abs(x) >= 1e12)
                        ? String.format(java.util.Locale.ROOT, "%.3g", x) : StructureChecker.plain(x))
                        : v instanceof List<?> l && l.size() > 6 ? "[" + l.size() + " values]" : String.valueOf(v);
                b.append(sep).append(e.getKey()).append('=').append(text);
                sep = ", ";
            }
        }
        return b.append(')').toString();
    }

    /** @return true if the routing is complete enough to follow pathways */
    private boolean routing(CohortSpec c, String p) {
        boolean ok = true;
        for (Map.Entry<String, List<RouteSpec>> e : c.routing().entrySet()) {
            String rp = Paths.key(p + ".routing", e.getKey());
            if (reference(rp, e.getKey(), "routing from", true) == null) {
                ok = false;
            }
            List<RouteSpec> routes = e.getValue();
            if (routes == null) {
                ok = false;
                continue;
            }
            if (routes.isEmpty()) {
                error(rp, "an empty list", "at least one route (or no routing for this setting: patients go home)");
                ok = false;
                continue;
            }
            double sum = 0;
            boolean sumKnown = true;
            boolean sourced = false;
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < routes.size(); j++) {
                RouteSpec r = routes.get(j);
                String ep = rp + "[" + j + "]";
                if (r == null) {
                    sumKnown = false;
                    ok = false;
                    continue;
                }
                if (r.to() != null) {
                    if (reference(ep + ".to", r.to(), "a route", false) == null) {
                        ok = false;
                    } else if (!seen.add(r.to())) {
                        error(ep + ".to", "a second route to '" + r.to() + "'", "each destination once per setting "
                                + "(add the probabilities together)");
                    }
                } else {
                    ok = false;
                }
                if (r.probability() == null) {
                    sumKnown = false;
                } else {
                    sum += r.probability();
                }
                sourced |= r.source() != null;
            }
            if (sumKnown && Math.abs(sum - 1) > SUM_TOLERANCE) {
                error(rp, "probabilities summing to " + round(sum), "probabilities summing to 1");
                ok = false;
            }
            if (!sourced) {
                missingSource(rp, "the routing of cohort '" + c.name() + "' from '" + e.getKey() + "'");
            }
        }
        return ok;
    }

    private static String days(double d) {
        return d >= 1e7 ? String.format(java.util.Locale.ROOT, "%.3g days", d)
                : StructureChecker.plain(Math.round(d * 10) / 10.0) + " days";
    }

    private static String round(double x) {
        return StructureChecker.plain(Math.round(x * 1e9) / 1e9);
    }

    private void pathways(CohortSpec c, String p, SettingSpec redirect) {
        // settings reachable from the entry (and the redirect target), following routes and divert targets
        Map<String, String> via = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(c.entry());
        via.put(c.entry(), "its entry");
        if (redirect != null && !redirect.isSink()) {
            todo.add(redirect.name());
            via.putIfAbsent(redirect.name(), "avoidance.redirect_to");
        }
        if (c.renegeAfter() != null && c.renegeTo() != null && settings.containsKey(c.renegeTo())) {
            todo.add(c.renegeTo());
            via.putIfAbsent(c.renegeTo(), "renege_to");
        }
        bridge.redirects(c.name()).forEach((setting, path) -> {
            if (settings.containsKey(setting)) {
                todo.add(setting);
                via.putIfAbsent(setting, path);
            }
        });
        Set<String> reached = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String s = todo.poll();
            SettingSpec setting = settings.get(s);
            if (setting == null || setting.kind() == null || setting.isSink() || !reached.add(s)) {
                continue;
            }
            List<RouteSpec> routes = c.routing().get(s);
            for (String n : routes == null ? List.of("home") : routes.stream().map(RouteSpec::to).toList()) {
                via.putIfAbsent(n, "routing." + s);
                todo.add(n);
            }
            if (setting.effectiveWhenFull() == SettingSpec.WhenFull.DIVERT && setting.divertTo() != null) {
                via.putIfAbsent(setting.divertTo(), "settings[" + settingIndex.get(s) + "].divert_to");
                todo.add(setting.divertTo());
            }
        }
        for (String s : reached) {
            if (!c.los().containsKey(s)) {
                error(p + ".los", "no length of stay for '" + s + "', which the cohort reaches (via " + via.get(s)
                        + ")", "a los entry for every setting the cohort can reach");
            }
        }
        for (String s : c.los().keySet()) {
            if (!reached.contains(s) && settings.containsKey(s) && !settings.get(s).isSink()) {
                warning(Paths.key(p + ".los", s), "a length of stay in '" + s + "', which the cohort never "
                        + "reaches", "lengths of stay only for settings on the cohort's pathways");
            }
        }
        for (String s : c.routing().keySet()) {
            if (!reached.contains(s) && settings.containsKey(s) && !settings.get(s).isSink()) {
                warning(Paths.key(p + ".routing", s), "routing from '" + s + "', which the cohort never reaches",
                        "routing only for settings on the cohort's pathways");
            }
        }
        for (String s : reached) {
            if (!canExit(c, s)) {
                String rp = c.routing().containsKey(s) ? Paths.key(p + ".routing", s) : p + ".routing";
                error(rp, "a pathway from '" + s + "' that never reaches a setting of kind home (a cycle without a "
                        + "way out)", "every pathway to be able to reach a sink");
            }
        }
    }

    private boolean canExit(CohortSpec c, String from) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String s = todo.poll();
            SettingSpec setting = settings.get(s);
            if (setting == null) {
                continue;
            }
            if (setting.isSink()) {
                return true;
            }
            if (seen.add(s)) {
                List<RouteSpec> routes = c.routing().get(s);
                if (routes == null) {
                    todo.add("home");
                } else {
                    routes.forEach(r -> todo.add(r.to()));
                }
            }
        }
        return false;
    }

    // ---- quarterly metrics -------------------------------------------------------------------------------------

    private void quarterly() {
        QuarterlySpec q = spec.quarterly();
        if (q == null) {
            return;
        }
        band("quarterly.adults", q.adults());
        band("quarterly.older", q.older());
        if (q.older() != null && spec.cohorts().stream().noneMatch(c -> c != null && q.older().equals(c.ageBand()))) {
            warning("quarterly.older", "no cohort of age band '" + q.older() + "'", "cohorts with age_band '"
                    + q.older() + "', whose care-home admissions are counted");
        }
        for (int i = 0; i < q.careHomeSinks().size(); i++) {
            String name = q.careHomeSinks().get(i);
            SettingSpec s = settings.get(name);
            if (s == null && settingNamesComplete) {
                error("quarterly.care_home_sinks[" + i + "]", "'" + name + "', which is not a setting",
                        "a setting of kind home");
            } else if (s != null && s.kind() != null && !s.isSink()) {
                error("quarterly.care_home_sinks[" + i + "]", "'" + name + "' of kind " + s.kind().key(),
                        "a setting of kind home (a permanent placement is where patients leave the system)");
            }
        }
        reablementOutcome(q);
        java.util.Set<String> kpis = new java.util.HashSet<>();
        org.bedsim.metrics.QuarterlyKpi.all().forEach(k -> kpis.add(k.key()));
        String atHome = org.bedsim.metrics.QuarterlyKpi.AT_HOME_AFTER_REABLEMENT.key();
        kpis.add(atHome);
        for (int i = 0; i < q.published().size(); i++) {
            PublishedFigureSpec f = q.published().get(i);
            String p = "quarterly.published[" + i + "]";
            if (f == null) {
                continue;
            }
            if (f.kpi() != null && !kpis.contains(f.kpi())) {
                error(p + ".kpi", "'" + f.kpi() + "'", "a quarterly KPI: " + String.join(", ", kpis.stream()
                        .sorted().toList()));
            }
            if (atHome.equals(f.kpi()) && q.reablement().isEmpty()) {
                error(p + ".kpi", "'" + atHome + "' without quarterly.reablement", "quarterly.reablement naming "
                        + "the settings of reablement or rehabilitation whose outcome the model gives");
            }
            if (atHome.equals(f.kpi()) && f.value() != null && f.value() > 1) {
                error(p + ".value", round(f.value()), "a share from 0 to 1 (87.5 % is 0.875)");
            }
            if (f.period() != null && f.period().length() >= 7) {
                int first = Integer.parseInt(f.period().substring(0, 4));
                int second = Integer.parseInt(f.period().substring(5, 7));
                if ((first + 1) % 100 != second) {
                    error(p + ".period", "'" + f.period() + "'", "a financial year whose two years follow, e.g. "
                            + first + "/" + String.format(java.util.Locale.ROOT, "%02d", (first + 1) % 100));
                }
            }
            if (f.source() == null) {
                missingSource(p, "the published figure");
            }
        }
    }

    /** The settings and sinks of the share still at home 91 days after discharge into reablement. */
    private void reablementOutcome(QuarterlySpec q) {
        for (int i = 0; i < q.reablement().size(); i++) {
            String name = q.reablement().get(i);
            SettingSpec s = settings.get(name);
            String expected = "a setting of reablement or rehabilitation that patients go to from hospital (of kind "
                    + "caseload, interim, community or virtual_ward)";
            if (s == null && settingNamesComplete) {
                error("quarterly.reablement[" + i + "]", "'" + name + "', which is not a setting", expected);
            } else if (s != null && s.kind() != null && (s.isSink() || s.kind() == SettingSpec.Kind.ACUTE)) {
                error("quarterly.reablement[" + i + "]", "'" + name + "' of kind " + s.kind().key(), expected);
            }
        }
        for (int i = 0; i < q.homeSinks().size(); i++) {
            String name = q.homeSinks().get(i);
            SettingSpec s = settings.get(name);
            String expected = "a setting of kind home that is the patient's own home";
            if (s == null && settingNamesComplete) {
                error("quarterly.home_sinks[" + i + "]", "'" + name + "', which is not a setting", expected);
            } else if (s != null && s.kind() != null && !s.isSink()) {
                error("quarterly.home_sinks[" + i + "]", "'" + name + "' of kind " + s.kind().key(), expected);
            }
        }
        if (!q.reablement().isEmpty() && q.homeSinks().isEmpty()) {
            error("quarterly.reablement", "reablement settings without home_sinks", "home_sinks: the sinks that are "
                    + "the patient's own home, where a patient at home 91 days later has gone");
        }
        if (!q.reablement().isEmpty() && q.older() == null) {
            error("quarterly.reablement", "reablement settings without older", "older: the age band of people "
                    + "aged 65+, the cohorts whose outcome is counted");
        }
        if (q.reablement().isEmpty() && !q.homeSinks().isEmpty()) {
            error("quarterly.home_sinks", "home_sinks without reablement", "home_sinks only with reablement (they "
                    + "are used by the reablement outcome alone)");
        }
    }

    private void band(String path, String band) {
        if (band != null && !spec.population().containsKey(band)) {
            error(path, "the age band '" + band + "', which is not in population", spec.population().isEmpty()
                    ? "an age band of population (there is none: add a population section)"
                    : "an age band of population: " + String.join(", ", spec.population().keySet()));
        }
    }

    // ---- sources -----------------------------------------------------------------------------------------------

    /** Checks every {@code source} key of the scenario, wherever it is, names an entry of sources. */
    private void citations() {
        walk(spec, "", (path, id) -> {
            citedSources.add(id);
            cite(path, id);
        });
    }

    /** Calls {@code visit} with the path and value of every {@code source} key, found by walking the records. */
    private static void walk(Object node, String path, java.util.function.BiConsumer<String, String> visit) {
        if (node instanceof Record r) {
            for (java.lang.reflect.RecordComponent rc : r.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = rc.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                String name = SNAKE.translate(rc.getName());
                if (name.equals("source") && v instanceof String id) {
                    visit.accept(Paths.key(path, name), id);
                } else {
                    walk(v, Paths.key(path, name), visit);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), Paths.index(path, i), visit);
            }
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, Paths.key(path, (String) k), visit));
        }
    }

    /** The cross-field rules of calibrate: set or scale, bounds in order, a target a bridge has, unique ids. */
    private void calibrations() {
        if (spec.calibrate().isEmpty()) {
            return;
        }
        boolean anyBridgeTarget = spec.calibrate().stream().anyMatch(c -> c != null && c.target() != null
                && !c.target().isQuarterly());
        if (spec.bridge() == null && anyBridgeTarget) {
            error("calibrate", "calibrations without a bridge section", "a bridge whose outputs they meet");
        }
        Set<String> ids = new HashSet<>();
        Set<String> stepIds = new HashSet<>();
        if (spec.bridge() != null) {
            spec.bridge().steps().forEach(st -> {
                if (st != null && st.id() != null) {
                    stepIds.add(st.id());
                }
            });
        }
        for (int i = 0; i < spec.calibrate().size(); i++) {
            CalibrateSpec c = spec.calibrate().get(i);
            String p = Paths.index("calibrate", i);
            if (c == null) {
                continue;
            }
            if (c.id() != null && !ids.add(c.id())) {
                error(p + ".id", "the id '" + c.id() + "' a second time", "a unique id");
            }
            if (c.set().isEmpty() == c.scale().isEmpty()) {
                error(p, c.set().isEmpty() ? "neither set nor scale" : "both set and scale",
                        "exactly one of set (paths the solved value replaces) and scale (paths it multiplies)");
            }
            if (c.bounds().size() == 2 && c.bounds().get(0) != null && c.bounds().get(1) != null
                    && !(c.bounds().get(0) < c.bounds().get(1))) {
                error(p + ".bounds", "[" + c.bounds().get(0) + ", " + c.bounds().get(1) + "]",
                        "bounds [low, high] with low < high");
            }
            CalibrationTargetSpec t = c.target();
            if (t != null) {
                quarterlyTarget(p + ".target", t);
            }
            if (t != null && t.output() != null) {
                boolean step = t.output() == CalibrationTargetSpec.Output.STEP;
                if (step && t.step() == null) {
                    error(p + ".target", "output step without a step", "the id of the step whose bar is met");
                } else if (!step && t.step() != null) {
                    error(p + ".target.step", "a step with output " + t.output().key(), "step only with output step");
                } else if (step && spec.bridge() != null && !stepIds.contains(t.step())) {
                    error(p + ".target.step", "the step '" + t.step() + "', which is not a step of the bridge",
                            "a step id of the bridge: " + String.join(", ", new java.util.TreeSet<>(stepIds)));
                }
                // a part of the bridge's count, or a setting it does not count (a ward a service leaves): any
                // setting with beds
                for (int k = 0; k < t.settings().size(); k++) {
                    reference(Paths.index(p + ".target.settings", k), t.settings().get(k), "a calibration target",
                            true);
                }
            }
        }
    }

    /**
     * The rules of a calibration target: a bridge's output with beds, or a quarterly metric over periods of the
     * measured calendar, each with a published actual in the quarterly section, in a scenario without a bridge.
     */
    private void quarterlyTarget(String p, CalibrationTargetSpec t) {
        if ((t.output() == null) == (t.quarterly() == null)) {
            error(p, t.output() == null ? "neither output nor quarterly" : "both output and quarterly",
                    "exactly one of output (a bridge's beds, with beds) and quarterly (a quarterly metric, with "
                    + "periods)");
            return;
        }
        if (!t.isQuarterly()) {
            if (t.beds() == null) {
                error(p, "output " + t.output().key() + " without beds", "beds: the published value, in beds");
            }
            if (!t.periods().isEmpty()) {
                error(p + ".periods", "periods with output", "periods only with quarterly");
            }
            return;
        }
        for (String k : new String[] {"beds", "step", "settings"}) {
            boolean given = switch (k) {
                case "beds" -> t.beds() != null;
                case "step" -> t.step() != null;
                default -> !t.settings().isEmpty();
            };
            if (given) {
                error(p + "." + k, k + " with quarterly", k + " only with output (a bridge's beds)");
            }
        }
        if (spec.bridge() != null) {
            error(p + ".quarterly", "a quarterly target in a scenario with a bridge section", "a bridge's output "
                    + "(base, step or final), or a scenario without a bridge");
        }
        QuarterlySpec q = spec.quarterly();
        if (q == null) {
            error(p + ".quarterly", "a quarterly target without a quarterly section", "a quarterly section with "
                    + "the published actuals the target sums");
            return;
        }
        if (org.bedsim.metrics.QuarterlyKpi.all().stream().noneMatch(k -> k.key().equals(t.quarterly()))) {
            error(p + ".quarterly", "'" + t.quarterly() + "'", "a quarterly KPI: " + String.join(", ",
                    org.bedsim.metrics.QuarterlyKpi.all().stream().map(org.bedsim.metrics.QuarterlyKpi::key)
                            .sorted().toList()));
            return;
        }
        if (t.periods().isEmpty()) {
            error(p, "quarterly without periods", "periods: the quarters or years whose metric is summed");
        }
        java.util.List<String> measured = new java.util.ArrayList<>();
        LocalDate start = start();
        LocalDate end = end();
        if (start != null && end != null) {
            org.bedsim.metrics.QuarterlyMetrics.periods(start, (int) ChronoUnit.DAYS.between(start, end)).stream()
                    .filter(org.bedsim.metrics.QuarterlyMetrics.Period::complete)
                    .forEach(x -> measured.add(x.label()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < t.periods().size(); i++) {
            String period = t.periods().get(i);
            String pp = Paths.index(p + ".periods", i);
            if (period == null) {
                continue;
            }
            if (!seen.add(period)) {
                error(pp, "the period '" + period + "' a second time", "each period once");
            }
            if (start != null && end != null && !measured.contains(period)) {
                error(pp, "the period '" + period + "', which the calendar does not measure in full",
                        "a quarter or year measured in full: " + String.join(", ", measured));
            }
            long published = q.published().stream().filter(f -> f != null && period.equals(f.period())
                    && t.quarterly().equals(f.kpi()) && f.status() == PublishedFigureSpec.Status.ACTUAL).count();
            if (published != 1) {
                error(pp, published == 0 ? "the period '" + period + "' without a published actual of "
                        + t.quarterly() : published + " published actuals of " + t.quarterly() + " for '" + period
                        + "'", "exactly one entry of quarterly.published with period '" + period + "', kpi "
                        + t.quarterly() + " and status actual: the figure the calibration meets");
            }
        }
    }

    private void cite(String path, String id) {
        if (!spec.sources().containsKey(id)) {
            error(path, "the source '" + id + "', which is not in sources", spec.sources().isEmpty()
                    ? "an id of sources (there are none: add it to sources)"
                    : "an id of sources: " + String.join(", ", spec.sources().keySet()));
        }
    }

    private void missingSource(String path, String what) {
        warning(path, "no source for " + what, "a 'source' naming an entry of sources (a published figure, or "
                + "'assumed' with the reasoning)");
    }

    private void sources() {
        spec.sources().forEach((id, s) -> {
            String p = Paths.key("sources", id);
            if (s == null) {
                return;
            }
            boolean cite = s.cite() != null;
            boolean assumed = s.assumed() != null;
            if (cite == assumed) {
                error(p, cite ? "both cite and assumed" : "neither cite nor assumed", "exactly one of cite (where a "
                        + "published figure is) and assumed (the reasoning behind an assumption)");
            }
            if (s.quote() != null && !cite) {
                error(p + ".quote", "a quote without cite", "quote only with cite (the text quoted from it)");
            }
            if (s.note() != null && !cite) {
                error(p + ".note", "a note without cite", "note only with cite (assumed holds the reasoning)");
            }
            if (s.url() != null && !cite) {
                error(p + ".url", "a url without cite", "url only with cite (the public address of the document)");
            }
            if (s.independent() != null && !cite) {
                error(p + ".independent", "independent without cite", "independent only with cite");
            }
            blank(p + ".cite", s.cite());
            blank(p + ".assumed", s.assumed());
            if (!citedSources.contains(id)) {
                warning(p, "a source no figure cites", "every source to be named by some 'source' key (or removed)");
            }
        });
    }

    private void blank(String path, String text) {
        if (text != null && text.isBlank()) {
            error(path, "an empty text", "a text saying where the figure comes from");
        }
    }

    // ---- problems ----------------------------------------------------------------------------------------------

    void error(String path, String found, String expected) {
        problems.add(Problem.error(path, at.at(path), found, expected));
    }

    void warning(String path, String found, String expected) {
        problems.add(Problem.warning(path, at.at(path), found, expected));
    }
}
