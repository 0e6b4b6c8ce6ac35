package org.bedsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the immutable spec records: absent lists and maps become empty ones; order is kept. */
final class Specs {
    private Specs() {
    }

    /** @return an unmodifiable copy (nulls inside are kept: a value the checker refused binds as null) */
    static <T> List<T> frozen(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** @return an unmodifiable copy in the same order, its lists unmodifiable too */
    static <V> Map<String, List<V>> frozenLists(Map<String, List<V>> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, List<V>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v == null ? null : frozen(v)));
        return Collections.unmodifiableMap(out);
    }

    /** @return an unmodifiable copy in the same order */
    static <V> Map<String, V> frozen(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
