package org.bedsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema of options files, generated from the records like the scenario schema ({@link SchemaGenerator}).
 * An option's {@code overrides} is a part of a scenario, so the scenario's definitions appear a second time as
 * "...Override" definitions in which nothing is required (a named setting or cohort still needs its name), any key may
 * be null (which removes it) and settings and cohorts accept {@code remove: true}; the keys an option cannot change
 * (name, calendar, run) are left out. Cross-field rules (names, references, sums) are beyond JSON Schema:
 * {@code bedsim validate} checks them.
 */
public final class OptionsSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SUFFIX = "Override";

    private OptionsSchema() {
    }

    /** @return the schema as a tree */
    public static ObjectNode schema() {
        ObjectNode schema = SchemaGenerator.schema(OptionsFileSpec.class, "bedsim options",
                "A bedsim options file: a base scenario, named options that override parts of it, targets and bed "
                        + "searches. Generated from the code by 'bedsim schema --options'; do not edit by hand.");
        ObjectNode defs = (ObjectNode) schema.get("definitions");
        ObjectNode scenario = SchemaGenerator.schema();
        Set<String> named = namedItems(Shape.of(ScenarioSpec.class), new LinkedHashSet<>());
        for (Iterator<Map.Entry<String, JsonNode>> it = scenario.get("definitions").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            defs.set(e.getKey() + SUFFIX, partial((ObjectNode) e.getValue(), named.contains(e.getKey())));
        }
        ObjectNode root = NODES.objectNode();
        root.put("description", "A part of a scenario merged into the option's base.");
        scenario.fields().forEachRemaining(e -> {
            if (List.of("type", "properties", "additionalProperties").contains(e.getKey())) {
                root.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        ObjectNode props = (ObjectNode) root.get("properties");
        ScenarioMerger.FIXED_KEYS.forEach(props::remove);
        defs.set("ScenarioOverrides", partial(root, false));
        ObjectNode overrides = (ObjectNode) defs.get("OptionSpec").get("properties").get("overrides");
        overrides.remove("type");
        overrides.putArray("allOf").addObject().put("$ref", "#/definitions/ScenarioOverrides");
        // keep the definitions reachable from the root (not calendar and run overrides), in name order
        Set<String> reachable = new LinkedHashSet<>();
        List<JsonNode> todo = new ArrayList<>(List.of(schema.get("properties")));
        while (!todo.isEmpty()) {
            for (String ref : refs(todo.remove(todo.size() - 1), new ArrayList<>())) {
                if (reachable.add(ref)) {
                    todo.add(defs.get(ref));
                }
            }
        }
        List<String> names = new ArrayList<>(reachable);
        names.sort(null);
        ObjectNode sorted = NODES.objectNode();
        names.forEach(n -> sorted.set(n, defs.get(n)));
        schema.set("definitions", sorted);
        return schema;
    }

    /** @return the schema as text (two-space indent, "\n" line ends, a final newline) */
    public static String text() {
        return SchemaGenerator.text(schema());
    }

    /** @return the record names of items of lists merged by name (settings, cohorts) */
    private static Set<String> namedItems(Shape shape, Set<String> out) {
        if (shape instanceof Shape.Obj obj) {
            for (Shape.Prop p : obj.props()) {
                if (p.shape() instanceof Shape.ListOf list && list.item() instanceof Shape.Obj item
                        && item.prop("name") != null) {
                    out.add(item.type().getSimpleName());
                }
                namedItems(p.shape(), out);
            }
        } else if (shape instanceof Shape.ListOf list) {
            namedItems(list.item(), out);
        } else if (shape instanceof Shape.MapOf map) {
            namedItems(map.value(), out);
        }
        return out;
    }

    /** @return an object definition made partial: nothing required but a named item's name, nulls allowed */
    private static ObjectNode partial(ObjectNode def, boolean namedItem) {
        ObjectNode out = def.deepCopy();
        out.remove("required");
        if (namedItem) {
            out.putArray("required").add("name");
        }
        ObjectNode props = (ObjectNode) out.get("properties");
        List<String> keys = new ArrayList<>();
        props.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            ObjectNode p = (ObjectNode) props.get(k);
            renameRefs(p);
            nullableMapValues(p);
            if (namedItem && k.equals("name")) {
                continue;
            }
            ObjectNode nullable = NODES.objectNode();
            nullable.set("description", p.remove("description"));
            if (p.has("default")) {
                p.remove("default"); // the base's value, not the default, is what a missing key keeps
            }
            nullable.putArray("anyOf").add(p).addObject().put("type", "null");
            props.set(k, nullable);
        }
        if (namedItem) {
            ObjectNode remove = props.putObject("remove");
            remove.put("description", "true to delete this item from the base (give only its name beside it).");
            remove.putArray("enum").add(true);
        }
        return out;
    }

    /**
     * Lets the values of a mapping keyed by name (a cohort's {@code los} or {@code routing} by setting) be null, which
     * removes that key from the base ({@code los: {lgh: null}}).
     */
    private static void nullableMapValues(ObjectNode p) {
        JsonNode values = p.get("additionalProperties");
        if (values instanceof ObjectNode v) {
            ObjectNode nullable = NODES.objectNode();
            nullable.putArray("anyOf").add(v).addObject().put("type", "null");
            p.set("additionalProperties", nullable);
        }
    }

    /** @return the definition names a schema fragment refers to */
    private static List<String> refs(JsonNode n, List<String> out) {
        if (n instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual()) {
                out.add(ref.asText().substring("#/definitions/".length()));
            }
            o.elements().forEachRemaining(c -> refs(c, out));
        } else if (n != null && n.isArray()) {
            n.elements().forEachRemaining(c -> refs(c, out));
        }
        return out;
    }

    private static void renameRefs(JsonNode n) {
        if (n instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/definitions/")) {
                o.put("$ref", ref.asText() + SUFFIX);
            }
            o.elements().forEachRemaining(OptionsSchema::renameRefs);
        } else if (n != null && n.isArray()) {
            n.elements().forEachRemaining(OptionsSchema::renameRefs);
        }
    }
}
