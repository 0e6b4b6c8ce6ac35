package org.bedsim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The streaming pass over a scenario file: builds Jackson's tree and, beside it, the {@link SourceMap} of where every
 * key and value is, refusing hostile input on the way.
 *
 * <p>Implementation notes. Jackson's tree keeps no locations, so the tree is built here token by token from the
 * parser, recording each token's location under its path. Limits, so that a file cannot exhaust memory or time:
 * size in bytes before parsing; Jackson's {@link StreamReadConstraints} for nesting depth and number length;
 * SnakeYAML's {@link LoaderOptions} for code points and nesting; a cap on text length checked here (the YAML parser
 * does not apply Jackson's). YAML anchors, aliases and tags are refused: Jackson's YAML parser does not expand an
 * alias but hands its name over as text, which would silently turn {@code *beds} into the word "beds"; refusing them
 * also disarms alias bombs ("billion laughs"). Duplicate keys and content after the first document are errors.
 */
final class TreeReader {
    /** Largest file read, bytes. */
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** Deepest nesting of mappings and lists (a scenario needs about 6). */
    static final int MAX_DEPTH = 32;
    /** Longest text value, characters. */
    static final int MAX_TEXT = 20_000;
    /** Longest number, characters. */
    static final int MAX_NUMBER_LENGTH = 40;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What the pass produced: the tree (null if the file could not be read) and the problems found. */
    record Result(JsonNode tree, SourceMap sources, List<Problem> problems) {
    }

    /** The file formats. */
    enum Format { YAML, JSON }

    private final SourceMap sources = new SourceMap();
    private final List<Problem> problems = new ArrayList<>();
    private final Format format;

    private TreeReader(Format format) {
        this.format = format;
    }

    /** @return the format of a file by its name's extension, or null */
    static Format formatOf(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Format.YAML;
        }
        if (lower.endsWith(".json")) {
            return Format.JSON;
        }
        return null;
    }

    /** Reads a file's bytes into a tree with locations. */
    static Result read(byte[] bytes, Format format) {
        TreeReader reader = new TreeReader(format);
        JsonNode tree = reader.readAll(bytes);
        return new Result(tree, reader.sources, List.copyOf(reader.problems));
    }

    /**
     * @return the top-level keys of a file that is a mapping (empty for anything else or a file that cannot be
     *     read), found by streaming over the rest without building a tree: how a file tells what it is cheaply
     */
    static java.util.Set<String> topLevelKeys(byte[] bytes, Format format) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        if (bytes.length > MAX_FILE_BYTES || firstMalformedUtf8(bytes) >= 0) {
            return keys;
        }
        try (JsonParser p = factory(format).createParser(new ByteArrayInputStream(bytes))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return keys;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // not readable as a mapping: the full read reports why
        }
        return keys;
    }

    private static JsonFactory factory(Format format) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_TEXT)
                .maxNameLength(1000)
                .build();
        if (format == Format.JSON) {
            return JsonFactory.builder().streamReadConstraints(limits).build();
        }
        LoaderOptions yaml = new LoaderOptions();
        yaml.setAllowDuplicateKeys(true); // reported by this reader, with the key's path and location
        yaml.setMaxAliasesForCollections(0);
        yaml.setNestingDepthLimit(MAX_DEPTH);
        yaml.setCodePointLimit(MAX_FILE_BYTES);
        yaml.setAllowRecursiveKeys(false);
        YAMLFactory f = YAMLFactory.builder().loaderOptions(yaml).streamReadConstraints(limits).build();
        f.configure(YAMLParser.Feature.EMPTY_STRING_AS_NULL, true); // "key:" with nothing is null, as in YAML
        return f;
    }

    private JsonNode readAll(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            fail("", Location.UNKNOWN, "a file of " + bytes.length + " bytes",
                    "a scenario file of at most " + MAX_FILE_BYTES + " bytes");
            return null;
        }
        int bad = firstMalformedUtf8(bytes);
        if (bad >= 0) {
            fail("", locationOfByte(bytes, bad), String.format(java.util.Locale.ROOT, "the byte 0x%02X at byte "
                    + "offset %d, which is not valid UTF-8", bytes[bad] & 0xff, bad), "a file in UTF-8 (save it as "
                    + "UTF-8 from the editor or spreadsheet that wrote it)");
            return null;
        }
        JsonParser p = null;
        try {
            p = factory(format).createParser(new ByteArrayInputStream(bytes));
            JsonToken first = p.nextToken();
            if (first == null) {
                fail("", new Location(1, 1), "an empty file", "a scenario (a mapping with name, calendar, ...)");
                return null;
            }
            JsonNode root = value(p, "", 1);
            if (root == null) {
                return null;
            }
            JsonToken extra = p.nextToken();
            if (extra != null) {
                fail("", location(p.currentTokenLocation()), "more content after the end of the scenario"
                        + (format == Format.YAML ? " (a second YAML document?)" : ""), "the file to end there");
                return null;
            }
            return root;
        } catch (StreamConstraintsException e) {
            fail("", location(p == null ? null : p.currentLocation()), refusal(e.getOriginalMessage()),
                    "a file within bedsim's limits (nesting at most " + MAX_DEPTH + " deep, numbers of at most "
                    + MAX_NUMBER_LENGTH + " characters, texts of at most " + MAX_TEXT + " characters)");
            return null;
        } catch (JsonProcessingException e) {
            syntax(e);
            return null;
        } catch (IOException e) {
            fail("", Location.UNKNOWN, "a file that could not be read: " + plainWords(oneLine(e.getMessage())),
                    "a readable file");
            return null;
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // nothing was written; a failed close of an in-memory parser loses nothing
                }
            }
        }
    }

    /** @return the offset of the first byte that is not valid UTF-8, or -1 */
    static int firstMalformedUtf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 14);
        while (true) {
            java.nio.charset.CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        java.nio.charset.CoderResult r = d.flush(out);
        return r.isError() ? in.position() : -1;
    }

    /** @return the line and column (in characters) of a byte offset */
    private static Location locationOfByte(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++; // count characters, not continuation bytes
            }
        }
        return new Location(line, column);
    }

    /**
     * @return a parser's message in the planner's words: SnakeYAML's token and event names and Java class names
     *     replaced by what they mean
     */
    static String plainWords(String message) {
        String m = message.replaceAll("\\b(?:java|javax|org|com)\\.[\\w.$]+(?:Exception|Error):\\s*", "")
                .replace("<stream end>", "the end of the file")
                .replace("<document end>", "the end of the document")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.SequenceStartEvent[^>]*>", "a list")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.MappingStartEvent[^>]*>", "a mapping")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.ScalarEvent[^>]*>", "a value")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event[^>]*>", "something else")
                .replace("Expected a field name (Scalar value in YAML), got this instead:", "expected a key (a plain "
                        + "text), found")
                .replaceAll("'<([a-z][a-z ]*)>'", "'$1'")
                .replaceAll("<([a-z][a-z ]*)>", "'$1'");
        if (m.contains("org.yaml") || m.contains("java.") || m.contains("com.fasterxml") || m.contains("Event(")) {
            return "text the parser cannot read";
        }
        return m;
    }

    /** Reports a syntax error: for YAML, SnakeYAML's problem and its context, each with its place. */
    private void syntax(JsonProcessingException e) {
        String msg = oneLine(e.getOriginalMessage());
        if (msg.contains("exceeds the limit") && msg.contains("code points")) {
            fail("", Location.UNKNOWN, "a document of more than " + MAX_FILE_BYTES + " characters",
                    "a smaller scenario file");
            return;
        }
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark at = m.getProblemMark();
            String context = m.getContext() == null ? "" : " (" + m.getContext() + (m.getContextMark() == null ? ""
                    : " started at line " + (m.getContextMark().getLine() + 1) + ", column "
                    + (m.getContextMark().getColumn() + 1)) + ")";
            fail("", new Location(at.getLine() + 1, at.getColumn() + 1), "text that is not valid YAML: "
                    + plainWords(oneLine(m.getProblem()) + context), "valid YAML");
            return;
        }
        // Jackson's wording, without its internals (feature names, character codes)
        String plain = msg.replaceAll("\\s*\\(not recognized as one since Feature[^)]*\\)", "")
                .replaceAll(" \\(code \\d+\\)", "").replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll("\\s*at \\[Source:.*$", "");
        fail("", location(e.getLocation()), "text that is not valid " + format + ": " + plainWords(plain),
                "valid " + format);
    }

    private static String refusal(String message) {
        String m = message == null ? "" : message;
        if (m.contains("nesting depth")) {
            return "nesting deeper than " + MAX_DEPTH + " levels (refused)";
        }
        if (m.contains("Number value length")) {
            return "a number longer than " + MAX_NUMBER_LENGTH + " characters (refused)";
        }
        if (m.contains("String value length")) {
            return "a text longer than " + MAX_TEXT + " characters (refused)";
        }
        return oneLine(m) + " (refused)";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    /** Reads the value at the current token; null if a fatal problem was recorded. */
    private JsonNode value(JsonParser p, String path, int depth) throws IOException {
        JsonToken t = p.currentToken();
        Location at = location(p.currentTokenLocation());
        if (p instanceof YAMLParser y && !yamlPlain(y, path, at)) {
            return null;
        }
        switch (t) {
            case START_OBJECT -> {
                sources.value(path, at, null);
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = Paths.key(path, name);
                    Location keyAt = location(p.currentTokenLocation());
                    if (p instanceof YAMLParser y && !yamlPlain(y, child, keyAt)) {
                        return null;
                    }
                    boolean duplicate = o.has(name);
                    if (duplicate) {
                        fail(child, keyAt, "the key '" + name + "' a second time in the same mapping",
                                "each key at most once");
                    } else {
                        sources.key(child, keyAt);
                    }
                    p.nextToken();
                    JsonNode v = value(p, duplicate ? child + "(duplicate)" : child, depth + 1);
                    if (v == null) {
                        return null;
                    }
                    if (!duplicate) {
                        o.set(name, v);
                    }
                }
                return o;
            }
            case START_ARRAY -> {
                sources.value(path, at, null);
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode v = value(p, Paths.index(path, i++), depth + 1);
                    if (v == null) {
                        return null;
                    }
                    a.add(v);
                }
                return a;
            }
            case VALUE_STRING -> {
                String text = p.getText();
                if (text.length() > MAX_TEXT) {
                    fail(path, at, "a text of " + text.length() + " characters (refused)",
                            "texts of at most " + MAX_TEXT + " characters");
                    return null;
                }
                sources.value(path, at, text);
                return NODES.textNode(text);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String written = p.getText();
                sources.value(path, at, written);
                String notPlain = format == Format.YAML ? NumberForms.notPlainDecimal(written) : null;
                if (notPlain != null) {
                    // reported here, at its path, and the rest of the file is still read and checked
                    sources.refuse(path);
                    fail(path, at, notPlain, NumberForms.PLAIN);
                    return NODES.nullNode();
                }
                if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    double d = p.getDoubleValue();
                    if (!Double.isFinite(d)) {
                        sources.refuse(path);
                        fail(path, at, written + ", a number too large to compute with (beyond about 1.8e308)",
                                NumberForms.PLAIN);
                        return NODES.nullNode();
                    }
                    return NODES.numberNode(d);
                }
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                sources.value(path, at, p.getText());
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                sources.value(path, at, p.getText());
                return NODES.nullNode();
            }
            default -> {
                fail(path, at, "something that is not a mapping, a list or a plain value", "a mapping, a list or "
                        + "a plain value");
                return null;
            }
        }
    }

    /** Refuses anchors, aliases and explicit tags; false (with the problem recorded) if one is present. */
    private boolean yamlPlain(YAMLParser y, String path, Location at) throws IOException {
        if (y.isCurrentAlias()) {
            fail(path, at, "the YAML alias *" + y.getText(), "a plain value (YAML anchors and aliases are not "
                    + "supported: write the value out)");
            return false;
        }
        Object anchor = y.getObjectId(); // a YAML anchor is Jackson's object id
        if (anchor != null) {
            fail(path, at, "the YAML anchor &" + anchor, "a plain value (YAML anchors and aliases "
                    + "are not supported: write the value out)");
            return false;
        }
        String tag = y.getTypeId();
        if (tag != null) {
            fail(path, at, "the YAML tag " + tag, "a plain value (YAML tags are not supported)");
            return false;
        }
        return true;
    }

    private void fail(String path, Location at, String found, String expected) {
        problems.add(Problem.error(path, at, found, expected));
    }

    private static Location location(JsonLocation l) {
        if (l == null || l.getLineNr() < 1) {
            return Location.UNKNOWN;
        }
        return new Location(l.getLineNr(), Math.max(l.getColumnNr(), 1));
    }
}
