package org.bedsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths to numbers of a scenario, for calibrations and sensitivity: keys joined by dots, list items selected in
 * brackets by index, by {@code *} (all), or by name: an item's {@code name} (settings, cohorts) or {@code id} (bridge
 * steps, calibrations), with {@code *} as a wildcard ({@code cohorts[risk-*]}). A key {@code *} matches every key of a
 * map ({@code los.*.mean}). E.g. {@code bridge.steps[los-cut].changes[*].length_of_stay.change}.
 */
public final class InputPaths {
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)((?:\\[[^\\]]+\\])*)");
    private static final Pattern SELECTOR = Pattern.compile("\\[([^\\]]+)\\]");

    private InputPaths() {
    }

    /**
     * A number (or a range: a list of two numbers) in the tree.
     *
     * @param parent the object or list holding it
     * @param key its key in an object, or null in a list
     * @param index its index in a list
     * @param path its concrete path, items by index ({@code bridge.steps[3].changes[0].length_of_stay.change})
     */
    public record Ref(JsonNode parent, String key, int index, String path) {
        /** @return the node */
        public JsonNode node() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        /** Replaces the node. */
        public void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    /**
     * @return every number or two-number range the path names in {@code root}, in tree order
     * @throws IllegalArgumentException if the path is malformed, names nothing, or names something other than numbers
     */
    public static List<Ref> resolve(JsonNode root, String path) {
        List<Ref> found = new ArrayList<>();
        List<Ref> current = List.of(new Ref(null, null, -1, ""));
        String[] parts = path.split("\\.");
        List<JsonNode> nodes = new ArrayList<>(List.of(root));
        for (String part : parts) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("the path '" + path + "' is malformed at '" + part + "'");
            }
            List<Ref> next = new ArrayList<>();
            List<JsonNode> nextNodes = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                JsonNode n = nodes.get(i);
                String base = current.get(i).path();
                if (!n.isObject()) {
                    continue;
                }
                String key = m.group(1);
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (key.equals("*") || key.equals(e.getKey())) {
                        next.add(new Ref(n, e.getKey(), -1, Paths.key(base, e.getKey())));
                        nextNodes.add(e.getValue());
                    }
                }
            }
            Matcher sel = SELECTOR.matcher(m.group(2));
            while (sel.find()) {
                List<Ref> selected = new ArrayList<>();
                List<JsonNode> selectedNodes = new ArrayList<>();
                for (int i = 0; i < nextNodes.size(); i++) {
                    JsonNode list = nextNodes.get(i);
                    if (!list.isArray()) {
                        continue;
                    }
                    for (int j = 0; j < list.size(); j++) {
                        if (matches(sel.group(1), list.get(j), j)) {
                            selected.add(new Ref(list, null, j, Paths.index(next.get(i).path(), j)));
                            selectedNodes.add(list.get(j));
                        }
                    }
                }
                next = selected;
                nextNodes = selectedNodes;
            }
            current = next;
            nodes = nextNodes;
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            boolean range = n.isArray() && n.size() == 2 && n.get(0).isNumber() && n.get(1).isNumber();
            if (!n.isNumber() && !range) {
                throw new IllegalArgumentException("the path '" + path + "' names " + current.get(i).path()
                        + ", which is not a number or a range [low, high]");
            }
            found.add(current.get(i));
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the path '" + path + "' names no number of the scenario");
        }
        return found;
    }

    private static boolean matches(String selector, JsonNode item, int index) {
        if (selector.equals("*")) {
            return true;
        }
        if (selector.matches("\\d+")) {
            return Integer.parseInt(selector) == index;
        }
        JsonNode name = item.isObject() ? item.has("name") ? item.get("name") : item.get("id") : null;
        if (name == null || !name.isTextual()) {
            return false;
        }
        String regex = "\\Q" + selector.replace("*", "\\E.*\\Q") + "\\E";
        return name.asText().matches(regex);
    }
}
