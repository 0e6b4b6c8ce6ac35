package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that prints a table fits the terminal: with an 80-column terminal ({@code -Dbedsim.columns=80}, what
 * the launcher passes from the terminal), no line that validate, run, compare (with a calibrated base too), bridge
 * (beds and a share measure, with and without an assessment), calibrate (bridge inputs and quarterly), sensitivity,
 * fit and backtest print is wider.
 */
class TerminalWidthTest {
    private static final int WIDTH = 80;
    private static String before;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void narrow() {
        before = System.getProperty("bedsim.columns");
        System.setProperty("bedsim.columns", Integer.toString(WIDTH));
    }

    @AfterAll
    static void restore() {
        if (before == null) {
            System.clearProperty("bedsim.columns");
        } else {
            System.setProperty("bedsim.columns", before);
        }
    }

    /** @return the lines of the command's output wider than the terminal */
    private static List<String> tooWide(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
        assertTrue(!r.out().isBlank(), String.join(" ", args) + " printed nothing");
        List<String> wide = new ArrayList<>();
        for (String line : (r.out() + r.err()).split("\n")) {
            if (line.length() > WIDTH) {
                wide.add(args[0] + " (" + line.length() + "): " + line);
            }
        }
        return wide;
    }

    private static String out(String name) {
        return tmp.resolve(name).toString();
    }

    @Test
    void everyCommandThatPrintsATable_fitsEightyColumns() {
        List<String> wide = new ArrayList<>();
        wide.addAll(tooWide("validate", "examples/single-hospital.yaml"));
        wide.addAll(tooWide("run", "src/test/resources/outputs/wait-ward-10.yaml", "--out", out("run"), "--quiet"));
        wide.addAll(tooWide("compare", "src/test/resources/compare/pooling.yaml", "--replications", "3", "--out",
                out("compare"), "--quiet"));
        wide.addAll(tooWide("bridge", "src/test/resources/good/bridge.yaml", "--out", out("bridge"), "--quiet"));
        wide.addAll(tooWide("bridge", "src/test/resources/good/calibrated-bridge.yaml", "--out", out("assessed"),
                "--quiet"));
        wide.addAll(tooWide("bridge", "examples/winter-waits-bridge.yaml", "--replications", "3", "--out",
                out("share"), "--quiet"));
        wide.addAll(tooWide("calibrate", "src/test/resources/good/calibrated-bridge.yaml", "--out", out("cal"),
                "--quiet"));
        wide.addAll(tooWide("calibrate", "src/test/resources/quarterly/calibrated-wait.yaml", "--out",
                out("quarterly"), "--quiet"));
        wide.addAll(tooWide("run", "src/test/resources/quarterly/reablement-outcome.yaml", "--replications", "2",
                "--out", out("reablement"), "--quiet"));
        wide.addAll(tooWide("run", "src/test/resources/quarterly/calibrated-wait.yaml", "--replications", "2",
                "--out", out("calibrated-run"), "--quiet"));
        wide.addAll(tooWide("compare", "src/test/resources/quarterly/calibrated-wait-options.yaml",
                "--replications", "2", "--out", out("calibrated-compare"), "--quiet"));
        wide.addAll(tooWide("sensitivity", "src/test/resources/good/calibrated-bridge.yaml", "--out", out("sens"),
                "--quiet"));
        wide.addAll(tooWide("run", "examples/data/hospital.yaml", "--spells-out", "--replications", "2", "--out",
                out("truth"), "--quiet"));
        String spells = tmp.resolve("truth").resolve("spells.csv").toString();
        wide.addAll(tooWide("fit", spells, "--out", tmp.resolve("fit").resolve("h.yaml").toString(), "--name", "h"));
        wide.addAll(tooWide("backtest", tmp.resolve("fit").resolve("h.yaml").toString(), "--spells", spells,
                "--replications", "2", "--out", out("backtest"), "--quiet"));
        assertEquals(List.of(), wide, String.join("\n", wide));
    }
}
