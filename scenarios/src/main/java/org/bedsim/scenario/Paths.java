package org.bedsim.scenario;

import java.util.regex.Pattern;

/**
 * Paths into a scenario: {@code cohorts[2].los.acute.mean}. Keys that are not plain names are quoted:
 * {@code los["odd key"]}. The root is the empty path.
 */
public final class Paths {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_-]*");

    private Paths() {
    }

    /** @return the path of a key under a path */
    public static String key(String path, String key) {
        if (PLAIN.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** @return the path of a list item */
    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** @return the parent path, "" for a top-level key, null for the root */
    public static String parent(String path) {
        if (path.isEmpty()) {
            return null;
        }
        if (path.endsWith("]")) {
            int open = path.endsWith("\"]") ? path.lastIndexOf("[\"") : path.lastIndexOf('[');
            return path.substring(0, Math.max(open, 0));
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
