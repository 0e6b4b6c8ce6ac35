package org.bedsim.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One scenario variant of a sweep: a scenario file with the sweep's values written into it, as a self-contained
 * scenario (JSON) that {@code bedsim run} runs to the same results.
 *
 * @param index its position in the sweep (scenario by scenario, then grid point, then draw)
 * @param id its id in the outputs ({@code <scenario name>-<point>})
 * @param scenarioFile the scenario file it varies, as the sweep names it
 * @param values the parameters' values, in the sweep file's order
 * @param json the variant scenario, UTF-8 JSON
 * @param sha256 its SHA-256
 * @param replications replications
 * @param seed master seed
 * @param bridge true if its bridge is kept too (the scenario has a bridge section)
 */
public record Variant(int index, String id, String scenarioFile, List<Double> values, byte[] json, String sha256,
        int replications, long seed, boolean bridge) implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Freezes. */
    public Variant {
        values = List.copyOf(values);
    }

    /** @return the variant's file name in the outputs' variants folder */
    public String fileName() {
        return id + ".json";
    }
}
