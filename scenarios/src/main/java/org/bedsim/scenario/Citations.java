package org.bedsim.scenario;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each source of a scenario is cited: the paths of every {@code source} key, by source id, with settings and
 * cohorts named rather than numbered ({@code settings.lri}, {@code cohorts.medical-older.los.acute}), for readers.
 */
public final class Citations {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private Citations() {
    }

    /** @return for each source id cited, the paths of the figures citing it (e.g. {@code settings[0]}), in order */
    public static Map<String, List<String>> of(Record spec) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        walk(spec, "", out);
        return out;
    }

    private static void walk(Object node, String path, Map<String, List<String>> out) {
        if (node instanceof Record r) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = rc.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                String name = SNAKE.translate(rc.getName());
                if (name.equals("source") && v instanceof String id) {
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(path);
                } else if (name.equals("sources") && v instanceof List<?> ids) {
                    // a bridge step cites its sources as a list of ids
                    for (Object id : ids) {
                        if (id instanceof String s) {
                            out.computeIfAbsent(s, k -> new ArrayList<>()).add(path);
                        }
                    }
                } else {
                    walk(v, Paths.key(path, name), out);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String name = item instanceof SettingSpec s ? s.name() : item instanceof CohortSpec c ? c.name()
                        : item instanceof BridgeStepSpec b ? b.id() : null;
                walk(item, name != null ? Paths.key(path, name) : Paths.index(path, i), out);
            }
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, Paths.key(path, (String) k), out));
        }
    }
}
