package org.bedsim.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * What a unit measured: for each kept column (a setting's KPI) the value of every replication of the block, in
 * replication order.
 *
 * @param unitId the unit's id
 * @param columns the columns, each {@code setting TAB kpi}, in the order of the model's settings then of the KPIs
 * @param values {@code values[column][replication - first]}
 * @param counts {@code counts[column]}: the events and trials the column's KPI counts in each replication
 *     ({@code [2 * (replication - first)]} events, {@code [2 * (replication - first) + 1]} trials), or null for a
 *     KPI that rests on no count, so that the interval over replications is the one {@code bedsim run} gives
 * @param events events simulated in the measured periods
 */
public record UnitResult(String unitId, List<String> columns, double[][] values, long[][] counts, long events)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Freezes the column list. */
    public UnitResult {
        columns = List.copyOf(columns);
    }
}
