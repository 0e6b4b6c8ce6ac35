package org.bedsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bedsim.cli.Main;
import org.bedsim.report.OutputDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs that run, for the README's section on sweeps: every {@code ./bedsim sweep} command it shows runs (on the tests'
 * embedded Spark session, writing to a temporary folder) and writes complete outputs; its annotated sweep file is a
 * valid sweep file and names every key of the format; the JVM options it gives for {@code spark-submit} are exactly
 * those the build writes to {@code target/jvm-options.txt} (the launchers' list).
 */
class ReadmeSweepTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path README = ROOT.resolve("README.md");
    private static final Pattern INLINE = Pattern.compile("`(\\./bedsim sweep [^`]+)`");

    @TempDir
    Path tmp;

    /** @return the README's {@code ./bedsim sweep} commands, in code blocks or inline code */
    static List<String> commands() throws IOException {
        Set<String> found = new LinkedHashSet<>();
        boolean inBlock = false;
        for (String line : Files.readAllLines(README)) {
            if (line.trim().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock && line.trim().startsWith("./bedsim sweep ")) {
                found.add(line.trim().replaceAll("\\s+#.*$", ""));
            }
            Matcher m = INLINE.matcher(line);
            while (m.find()) {
                found.add(m.group(1).trim());
            }
        }
        return new ArrayList<>(found);
    }

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
        throw new AssertionError("the README has no code block starting " + firstLine);
    }

    @Test
    void everyReadmeSweepCommand_runs_andWritesCompleteOutputs() throws IOException {
        TestSpark.session();
        List<String> commands = commands();
        assertTrue(commands.contains("./bedsim sweep sweeps/single-hospital.yaml"), commands.toString());
        int n = 0;
        for (String command : commands) {
            List<String> words = new ArrayList<>(List.of(command.split("\\s+")));
            words.remove(0); // ./bedsim
            List<String> args = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (w.equals("--out")) {
                    i++; // replaced below: never write into the repository
                } else if (w.matches(".*\\.(ya?ml|json)$")) {
                    Path file = ROOT.resolve(w);
                    assertTrue(Files.isRegularFile(file), command + ": " + w + " does not exist");
                    args.add(file.toString());
                } else {
                    args.add(w);
                }
            }
            Path out = tmp.resolve("sweep" + n++);
            args.addAll(List.of("--out", out.toString(), "--quiet"));
            StringWriter err = new StringWriter();
            int code = Main.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true), new SweepCommand());
            assertEquals(0, code, command + "\n" + err);
            assertEquals(List.of(), OutputDirectory.verify(out), command + ": complete outputs");
        }
    }

    @Test
    void readmeSweepFile_isValid_andNamesEveryKey() throws IOException {
        List<String> yaml = block("name: example-sweep");
        String text = String.join("\n", yaml).replace("../scenarios/examples/single-hospital.yaml",
                ROOT.resolve("scenarios/examples/single-hospital.yaml").toString());
        Path file = tmp.resolve("readme-sweep.yaml");
        Files.writeString(file, text);
        LoadedSweep sweep = SweepLoader.load(file);
        assertEquals(List.of(), sweep.problems(), "the README's sweep file is valid");
        assertEquals(4, sweep.variants().size(), "2 listed values x 2 draws");
        List<String> missing = new ArrayList<>();
        keys(SweepFileSpec.class, missing, yaml);
        assertEquals(List.of(), missing, "keys of the sweep file the README's example does not show");
    }

    /** Adds to {@code missing} every key of the record (and of the records it holds) no line of the block sets. */
    private static void keys(Class<?> type, List<String> missing, List<String> yaml) {
        for (RecordComponent c : type.getRecordComponents()) {
            String key = c.getName().equals("schema") ? "$schema"
                    : c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            boolean shown = key.equals("$schema") // JSON files only
                    || yaml.stream().anyMatch(l -> l.matches("\\s*(- )?(\\{)?" + Pattern.quote(key) + ":.*")
                            || l.contains("{" + key + ":") || l.contains(", " + key + ":"));
            if (!shown) {
                missing.add(type.getSimpleName() + "." + key);
            }
            Class<?> inner = c.getType() == List.class ? listType(c) : c.getType();
            if (inner != null && inner.isRecord()) {
                keys(inner, missing, yaml);
            }
        }
    }

    private static Class<?> listType(RecordComponent c) {
        if (c.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> k) {
            return k;
        }
        return null;
    }

    @Test
    void bothLaunchers_runSweep_onTheSweepJar_withTheBuildsJvmOptions() throws IOException {
        String bash = Files.readString(ROOT.resolve("bedsim"));
        assertTrue(bash.contains("sweep/target/bedsim-sweep.jar") && bash.contains("sweep/target/jvm-options.txt"),
                "./bedsim sweep");
        String cmd = Files.readString(ROOT.resolve("bedsim.cmd"));
        assertTrue(cmd.contains("if /i \"%~1\"==\"sweep\" goto sweep"), "bedsim.cmd sends sweep to its own branch");
        assertTrue(cmd.contains("sweep\\target\\bedsim-sweep.jar") && cmd.contains("sweep\\target\\jvm-options.txt")
                && cmd.contains("sweep\\target\\spark-classpath.txt"), cmd);
        // the Spark class path is too long for a Windows command line: the jar loads it (SweepMain), and java reads
        // the options as an argument file
        assertTrue(cmd.contains("\"%JAVA%\" @\"%JVM_OPTIONS%\" -jar \"%SWEEP_JAR%\" %*"), cmd);
        assertTrue(cmd.contains("-pl %1 -am package"), "built with Maven or the wrapper, like the web jar");
    }

    @Test
    void readmeSparkSubmitOptions_areTheBuildsJvmOptions() throws IOException {
        String options = Files.readString(Path.of("target/jvm-options.txt")).trim();
        assertTrue(options.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), options);
        List<String> block = block("-XX:+IgnoreUnrecognizedVMOptions");
        assertEquals(List.of(options.split(" ")), block, "the README lists target/jvm-options.txt, one per line");
        String submit = String.join("\n", block("spark-submit "));
        assertTrue(submit.contains("spark.driver.extraJavaOptions=$(cat sweep/target/jvm-options.txt)"), submit);
        assertTrue(submit.contains("spark.executor.extraJavaOptions=$(cat sweep/target/jvm-options.txt)"), submit);
        assertTrue(submit.contains("--class " + SweepMain.class.getName()), submit);
        assertFalse(submit.contains("--master local"), "the cluster example names a cluster");
    }
}
