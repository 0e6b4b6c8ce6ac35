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
 * @param events events simulated in the measured periods
 */
public record UnitResult(String unitId, List<String> columns, double[][] values, long events) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Freezes the column list. */
    public UnitResult {
        columns = List.copyOf(columns);
    }
}
