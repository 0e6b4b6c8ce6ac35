package org.bedsim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.bedsim.scenario.OptionsSchema;
import org.bedsim.scenario.SchemaGenerator;

/**
 * What the editor offers on Ctrl-Space, read off the JSON Schemas the command line generates (scenario and options
 * files): every key a file may have, and every fixed value (kinds, policies, distribution families...).
 */
final class Completions {
    private Completions() {
    }

    /** @return {@code {"keys": [...], "values": [...]}} */
    static ObjectNode json(ObjectMapper m) {
        TreeSet<String> keys = new TreeSet<>();
        TreeSet<String> values = new TreeSet<>();
        collect(SchemaGenerator.schema(), keys, values);
        collect(OptionsSchema.schema(), keys, values);
        keys.remove("$schema");
        ObjectNode n = m.createObjectNode();
        keys.forEach(n.putArray("keys")::add);
        values.forEach(n.putArray("values")::add);
        return n;
    }

    private static void collect(JsonNode node, TreeSet<String> keys, TreeSet<String> values) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null && props.isObject()) {
                props.fieldNames().forEachRemaining(keys::add);
            }
            JsonNode e = node.get("enum");
            if (e != null && e.isArray()) {
                e.forEach(v -> {
                    if (v.isTextual()) {
                        values.add(v.asText());
                    }
                });
            }
            JsonNode c = node.get("const");
            if (c != null && c.isTextual()) {
                values.add(c.asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                collect(it.next().getValue(), keys, values);
            }
        } else if (node.isArray()) {
            node.forEach(x -> collect(x, keys, values));
        }
    }
}
