package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs that run: every {@code ./bedsim ...} command the README shows (in code blocks or inline code) names files
 * that exist and runs with exit code 0; a {@code > file} redirect must reproduce that file. Runs and bridges write
 * to a temporary directory instead of {@code out/}. {@code ./bedsim serve} commands are run by the web module's
 * {@code ReadmeServeTest} (the server is started, asked for its first page and stopped), {@code ./bedsim sweep}
 * commands by the sweep module's {@code ReadmeSweepTest}.
 */
class ReadmeCommandsTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path README = ROOT.resolve("README.md");
    private static final Pattern INLINE = Pattern.compile("`(\\./bedsim [^`]+)`");

    @TempDir
    Path tmp;

    private static String columns;

    /** The README's samples are printed at 80 columns, whatever the terminal that runs the tests. */
    @org.junit.jupiter.api.BeforeAll
    static void eightyColumns() {
        columns = System.getProperty("bedsim.columns");
        System.setProperty("bedsim.columns", "80");
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreColumns() {
        if (columns == null) {
            System.clearProperty("bedsim.columns");
        } else {
            System.setProperty("bedsim.columns", columns);
        }
    }

    static List<String> commands() throws IOException {
        Set<String> found = new LinkedHashSet<>();
        boolean inBlock = false;
        for (String line : Files.readAllLines(README)) {
            if (line.trim().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock && line.trim().startsWith("./bedsim")) {
                found.add(line.trim().replaceAll("\\s+#.*$", ""));
            }
            Matcher m = INLINE.matcher(line);
            while (m.find()) {
                found.add(m.group(1).trim());
            }
        }
        return new ArrayList<>(found);
    }

    /** README blocks that show a command's output, by the command and the block's first line. */
    private static final java.util.Map<String, String> SAMPLES = java.util.Map.of(
            "./bedsim validate scenarios/examples/single-hospital.yaml",
            "Pre-flight, from distribution means at the end of the horizon:",
            "./bedsim bridge scenarios/examples/bridge-example.yaml",
            "Bed bridge 2016/17 to 2020/21: beds in city + town");

    /** @return the README's code block whose first line starts with the given text */
    static List<String> block(String firstLine) throws IOException {
        List<String> lines = Files.readAllLines(README);
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).trim().startsWith("```") && lines.get(i + 1).startsWith(firstLine)) {
                List<String> out = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && !lines.get(j).trim().startsWith("```"); j++) {
                    out.add(lines.get(j));
                }
                return out;
            }
        }
        throw new AssertionError("the README has no sample starting " + firstLine);
    }

    @Test
    void readme_quickStart_namesTheReportFirst() throws IOException {
        String readme = Files.readString(README);
        String quickStart = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## Scenario files"));
        assertTrue(quickStart.contains("report.html"), "the quick start names report.html");
    }

    @Test
    void readme_showsTheQuickStartRunCommand() throws IOException {
        List<String> cmds = commands();
        assertTrue(cmds.contains("./bedsim run scenarios/examples/single-hospital.yaml"), cmds.toString());
        assertTrue(cmds.stream().anyMatch(c -> c.startsWith("./bedsim validate ")), cmds.toString());
        assertTrue(cmds.stream().anyMatch(c -> c.startsWith("./bedsim schema")), cmds.toString());
        assertTrue(cmds.contains("./bedsim bridge scenarios/examples/bridge-example.yaml"), cmds.toString());
        assertTrue(cmds.stream().anyMatch(c -> c.startsWith("./bedsim compare ")), cmds.toString());
    }

    @Test
    void everyReadmeCommand_namesExistingFiles_andRuns() throws IOException {
        int runs = 0;
        for (String command : commands()) {
            List<String> words = new ArrayList<>(List.of(command.split("\\s+")));
            words.remove(0); // ./bedsim
            String redirect = null;
            int gt = words.indexOf(">");
            if (gt >= 0) {
                redirect = words.get(gt + 1);
                words = new ArrayList<>(words.subList(0, gt));
            }
            if (!words.isEmpty() && words.get(0).equals("serve")) {
                continue; // a server runs until stopped: the web module's ReadmeServeTest starts, asks and stops it
            }
            if (!words.isEmpty() && words.get(0).equals("sweep")) {
                continue; // Spark is the sweep module's: its ReadmeSweepTest runs these
            }
            List<String> args = new ArrayList<>();
            boolean isRun = !words.isEmpty() && (words.get(0).equals("run") || words.get(0).equals("bridge")
                    || words.get(0).equals("compare") || words.get(0).equals("calibrate")
                    || words.get(0).equals("sensitivity") || words.get(0).equals("backtest"));
            boolean fit = !words.isEmpty() && words.get(0).equals("fit");
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (w.equals("--out") && !fit) {
                    i++; // replaced below: never write into the repository
                    continue;
                }
                if (w.startsWith("out/")) {
                    args.add(tmp.resolve(w).toString()); // files a README command writes under out/ go to tmp
                } else if (w.endsWith(".csv")) {
                    Path file = ROOT.resolve(w);
                    assertTrue(Files.isRegularFile(file), command + ": " + w + " does not exist");
                    args.add(file.toString());
                } else if (w.matches(".*\\.(ya?ml|json)$")) {
                    Path file = ROOT.resolve(w);
                    assertTrue(Files.isRegularFile(file), command + ": " + w + " does not exist");
                    args.add(file.toString());
                } else {
                    args.add(w);
                }
            }
            if (isRun) {
                args.add("--out");
                args.add(tmp.resolve("run" + runs).toString());
                args.add("--quiet");
                runs++;
            }
            Cli r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), command + "\n" + r.err());
            if (SAMPLES.containsKey(command)) {
                // the README's sample output is what the current code prints
                String printed = r.out();
                for (String line : block(SAMPLES.get(command))) {
                    assertTrue(printed.contains(line), command + ": the README shows\n" + line + "\nbut the command "
                            + "prints\n" + printed);
                }
            }
            if (redirect != null) {
                assertEquals(Files.readString(ROOT.resolve(redirect)), r.out(), command);
            }
        }
        assertTrue(runs >= 1, "the README runs a scenario");
    }
}
