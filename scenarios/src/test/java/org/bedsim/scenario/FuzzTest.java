package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.bedsim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutational fuzzer over the shipped scenario and options files: each round mutates one file (a number
 * replaced by an extreme or a YAML 1.1 form, a line deleted, doubled, swapped or re-indented, a value replaced by
 * null or an empty list or mapping, a name changed, the file cut short, a stray or invalid byte inserted; one to
 * three mutations at once) and loads it as {@code bedsim validate} does, bridge plan included. Every outcome must be
 * an acceptance or a clean rejection: errors that are located (a path or a line) and speak no Java, never another
 * exception. Runs for {@code -Dbedsim.fuzzSeconds} seconds (default 20) from {@code -Dbedsim.fuzzSeed} (default a
 * fixed seed), so a failure is reproduced by its seed and round, printed with the mutated file.
 */
class FuzzTest {
    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,] ?)-?[0-9][0-9.eE+-]*(?=\\s*[,\\]}\\n#])");
    private static final Pattern NAME_VALUE = Pattern.compile("(?<=(name|to|entry|setting|cohort|into|option|"
            + "redirect_to|source|target|based_on): )[a-z0-9-]+");
    private static final String[] NUMBERS = {"0", "-1", "1", "2", "1e308", "-1e308", "1.7976931348623157e308",
        "4.9e-324", "1e-320", "36501", "3651", "100000001", "2147483648", "9223372036854775808", ".nan", ".inf",
        "-.inf", "070", "0x1F", "0o17", "0b101", "3_8", "1:30", "0.5", "1e400", "1.0", "2016", "99999999999",
        "0.000000001", "1.000000001"};
    private static final String[] VALUES = {"null", "[]", "{}", "''", "~", "[1, 2]", "{a: 1}", "true", "x",
        "2016-02-30", "UPPER", "-", "[[[]]]", "\"\\u0000\"", "&a 1", "*a", "!!str 1"};

    @Test
    void mutatedShippedFiles_acceptedOrCleanlyRejected_neverAnotherException() throws IOException {
        long seed = Long.getLong("bedsim.fuzzSeed", 20_261_202L);
        long millis = 1000L * Long.getLong("bedsim.fuzzSeconds", 20L);
        List<Path> files = ShippedScenariosTest.allShippedFiles();
        assertFalse(files.isEmpty());
        List<byte[]> contents = new ArrayList<>();
        List<Boolean> options = new ArrayList<>();
        for (Path f : files) {
            contents.add(Files.readAllBytes(f));
            options.add(OptionsLoader.isOptionsFile(f));
        }
        UniformRandomProvider random = new RandomStreams(seed).stream("fuzz/mutations", 0);
        long end = System.nanoTime() + millis * 1_000_000;
        int rounds = 0;
        int accepted = 0;
        int rejected = 0;
        int optionRounds = 0;
        while (System.nanoTime() < end) {
            int k = random.nextInt(files.size());
            byte[] mutated = contents.get(k);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutated = mutate(mutated, random);
            }
            String name = files.get(k).toString();
            boolean ok;
            try {
                ok = options.get(k) ? checkOptions(name, mutated) : checkScenario(name, mutated);
            } catch (RuntimeException | StackOverflowError e) {
                fail("seed " + seed + ", round " + rounds + ", " + name + ": " + e + "\n--- mutated file:\n"
                        + new String(mutated, StandardCharsets.UTF_8), e);
                return;
            }
            rounds++;
            optionRounds += options.get(k) ? 1 : 0;
            if (ok) {
                accepted++;
            } else {
                rejected++;
            }
        }
        System.out.printf("fuzz: seed %d, %d s: %d mutated files (%d options files): %d accepted, %d rejected "
                + "cleanly, 0 other outcomes%n", seed, millis / 1000, rounds, optionRounds, accepted, rejected);
        assertTrue(rounds >= 20, "only " + rounds + " rounds");
        assertTrue(rejected > 0 && accepted > 0, "accepted " + accepted + ", rejected " + rejected);
    }

    /** @return true if accepted */
    private static boolean checkScenario(String name, byte[] bytes) {
        LoadedScenario s = ScenarioLoader.load(name, bytes, null, null);
        List<Problem> problems = new ArrayList<>(s.problems());
        if (!s.hasErrors() && s.spec().bridge() != null) {
            problems.addAll(BridgePlan.check(s).problems());
        }
        clean(name, bytes, problems);
        return problems.stream().noneMatch(Problem::isError);
    }

    private static boolean checkOptions(String name, byte[] bytes) {
        LoadedOptions o = OptionsLoader.load(name, bytes, null, null);
        clean(name, bytes, o.problems().stream().map(LoadedOptions.FileProblem::problem).toList());
        return !o.hasErrors();
    }

    private static void clean(String name, byte[] bytes, List<Problem> problems) {
        for (Problem p : problems) {
            String m = p.located();
            if (p.isError() && p.path().isEmpty() && !p.at().known()) {
                fail("an error neither at a path nor at a line: " + m + " in " + name + "\n--- mutated file:\n"
                        + new String(bytes, StandardCharsets.UTF_8));
            }
            if (m.matches("(?s).*(java\\.|org\\.|com\\.fasterxml|Exception|Event\\(|JsonToken|NaN|Infinity).*")) {
                fail("a message with internals: " + m + " in " + name + "\n--- mutated file:\n"
                        + new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    static byte[] mutate(byte[] bytes, UniformRandomProvider r) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int n = lines.size();
        switch (r.nextInt(11)) {
            case 0, 1 -> { // a number replaced
                return replaceOne(text, NUMBER, NUMBERS[r.nextInt(NUMBERS.length)], r);
            }
            case 2 -> { // a name replaced by another word
                String[] words = {"home", "nope", "acute", "a", "ward", "x-y", "Z", "test-figures", "base"};
                return replaceOne(text, NAME_VALUE, words[r.nextInt(words.length)], r);
            }
            case 3 -> lines.remove(r.nextInt(n));
            case 4 -> {
                int i = r.nextInt(n);
                lines.add(i, lines.get(i));
            }
            case 5 -> {
                int i = r.nextInt(n);
                int j = r.nextInt(n);
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case 6 -> { // re-indented
                int i = r.nextInt(n);
                lines.set(i, r.nextBoolean() ? "  " + lines.get(i) : lines.get(i).replaceFirst("^  ", ""));
            }
            case 7 -> { // a value replaced
                int i = r.nextInt(n);
                int colon = lines.get(i).indexOf(": ");
                if (colon > 0) {
                    lines.set(i, lines.get(i).substring(0, colon + 2) + VALUES[r.nextInt(VALUES.length)]);
                }
            }
            case 8 -> { // cut short
                return Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
            }
            case 9 -> { // a stray byte, possibly not UTF-8
                byte[] out = new byte[bytes.length + 1];
                int at = r.nextInt(bytes.length + 1);
                System.arraycopy(bytes, 0, out, 0, at);
                byte[] strays = {(byte) 0xFF, (byte) 0xC3, 0, '\t', '{', '[', ':', '-', '"', '\'', '&', '*', '!', '#'};
                out[at] = strays[r.nextInt(strays.length)];
                System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
                return out;
            }
            default -> { // a key misspelt
                int i = r.nextInt(n);
                lines.set(i, lines.get(i).replaceFirst("([a-z_]+):", "$1x:"));
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] replaceOne(String text, Pattern p, String with, UniformRandomProvider r) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return (text.substring(0, s[0]) + with + text.substring(s[1])).getBytes(StandardCharsets.UTF_8);
    }
}
