package org.bedsim.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One option: a name and the overrides that turn its base (the base scenario, or an earlier option) into it.
 *
 * <p>The overrides are a part of a scenario, merged into the base: a mapping merges key by key; a list of named items
 * (settings, cohorts) merges item by item, matched by name ({@code remove: true} deletes one, a new name adds one); any
 * other list (routes, capacity changes, weights) and any value replaces the base's; {@code null} removes a key; a
 * length of stay that names its family replaces the base's distribution whole. An option cannot change the name,
 * calendar or run of the scenario: every option runs the same days on the same random streams.
 */
public record OptionSpec(
        @Key(doc = "Short id of the option.", pattern = Key.NAME)
        String name,
        @Key(doc = "What the option is, for readers.", required = false)
        String description,
        @Key(doc = "An earlier option (or the base's name) this one starts from; left out, the base scenario.",
                required = false, pattern = Key.NAME)
        String basedOn,
        @Key(doc = "A part of a scenario merged into the base: mappings merge by key, settings and cohorts by name "
                + "(remove: true deletes one, a new name adds one), other lists and values replace the base's, null "
                + "removes a key, a length of stay naming its family replaces the base's. Not allowed: name, "
                + "calendar, run.")
        ObjectNode overrides) {
}
