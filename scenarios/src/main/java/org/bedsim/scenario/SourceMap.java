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
    /** The items of each list, by the list's path: one entry per list, not per item. */
    private final Map<String, Items> items = new HashMap<>();

    /**
     * Where the items of one list are, and their texts, in arrays: a list of a million numbers (an empirical stay
     * distribution) costs a few bytes an item rather than a map entry, a path and a text object each.
     */
    private static final class Items {
        int count;
        int[] lines = new int[4];
        int[] columns = new int[4];
        int[] ends = new int[4]; // text i is chars [ends[i-1], ends[i]) ; -1 - end for no text
        final StringBuilder chars = new StringBuilder();

        void add(Location at, String text) {
            if (count == lines.length) {
                int n = count * 2;
                lines = java.util.Arrays.copyOf(lines, n);
                columns = java.util.Arrays.copyOf(columns, n);
                ends = java.util.Arrays.copyOf(ends, n);
            }
            lines[count] = at.line();
            columns[count] = at.column();
            if (text != null) {
                chars.append(text);
            }
            ends[count] = text == null ? -1 - chars.length() : chars.length();
            count++;
        }

        Location at(int i) {
            return new Location(lines[i], columns[i]);
        }

        String text(int i) {
            if (ends[i] < 0) {
                return null;
            }
            int start = i == 0 ? 0 : ends[i - 1] < 0 ? -1 - ends[i - 1] : ends[i - 1];
            return chars.substring(start, ends[i]);
        }
    }

    /** @return the index of a list item's path ({@code a.b[12]}), or -1 for any other path */
    private static int itemIndex(String path) {
        int n = path.length();
        if (n < 3 || path.charAt(n - 1) != ']') {
            return -1;
        }
        int open = path.lastIndexOf('[');
        if (open < 0 || n - 1 - open > 9 || n - 1 - open < 1) {
            return -1;
        }
        int i = 0;
        for (int k = open + 1; k < n - 1; k++) {
            char c = path.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            i = i * 10 + (c - '0');
        }
        return i;
    }

    private static String listOf(String itemPath) {
        return itemPath.substring(0, itemPath.lastIndexOf('['));
    }

    void value(String path, Location at, String text) {
        int i = itemIndex(path);
        if (i >= 0 && !values.containsKey(path)) {
            Items list = items.computeIfAbsent(listOf(path), k -> new Items());
            if (i == list.count) {
                list.add(at, text);
                return;
            }
            if (i < list.count) {
                return; // already there: the first one stands
            }
        }
        values.putIfAbsent(path, at);
        if (text != null) {
            texts.putIfAbsent(path, text);
        }
    }

    /** @return the location of the value at exactly this path, or null */
    private Location exactly(String path) {
        Location l = values.get(path);
        if (l == null) {
            int i = itemIndex(path);
            if (i >= 0) {
                Items list = items.get(listOf(path));
                if (list != null && i < list.count) {
                    return list.at(i);
                }
            }
        }
        return l;
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
            Location l = exactly(p);
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
        String t = texts.get(path);
        int i = t == null ? itemIndex(path) : -1;
        if (i >= 0) {
            Items list = items.get(listOf(path));
            if (list != null && i < list.count) {
                return list.text(i);
            }
        }
        return t;
    }

    /** @return true if the file has a value below the path (a key of the mapping or an item of the list there) */
    public boolean hasUnder(String path) {
        for (Map.Entry<String, Items> e : items.entrySet()) {
            String p = e.getKey();
            if (e.getValue().count > 0 && (p.equals(path) || under(p, path))) {
                return true;
            }
        }
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
        return exactly(path) != null;
    }

    private static boolean under(String p, String path) {
        return p.length() > path.length() && p.startsWith(path) && (p.charAt(path.length()) == '.'
                || p.charAt(path.length()) == '[');
    }
}
