package org.bedsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a scenario tree against the {@link Shape} of the spec records and reports every violation: unknown and
 * missing keys, wrong types, nulls, fractions where integers are expected, numbers out of range, texts not matching
 * their pattern, lists of the wrong length. Nothing is coerced or defaulted.
 *
 * <p>It also returns the tree pruned of every value it refused (an object key is removed, a list item or map value
 * becomes null), so the rest can still be bound and cross-checked: the planner sees all problems at once, not one
 * per run. Later checks treat a null required value as already reported.
 */
final class StructureChecker {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final SourceMap sources;
    private final List<Problem> problems = new ArrayList<>();

    private StructureChecker(SourceMap sources) {
        this.sources = sources;
    }

    /** The problems found and the pruned tree. */
    record Result(JsonNode pruned, List<Problem> problems) {
    }

    /** Checks a whole file. */
    static Result check(JsonNode root, Shape.Obj shape, SourceMap sources) {
        StructureChecker c = new StructureChecker(sources);
        JsonNode pruned = c.node(root, shape, null, "", 0);
        return new Result(pruned == null ? NODES.objectNode() : pruned, List.copyOf(c.problems));
    }

    /** @return the node, pruned; null if refused */
    private JsonNode node(JsonNode n, Shape shape, Key key, String path, int nest) {
        if (sources.refused(path)) {
            return null; // refused by the reader (a number not written in plain decimal), reported there
        }
        if (n.isNull()) {
            error(path, "an empty value (null)", expected(shape, key, nest));
            return null;
        }
        if (shape instanceof Shape.Obj obj) {
            return object(n, obj, key, path);
        }
        if (shape instanceof Shape.ListOf list) {
            if (!n.isArray()) {
                error(path, found(n, path), expected(shape, key, nest));
                return null;
            }
            if (nest == 0 && key != null && (n.size() < key.minItems() || n.size() > key.maxItems())) {
                error(path, "a list of " + n.size() + " item" + (n.size() == 1 ? "" : "s"),
                        expected(shape, key, nest));
                return null;
            }
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = node(n.get(i), list.item(), key, Paths.index(path, i), nest + 1);
                out.add(item == null ? NODES.nullNode() : item);
            }
            return out;
        }
        if (shape instanceof Shape.MapOf map) {
            if (!n.isObject()) {
                error(path, found(n, path), expected(shape, key, nest));
                return null;
            }
            if (nest == 0 && key != null && (n.size() < key.minItems() || n.size() > key.maxItems())) {
                error(path, "a mapping of " + n.size() + " entr" + (n.size() == 1 ? "y" : "ies"),
                        expected(shape, key, nest));
                return null;
            }
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = Paths.key(path, e.getKey());
                if (nest == 0 && key != null && !key.keyPattern().isEmpty()
                        && !e.getKey().matches(key.keyPattern())) {
                    sources.refuse(child);
                    problems.add(Problem.error(child, sources.keyAt(child), "the key '" + e.getKey() + "'",
                            describePattern(key.keyPattern())));
                    continue;
                }
                JsonNode v = node(e.getValue(), map.value(), key, child, nest + 1);
                out.set(e.getKey(), v == null ? NODES.nullNode() : v);
            }
            return out;
        }
        return scalar(n, (Shape.Scalar) shape, key, path, nest);
    }

    private JsonNode object(JsonNode n, Shape.Obj obj, Key key, String path) {
        if (!n.isObject()) {
            error(path, found(n, path), expected(obj, key, 0));
            return null;
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = Paths.key(path, e.getKey());
            Shape.Prop prop = obj.prop(e.getKey());
            if (prop == null) {
                problems.add(Problem.error(child, sources.keyAt(child), "an unknown key '" + e.getKey() + "'",
                        "one of the keys of " + article(obj.label()) + ": " + keyList(obj)
                                + suggestion(e.getKey(), obj)));
                continue;
            }
            JsonNode v = node(e.getValue(), prop.shape(), prop.key(), child, 0);
            if (v != null) {
                out.set(e.getKey(), v);
            }
        }
        for (Shape.Prop prop : obj.props()) {
            if (prop.key().required() && !n.has(prop.name())) {
                String child = Paths.key(path, prop.name());
                error(child, "nothing (the key '" + prop.name() + "' is missing)",
                        expected(prop.shape(), prop.key(), 0) + " (required)");
            }
        }
        return out;
    }

    private JsonNode scalar(JsonNode n, Shape.Scalar s, Key key, String path, int nest) {
        switch (s.kind()) {
            case TEXT -> {
                if (!n.isTextual()) {
                    return refuse(n, s, key, path, nest);
                }
                if (key != null && !key.pattern().isEmpty() && !n.asText().matches(key.pattern())) {
                    return refuse(n, s, key, path, nest);
                }
                return n;
            }
            case DATE -> {
                if (!n.isTextual() || !DATE.matcher(n.asText()).matches()) {
                    return refuse(n, s, key, path, nest);
                }
                try {
                    LocalDate.parse(n.asText());
                    return n;
                } catch (DateTimeParseException e) {
                    return refuse(n, s, key, path, nest);
                }
            }
            case ENUM -> {
                if (!n.isTextual() || !s.words().contains(n.asText())) {
                    return refuse(n, s, key, path, nest);
                }
                return n;
            }
            case BOOLEAN -> {
                return n.isBoolean() ? n : refuse(n, s, key, path, nest);
            }
            case MAPPING -> {
                return n.isObject() ? n : refuse(n, s, key, path, nest);
            }
            case INTEGER, LONG -> {
                if (!n.isIntegralNumber()) {
                    return refuse(n, s, key, path, nest);
                }
                BigInteger v = n.bigIntegerValue();
                BigInteger lo = BigInteger.valueOf(s.kind() == Shape.Scalar.Kind.INTEGER ? Integer.MIN_VALUE
                        : Long.MIN_VALUE);
                BigInteger hi = BigInteger.valueOf(s.kind() == Shape.Scalar.Kind.INTEGER ? Integer.MAX_VALUE
                        : Long.MAX_VALUE);
                if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0 || !inRange(v.doubleValue(), key)) {
                    return refuse(n, s, key, path, nest);
                }
                return s.kind() == Shape.Scalar.Kind.INTEGER ? NODES.numberNode(v.intValue())
                        : NODES.numberNode(v.longValue());
            }
            case NUMBER -> {
                if (!n.isNumber()) {
                    return refuse(n, s, key, path, nest);
                }
                double d = n.doubleValue();
                if (!Double.isFinite(d) || !inRange(d, key)) {
                    return refuse(n, s, key, path, nest);
                }
                return NODES.numberNode(d);
            }
            case RANGE -> {
                return range(n, s, key, path, nest);
            }
            default -> throw new IllegalStateException(s.kind().toString());
        }
    }

    /** A number, or a list [low, high] of two numbers within the key's bounds with low &lt;= high. */
    private JsonNode range(JsonNode n, Shape.Scalar s, Key key, String path, int nest) {
        for (int i = 0; n.isArray() && i < n.size(); i++) {
            if (sources.refused(Paths.index(path, i))) {
                return null; // an item the reader refused, reported there
            }
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            return Double.isFinite(d) && inRange(d, key) ? NODES.numberNode(d) : refuse(n, s, key, path, nest);
        }
        if (n.isArray() && n.size() == 2 && n.get(0).isNumber() && n.get(1).isNumber()) {
            double low = n.get(0).doubleValue();
            double high = n.get(1).doubleValue();
            if (Double.isFinite(low) && Double.isFinite(high) && inRange(low, key) && inRange(high, key)) {
                if (low > high) {
                    error(path, "the range " + listText(n, path), "a range [low, high] with low <= high");
                    return null;
                }
                ArrayNode out = NODES.arrayNode();
                out.add(low);
                out.add(high);
                return out;
            }
        }
        return refuse(n, s, key, path, nest);
    }

    /** @return a short list as written, e.g. [0.2, 1.5]; "a list of n items" when long or not flat */
    private String listText(JsonNode n, String path) {
        if (n.size() > 4) {
            return "a list of " + n.size() + " items";
        }
        java.util.List<String> items = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (item.isContainerNode()) {
                return "a list of " + n.size() + " item" + (n.size() == 1 ? "" : "s");
            }
            String written = sources.text(Paths.index(path, i));
            items.add(item.isTextual() ? "'" + abbreviate(item.asText()) + "'"
                    : written != null ? written : item.asText());
        }
        return "[" + String.join(", ", items) + "]";
    }

    private JsonNode refuse(JsonNode n, Shape.Scalar s, Key key, String path, int nest) {
        String hint = "";
        if (s.kind() == Shape.Scalar.Kind.ENUM && n.isTextual()) {
            for (String w : s.words()) {
                if (w.equalsIgnoreCase(n.asText().replace('-', '_').replace(' ', '_'))) {
                    hint = " (did you mean '" + w + "'?)";
                }
            }
        }
        if (s.kind() == Shape.Scalar.Kind.TEXT && n.isBoolean()) {
            hint = " (write it in quotes: YAML reads " + sources.text(path) + " as true or false)";
        }
        if (s.kind() == Shape.Scalar.Kind.NUMBER || s.kind() == Shape.Scalar.Kind.INTEGER
                || s.kind() == Shape.Scalar.Kind.LONG || s.kind() == Shape.Scalar.Kind.RANGE) {
            if (n.isTextual() && looksNumeric(n.asText())) {
                hint = " (a number, without quotes)";
            } else if (n.isTextual() && NumberForms.yaml11Form(n.asText()) != null) {
                String form = NumberForms.yaml11Form(n.asText());
                hint = " (" + form.substring(form.indexOf(", ") + 2).replaceFirst(" \\(YAML 1.1 reads.*$", "")
                        + ": write it in plain decimal notation)";
            }
        }
        String found = found(n, path);
        if (s.kind() == Shape.Scalar.Kind.RANGE && n.isArray()) {
            String list = listText(n, path);
            found = list.startsWith("[") ? "the list " + list : list;
        }
        error(path, found, expected(s, key, nest) + hint);
        return null;
    }

    private static boolean looksNumeric(String t) {
        try {
            new BigDecimal(t.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean inRange(double v, Key key) {
        if (key == null) {
            return true;
        }
        boolean aboveMin = key.minExclusive() ? v > key.min() : v >= key.min();
        boolean belowMax = key.maxExclusive() ? v < key.max() : v <= key.max();
        return aboveMin && belowMax;
    }

    private void error(String path, String found, String expected) {
        sources.refuse(path);
        problems.add(Problem.error(path, sources.at(path), found, expected));
    }

    /** @return how a value is described to the planner: as written in the file where possible */
    String found(JsonNode n, String path) {
        String written = sources.text(path);
        if (n.isTextual()) {
            return "the text '" + abbreviate(n.asText()) + "'";
        }
        if (n.isNumber()) {
            return written != null ? written : n.asText();
        }
        if (n.isBoolean()) {
            return written != null ? written : n.asText();
        }
        if (n.isNull()) {
            return "an empty value (null)";
        }
        if (n.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    /** @return what a value of this shape should be, in words ({@code nest}: levels below the key) */
    static String expected(Shape shape, Key key, int nest) {
        if (shape instanceof Shape.Obj obj) {
            return article(obj.label()) + " (a mapping with keys " + keyList(obj) + ")";
        }
        if (shape instanceof Shape.ListOf list) {
            return "a list of " + (nest == 0 ? count(key) : "") + plural(list.item(), key, nest + 1);
        }
        if (shape instanceof Shape.MapOf map) {
            String n = nest == 0 ? count(key) : "";
            return "a mapping" + (n.isEmpty() ? "" : " of " + n.trim()) + " from names to "
                    + plural(map.value(), key, nest + 1);
        }
        Shape.Scalar s = (Shape.Scalar) shape;
        return switch (s.kind()) {
            case TEXT -> key != null && !key.pattern().isEmpty() ? describePattern(key.pattern()) : "a text";
            case DATE -> "a date like 2016-04-01 (year-month-day)";
            case ENUM -> "one of " + String.join(", ", s.words());
            case BOOLEAN -> "true or false";
            case MAPPING -> "a mapping";
            case INTEGER, LONG -> "an integer" + range(key);
            case NUMBER -> "a number" + range(key);
            case RANGE -> "a number" + range(key) + ", or a range [low, high] of two such numbers (an 80 % "
                    + "interval)";
        };
    }

    private static String count(Key key) {
        if (key == null) {
            return "";
        }
        if (key.minItems() == key.maxItems()) {
            return "exactly " + key.minItems() + " ";
        }
        if (key.minItems() > 0 && key.maxItems() < Integer.MAX_VALUE) {
            return key.minItems() + " to " + key.maxItems() + " ";
        }
        if (key.minItems() > 0) {
            return "at least " + key.minItems() + " ";
        }
        return "";
    }

    private static String plural(Shape shape, Key key, int nest) {
        if (shape instanceof Shape.Obj obj) {
            return obj.label() + "s (each a mapping with keys " + keyList(obj) + ")";
        }
        String singular = expected(shape, key, nest);
        if (singular.startsWith("one of ")) {
            return "values, each " + singular;
        }
        String s = singular.replaceFirst("^an? ", "");
        int space = s.indexOf(' ');
        return space < 0 ? s + "s" : s.substring(0, space) + "s" + s.substring(space);
    }

    static String range(Key key) {
        if (key == null) {
            return "";
        }
        boolean hasMin = key.min() != Double.NEGATIVE_INFINITY;
        boolean hasMax = key.max() != Double.POSITIVE_INFINITY;
        String lo = hasMin ? (key.minExclusive() ? " > " : " >= ") + plain(key.min()) : "";
        String hi = hasMax ? (key.maxExclusive() ? " < " : " <= ") + plain(key.max()) : "";
        if (hasMin && hasMax) {
            if (!key.minExclusive() && !key.maxExclusive()) {
                return " from " + plain(key.min()) + " to " + plain(key.max());
            }
            return lo + " and" + hi;
        }
        return hasMin ? lo : hasMax ? hi : "";
    }

    static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    static String describePattern(String pattern) {
        if (pattern.equals(Key.NAME)) {
            return "a name of lower-case letters, digits and dashes, at most 63 characters (e.g. acute-medical)";
        }
        return "a text matching " + pattern;
    }

    private static String keyList(Shape.Obj obj) {
        return obj.props().stream().map(Shape.Prop::name).collect(Collectors.joining(", "));
    }

    private static String article(String label) {
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    /** @return " (did you mean 'x'?)" for a near miss, or "" */
    private static String suggestion(String key, Shape.Obj obj) {
        String folded = fold(key);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Shape.Prop p : obj.props()) {
            int d = fold(p.name()).equals(folded) ? 0 : distance(key.toLowerCase(Locale.ROOT), p.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = p.name();
            }
        }
        return best != null && bestDistance <= Math.max(1, key.length() / 4) ? " (did you mean '" + best + "'?)"
                : "";
    }

    private static String fold(String s) {
        return s.replaceAll("[_\\- ]", "").toLowerCase(Locale.ROOT);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
