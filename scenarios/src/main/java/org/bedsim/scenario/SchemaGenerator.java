package org.bedsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the JSON Schema (draft-07, the draft editors' YAML and JSON language servers support best) of scenario
 * files from the spec records: types, required keys, documented defaults, bounds, patterns, enumerations and no
 * unknown keys. Each record becomes a definition. A small reflection-based generator is enough here: the records
 * are few, their constraints live in {@link Key}, and the same {@link Shape} drives the checks bedsim itself runs.
 * Cross-field rules (references, sums) are beyond JSON Schema; {@code bedsim validate} checks them.
 */
public final class SchemaGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaGenerator() {
    }

    /** @return the schema as a tree */
    public static ObjectNode schema() {
        return schema(ScenarioSpec.class, "bedsim scenario", "A bedsim scenario: care settings, patient cohorts, "
                + "calendar, targets and the sources of every figure. Generated from the code by 'bedsim schema'; do "
                + "not edit by hand.");
    }

    /** @return the schema of files bound to a spec record, with its definitions */
    static ObjectNode schema(Class<? extends Record> rootType, String title, String description) {
        Map<String, ObjectNode> definitions = new TreeMap<>();
        Shape.Obj root = Shape.of(rootType);
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", title);
        schema.put("description", description);
        ObjectNode body = object(root, definitions);
        body.fields().forEachRemaining(e -> schema.set(e.getKey(), e.getValue()));
        ObjectNode defs = schema.putObject("definitions");
        definitions.forEach(defs::set);
        return schema;
    }

    /** @return the schema as text: two-space indent, "\n" line ends, a final newline (stable across platforms) */
    public static String text() {
        return text(schema());
    }

    /** @return a schema as text, as {@link #text()} */
    static String text(ObjectNode schema) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode object(Shape.Obj obj, Map<String, ObjectNode> definitions) {
        ObjectNode o = NODES.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Shape.Prop p : obj.props()) {
            ObjectNode s = shape(p.shape(), p.key(), 0, definitions);
            ObjectNode withDoc = NODES.objectNode();
            withDoc.put("description", p.key().doc());
            if (!p.key().defaultValue().isEmpty()) {
                withDoc.set("default", parse(p.key().defaultValue()));
            }
            if (s.has("$ref")) {
                // draft-07 ignores the siblings of $ref: wrap it so the description reaches editors
                withDoc.putArray("allOf").add(s);
            } else {
                s.fields().forEachRemaining(e -> withDoc.set(e.getKey(), e.getValue()));
            }
            props.set(p.name(), withDoc);
            if (p.key().required()) {
                required.add(p.name());
            }
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
        o.put("additionalProperties", false);
        return o;
    }

    private static ObjectNode shape(Shape shape, Key key, int nest, Map<String, ObjectNode> definitions) {
        ObjectNode s = NODES.objectNode();
        if (shape instanceof Shape.Obj obj) {
            String name = obj.type().getSimpleName();
            if (!definitions.containsKey(name)) {
                definitions.put(name, NODES.objectNode()); // placeholder against recursion
                definitions.put(name, object(obj, definitions));
            }
            s.put("$ref", "#/definitions/" + name);
            return s;
        }
        if (shape instanceof Shape.ListOf list) {
            s.put("type", "array");
            if (nest == 0 && key.minItems() > 0) {
                s.put("minItems", key.minItems());
            }
            if (nest == 0 && key.maxItems() < Integer.MAX_VALUE) {
                s.put("maxItems", key.maxItems());
            }
            s.set("items", shape(list.item(), key, nest + 1, definitions));
            return s;
        }
        if (shape instanceof Shape.MapOf map) {
            s.put("type", "object");
            if (nest == 0 && key.minItems() > 0) {
                s.put("minProperties", key.minItems());
            }
            if (nest == 0 && !key.keyPattern().isEmpty()) {
                s.putObject("propertyNames").put("pattern", key.keyPattern());
            }
            s.set("additionalProperties", shape(map.value(), key, nest + 1, definitions));
            return s;
        }
        Shape.Scalar scalar = (Shape.Scalar) shape;
        switch (scalar.kind()) {
            case TEXT -> {
                s.put("type", "string");
                if (!key.pattern().isEmpty()) {
                    s.put("pattern", key.pattern());
                }
            }
            case DATE -> {
                s.put("type", "string");
                s.put("format", "date");
                s.put("pattern", "^\\d{4}-\\d{2}-\\d{2}$");
            }
            case ENUM -> {
                ArrayNode words = s.putArray("enum");
                scalar.words().forEach(words::add);
            }
            case BOOLEAN -> s.put("type", "boolean");
            case MAPPING -> s.put("type", "object");
            case INTEGER, LONG, NUMBER -> {
                s.put("type", scalar.kind() == Shape.Scalar.Kind.NUMBER ? "number" : "integer");
                bounds(s, key);
            }
            case RANGE -> {
                // a number, or [low, high]; low <= high is beyond JSON Schema (bedsim validate checks it)
                ArrayNode any = s.putArray("anyOf");
                ObjectNode number = any.addObject();
                number.put("type", "number");
                bounds(number, key);
                ObjectNode pair = any.addObject();
                pair.put("type", "array");
                pair.put("minItems", 2);
                pair.put("maxItems", 2);
                ObjectNode item = pair.putObject("items");
                item.put("type", "number");
                bounds(item, key);
            }
            default -> throw new IllegalStateException(scalar.kind().toString());
        }
        return s;
    }

    private static void bounds(ObjectNode s, Key key) {
        if (key.min() != Double.NEGATIVE_INFINITY) {
            putNumber(s, key.minExclusive() ? "exclusiveMinimum" : "minimum", key.min());
        }
        if (key.max() != Double.POSITIVE_INFINITY) {
            putNumber(s, key.maxExclusive() ? "exclusiveMaximum" : "maximum", key.max());
        }
    }

    private static void putNumber(ObjectNode s, String name, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            s.put(name, (long) v);
        } else {
            s.put(name, v);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad documented default " + json, e);
        }
    }
}
