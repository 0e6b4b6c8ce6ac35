package org.bedsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an option's overrides into its base scenario tree, remembering where every value of the result came from,
 * so that a problem found in the merged scenario points at the line that caused it: in the base scenario file, or in
 * the options file.
 *
 * <p>Implementation notes. The rules are those of JSON Merge Patch (RFC 7396: mappings merge key by key, a null
 * removes a key, anything else replaces) with two additions for scenarios, both read off the {@link Shape} of the
 * spec records: a list whose items have a {@code name} key (settings, cohorts) merges item by item, matched by name,
 * with {@code remove: true} deleting an item and a new name appending one; and a length-of-stay distribution that
 * names its {@code family} replaces the base's whole (a new family needs other parameters). Other lists replace the
 * base's. The merge itself reports only what makes no sense as a change (removing what the base does not have, a
 * named item without a name); whether the result is a valid scenario is for the structure check and the validator,
 * run on the merged tree. The result's origins map each of its paths to a file and a path in that file; a value
 * removed by a null maps to that null.
 */
final class ScenarioMerger {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Scenario keys an option cannot change: every option runs the same calendar with the same run. */
    static final List<String> FIXED_KEYS = List.of("$schema", "name", "calendar", "run");

    /** Which file a value comes from. */
    enum File { BASE, OPTIONS }

    /** Where a value of the merged tree comes from. */
    record Origin(File file, String path) {
    }

    /**
     * A change an option makes, for readers: where (settings and cohorts by name, e.g. {@code settings.lri.beds}),
     * the base's value (null if there was none) and the option's (null when removed), both as compact text.
     */
    record Change(String where, String from, String to) {
        @Override
        public String toString() {
            return where + ": " + (from == null ? "added " + to : to == null ? "removed" : from + " -> " + to);
        }
    }

    /**
     * The merge's result.
     *
     * @param tree the merged scenario tree
     * @param origins for each path of the tree, where its value comes from (mutable, for {@link #addSources})
     * @param removed paths of the base removed by a null, and where the null is
     * @param problems what makes no sense as a change, with paths and locations in the options file
     * @param changes what the option changes, in order
     */
    record Merged(ObjectNode tree, Map<String, Origin> origins, Map<String, Origin> removed, List<Problem> problems,
            List<Change> changes) {

        /** @return where the value at a path of the merged tree (or of its nearest present parent) comes from */
        Origin originOf(String path) {
            Origin r = removed.get(path);
            if (r != null) {
                return r;
            }
            for (String p = path; p != null; p = Paths.parent(p)) {
                Origin o = origins.get(p);
                if (o != null) {
                    return new Origin(o.file(), o.path() + path.substring(p.length()));
                }
            }
            return new Origin(File.BASE, path);
        }

        /**
         * @return locations for the merged tree, each value's and key's taken from the file it comes from, so that
         *     the checks run on the merged tree report positions in that file
         */
        SourceMap sources(SourceMap base, SourceMap options) {
            SourceMap out = new SourceMap();
            walk(tree, "", p -> {
                Origin o = origins.get(p);
                if (o == null) {
                    return;
                }
                SourceMap from = o.file() == File.BASE ? base : options;
                out.value(p, from.at(o.path()), from.text(o.path()));
                if (!p.isEmpty() && !p.endsWith("]")) {
                    out.key(p, from.keyAt(o.path()));
                }
            });
            return out;
        }
    }

    private final Map<String, Origin> baseOrigins;
    private final SourceMap optionSources;
    private final Map<String, Origin> origins = new HashMap<>();
    private final Map<String, Origin> removed = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();

    private ScenarioMerger(Map<String, Origin> baseOrigins, SourceMap optionSources) {
        this.baseOrigins = baseOrigins;
        this.optionSources = optionSources;
    }

    /** @return the origins of a tree read from the base file: each path is its own */
    static Map<String, Origin> ownOrigins(JsonNode tree) {
        Map<String, Origin> out = new HashMap<>();
        walk(tree, "", p -> out.put(p, new Origin(File.BASE, p)));
        return out;
    }

    /**
     * Merges overrides into a base tree.
     *
     * @param base the base tree (a scenario, or an earlier option's merged tree)
     * @param baseOrigins where each path of the base tree comes from
     * @param overrides the option's overrides
     * @param overridesPath their path in the options file, e.g. {@code options[1].overrides}
     * @param optionSources locations in the options file
     */
    static Merged merge(ObjectNode base, Map<String, Origin> baseOrigins, ObjectNode overrides, String overridesPath,
            SourceMap optionSources) {
        ScenarioMerger m = new ScenarioMerger(baseOrigins, optionSources);
        ObjectNode kept = overrides.deepCopy();
        for (String key : FIXED_KEYS) {
            if (kept.has(key)) {
                String p = Paths.key(overridesPath, key);
                m.problems.add(Problem.error(p, optionSources.keyAt(p), "an override of '" + key + "'",
                        "no " + key + " in overrides: every option keeps the base's name, calendar and run, so that "
                                + "all run the same days on the same random streams"));
                kept.remove(key);
            }
        }
        ObjectNode tree = (ObjectNode) m.node(base, "", kept, overridesPath, "", "", Shape.of(ScenarioSpec.class));
        return new Merged(tree, m.origins, Map.copyOf(m.removed), List.copyOf(m.problems), List.copyOf(m.changes));
    }

    /**
     * Adds entries to a merged tree's {@code sources} (the options file's own sources), refusing ids the base has.
     *
     * @return the problems (ids already in the base)
     */
    static List<Problem> addSources(Merged merged, Map<String, JsonNode> sources, SourceMap optionSources) {
        List<Problem> out = new ArrayList<>();
        JsonNode existing = merged.tree().get("sources");
        ObjectNode target;
        if (existing instanceof ObjectNode o) {
            target = o;
        } else {
            target = merged.tree().putObject("sources");
            merged.origins().put("sources", new Origin(File.OPTIONS, "sources"));
        }
        sources.forEach((id, node) -> {
            String p = Paths.key("sources", id);
            if (target.has(id)) {
                out.add(Problem.error(p, optionSources.keyAt(p), "the source id '" + id + "', which the base "
                        + "scenario also has", "an id the base scenario does not use (or cite the base's own)"));
                return;
            }
            target.set(id, node.deepCopy());
            walk(node, p, q -> merged.origins().put(q, new Origin(File.OPTIONS, q)));
        });
        return out;
    }

    // ---- the merge ---------------------------------------------------------------------------------------------

    /**
     * @param base the base's value (null if absent)
     * @param bp its path in the base tree
     * @param over the override (not null, not a JSON null)
     * @param op its path in the options file
     * @param mp the result's path in the merged tree
     * @param dp the readable path, settings and cohorts by name
     * @param shape the expected shape (null if the key is unknown)
     */
    private JsonNode node(JsonNode base, String bp, JsonNode over, String op, String mp, String dp, Shape shape) {
        if (base == null) {
            changes.add(new Change(dp, null, compact(over, op)));
            return copyOver(over, op, mp);
        }
        if (base.isObject() && over.isObject() && (shape instanceof Shape.Obj || shape instanceof Shape.MapOf)) {
            if (shape instanceof Shape.Obj obj && obj.type() == DistributionSpec.class && over.has("family")) {
                changes.add(new Change(dp, compact(base, null), compact(over, op)));
                return copyOver(over, op, mp);
            }
            return mapping((ObjectNode) base, bp, (ObjectNode) over, op, mp, dp, shape);
        }
        if (base.isArray() && over.isArray() && shape instanceof Shape.ListOf list
                && list.item() instanceof Shape.Obj item && item.prop("name") != null) {
            return named((ArrayNode) base, bp, (ArrayNode) over, op, mp, dp, item);
        }
        if (!base.equals(over)) {
            changes.add(new Change(dp, compact(base, null), compact(over, op)));
        }
        return copyOver(over, op, mp);
    }

    private JsonNode mapping(ObjectNode base, String bp, ObjectNode over, String op, String mp, String dp,
            Shape shape) {
        ObjectNode out = NODES.objectNode();
        origins.put(mp, baseOrigins.getOrDefault(bp, new Origin(File.BASE, bp)));
        for (Iterator<Map.Entry<String, JsonNode>> it = base.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String bChild = Paths.key(bp, key);
            String mChild = Paths.key(mp, key);
            JsonNode o = over.get(key);
            if (o == null) {
                out.set(key, copyBase(e.getValue(), bChild, mChild));
            } else if (o.isNull()) {
                String oChild = Paths.key(op, key);
                removed.put(mChild, new Origin(File.OPTIONS, oChild));
                changes.add(new Change(Paths.key(dp, key), compact(e.getValue(), null), null));
            } else {
                out.set(key, node(e.getValue(), bChild, o, Paths.key(op, key), mChild, Paths.key(dp, key),
                        child(shape, key)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (base.has(e.getKey())) {
                continue;
            }
            String oChild = Paths.key(op, e.getKey());
            if (e.getValue().isNull()) {
                problems.add(Problem.error(oChild, optionSources.at(oChild), "null for '" + e.getKey()
                        + "', which the base does not have", "a value (null removes a key the base has)"));
                continue;
            }
            out.set(e.getKey(), node(null, null, e.getValue(), oChild, Paths.key(mp, e.getKey()),
                    Paths.key(dp, e.getKey()), child(shape, e.getKey())));
        }
        return out;
    }

    /** Merges a list of named items (settings, cohorts) item by item. */
    private JsonNode named(ArrayNode base, String bp, ArrayNode over, String op, String mp, String dp,
            Shape.Obj item) {
        String what = Paths.key("", lastKey(dp));
        Map<String, Integer> baseIndex = new LinkedHashMap<>();
        for (int i = 0; i < base.size(); i++) {
            JsonNode name = base.get(i).path("name");
            if (name.isTextual()) {
                baseIndex.putIfAbsent(name.asText(), i);
            }
        }
        Map<String, Integer> changed = new LinkedHashMap<>();
        Set<String> gone = new LinkedHashSet<>();
        List<Integer> added = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int j = 0; j < over.size(); j++) {
            JsonNode o = over.get(j);
            String oj = Paths.index(op, j);
            if (!o.isObject()) {
                problems.add(Problem.error(oj, optionSources.at(oj), describe(o), "a mapping: an item of " + what
                        + " to change or remove, named by its name, or a new one to add"));
                continue;
            }
            JsonNode nameNode = o.get("name");
            if (nameNode == null || !nameNode.isTextual()) {
                String np = nameNode == null ? oj : Paths.key(oj, "name");
                problems.add(Problem.error(np, optionSources.at(np), nameNode == null ? "an item without a name"
                        : describe(nameNode), "the name of an item of the base's " + what + " to change or remove, "
                        + "or of a new one to add"));
                continue;
            }
            String name = nameNode.asText();
            if (!seen.add(name)) {
                String np = Paths.key(oj, "name");
                problems.add(Problem.error(np, optionSources.at(np), "'" + name + "' a second time in these "
                        + "overrides", "each item of " + what + " changed at most once per option"));
                continue;
            }
            JsonNode remove = o.get("remove");
            if (remove != null) {
                String rp = Paths.key(oj, "remove");
                if (!remove.isBoolean() || !remove.asBoolean()) {
                    problems.add(Problem.error(rp, optionSources.at(rp), describe(remove), "true (or leave "
                            + "remove out)"));
                    continue;
                }
                List<String> others = new ArrayList<>();
                o.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("name") && !k.equals("remove")) {
                        others.add(k);
                    }
                });
                if (!others.isEmpty()) {
                    problems.add(Problem.error(rp, optionSources.at(rp), "remove: true with " + String.join(", ",
                            others), "only name and remove: true in an item that removes one"));
                    continue;
                }
                if (!baseIndex.containsKey(name)) {
                    String np = Paths.key(oj, "name");
                    problems.add(Problem.error(np, optionSources.at(np), "the removal of '" + name + "', which "
                            + "the base does not have", "the name of one of the base's " + what + ": "
                            + String.join(", ", baseIndex.keySet())));
                    continue;
                }
                gone.add(name);
            } else if (baseIndex.containsKey(name)) {
                changed.put(name, j);
            } else {
                added.add(j);
            }
        }
        ArrayNode out = NODES.arrayNode();
        origins.put(mp, baseOrigins.getOrDefault(bp, new Origin(File.BASE, bp)));
        for (int i = 0; i < base.size(); i++) {
            JsonNode b = base.get(i);
            String name = b.path("name").asText(null);
            if (name != null && gone.contains(name) && baseIndex.get(name) == i) {
                changes.add(new Change(Paths.key(dp, name), "", null));
                continue;
            }
            String mi = Paths.index(mp, out.size());
            Integer j = name == null || baseIndex.get(name) != i ? null : changed.get(name);
            if (j == null) {
                out.add(copyBase(b, Paths.index(bp, i), mi));
            } else {
                out.add(mapping((ObjectNode) b, Paths.index(bp, i), (ObjectNode) over.get(j), Paths.index(op, j),
                        mi, Paths.key(dp, name), item));
            }
        }
        for (int j : added) {
            String oj = Paths.index(op, j);
            changes.add(new Change(Paths.key(dp, over.get(j).get("name").asText()), null, compact(over.get(j), oj)));
            out.add(copyOver(over.get(j), oj, Paths.index(mp, out.size())));
        }
        return out;
    }

    private static Shape child(Shape shape, String key) {
        if (shape instanceof Shape.Obj obj) {
            Shape.Prop p = obj.prop(key);
            return p == null ? null : p.shape();
        }
        if (shape instanceof Shape.MapOf map) {
            return map.value();
        }
        return null;
    }

    private JsonNode copyBase(JsonNode n, String bp, String mp) {
        walk(n, "", suffix -> origins.put(mp + suffix, baseOrigins.getOrDefault(bp + suffix,
                new Origin(File.BASE, bp + suffix))));
        return n.deepCopy();
    }

    private JsonNode copyOver(JsonNode n, String op, String mp) {
        walk(n, "", suffix -> origins.put(mp + suffix, new Origin(File.OPTIONS, op + suffix)));
        return n.deepCopy();
    }

    /** Calls {@code visit} with the path of a node and of every node below it (relative to {@code path}). */
    private static void walk(JsonNode n, String path, java.util.function.Consumer<String> visit) {
        visit.accept(path);
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> walk(e.getValue(), Paths.key(path, e.getKey()), visit));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), Paths.index(path, i), visit);
            }
        }
    }

    private static String lastKey(String dp) {
        int dot = dp.lastIndexOf('.');
        return dot < 0 ? dp : dp.substring(dot + 1);
    }

    /** @return a value as compact text for a change list: a number as written, a structure as short JSON */
    private String compact(JsonNode n, String optionPath) {
        if (n.isValueNode()) {
            String written = optionPath == null ? null : optionSources.text(optionPath);
            return written != null && !n.isTextual() ? written : n.asText();
        }
        String json = n.toString();
        return json.length() <= 120 ? json : json.substring(0, 117) + "...";
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "the text '" + n.asText() + "'";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        return n.isNull() ? "an empty value (null)" : n.asText();
    }
}
