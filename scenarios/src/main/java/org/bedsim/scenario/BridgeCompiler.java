package org.bedsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bedsim.bridge.BedCount;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeStep;
import org.bedsim.bridge.Change;
import org.bedsim.bridge.Parameter;
import org.bedsim.model.FlowSettings;

/**
 * Turns a validated {@link BridgeSpec} into the model's {@link BridgeDefinition}: the scenario's compiled settings
 * are the base (with unlimited beds everywhere when the bridge is unconstrained), each change item becomes a
 * {@link Change}, a length-of-stay change for a list of cohorts becomes one change per cohort held together in a
 * {@link Change.Joint} (so a range is drawn once for all of them), default phasing runs from year 1 to the target
 * year, and the scenario's replications and seed become the bridge's.
 */
public final class BridgeCompiler {
    private BridgeCompiler() {
    }

    /**
     * @param spec a scenario with a bridge and without errors (see {@link ScenarioValidator})
     * @param settings the scenario compiled by {@link ScenarioCompiler}
     * @param replications replications per configuration (at least 2)
     * @param seed master seed
     * @return the bridge
     * @throws IllegalArgumentException if the model refuses it (a rule the validator does not know)
     */
    public static BridgeDefinition compile(ScenarioSpec spec, FlowSettings settings, int replications, long seed) {
        BridgeSpec b = spec.bridge();
        if (b == null) {
            throw new IllegalArgumentException("the scenario has no bridge section");
        }
        int years = b.years();
        List<BridgeStep> steps = new ArrayList<>();
        for (BridgeStepSpec s : b.steps()) {
            List<Change> changes = new ArrayList<>();
            for (ChangeSpec c : s.changes()) {
                changes.add(change(c, years, settings));
            }
            PhasingSpec ph = s.phasing();
            int from = ph == null || ph.fromYear() == null ? 1 : ph.fromYear();
            int full = ph == null || ph.fullYear() == null ? years : ph.fullYear();
            steps.add(new BridgeStep(s.id(), s.label(), s.sources(), changes, from, full));
        }
        BedCount method = b.count().method() == null ? BedCount.MEAN_OCCUPANCY
                : BedCount.valueOf(b.count().method().name());
        ShapleySpec shapley = b.shapley() == null ? new ShapleySpec(null, null) : b.shapley();
        FlowSettings base = b.effectiveUnconstrained() ? settings.withUnconstrained(true) : settings;
        return new BridgeDefinition(base, new LinkedHashSet<>(b.count().settings()), method, steps, b.baseYear(),
                b.targetYear(), replications, seed, shapley.effectiveMaxExactSteps(),
                shapley.effectiveSampledOrderings());
    }

    /** @return the model change of one change item (which has exactly one key) */
    static Change change(ChangeSpec c, int years, FlowSettings settings) {
        if (c.demographicGrowth() != null) {
            Map<String, Parameter> growth = new LinkedHashMap<>();
            c.demographicGrowth().forEach((band, g) -> growth.put(band, parameter(g)));
            return new Change.DemographicGrowth(growth);
        }
        if (c.volumeGrowth() != null) {
            VolumeGrowthSpec g = c.volumeGrowth();
            return new Change.VolumeGrowth(parameter(g.perYear()), g.years() == null ? years : g.years(),
                    g.cohort());
        }
        if (c.avoidAdmissions() != null) {
            AvoidAdmissionsSpec a = c.avoidAdmissions();
            Parameter share;
            if (a.share() != null) {
                share = parameter(a.share());
            } else {
                double volume = settings.cohort(a.cohort()).arrivals().annualVolume();
                share = new Parameter(Math.min(1, a.perYear().low() / volume), Math.min(1, a.perYear().high() / volume));
            }
            return new Change.AdmissionAvoidance(a.cohort(), share, a.redirectTo());
        }
        if (c.lengthOfStay() != null) {
            return lengthOfStay(c.lengthOfStay());
        }
        if (c.mergeSettings() != null) {
            MergeSettingsSpec m = c.mergeSettings();
            return new Change.MergeSettings(m.settings(), m.into(), m.beds());
        }
        if (c.setCapacity() != null) {
            return new Change.CapacityChange(c.setCapacity().setting(), c.setCapacity().beds());
        }
        if (c.occupancyTarget() != null) {
            return new Change.OccupancyTarget(parameter(c.occupancyTarget()));
        }
        if (c.shiftRouting() != null) {
            ShiftRoutingSpec r = c.shiftRouting();
            return new Change.RoutingShift(r.cohort(), r.setting(), r.from(), r.to(), parameter(r.share()));
        }
        if (c.reduceReadmissions() != null) {
            return new Change.ReadmissionReduction(c.reduceReadmissions().cohort(),
                    parameter(c.reduceReadmissions().share()));
        }
        if (c.closeSetting() != null) {
            return new Change.CloseSetting(c.closeSetting().setting(), c.closeSetting().into());
        }
        throw new IllegalArgumentException("a change with no key");
    }

    private static Change lengthOfStay(LengthOfStayChangeSpec l) {
        Parameter change = l.change() == null ? null : parameter(l.change());
        org.bedsim.dist.Distribution replacement = l.replace() == null ? null
                : ScenarioCompiler.distribution(l.replace());
        if (l.cohorts() == null) {
            return new Change.LengthOfStayChange(l.cohort(), l.setting(), change, l.cap(), replacement);
        }
        List<Change> parts = new ArrayList<>();
        for (String cohort : l.cohorts()) {
            parts.add(new Change.LengthOfStayChange(cohort, l.setting(), change, l.cap(), replacement));
        }
        return parts.size() == 1 ? parts.get(0) : new Change.Joint(parts);
    }

    /** @return the model parameter of a number or range */
    static Parameter parameter(ParameterSpec p) {
        return new Parameter(p.low(), p.high());
    }
}
