package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regression snapshot: {@code summary.json} of a small seeded scenario, without the manifest, numbers rounded to
 * six significant digits, must equal {@code src/test/resources/golden/small-summary.json}. It catches unintended
 * changes in the model or the writers; it proves nothing about correctness (the theory tests in core do). After an
 * intended change, review the difference and update with
 * {@code mvn -pl scenarios test -Dtest=GoldenSummaryTest -Dbedsim.updateGolden=true}.
 */
class GoldenSummaryTest {
    static final Path SCENARIO = Path.of("src/test/resources/golden/small.yaml");
    static final Path GOLDEN = Path.of("src/test/resources/golden/small-summary.json");

    @TempDir
    Path tmp;

    @Test
    void summaryOfTheGoldenScenario_matchesTheSnapshot() throws IOException {
        Cli r = Cli.run("run", SCENARIO.toString(), "--out", tmp.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        ObjectMapper m = new ObjectMapper();
        ObjectNode summary = (ObjectNode) m.readTree(tmp.resolve("summary.json").toFile());
        summary.remove("manifest");
        String actual = m.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance))
                .writeValueAsString(rounded(summary)) + "\n";
        if (Boolean.getBoolean("bedsim.updateGolden")) {
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual, "summary.json of " + SCENARIO + " changed; if intended, "
                + "review and rerun with -Dbedsim.updateGolden=true");
    }

    /** @return a copy with every number rounded to 6 significant digits */
    static JsonNode rounded(JsonNode n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n.isObject()) {
            ObjectNode o = f.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), rounded(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = f.arrayNode();
            n.forEach(x -> a.add(rounded(x)));
            return a;
        }
        if (n.isNumber()) {
            BigDecimal d = new BigDecimal(n.asText()).round(new MathContext(6)).stripTrailingZeros();
            return f.numberNode(d.scale() < 0 ? d.setScale(0) : d); // 60, not 6E+1
        }
        return n;
    }
}
