package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.bedsim.calibrate.Assessment;
import org.bedsim.calibrate.Basis;
import org.bedsim.calibrate.Calibrator;
import org.junit.jupiter.api.Test;

/**
 * The shipped bridges rest on what they say. Nothing here asserts a figure a scenario was tuned to: the solver must
 * meet each declared target within its tolerance (it could fail: a bound, a monotonicity or a model change), every
 * output is labelled by the weakest input it rests on (a bar with a solved input is calibrated, in the
 * reconstruction; in the prediction only the base year is), every published figure is cited publicly, and no
 * shipped scenario holds a number solved by hand: a source that speaks of calibration belongs to a declared
 * calibration, and the file's own value at a solved input is not the solved value.
 */
class ShippedBridgesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> BRIDGES = List.of("scenarios/llr-2016/acute-bridge.yaml",
            "scenarios/llr-2016/community-bridge.yaml", "scenarios/bct-2014/acute-bridge.yaml");

    /** Replications for the solver checks: any number meets its targets; three keep the suite fast. */
    private static final int REPLICATIONS = 3;

    private static HonestBridge honest(String file) throws IOException {
        return honest(file, null);
    }

    private static HonestBridge honest(String file, Integer replications) throws IOException {
        LoadedScenario s = ScenarioLoader.load(ROOT.resolve(file), replications, null);
        assertFalse(s.hasErrors(), () -> file + ": " + s.errors());
        return HonestBridge.of(s, Files.readAllBytes(ROOT.resolve(file)));
    }

    /** A shipped bridge at {@link #REPLICATIONS} with its reconstruction solved, once for the tests that need it. */
    private record Solved(HonestBridge bridge, Calibrator.Result reconstruction) {
    }

    private static final java.util.Map<String, Solved> SOLVED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Solved solved(String file) throws IOException {
        Solved s = SOLVED.get(file);
        if (s == null) {
            HonestBridge h = honest(file, REPLICATIONS);
            s = new Solved(h, h.solve(false, Runtime.getRuntime().availableProcessors()));
            SOLVED.put(file, s);
        }
        return s;
    }

    /** Solves a shipped bridge's calibrations and checks what could fail. */
    private static void solvesItsCalibrations(String file) throws IOException {
        HonestBridge h = solved(file).bridge();
        assertFalse(h.calibrations().isEmpty(), file + " declares its calibrations");
        Calibrator.Result r = solved(file).reconstruction();
        assertEquals(h.calibrations().size(), r.solved().size());
        for (Calibrator.Solved s : r.solved()) {
            String what = file + " " + s.calibration().id();
            assertTrue(s.met() && Math.abs(s.residual()) <= s.calibration().tolerance(),
                    () -> what + ": reached " + s.reached().mean() + " against " + s.calibration().target().beds());
            assertTrue(s.value() >= s.calibration().low() && s.value() <= s.calibration().high(), what);
            assertTrue(s.interval()[0] <= s.value() && s.value() <= s.interval()[1], what + " interval");
        }
        // the file's own number at a set path is the prediction's input, not a solved number typed in by hand (a
        // range may contain the solved value: it is the prediction's uncertainty, not a solution)
        for (Assessment.SolvedInput in : h.solvedInputs(r, false)) {
            if (in.predictionValue() != null && in.predictionValue()[0] == in.predictionValue()[1]) {
                double[] iv = in.solved().interval();
                double lo = in.predictionValue()[0];
                double hi = in.predictionValue()[1];
                assertFalse(lo >= iv[0] && hi <= iv[1], () -> file + " " + in.id() + ": the file holds "
                        + lo + ".." + hi + ", inside the solved interval " + iv[0] + ".." + iv[1]);
            }
        }
    }

    @Test
    void llrAcuteBridge_solvesItsCalibrations() throws IOException {
        solvesItsCalibrations(BRIDGES.get(0));
    }

    @Test
    void llrCommunityBridge_solvesItsCalibrations() throws IOException {
        solvesItsCalibrations(BRIDGES.get(1));
    }

    @Test
    void bctAcuteBridge_solvesItsCalibrations() throws IOException {
        solvesItsCalibrations(BRIDGES.get(2));
    }

    @Test
    void prediction_startsFromTheReconstruction_keepingEachBaseYearValueThatStillMeetsItsTarget()
            throws IOException {
        // the community bridge's non-base calibrations all lie in bridge steps, which the base year does not run:
        // the prediction's base-year outputs are the reconstruction's, so each start is kept, one evaluation each
        // and the slope's two probes
        HonestBridge community = solved(BRIDGES.get(1)).bridge();
        Calibrator.Result rec = solved(BRIDGES.get(1)).reconstruction();
        Calibrator.Result warm = community.solve(true, 2, rec);
        Calibrator.Result cold = community.solve(true, 2);
        assertTrue(warm.allMet() && cold.allMet());
        assertEquals(3 * warm.solved().size(), warm.evaluations(), "one start and two slope probes each");
        assertTrue(warm.evaluations() < cold.evaluations(), warm.evaluations() + " against " + cold.evaluations());
        for (Calibrator.Solved s : warm.solved()) {
            assertEquals(value(rec, s.calibration().id()), s.value(), 0.0, s.calibration().id());
        }
        // the acute bridge's risk-stratified stay is a cohort input (the file's 4.9 days in the prediction): the
        // base volumes must move and are solved again, grid and all; the stroke ward's volume is kept
        HonestBridge acute = solved(BRIDGES.get(0)).bridge();
        Calibrator.Result acuteRec = solved(BRIDGES.get(0)).reconstruction();
        Calibrator.Result acuteWarm = acute.solve(true, 2, acuteRec);
        assertTrue(acuteWarm.allMet(), acuteWarm::toString);
        for (Calibrator.Solved s : acuteWarm.solved()) {
            assertTrue(Math.abs(s.residual()) <= s.calibration().tolerance(), s.calibration().id());
        }
        assertEquals(value(acuteRec, "general-stroke-volume"), value(acuteWarm, "general-stroke-volume"), 0.0);
        assertTrue(Math.abs(value(acuteRec, "base-volumes") - value(acuteWarm, "base-volumes")) > 0.1,
                "base-volumes solved again for the longer stay");
    }

    private static double value(Calibrator.Result r, String id) {
        return r.solved().stream().filter(s -> s.calibration().id().equals(id)).findFirst().orElseThrow().value();
    }

    @Test
    void labels_barWithASolvedInputIsCalibrated_otherBarsTakeTheirWeakestSource() throws IOException {
        HonestBridge h = honest(BRIDGES.get(0));
        Assessment.Labels rec = h.labels(false);
        assertEquals(Basis.CALIBRATED, rec.base());
        assertEquals(Basis.CALIBRATED, rec.bar("integrated-teams"), "its bar is a calibration target");
        assertEquals(Basis.CALIBRATED, rec.bar("los-upper-quartile"), "its cut is solved");
        assertEquals(Basis.PUBLISHED, rec.bar("demographic-growth"));
        assertEquals(Basis.ASSUMED, rec.bar("non-demographic-growth"));
        assertEquals(Basis.CALIBRATED, rec.finalBeds());
        Assessment.Labels pred = h.labels(true);
        assertEquals(Basis.CALIBRATED, pred.base(), "the prediction still calibrates the base year");
        assertEquals(Basis.PUBLISHED, pred.bar("integrated-teams"));
        assertEquals(Basis.ASSUMED, pred.bar("los-upper-quartile"), "the cut takes the file's assumed range");
        assertEquals(Basis.CALIBRATED, pred.finalBeds(), "the final beds rest on the calibrated base too");
        assertEquals(1940.0, h.published().get("base"));
        assertEquals(1697.0, h.published().get("final"));
        HonestBridge community = honest(BRIDGES.get(1));
        assertEquals(233.0, community.published().get("base"), "192 + 41: the parts cover the count");
        assertEquals(195.0, community.published().get("final"), "150 + 45");
        assertEquals(1386.0, honest(BRIDGES.get(2)).published().get("final"), "1,773 - 387");
    }

    @Test
    void shippedScenarios_holdNoUndeclaredSolvedNumber_andCitePublicly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT.resolve("scenarios"), 2)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/src/")
                    && !p.toString().contains("/schema/")).sorted().toList();
        }
        assertTrue(files.size() >= 9, "shipped scenarios found: " + files);
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            if (text.contains("004_") || text.toLowerCase(Locale.ROOT).contains("issue ")) {
                problems.add(f + ": cites an internal file name or an issue");
            }
            if (text.startsWith("# yaml-language-server: $schema=../schema/options")) {
                continue; // options files: sources checked with their base scenarios
            }
            LoadedScenario s = ScenarioLoader.load(f, null, null);
            if (s.spec() == null) {
                problems.add(f + ": " + s.errors());
                continue;
            }
            Set<String> declared = new java.util.HashSet<>();
            s.spec().calibrate().forEach(c -> declared.add(c.source()));
            s.spec().sources().forEach((id, src) -> {
                String words = ((src.assumed() == null ? "" : src.assumed()) + " " + (src.note() == null ? ""
                        : src.note())).toLowerCase(Locale.ROOT);
                // a source may speak of calibration when it is a declared calibration's own source or target, or
                // when it points the reader at one (the starting value of an input a declared calibration solves)
                boolean pointsAtDeclared = declared.stream().anyMatch(d -> words.contains(d.toLowerCase(Locale.ROOT)));
                if (words.contains("calibrat") && !declared.contains(id) && !pointsAtDeclared
                        && s.spec().calibrate().stream().noneMatch(c -> id.equals(c.target().source()))) {
                    problems.add(f + ": source '" + id + "' speaks of calibration, but no declared calibration "
                            + "names it");
                }
            });
            for (CalibrateSpec c : s.spec().calibrate()) {
                SourceSpec target = s.spec().sources().get(c.target().source());
                if (target == null || target.cite() == null) {
                    problems.add(f + ": calibration '" + c.id() + "' meets a target that cites no document");
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
