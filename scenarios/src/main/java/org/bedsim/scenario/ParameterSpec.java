package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A numeric input of a bridge step as written: a number, or a range {@code [low, high]} read as an 80 % interval
 * (drawn once per replication). The {@link StructureChecker} has checked the form and the bounds of the
 * {@link Key} on the component (each end within them, low &lt;= high) before binding.
 *
 * @param low the number, or the low end of the range
 * @param high the number, or the high end of the range
 */
public record ParameterSpec(double low, double high) {

    /** Binds a number or a two-number list. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ParameterSpec of(JsonNode n) {
        if (n.isNumber()) {
            return new ParameterSpec(n.doubleValue(), n.doubleValue());
        }
        if (n.isArray() && n.size() == 2 && n.get(0).isNumber() && n.get(1).isNumber()) {
            return new ParameterSpec(n.get(0).doubleValue(), n.get(1).doubleValue());
        }
        throw new IllegalArgumentException("a number or a range [low, high], not " + n);
    }

    /** @return a fixed value */
    public static ParameterSpec of(double value) {
        return new ParameterSpec(value, value);
    }

    /** @return true if it is a range */
    public boolean isRange() {
        return high != low;
    }

    @Override
    public String toString() {
        return isRange() ? "[" + StructureChecker.plain(low) + ", " + StructureChecker.plain(high) + "]"
                : StructureChecker.plain(low);
    }
}
