package org.bedsim.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules read off the source text of every module: no unseeded or clock-seeded random generator anywhere, and the
 * layering of {@code shared/design/style.md} (arrows point down only).
 */
class SourceRulesTest {

    /** The repository root: this test runs with the core module as working directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final Map<String, Pattern> UNSEEDED = Map.of(
            "java.util.Random without a seed", Pattern.compile("new\\s+(java\\.util\\.)?Random\\s*\\(\\s*\\)"),
            "java.util.Random (use named streams)", Pattern.compile("new\\s+(java\\.util\\.)?Random\\s*\\("),
            "Math.random()", Pattern.compile("Math\\.random\\s*\\("),
            "ThreadLocalRandom", Pattern.compile("ThreadLocalRandom"),
            "SecureRandom / SplittableRandom", Pattern.compile("new\\s+(SecureRandom|SplittableRandom)\\s*\\("),
            "Commons RNG create() without a seed",
            Pattern.compile("RandomSource\\.[A-Z0-9_]+\\.create\\s*\\(\\s*\\)|RandomSource\\.create\\s*\\("),
            "Commons Math generator without a seed",
            Pattern.compile("new\\s+(Well\\w+|MersenneTwister|JDKRandomGenerator|ISAACRandom)\\s*\\(\\s*\\)"),
            "Commons Math distribution with its clock-seeded default generator",
            Pattern.compile("new\\s+[A-Z]\\w*Distribution\\s*\\((?!\\s*(\\(RandomGenerator\\)\\s*)?(null|rng|random)\\b)(?=\\s*[-\\w.(])"),
            "clock used as a seed",
            Pattern.compile("(?i)seed[^;]*(nanoTime|currentTimeMillis|Instant\\.now)|(nanoTime|currentTimeMillis|Instant\\.now)[^;]*seed"));

    /** Marks the one kind of unseeded randomness that is required: secrets such as a web session's tokens. */
    static final String SECRET_MARK = "// secret, not simulation randomness";

    @Test
    void sources_useNoUnseededOrClockSeededGenerator() {
        List<String> problems = new ArrayList<>();
        for (Path file : javaFiles(ROOT)) {
            if (file.endsWith("SourceRulesTest.java")) {
                continue;
            }
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.trim().startsWith("*") || line.trim().startsWith("//")) {
                    continue;
                }
                if (line.contains(SECRET_MARK)) {
                    continue; // a secret (a session token), declared as such: not a source of simulated randomness
                }
                for (Map.Entry<String, Pattern> rule : UNSEEDED.entrySet()) {
                    if (rule.getValue().matcher(line).find()) {
                        problems.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + rule.getKey() + ": " + line.trim());
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "random generators must come from named, seeded streams:\n"
                + String.join("\n", problems));
    }

    @Test
    void sourceRules_detectForbiddenPatterns() {
        // the rules themselves must fire on what they forbid, or the test above proves nothing
        List<String> bad = List.of(
                "Random r = new Random();",
                "double u = Math.random();",
                "var g = RandomSource.XO_RO_SHI_RO_128_PP.create();",
                "var d = new NormalDistribution(0, 1);",
                "long seed = System.nanoTime();",
                "var w = new Well19937c();");
        for (String line : bad) {
            assertTrue(UNSEEDED.values().stream().anyMatch(p -> p.matcher(line).find()), "not caught: " + line);
        }
        List<String> good = List.of(
                "var d = new TDistribution((RandomGenerator) null, n - 1);",
                "var g = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);",
                "long start = System.nanoTime(); // progress bar",
                "var l = new LogNormalDistribution(null, 1, 2);");
        for (String line : good) {
            assertTrue(UNSEEDED.values().stream().noneMatch(p -> p.matcher(line).find()), "false alarm: " + line);
        }
    }

    /** Core never sees file formats, charts or the command line. */
    @Test
    void core_importsNoFormatChartOrCliLibrary() {
        assertNoImports(ROOT.resolve("core/src/main/java"), List.of("com.fasterxml", "org.jfree", "picocli",
                "org.yaml", "org.bedsim.scenario", "org.bedsim.report", "org.bedsim.cli"));
    }

    /** Engine layers below the model never depend on it. */
    @Test
    void kernelRandomDistStats_doNotDependOnUpperLayers() {
        List<String> upper = List.of("org.bedsim.model", "org.bedsim.bridge", "org.bedsim.compare",
                "org.bedsim.experiment");
        for (String pkg : List.of("kernel", "random", "dist", "stats")) {
            assertNoImports(ROOT.resolve("core/src/main/java/org/bedsim/" + pkg), upper);
        }
        assertNoImports(ROOT.resolve("core/src/main/java/org/bedsim/kernel"),
                List.of("org.bedsim.random", "org.bedsim.dist", "org.bedsim.stats"));
        assertNoImports(ROOT.resolve("core/src/main/java/org/bedsim/model"),
                List.of("org.bedsim.bridge", "org.bedsim.compare"));
    }

    private static void assertNoImports(Path dir, List<String> forbidden) {
        List<String> problems = new ArrayList<>();
        for (Path file : javaFiles(dir)) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("import ")) {
                    for (String prefix : forbidden) {
                        if (line.matches("import\\s+(static\\s+)?" + Pattern.quote(prefix) + "\\b.*")) {
                            problems.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "layering: arrows must point down only:\n" + String.join("\n", problems));
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
