package org.bedsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a scenario file into a {@link ScenarioSpec}: the streaming pass ({@link TreeReader}: tree, locations,
 * hostile-input limits), the structure check against the records ({@link StructureChecker}: every problem at once),
 * then binding with a Jackson mapper configured to be strict (unknown keys, float-to-int, scalar coercions, nulls
 * for primitives and trailing tokens all fail), a backstop behind the structure check.
 */
public final class ScenarioReader {
    private static final JsonMapper MAPPER = strictMapper();

    private ScenarioReader() {
    }

    /**
     * What reading produced.
     *
     * @param spec the bound scenario (values refused by the checks are null), or null if the file could not be read
     * @param sources where each path is in the file
     * @param problems every problem found so far, in file order
     */
    public record Result(ScenarioSpec spec, SourceMap sources, List<Problem> problems) {
        /** @return true if there is an error */
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** @return a mapper that refuses everything a planner could mean differently */
    static JsonMapper strictMapper() {
        JsonMapper m = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    /**
     * Reads a scenario.
     *
     * @param fileName the file's name (its extension says YAML or JSON)
     * @param bytes its content
     */
    public static Result read(String fileName, byte[] bytes) {
        TreeReader.Format format = TreeReader.formatOf(fileName);
        if (format == null) {
            return new Result(null, new SourceMap(), List.of(Problem.error("", Location.UNKNOWN,
                    "a file named " + fileName, "a scenario file ending in .yaml, .yml or .json")));
        }
        TreeReader.Result tree = TreeReader.read(bytes, format);
        if (tree.tree() == null) {
            return new Result(null, tree.sources(), tree.problems());
        }
        Bound<ScenarioSpec> bound = bind(tree.tree(), tree.sources(), ScenarioSpec.class, "a scenario");
        List<Problem> problems = new ArrayList<>(tree.problems());
        problems.addAll(bound.problems());
        return new Result(bound.spec(), tree.sources(), sorted(problems));
    }

    /** A tree checked against a spec record and bound to it (null if it could not be), with the problems found. */
    record Bound<T>(T spec, List<Problem> problems) {
    }

    /**
     * Checks a tree against the shape of a spec record (every problem at once) and binds what passes.
     *
     * @param what what the file should be, for messages (e.g. "a scenario")
     */
    static <T extends Record> Bound<T> bind(JsonNode tree, SourceMap sources, Class<T> type, String what) {
        StructureChecker.Result checked = StructureChecker.check(tree, Shape.of(type), sources);
        List<Problem> problems = new ArrayList<>(checked.problems());
        if (!tree.isObject()) {
            return new Bound<>(null, problems); // nothing to cross-check
        }
        try {
            return new Bound<>(MAPPER.treeToValue(checked.pruned(), type), problems);
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            problems.add(Problem.error(path, sources.at(path), "a value bedsim could not bind ("
                    + e.getOriginalMessage() + ")", "a value of the documented type"));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(Problem.error("", Location.UNKNOWN, "a file bedsim could not bind (" + e.getMessage()
                    + ")", what));
        }
        return new Bound<>(null, problems);
    }

    private static String pathOf(JsonMappingException e) {
        String path = "";
        for (JsonMappingException.Reference r : e.getPath()) {
            path = r.getFieldName() != null ? Paths.key(path, r.getFieldName()) : Paths.index(path, r.getIndex());
        }
        return path;
    }

    /** @return problems in file order (by line, column), errors before warnings at the same place */
    static List<Problem> sorted(List<Problem> problems) {
        List<Problem> out = new ArrayList<>(problems);
        out.sort(java.util.Comparator.comparingInt((Problem p) -> p.at().known() ? p.at().line() : Integer.MAX_VALUE)
                .thenComparingInt(p -> p.at().column())
                .thenComparing(Problem::severity));
        return List.copyOf(out);
    }
}
