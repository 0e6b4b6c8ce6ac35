package org.bedsim.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each path of a scenario file is: the line and column of every value and of every key, and the value's text
 * as written (so a message can quote {@code 1.0} rather than {@code 1}). Filled by the streaming pass of
 * {@link ScenarioReader}; Jackson's tree keeps no locations, so this map is how later checks point into the file.
 */
public final class SourceMap {
    private final Map<String, Location> values = new HashMap<>();
    private final Map<String, Location> keys = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private final java.util.Set<String> refused = new java.util.HashSet<>();

    void value(String path, Location at, String text) {
        values.putIfAbsent(path, at);
        if (text != null) {
            texts.putIfAbsent(path, text);
        }
    }

    /** Records that the value at a path was refused (its problem reported), so later checks skip it. */
    void refuse(String path) {
        refused.add(path);
    }

    /**
     * @return true if the value at the path was refused by the reader or the structure check (reported there), or is
     *     a required key that is missing: later rules must not read its bound value (null, or an empty list or map)
     *     as what the planner wrote
     */
    public boolean refused(String path) {
        return refused.contains(path);
    }

    void key(String path, Location at) {
        keys.putIfAbsent(path, at);
    }

    /** @return where the value at a path starts; for a path not in the file, where its nearest parent starts */
    public Location at(String path) {
        for (String p = path; p != null; p = Paths.parent(p)) {
            Location l = values.get(p);
            if (l != null) {
                return l;
            }
        }
        return Location.UNKNOWN;
    }

    /** @return where the key of a path is written (for unknown keys); the value's location otherwise */
    public Location keyAt(String path) {
        Location l = keys.get(path);
        return l != null ? l : at(path);
    }

    /** @return the scalar text as written at a path, or null */
    public String text(String path) {
        return texts.get(path);
    }

    /** @return true if the file has a value below the path (a key of the mapping or an item of the list there) */
    public boolean hasUnder(String path) {
        for (String p : values.keySet()) {
            if (p.length() > path.length() && p.startsWith(path) && (p.charAt(path.length()) == '.'
                    || p.charAt(path.length()) == '[')) {
                return true;
            }
        }
        return false;
    }

    /** @return true if the file has a value at the path */
    public boolean has(String path) {
        return values.containsKey(path);
    }
}
