package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of a scenario file, read off the spec records by reflection: objects with their keys, lists, maps and
 * scalars. It is what the {@link StructureChecker} checks a file against and what the {@link SchemaGenerator}
 * writes as JSON Schema, so the file format, its checks and its schema cannot disagree.
 *
 * <p>Key names are the record components' names in snake_case (the same translation Jackson's {@code SNAKE_CASE}
 * strategy applies when binding), unless a {@code @JsonProperty} names them.
 */
sealed interface Shape {

    /** A record: its keys in declaration order. */
    record Obj(Class<?> type, List<Prop> props) implements Shape {
        /** @return the key with that name, or null */
        Prop prop(String name) {
            for (Prop p : props) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
            return null;
        }

        /** @return e.g. "capacity change" for CapacityChangeSpec */
        String label() {
            String simple = type.getSimpleName().replaceAll("Spec$", "");
            return simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One key of a record. */
    record Prop(String name, Key key, Shape shape) {
    }

    /** A list of items of one shape. */
    record ListOf(Shape item) implements Shape {
    }

    /** A map from names to values of one shape. */
    record MapOf(Shape value) implements Shape {
    }

    /**
     * A text, number, integer, boolean, date, one of fixed words, or a range: a number or a list {@code [low, high]}
     * of two ({@link ParameterSpec}); or (kind {@code MAPPING}) a mapping taken as it is, whose content another check
     * reads (an option's overrides, checked once merged into its scenario).
     */
    record Scalar(Kind kind, List<String> words) implements Shape {
        /** Scalar kinds. */
        enum Kind { TEXT, INTEGER, LONG, NUMBER, BOOLEAN, DATE, ENUM, RANGE, MAPPING }
    }

    /** @return the shape of a spec record */
    static Obj of(Class<? extends Record> type) {
        return (Obj) Shapes.shape(type);
    }

    /** Builds and caches shapes. */
    final class Shapes {
        private static final Map<Type, Shape> CACHE = new ConcurrentHashMap<>();
        private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
                new PropertyNamingStrategies.SnakeCaseStrategy();

        private Shapes() {
        }

        static Shape shape(Type type) {
            Shape cached = CACHE.get(type);
            if (cached != null) {
                return cached;
            }
            Shape built = build(type);
            CACHE.put(type, built);
            return built;
        }

        private static Shape build(Type type) {
            if (type instanceof ParameterizedType pt) {
                Class<?> raw = (Class<?>) pt.getRawType();
                Type[] args = pt.getActualTypeArguments();
                if (raw == List.class) {
                    return new ListOf(shape(args[0]));
                }
                if (raw == Map.class && args[0] == String.class) {
                    return new MapOf(shape(args[1]));
                }
                throw new IllegalStateException("unsupported spec type " + type);
            }
            Class<?> c = (Class<?>) type;
            if (c == String.class) {
                return new Scalar(Scalar.Kind.TEXT, List.of());
            }
            if (c == Integer.class) {
                return new Scalar(Scalar.Kind.INTEGER, List.of());
            }
            if (c == Long.class) {
                return new Scalar(Scalar.Kind.LONG, List.of());
            }
            if (c == ParameterSpec.class) {
                return new Scalar(Scalar.Kind.RANGE, List.of());
            }
            if (c == Double.class) {
                return new Scalar(Scalar.Kind.NUMBER, List.of());
            }
            if (c == Boolean.class) {
                return new Scalar(Scalar.Kind.BOOLEAN, List.of());
            }
            if (c == LocalDate.class) {
                return new Scalar(Scalar.Kind.DATE, List.of());
            }
            if (c == ObjectNode.class) {
                return new Scalar(Scalar.Kind.MAPPING, List.of());
            }
            if (c.isEnum()) {
                return new Scalar(Scalar.Kind.ENUM, enumWords(c));
            }
            if (c.isRecord()) {
                List<Prop> props = new ArrayList<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    Key key = rc.getAnnotation(Key.class);
                    if (key == null) {
                        throw new IllegalStateException(c.getSimpleName() + "." + rc.getName() + " has no @Key");
                    }
                    // @JsonProperty does not target record components: it lands on the accessor
                    JsonProperty named = rc.getAccessor().getAnnotation(JsonProperty.class);
                    String name = named != null && !named.value().isEmpty() ? named.value()
                            : SNAKE.translate(rc.getName());
                    props.add(new Prop(name, key, shape(rc.getGenericType())));
                }
                return new Obj(c, List.copyOf(props));
            }
            throw new IllegalStateException("unsupported spec type " + type + " (boxed types only: absent is null)");
        }

        private static List<String> enumWords(Class<?> c) {
            try {
                Method keyMethod = null;
                for (Method m : c.getMethods()) {
                    if (m.isAnnotationPresent(JsonValue.class)) {
                        keyMethod = m;
                    }
                }
                List<String> words = new ArrayList<>();
                for (Object constant : c.getEnumConstants()) {
                    words.add(keyMethod == null ? ((Enum<?>) constant).name() : (String) keyMethod.invoke(constant));
                }
                return List.copyOf(words);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
