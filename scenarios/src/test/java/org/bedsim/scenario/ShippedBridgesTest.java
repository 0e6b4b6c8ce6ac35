package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.bridge.Bridges;
import org.junit.jupiter.api.Test;

/**
 * The shipped bridges reproduce their published figures from modelled causes: base and target beds within 1 %, and
 * each bar the source states within 5 % (or 3 beds), with the replications and seed of the files themselves. The
 * scenarios calibrate some unknown inputs and say which; no bar is typed in (each comes from a change to the model's
 * inputs), so these tests would fail if the model, the calibration or the counting changed.
 */
class ShippedBridgesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static BridgeResult bridge(String file) {
        LoadedScenario s = ScenarioLoader.load(ROOT.resolve(file), null, null);
        BridgeDefinition def = BridgeCompiler.compile(s.spec(), s.settings(), s.replications(), s.seed());
        return Bridges.compute(def, Runtime.getRuntime().availableProcessors());
    }

    private static void assertWithin(String what, double published, double value, double relative) {
        assertTrue(Math.abs(value - published) <= Math.max(relative * Math.abs(published), 0),
                () -> what + ": " + value + " against the published " + published);
    }

    private static void assertBar(BridgeResult r, String id, double published) {
        BridgeResult.Bar bar = r.bars().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
        double value = bar.delta().mean();
        assertTrue(Math.abs(value - published) <= Math.max(0.05 * Math.abs(published), 3.0),
                () -> id + ": " + value + " beds against the published " + published);
    }

    private static void assertAddsUp(BridgeResult r) {
        double bars = r.bars().stream().mapToDouble(b -> b.delta().mean()).sum();
        double shapley = r.bars().stream().mapToDouble(b -> b.shapley().mean()).sum();
        assertEquals(r.totalChange(), bars, 1e-9);
        assertEquals(r.totalChange(), shapley, 1e-9);
    }

    @Test
    void llrAcuteBridge_1940To1697_withIntegratedTeamsAbout128() {
        BridgeResult r = bridge("scenarios/llr-2016/acute-bridge.yaml");
        assertWithin("2016/17 acute beds", 1940, r.base().mean(), 0.01);
        assertWithin("2020/21 acute beds", 1697, r.finalBeds().mean(), 0.01);
        assertBar(r, "integrated-teams", -128);
        assertAddsUp(r);
        // growth adds beds, every intervention removes them, and pooling three sites into two saves some
        Map<String, Double> bars = new java.util.HashMap<>();
        r.bars().forEach(b -> bars.put(b.id(), b.delta().mean()));
        assertTrue(bars.get("demographic-growth") > 0 && bars.get("non-demographic-growth") > 0);
        assertTrue(bars.get("los-upper-quartile") < 0 && bars.get("ambulatory-and-same-day") < 0);
        assertTrue(bars.get("three-sites-to-two") < 0);
        assertEquals(5, r.trajectory().size(), "2016/17 to 2020/21");
    }

    @Test
    void llrCommunityBridge_233To195_withTheFifteenStrokeBedsMoving() {
        BridgeResult r = bridge("scenarios/llr-2016/community-bridge.yaml");
        assertWithin("2016/17 community beds", 233, r.base().mean(), 0.01);
        assertWithin("2020/21 community beds", 195, r.finalBeds().mean(), 0.01);
        assertBar(r, "stroke-beds-from-general", 15);
        assertAddsUp(r);
    }

    @Test
    void bctAcuteBridge_1773WithNetReductionOf387_andItsStatedBars() {
        BridgeResult r = bridge("scenarios/bct-2014/acute-bridge.yaml");
        assertWithin("BCT base beds", 1773, r.base().mean(), 0.01);
        assertWithin("BCT net change", -387, r.totalChange(), 0.01);
        assertBar(r, "growth", 216);
        assertBar(r, "community-services", -141);
        assertBar(r, "non-acute-to-community", -250);
        assertBar(r, "shorter-stays-and-day-cases", -212);
        assertAddsUp(r);
    }
}
