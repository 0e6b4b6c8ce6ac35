package org.bedsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the immutable spec records: absent lists and maps become empty ones; order is kept.
 *
 * <p>The empty list and map are {@link Collections#emptyList()} and {@link Collections#emptyMap()}, never
 * {@code List.of()} or {@code Map.of()}: a value the structure check refused binds as null, and a validator asking an
 * empty (refused) list whether it holds that null must get false, not a NullPointerException (the immutable
 * collections of {@code List.of} refuse to be asked about null). Whether an empty list was written so, or refused,
 * is {@link SourceMap#refused(String)}.
 */
final class Specs {
    private Specs() {
    }

    /** @return an unmodifiable copy (nulls inside are kept: a value the checker refused binds as null) */
    static <T> List<T> frozen(List<T> list) {
        return list == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** @return an unmodifiable copy in the same order, its lists unmodifiable too */
    static <V> Map<String, List<V>> frozenLists(Map<String, List<V>> map) {
        if (map == null) {
            return Collections.emptyMap();
        }
        Map<String, List<V>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v == null ? null : frozen(v)));
        return Collections.unmodifiableMap(out);
    }

    /** @return an unmodifiable copy in the same order */
    static <V> Map<String, V> frozen(Map<String, V> map) {
        return map == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
