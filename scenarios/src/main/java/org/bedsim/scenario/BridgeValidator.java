package org.bedsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-field rules of a scenario's {@code bridge} section: the target year after the base year; counted
 * settings, cohorts, age bands and sources that exist; unique step ids; phasing inside the bridge's years; each
 * change with exactly one key; a length-of-stay change that changes something; merges into one of the merged
 * settings; one destination for a cohort's avoided patients. Warns about changes that cannot matter (capacities of
 * an unconstrained bridge, an occupancy target under the percentile method, a stay changed where the cohort never
 * stays).
 *
 * <p>Part of {@link ScenarioValidator}, whose indexes of names and reporting it shares; like it, it skips a rule
 * whose input was refused already (a null value) and a reference check whose list of names is incomplete.
 */
final class BridgeValidator {
    private static final List<String> CHANGE_KEYS = List.of("demographic_growth", "volume_growth",
            "avoid_admissions", "length_of_stay", "merge_settings", "set_capacity", "occupancy_target",
            "shift_routing", "reduce_readmissions", "close_setting");

    private final ScenarioSpec spec;
    private final ScenarioValidator v;
    private final Set<String> ageBands = new LinkedHashSet<>();
    private final Map<String, Map<String, String>> redirects = new HashMap<>();

    BridgeValidator(ScenarioSpec spec, ScenarioValidator validator) {
        this.spec = spec;
        this.v = validator;
        forEachChange((c, path) -> {
            if (c.demographicGrowth() != null) {
                ageBands.addAll(c.demographicGrowth().keySet());
            }
            AvoidAdmissionsSpec a = c.avoidAdmissions();
            if (a != null && a.cohort() != null && a.redirectTo() != null) {
                redirects.computeIfAbsent(a.cohort(), k -> new LinkedHashMap<>()).putIfAbsent(a.redirectTo(),
                        path + ".avoid_admissions.redirect_to");
            }
        });
    }

    /** @return the age bands the bridge's demographic growth names (cohorts may use them) */
    Set<String> ageBands() {
        return ageBands;
    }

    /** @return settings the bridge redirects a cohort's avoided admissions to, each with the path that says so */
    Map<String, String> redirects(String cohort) {
        return redirects.getOrDefault(cohort, Map.of());
    }

    /** Checks the bridge; @return the source ids its steps cite */
    Set<String> validate() {
        Set<String> cited = new LinkedHashSet<>();
        BridgeSpec b = spec.bridge();
        if (b == null) {
            return cited;
        }
        Integer years = b.years();
        if (years != null && years < 1) {
            v.error("bridge.target_year", "the year " + b.targetYear() + ", not after base_year " + b.baseYear(),
                    "a target year after the base year (" + (b.baseYear() + 1) + " or later)");
            years = null;
        }
        java.time.LocalDate start = spec.calendar() == null ? null : spec.calendar().start();
        if (b.baseYear() != null && start != null && b.baseYear() != start.getYear()) {
            v.error("bridge.base_year", "the year " + b.baseYear() + ", but the calendar starts on " + start,
                    "the calendar's start year, " + start.getYear() + " (the scenario itself is the bridge's base "
                            + "year)");
        }
        count(b.count());
        if (b.count() != null && b.count().method() != null && b.count().method().isWaiting()
                && b.effectiveUnconstrained()) {
            v.error("bridge.count.method", "a measure of waiting ('" + b.count().method().key() + "') with unlimited "
                    + "beds (unconstrained is true unless set): nobody waits", "unconstrained: false, so that "
                    + "patients queue for the settings' beds");
        }
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Redirect> firstRedirect = new HashMap<>();
        for (int i = 0; i < spec.cohorts().size(); i++) {
            CohortSpec c = spec.cohorts().get(i);
            if (c != null && c.name() != null && c.avoidance() != null && c.avoidance().share() != null
                    && c.avoidance().share() > 0) {
                firstRedirect.putIfAbsent(c.name(), new Redirect(c.avoidance().redirectTo(), "cohorts[" + i
                        + "].avoidance"));
            }
        }
        for (int i = 0; i < b.steps().size(); i++) {
            BridgeStepSpec step = b.steps().get(i);
            String p = "bridge.steps[" + i + "]";
            if (step == null) {
                continue;
            }
            if (step.id() != null) {
                Integer first = ids.putIfAbsent(step.id(), i);
                if (first != null) {
                    v.error(p + ".id", "the id '" + step.id() + "' again (bridge.steps[" + first + "] has it)",
                            "an id no other step uses");
                }
            }
            for (int j = 0; j < step.sources().size(); j++) {
                String id = step.sources().get(j);
                if (id == null) {
                    continue;
                }
                cited.add(id);
                if (!spec.sources().containsKey(id)) {
                    v.error(p + ".sources[" + j + "]", "the source '" + id + "', which is not in sources",
                            spec.sources().isEmpty() ? "an id of sources (there are none: add it to sources)"
                                    : "an id of sources: " + String.join(", ", spec.sources().keySet()));
                }
            }
            phasing(step.phasing(), p + ".phasing", years);
            for (int j = 0; j < step.changes().size(); j++) {
                ChangeSpec c = step.changes().get(j);
                if (c != null) {
                    change(c, p + ".changes[" + j + "]", b, firstRedirect);
                }
            }
        }
        return cited;
    }

    private void count(BridgeCountSpec count) {
        if (count == null) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < count.settings().size(); i++) {
            String name = count.settings().get(i);
            String path = "bridge.count.settings[" + i + "]";
            if (name == null) {
                continue;
            }
            if (!seen.add(name)) {
                v.error(path, "'" + name + "' a second time", "each setting once");
            } else {
                v.reference(path, name, "a bridge to count", true);
            }
        }
    }

    private void phasing(PhasingSpec ph, String p, Integer years) {
        if (ph == null) {
            return;
        }
        int from = ph.fromYear() != null ? ph.fromYear() : 1;
        String span = years == null ? "" : " to " + years + " (target_year - base_year)";
        if (ph.fromYear() != null && years != null && from > years) {
            v.error(p + ".from_year", "year " + from + ", after the bridge's " + years + " year" + (years == 1 ? ""
                    : "s"), "a from_year from 1" + span);
        } else if (ph.fullYear() != null && ph.fullYear() < from) {
            v.error(p + ".full_year", "year " + ph.fullYear() + ", before from_year " + from, years == null
                    ? "a full_year of at least from_year (" + from + ")" : "a full_year from from_year (" + from
                    + ")" + span);
        } else if (ph.fullYear() != null && years != null && ph.fullYear() > years) {
            v.error(p + ".full_year", "year " + ph.fullYear() + ", after the bridge's " + years + " year"
                    + (years == 1 ? "" : "s"), "a full_year from from_year (" + from + ")" + span);
        }
    }

    private void change(ChangeSpec c, String p, BridgeSpec b, Map<String, Redirect> firstRedirect) {
        List<String> given = new ArrayList<>();
        for (String key : CHANGE_KEYS) {
            if (c.keysGiven().contains(key) || v.at.has(p + "." + key)) {
                given.add(key);
            }
        }
        if (given.size() > 1 || (given.isEmpty() && !v.at.hasUnder(p))) { // an unknown key was reported already
            v.error(p, given.isEmpty() ? "a change with no key" : "the keys " + String.join(" and ", given),
                    "exactly one key in each change (make each its own item of changes): one of "
                            + String.join(", ", CHANGE_KEYS));
        }
        if (c.demographicGrowth() != null) {
            demographicGrowth(c.demographicGrowth(), p + ".demographic_growth");
        }
        if (c.volumeGrowth() != null) {
            cohort(p + ".volume_growth.cohort", c.volumeGrowth().cohort());
        }
        if (c.avoidAdmissions() != null) {
            avoid(c.avoidAdmissions(), p + ".avoid_admissions", firstRedirect);
        }
        if (c.lengthOfStay() != null) {
            lengthOfStay(c.lengthOfStay(), p + ".length_of_stay", b);
        }
        if (c.mergeSettings() != null) {
            merge(c.mergeSettings(), p + ".merge_settings", b);
        }
        if (c.setCapacity() != null) {
            v.reference(p + ".set_capacity.setting", c.setCapacity().setting(), "set_capacity", true);
            if (b.effectiveUnconstrained()) {
                v.warning(p + ".set_capacity", "set_capacity in a bridge with unconstrained: true (every setting "
                        + "has unlimited beds)", "unconstrained: false for capacities to matter (or no set_capacity)");
            }
        }
        if (c.shiftRouting() != null) {
            ShiftRoutingSpec r = c.shiftRouting();
            cohort(p + ".shift_routing.cohort", r.cohort());
            v.reference(p + ".shift_routing.setting", r.setting(), "shift_routing", true);
            v.reference(p + ".shift_routing.from", r.from(), "shift_routing", false);
            v.reference(p + ".shift_routing.to", r.to(), "shift_routing", false);
        }
        if (c.reduceReadmissions() != null) {
            cohort(p + ".reduce_readmissions.cohort", c.reduceReadmissions().cohort());
        }
        if (c.closeSetting() != null) {
            v.closeSetting(c.closeSetting(), p + ".close_setting");
        }
        if (c.occupancyTarget() != null && b.count() != null
                && b.count().method() == BridgeCountSpec.Method.PERCENTILE) {
            v.warning(p + ".occupancy_target", "an occupancy target with count.method percentile",
                    "count.method mean_occupancy for the occupancy target to matter (the percentile method does "
                            + "not use it)");
        }
    }

    private void demographicGrowth(Map<String, ParameterSpec> growth, String p) {
        if (!v.cohortNamesComplete) {
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        for (CohortSpec c : spec.cohorts()) {
            if (c.ageBand() != null) {
                used.add(c.ageBand());
            }
        }
        for (String band : growth.keySet()) {
            if (!used.contains(band)) {
                v.error(Paths.key(p, band), "the age band '" + band + "', which no cohort has", used.isEmpty()
                        ? "an age band of the cohorts (none has one: give cohorts an age_band)"
                        : "an age band of the cohorts: " + String.join(", ", used));
            }
        }
    }

    private void avoid(AvoidAdmissionsSpec a, String p, Map<String, Redirect> firstRedirect) {
        boolean known = cohort(p + ".cohort", a.cohort());
        boolean share = a.share() != null || v.at.has(p + ".share");
        boolean perYear = a.perYear() != null || v.at.has(p + ".per_year");
        if (share == perYear) {
            v.error(p, share ? "both share and per_year" : "neither share nor per_year",
                    "one of share (a fraction of admissions) or per_year (admissions a year)");
        } else if (known && a.perYear() != null && a.cohort() != null) {
            Double volume = cohortVolume(a.cohort());
            if (volume != null && a.perYear().high() > volume) {
                v.error(p + ".per_year", a.perYear().toString() + " admissions a year",
                        "at most the cohort's " + Math.round(volume) + " admissions a year");
            }
        }
        v.reference(p + ".redirect_to", a.redirectTo(), "redirect_to", true);
        if (!known || a.cohort() == null || (a.redirectTo() == null && v.at.has(p + ".redirect_to"))) {
            return;
        }
        Redirect first = firstRedirect.putIfAbsent(a.cohort(), new Redirect(a.redirectTo(), p));
        if (first != null && !java.util.Objects.equals(first.to(), a.redirectTo())) {
            v.error(a.redirectTo() != null ? p + ".redirect_to" : p, (a.redirectTo() == null
                    ? "avoided patients leaving the system" : "redirect_to '" + a.redirectTo() + "'")
                    + " for cohort '" + a.cohort() + "', whose avoided patients " + (first.to() == null
                    ? "leave the system" : "go to '" + first.to() + "'") + " in " + first.path(),
                    "one destination for the avoided patients of a cohort (the same redirect_to, or none, in "
                            + "every avoidance of it)");
        }
    }

    /** Where a cohort's avoided patients go ({@code to} null: they leave), and which path says so. */
    private record Redirect(String to, String path) {
    }

    private void lengthOfStay(LengthOfStayChangeSpec l, String p, BridgeSpec b) {
        boolean one = l.cohort() != null || v.at.has(p + ".cohort");
        boolean many = l.cohorts() != null || v.at.has(p + ".cohorts");
        if (one && many) {
            v.error(p, "both cohort and cohorts", "cohort (one), cohorts (a list) or neither (every cohort)");
        }
        List<String> named = new ArrayList<>();
        if (l.cohort() != null && cohort(p + ".cohort", l.cohort())) {
            named.add(l.cohort());
        }
        if (l.cohorts() != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < l.cohorts().size(); i++) {
                String c = l.cohorts().get(i);
                String path = p + ".cohorts[" + i + "]";
                if (c == null) {
                    continue;
                }
                if (!seen.add(c)) {
                    v.error(path, "'" + c + "' a second time", "each cohort once");
                } else if (cohort(path, c)) {
                    named.add(c);
                }
            }
        }
        SettingSpec setting = v.reference(p + ".setting", l.setting(), "length_of_stay", true);
        boolean change = l.change() != null || v.at.has(p + ".change");
        boolean cap = l.cap() != null || v.at.has(p + ".cap");
        boolean replace = l.replace() != null || v.at.has(p + ".replace");
        if (!change && !cap && !replace) {
            v.error(p, "no change, cap or replace", "at least one of change (a fraction of the mean), cap (days) "
                    + "and replace (a distribution)");
        }
        if (l.replace() != null && l.replace().family() != null) {
            v.distribution(p + ".replace", l.replace());
        }
        if (setting == null || mergedInto(b, setting.name())) {
            return;
        }
        for (String name : named) {
            CohortSpec c = cohortSpec(name);
            if (c != null && !c.los().containsKey(setting.name())) {
                v.warning(p + ".setting", "'" + setting.name() + "', where cohort '" + name + "' has no length of "
                        + "stay", "a setting where the cohort stays (its los), or the change does nothing to it");
            }
        }
    }

    private void merge(MergeSettingsSpec m, String p, BridgeSpec b) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < m.settings().size(); i++) {
            String name = m.settings().get(i);
            String path = p + ".settings[" + i + "]";
            if (name == null) {
                continue;
            }
            if (!seen.add(name)) {
                v.error(path, "'" + name + "' a second time", "each setting once");
            } else {
                v.reference(path, name, "merge_settings", true);
            }
        }
        if (m.into() != null && !v.at.refused(p + ".settings") && !m.settings().contains(null)
                && !seen.contains(m.into())) {
            v.error(p + ".into", "'" + m.into() + "', which is not one of the settings merged",
                    "one of the settings merged: " + String.join(", ", seen));
        }
        if (m.beds() != null && b.effectiveUnconstrained()) {
            v.warning(p + ".beds", "beds for a merged setting in a bridge with unconstrained: true (every setting "
                    + "has unlimited beds)", "unconstrained: false for capacities to matter (or no beds)");
        }
    }

    /** @return true if some step merges settings into {@code setting} (stays may move there) */
    private boolean mergedInto(BridgeSpec b, String setting) {
        boolean[] found = {false};
        forEachChange((c, path) -> found[0] |= c.mergeSettings() != null && setting.equals(c.mergeSettings()
                .into()));
        return found[0];
    }

    /** @return true if the cohort exists (or cannot be checked); reports it otherwise */
    private boolean cohort(String path, String name) {
        if (name == null || !v.cohortNamesComplete || v.cohortNames.contains(name)) {
            return name != null;
        }
        v.error(path, "'" + name + "', which is not a cohort", "one of the cohorts: " + String.join(", ",
                v.cohortNames));
        return false;
    }

    /** @return the cohort's base-year admissions a year, or null if not known */
    private Double cohortVolume(String name) {
        CohortSpec c = cohortSpec(name);
        return c == null || c.arrivals() == null ? null : c.arrivals().perYear();
    }

    private CohortSpec cohortSpec(String name) {
        for (CohortSpec c : spec.cohorts()) {
            if (c != null && name.equals(c.name())) {
                return c;
            }
        }
        return null;
    }

    private void forEachChange(java.util.function.BiConsumer<ChangeSpec, String> visit) {
        BridgeSpec b = spec.bridge();
        if (b == null) {
            return;
        }
        for (int i = 0; i < b.steps().size(); i++) {
            BridgeStepSpec step = b.steps().get(i);
            if (step == null) {
                continue;
            }
            for (int j = 0; j < step.changes().size(); j++) {
                ChangeSpec c = step.changes().get(j);
                if (c != null) {
                    visit.accept(c, "bridge.steps[" + i + "].changes[" + j + "]");
                }
            }
        }
    }
}
