package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitationsTest {
    @Test
    void citedBy_includesBridgeSteps_byTheirIds() {
        LoadedScenario s = ScenarioLoader.load(Path.of("src/test/resources/good/bridge.yaml"), null, null);
        Map<String, List<String>> cited = Citations.of(s.spec());
        List<String> byFigures = cited.get("test-figures");
        assertTrue(byFigures.contains("bridge.steps.growth"), byFigures.toString());
        assertTrue(byFigures.contains("bridge.steps.avoid"), byFigures.toString());
        assertTrue(byFigures.stream().anyMatch(p -> p.startsWith("settings.")), "settings still cite it");
    }
}
