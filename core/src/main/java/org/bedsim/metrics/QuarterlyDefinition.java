package org.bedsim.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the quarterly metrics count, compiled from a scenario: the population denominators, the owner of each setting
 * a delayed patient may await, which cohorts are non-elective and which are aged 65 and over, which sinks are
 * permanent residential or nursing care, and published figures to set the model's beside.
 *
 * @param adults adults (18+), the denominator of delayed transfers; null if not given
 * @param older people aged 65+, the denominator of care-home admissions; null if not given
 * @param owners owner of each awaited setting (settings left out are unattributed)
 * @param nonElectiveCohorts cohorts whose acute admissions are non-elective admissions
 * @param olderCohorts cohorts counted in the 65+ care-home admissions
 * @param careHomeSinks sinks that are permanent residential or nursing care
 * @param delayedWhileThere settings whose patients are all medically fit and awaiting transfer (e.g. waiting in an
 *     acute bed for an assessment): their occupied beds at midnight are delayed days, attributed to their owner
 * @param published published figures by period, for comparison (not used in any computation)
 * @param pathways the discharge pathway (0-3) of each setting or sink that has one
 */
public record QuarterlyDefinition(Population adults, Population older, Map<String, DelayOwner> owners,
        Set<String> nonElectiveCohorts, Set<String> olderCohorts, Set<String> careHomeSinks,
        Set<String> delayedWhileThere, List<Published> published, Map<String, Integer> pathways) {

    /** Freezes. */
    public QuarterlyDefinition {
        owners = Map.copyOf(owners);
        nonElectiveCohorts = Set.copyOf(nonElectiveCohorts);
        olderCohorts = Set.copyOf(olderCohorts);
        careHomeSinks = Set.copyOf(careHomeSinks);
        delayedWhileThere = Set.copyOf(delayedWhileThere);
        published = List.copyOf(published);
        pathways = Map.copyOf(pathways);
    }

    /** A definition without discharge pathways. */
    public QuarterlyDefinition(Population adults, Population older, Map<String, DelayOwner> owners,
            Set<String> nonElectiveCohorts, Set<String> olderCohorts, Set<String> careHomeSinks,
            Set<String> delayedWhileThere, List<Published> published) {
        this(adults, older, owners, nonElectiveCohorts, olderCohorts, careHomeSinks, delayedWhileThere, published,
                Map.of());
    }

    /** @return the owner of delays awaiting a setting */
    public DelayOwner ownerOf(String setting) {
        return owners.getOrDefault(setting, DelayOwner.UNATTRIBUTED);
    }

    /** @return the published figure of a KPI for a period, or null if none is given */
    public Published published(String period, String kpi) {
        for (Published p : published) {
            if (p.period().equals(period) && p.kpi().equals(kpi)) {
                return p;
            }
        }
        return null;
    }

    /**
     * A published figure for a period.
     *
     * @param period a quarter label ({@code 2016/17 Q1}) or a financial year ({@code 2016/17})
     * @param kpi the key of a {@link QuarterlyKpi}
     * @param value the figure
     * @param status {@code actual} or {@code plan}
     * @param source the scenario's source id for it
     */
    public record Published(String period, String kpi, double value, String status, String source) {
    }
}
