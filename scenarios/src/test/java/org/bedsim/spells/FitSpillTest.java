package org.bedsim.spells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bedsim.model.FlowModel;
import org.bedsim.random.RandomStreams;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate ids and readmission links found with a buffer so small that the rows are sorted in many runs spilled to
 * disk (and merged in more than one level) give exactly what the in-memory path gives: the same scenario and report,
 * byte for byte, and the same problems on the same lines; the temporary files are gone afterwards, also after a
 * failure.
 */
class FitSpillTest {
    /** small enough for hundreds of runs, so runs are merged into runs before the last merge */
    static final int TINY = 40;

    @TempDir
    static Path tmp;
    static Path spells;

    @BeforeAll
    static void generate() throws IOException {
        String truth = Files.readString(FitRecoveryTest.TRUTH);
        String marker = "    arrivals: {per_year: 5000, day_of_week: emergency-week, month: winter, source: volumes}\n";
        assertTrue(truth.contains(marker), "the truth's older cohort");
        Path scenario = tmp.resolve("hospital-readmissions.yaml");
        Files.writeString(scenario, truth.replace(marker, marker
                + "    readmission: {probability: 0.12, within_days: 30, cohort: emergency-older, source: routing}\n"));
        LoadedScenario s = ScenarioLoader.load(scenario, 1, 29L);
        assertTrue(!s.hasErrors(), s.errors().toString());
        SpellLogWriter w = new SpellLogWriter(s.settings(), tmp);
        SpellLogWriter.Part part = w.replication(0);
        new FlowModel(s.settings(), new RandomStreams(29).replication(0)).withStayListener(part).run();
        StringWriter log = new StringWriter();
        w.concatenate(List.of(part), log);
        // duplicates: some rows again further down (one of them twice), one after a refused row with its id
        List<String> lines = new ArrayList<>(List.of(log.toString().split("\n")));
        int n = lines.size();
        List<String> extra = new ArrayList<>();
        for (int i = 1; i < n; i += 97) {
            extra.add(lines.get(i));
        }
        extra.add(lines.get(5));
        String refused = lines.get(n - 1).replaceFirst(",(\\d{4})-(\\d\\d)-(\\d\\d)T", ",$1-13-$3T");
        assertTrue(!refused.equals(lines.get(n - 1)), refused);
        extra.add(refused); // refused for its date, so the last row with its id is not a duplicate
        lines.addAll(n / 2, extra);
        spells = tmp.resolve("spells.csv");
        Files.write(spells, lines, StandardCharsets.UTF_8);
    }

    @Test
    void tinyBuffer_spills_andFitsExactlyAsInMemory() throws IOException {
        Path memoryTemp = tmp.resolve("temp-memory");
        Path spillTemp = tmp.resolve("temp-spill");
        long before = RecordSort.runsWritten();
        SpellExtract inMemory = SpellExtract.read(spells, options(), 1 << 22, memoryTemp);
        assertEquals(before, RecordSort.runsWritten(), "a small extract does not touch the disk");
        assertTrue(!Files.exists(memoryTemp), "no temporary folder made");
        SpellExtract spilled = SpellExtract.read(spells, options(), TINY, spillTemp);
        long runs = RecordSort.runsWritten() - before;
        assertTrue(runs > 3 * RecordSort.FAN_IN, "runs spilled: " + runs);
        assertEmpty(spillTemp);

        long duplicates = count(inMemory, Problem.DUPLICATE_ID);
        assertTrue(duplicates > 50, "duplicates: " + duplicates);
        assertTrue(inMemory.readmissions().values().stream().mapToLong(SpellExtract.Readmissions::readmitted).sum()
                > 500, "readmissions: " + inMemory.readmissions());
        assertEquals(inMemory.problems(), spilled.problems());
        assertEquals(inMemory.refused(), spilled.refused());
        assertEquals(inMemory.readmissions(), spilled.readmissions());
        assertEquals(inMemory.rowsUsed(), spilled.rowsUsed());
        assertEquals(inMemory.sha256(), spilled.sha256());

        ScenarioFit a = ScenarioFit.of(inMemory);
        ScenarioFit b = ScenarioFit.of(spilled);
        assertEquals(ScenarioYaml.write(a, "fitted", Map.of(), Map.of()),
                ScenarioYaml.write(b, "fitted", Map.of(), Map.of()));
        assertEquals(html(a), html(b));
    }

    @Test
    void badCorpus_sameProblemsOnTheSameLines_withATinyBuffer() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/bad-spells"))) {
            s.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 19, "the corpus: " + files);
        for (Path f : files) {
            String memory = outcome(f, 1 << 22);
            assertEquals(memory, outcome(f, 2), f.toString());
        }
        assertEmpty(tmp.resolve("temp-bad"));
    }

    @Test
    void failureAfterSpilling_leavesNoTemporaryFiles() throws IOException {
        Path broken = tmp.resolve("broken.csv");
        byte[] good = Files.readAllBytes(spells);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 4);
        bytes[good.length] = 'x';
        bytes[good.length + 1] = (byte) 0xC3; // not UTF-8
        bytes[good.length + 2] = (byte) 0x28;
        bytes[good.length + 3] = '\n';
        Files.write(broken, bytes);
        Path temp = tmp.resolve("temp-failure");
        long before = RecordSort.runsWritten();
        SpellExtract.ExtractError e = assertThrows(SpellExtract.ExtractError.class,
                () -> SpellExtract.read(broken, options(), TINY, temp));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertTrue(RecordSort.runsWritten() - before > RecordSort.FAN_IN, "spilled before failing");
        assertEmpty(temp);
    }

    private static String outcome(Path f, int buffer) {
        try {
            SpellExtract x = SpellExtract.read(f, options(), buffer, tmp.resolve("temp-bad"));
            return x.rowsRead() + " " + x.rowsUsed() + " " + x.problems() + " " + x.refused() + " "
                    + x.readmissions();
        } catch (SpellExtract.ExtractError e) {
            return e.getMessage();
        }
    }

    private static long count(SpellExtract x, Problem p) {
        return x.problems().stream().filter(c -> c.problem() == p).mapToLong(SpellExtract.ProblemCount::count).sum();
    }

    private static String html(ScenarioFit f) throws IOException {
        Writer w = new StringWriter();
        FitReport.build(f, "fitted.yaml").write(w);
        return w.toString();
    }

    private static void assertEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.toList();
            assertTrue(left.isEmpty(), "temporary files left: " + left);
        }
    }

    private static SpellExtract.Options options() {
        return new SpellExtract.Options(null, null, null);
    }
}
