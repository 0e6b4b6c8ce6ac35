package org.bedsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * bedsim never seeds from the clock. Commons Math 3 distributions create a clock-seeded generator unless given
 * one explicitly, so every distribution constructed in this package must receive {@code (RandomGenerator) null}.
 */
class NoClockSeededRandomnessTest {
    private static final Path SOURCES = Path.of("src/main/java/org/bedsim/stats");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "new\\s+(java\\.util\\.)?Random\\s*\\(|Math\\.random\\s*\\(|ThreadLocalRandom|SecureRandom"
                    + "|System\\.(nanoTime|currentTimeMillis)\\s*\\(");
    private static final Pattern MATH3_DISTRIBUTION = Pattern.compile("new\\s+(\\w+Distribution)\\s*\\(([^;]*)");

    @Test
    void statsSources_scanned_noClockSeededGeneratorsAndExplicitNullGenerators() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(files.isEmpty(), "no sources found under " + SOURCES.toAbsolutePath());
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String code = stripComments(Files.readString(file, StandardCharsets.UTF_8));
            Matcher forbidden = FORBIDDEN.matcher(code);
            while (forbidden.find()) {
                problems.add(file.getFileName() + ": " + forbidden.group());
            }
            Matcher distribution = MATH3_DISTRIBUTION.matcher(code);
            while (distribution.find()) {
                if (!distribution.group(2).trim().startsWith("(RandomGenerator) null")) {
                    problems.add(file.getFileName() + ": " + distribution.group(1)
                            + " without an explicit (RandomGenerator) null");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String stripComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
