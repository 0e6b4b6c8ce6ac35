package org.bedsim.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configurations a run passes through as its routing changes take effect: regime 0 from the start (warm-up
 * included), regime k from day {@code days[k - 1]} of the measured period on, each the one before with that day's
 * changes applied in order. Built once per run; {@link FlowModel} compiles each regime's routing tables and switches
 * between them on the days.
 */
final class RoutingRegimes {
    /** The configuration of each regime (without routing changes). */
    final List<FlowSettings> configs;
    /** The first day of regime k + 1, counted from the start date. */
    final int[] days;
    /** The closures taking effect at regime k + 1: pairs {closed, receiving}. */
    final List<List<String[]>> closures;

    private RoutingRegimes(List<FlowSettings> configs, int[] days, List<List<String[]>> closures) {
        this.configs = configs;
        this.days = days;
        this.closures = closures;
    }

    /**
     * @param s a configuration
     * @return its regimes
     * @throws IllegalArgumentException if a change lies outside the measured period, names what does not exist,
     *     or makes an invalid configuration
     */
    static RoutingRegimes of(FlowSettings s) {
        return of(s.withRoutingChanges(List.of()), s.routingChanges());
    }

    /**
     * @param s a configuration without routing changes
     * @param routingChanges its changes
     * @return its regimes (see {@link #of(FlowSettings)})
     */
    static RoutingRegimes of(FlowSettings s, List<RoutingChange> routingChanges) {
        List<RoutingChange> changes = new ArrayList<>(routingChanges);
        changes.sort(Comparator.comparingInt(RoutingChange::fromDay)); // stable: a day's changes in the given order
        List<FlowSettings> configs = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        List<List<String[]>> closures = new ArrayList<>();
        FlowSettings current = s;
        configs.add(current);
        for (int i = 0; i < changes.size(); i++) {
            RoutingChange c = changes.get(i);
            if (c.fromDay() < 0 || c.fromDay() >= s.horizonDays()) {
                throw new IllegalArgumentException("a routing change on day " + c.fromDay() + " of the measured "
                        + "period, outside it (0 to " + (long) (s.horizonDays() - 1) + ")");
            }
            if (i == 0 || c.fromDay() != changes.get(i - 1).fromDay()) {
                days.add(c.fromDay());
                closures.add(new ArrayList<>());
                configs.add(current);
            }
            try {
                current = c.apply(current);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("routing change on day " + c.fromDay() + ": " + e.getMessage(), e);
            }
            configs.set(configs.size() - 1, current);
            if (c.closure() != null) {
                closures.get(closures.size() - 1).add(c.closure());
            }
        }
        return new RoutingRegimes(List.copyOf(configs), days.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(closures));
    }

    /** @return the configuration in force on the last measured day (for pre-flight estimates) */
    static FlowSettings atEnd(FlowSettings s) {
        if (s.routingChanges().isEmpty()) {
            return s;
        }
        List<FlowSettings> configs = of(s).configs;
        return configs.get(configs.size() - 1);
    }
}
