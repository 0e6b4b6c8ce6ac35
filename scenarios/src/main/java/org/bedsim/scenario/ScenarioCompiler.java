package org.bedsim.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.dist.Distribution;
import org.bedsim.dist.Empirical;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.Fixed;
import org.bedsim.dist.Gamma;
import org.bedsim.dist.LogNormal;
import org.bedsim.dist.Triangular;
import org.bedsim.dist.Uniform;
import org.bedsim.dist.Weibull;
import org.bedsim.metrics.AtHomeAfterReablement;
import org.bedsim.metrics.DelayOwner;
import org.bedsim.metrics.Population;
import org.bedsim.metrics.QuarterlyDefinition;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.Avoidance;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.Patience;
import org.bedsim.model.Readmission;
import org.bedsim.model.Route;
import org.bedsim.model.RoutingChange;
import org.bedsim.model.SettingKind;

/**
 * Turns a validated {@link ScenarioSpec} into the model's immutable {@link FlowSettings}: dates become days from the
 * start, profiles become weights, growth by age band and non-demographic growth compound into one rate per cohort,
 * distribution specs become distributions. This is the one place a file becomes model settings; the model never
 * sees YAML or JSON.
 */
public final class ScenarioCompiler {
    private ScenarioCompiler() {
    }

    /**
     * @param spec a scenario without errors (see {@link ScenarioValidator})
     * @return the model settings
     * @throws IllegalArgumentException if the model refuses them (a rule the validator does not know)
     */
    public static FlowSettings compile(ScenarioSpec spec) {
        LocalDate start = spec.calendar().start();
        double horizonDays = horizonDays(spec.calendar());
        List<CareSetting> settings = new ArrayList<>();
        for (SettingSpec s : spec.settings()) {
            settings.add(setting(s, start));
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (CohortSpec c : spec.cohorts()) {
            cohorts.add(cohort(c, spec));
        }
        List<RoutingChange> changes = new ArrayList<>();
        for (RoutingChangeSpec r : spec.routingChanges()) {
            changes.add(routingChange(r, start));
        }
        return new FlowSettings(settings, cohorts, start, spec.calendar().effectiveWarmupDays(), horizonDays,
                spec.targets().occupancy(), spec.targets().riskShareOfDays(), false, spec.targets().waits(), changes);
    }

    /** @return the model's change of a routing change item (which has exactly one key, and numbers for shares) */
    static RoutingChange routingChange(RoutingChangeSpec r, LocalDate start) {
        int day = (int) ChronoUnit.DAYS.between(start, r.from());
        if (r.closeSetting() != null) {
            return new RoutingChange.Closure(day, r.closeSetting().setting(), r.closeSetting().into());
        }
        if (r.shiftRouting() != null) {
            ShiftRoutingSpec s = r.shiftRouting();
            return new RoutingChange.Shift(day, s.cohort(), s.setting(), s.from(), s.to(), s.share().low());
        }
        return new RoutingChange.ReadmissionCut(day, r.reduceReadmissions().cohort(),
                r.reduceReadmissions().share().low());
    }

    /**
     * @param spec a scenario without errors
     * @return what its quarterly metrics count: population denominators, owners of the settings, non-elective and
     *     65+ cohorts, care-home sinks and published figures (empty parts where the scenario says nothing)
     */
    public static QuarterlyDefinition quarterly(ScenarioSpec spec) {
        QuarterlySpec q = spec.quarterly();
        Map<String, DelayOwner> owners = new LinkedHashMap<>();
        Set<String> delayedThere = new LinkedHashSet<>();
        Map<String, Integer> pathways = new LinkedHashMap<>();
        for (SettingSpec s : spec.settings()) {
            if (s.pathway() != null) {
                pathways.put(s.name(), s.pathway());
            }
            if (Boolean.TRUE.equals(s.delayedWhileHere())) {
                delayedThere.add(s.name());
            }
            if (s.owner() != null) {
                owners.put(s.name(), switch (s.owner()) {
                    case SOCIAL_CARE -> DelayOwner.SOCIAL_CARE;
                    case NHS -> DelayOwner.NHS;
                    case JOINT -> DelayOwner.JOINT;
                });
            }
        }
        Set<String> nonElective = new LinkedHashSet<>();
        Set<String> older = new LinkedHashSet<>();
        for (CohortSpec c : spec.cohorts()) {
            if (c.type() == CohortSpec.Type.NON_ELECTIVE) {
                nonElective.add(c.name());
            }
            if (q != null && q.older() != null && q.older().equals(c.ageBand())) {
                older.add(c.name());
            }
        }
        List<QuarterlyDefinition.Published> published = new ArrayList<>();
        if (q != null) {
            for (PublishedFigureSpec f : q.published()) {
                published.add(new QuarterlyDefinition.Published(f.period(), f.kpi(), f.value(), f.status().key(),
                        f.source()));
            }
        }
        return new QuarterlyDefinition(q == null ? null : population(spec, q.adults()),
                q == null ? null : population(spec, q.older()), owners, nonElective, older,
                q == null ? Set.of() : new LinkedHashSet<>(q.careHomeSinks()), delayedThere, published, pathways);
    }

    /**
     * @param spec a scenario without errors
     * @return a maker of the listener that follows the people aged 65+ discharged from hospital (acute settings) into
     *     the scenario's reablement settings for 91 days, one per replication; null when the quarterly section names
     *     no reablement setting
     */
    public static java.util.function.Supplier<AtHomeAfterReablement> reablementOutcome(ScenarioSpec spec) {
        QuarterlySpec q = spec.quarterly();
        if (q == null || q.reablement().isEmpty()) {
            return null;
        }
        Set<String> hospital = new LinkedHashSet<>();
        Set<String> sinks = new LinkedHashSet<>();
        for (SettingSpec s : spec.settings()) {
            if (s.kind() == SettingSpec.Kind.ACUTE) {
                hospital.add(s.name());
            } else if (s.isSink()) {
                sinks.add(s.name());
            }
        }
        Set<String> reablement = new LinkedHashSet<>(q.reablement());
        Set<String> home = new LinkedHashSet<>(q.homeSinks());
        Set<String> older = quarterly(spec).olderCohorts();
        return () -> new AtHomeAfterReablement(hospital, reablement, sinks, home, older,
                AtHomeAfterReablement.BCF_FOLLOW_UP_DAYS);
    }

    private static Population population(ScenarioSpec spec, String band) {
        PopulationSpec p = band == null ? null : spec.population().get(band);
        if (p == null) {
            return null;
        }
        Map<Integer, Double> byYear = new LinkedHashMap<>();
        p.byYear().forEach((year, n) -> byYear.put(Integer.valueOf(year), n));
        return new Population(band, p.yearBasis() == PopulationSpec.YearBasis.CALENDAR
                ? Population.YearBasis.CALENDAR : Population.YearBasis.FINANCIAL, byYear);
    }

    /** @return the measured days: from the start to the same date {@code horizon_years} on */
    public static long horizonDays(CalendarSpec calendar) {
        return ChronoUnit.DAYS.between(calendar.start(), calendar.start().plusYears(calendar.horizonYears()));
    }

    private static CareSetting setting(SettingSpec s, LocalDate start) {
        if (s.isSink()) {
            return CareSetting.sink(s.name());
        }
        List<CapacityTimeline.Step> steps = new ArrayList<>();
        steps.add(new CapacityTimeline.Step(0, s.beds()));
        for (CapacityChangeSpec c : s.capacityChanges()) {
            steps.add(new CapacityTimeline.Step(ChronoUnit.DAYS.between(start, c.from()), c.beds()));
        }
        AdmissionPolicy policy = switch (s.effectiveWhenFull()) {
            case WAIT -> AdmissionPolicy.WAIT;
            case LOSE -> AdmissionPolicy.LOSE;
            case ESCALATE -> AdmissionPolicy.escalate(s.escalationBeds());
            case DIVERT -> AdmissionPolicy.divert(s.divertTo());
        };
        CareSetting.QueuePriority priority = switch (s.effectivePriority()) {
            case FIFO -> CareSetting.QueuePriority.FIFO;
            case TRANSFERS_FIRST -> CareSetting.QueuePriority.TRANSFERS_FIRST;
            case ARRIVALS_FIRST -> CareSetting.QueuePriority.ARRIVALS_FIRST;
        };
        return new CareSetting(s.name(), kind(s.kind()), new CapacityTimeline(steps), policy, priority);
    }

    private static SettingKind kind(SettingSpec.Kind k) {
        return switch (k) {
            case ACUTE -> SettingKind.ACUTE;
            case COMMUNITY -> SettingKind.COMMUNITY;
            case VIRTUAL_WARD -> SettingKind.VIRTUAL_WARD;
            case CASELOAD -> SettingKind.CASELOAD;
            case INTERIM -> SettingKind.INTERIM;
            case HOME -> SettingKind.HOME;
        };
    }

    private static Cohort cohort(CohortSpec c, ScenarioSpec spec) {
        ArrivalsSpec a = c.arrivals();
        ArrivalPattern arrivals = new ArrivalPattern(a.perYear(),
                a.dayOfWeek() == null ? null : weights(spec.profiles().get(a.dayOfWeek()).dayOfWeek()),
                a.month() == null ? null : weights(spec.profiles().get(a.month()).month()),
                growth(c, spec));
        Map<String, Distribution> los = new LinkedHashMap<>();
        c.los().forEach((setting, d) -> los.put(setting, distribution(d)));
        Map<String, List<Route>> routing = new LinkedHashMap<>();
        c.routing().forEach((from, routes) -> routing.put(from,
                routes.stream().map(r -> new Route(r.to(), r.probability())).toList()));
        Readmission readmission = c.readmission() == null ? null : new Readmission(c.readmission().probability(),
                c.readmission().withinDays(), c.readmission().cohort());
        Avoidance avoidance = c.avoidance() == null ? Avoidance.NONE
                : new Avoidance(c.avoidance().share(), c.avoidance().redirectTo());
        Cohort.AdmissionType type = c.type() == CohortSpec.Type.ELECTIVE ? Cohort.AdmissionType.ELECTIVE
                : Cohort.AdmissionType.NON_ELECTIVE;
        Cohort.ElectiveFull whenFull = c.whenFull() == CohortSpec.ElectiveWhenFull.DEFER ? Cohort.ElectiveFull.DEFER
                : Cohort.ElectiveFull.CANCEL;
        Patience patience = c.renegeAfter() == null ? null
                : new Patience(distribution(c.renegeAfter()), c.renegeTo());
        return new Cohort(c.name(), type, c.ageBand(), c.entry(), arrivals, whenFull, los, routing, readmission,
                avoidance, patience);
    }

    /** @return the compound growth a year of a cohort: its age band's demographic growth and non-demographic */
    static double growth(CohortSpec c, ScenarioSpec spec) {
        double factor = 1;
        GrowthSpec g = spec.growth();
        if (g != null) {
            if (c.ageBand() != null && g.byAgeBand().get(c.ageBand()) != null) {
                factor *= 1 + g.byAgeBand().get(c.ageBand()).effectivePerYear();
            }
            if (g.nonDemographic() != null) {
                factor *= 1 + g.nonDemographic().effectivePerYear();
            }
        }
        return factor - 1;
    }

    private static double[] weights(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * @return the distribution a spec describes, capped if it says so
     * @throws IllegalArgumentException with the distribution's own message if the parameters are not valid
     */
    public static Distribution distribution(DistributionSpec d) {
        Distribution dist = switch (d.family()) {
            case EXPONENTIAL -> Exponential.ofMean(d.mean());
            case LOGNORMAL -> LogNormal.ofMeanSd(d.mean(), d.sd());
            case GAMMA -> Gamma.ofMeanSd(d.mean(), d.sd());
            case WEIBULL -> Weibull.ofShapeScale(d.shape(), d.scale());
            case TRIANGULAR -> Triangular.of(d.min(), d.mode(), d.max());
            case UNIFORM -> Uniform.of(d.min(), d.max());
            case FIXED -> Fixed.of(d.value());
            case EMPIRICAL -> Empirical.ofObservations(weights(d.observations()));
            case QUANTILES -> Empirical.ofQuantiles(weights(d.probabilities()), weights(d.values()));
        };
        return d.cap() == null ? dist : dist.capped(d.cap());
    }
}
