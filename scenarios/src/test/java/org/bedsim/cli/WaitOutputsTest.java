package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overall mean wait (zero waits included) and the mean number waiting stand beside the mean wait of those who
 * waited in every output of {@code run}: summary.json, settings.csv, the terminal table and report.html. On an M/M/10
 * ward at 85 % load about half the patients wait, so the two means differ by about that share.
 */
class WaitOutputsTest {
    static final Path WARD = Path.of("src/test/resources/outputs/wait-ward-10.yaml");

    @TempDir
    Path tmp;

    /** @return settings.csv as kpi -> row, for the setting {@code ward} */
    private static Map<String, String[]> kpis(Path csv) throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            if (f[0].equals("ward")) {
                out.put(f[1], f);
            }
        }
        return out;
    }

    @Test
    void waitWard_reportsMeanWaitOfAllAndMeanQueue_besideTheWaitOfThoseWhoWaited() throws IOException {
        Cli r = Cli.run("run", WARD.toString(), "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, String[]> k = kpis(tmp.resolve("settings.csv"));
        double all = Double.parseDouble(k.get("mean_wait_all_days")[3]);
        double waited = Double.parseDouble(k.get("mean_wait_days")[3]);
        double queue = Double.parseDouble(k.get("mean_queue_length")[3]);
        assertEquals("days", k.get("mean_wait_all_days")[2]);
        assertEquals("patients", k.get("mean_queue_length")[2]);
        // the mean of all is the mean of those who waited times the share who waited (about a half here)
        double shareWaited = Double.parseDouble(k.get("wait_count")[3])
                / Double.parseDouble(k.get("waits_admitted")[3]);
        assertTrue(shareWaited > 0.3 && shareWaited < 0.7, "share who waited " + shareWaited);
        assertEquals(waited * shareWaited, all, 0.05 * all);
        // Little's law: mean queue = arrivals a day x mean wait of all
        assertEquals(8.5 * all, queue, 0.05 * queue);

        JsonNode ward = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile()).get("settings").get(0);
        assertEquals(all, ward.get("kpis").get("mean_wait_all_days").get("mean").asDouble(), 1e-9 + 1e-6 * all);
        assertEquals(queue, ward.get("kpis").get("mean_queue_length").get("mean").asDouble(), 1e-6 * queue);

        assertTrue(r.out().contains("wait of all, h") && r.out().contains("wait of those waiting, h")
                && r.out().contains("mean waiting"), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "%.1f +/-", 24 * all)), r.out());
        String report = Files.readString(tmp.resolve("report.html"));
        assertTrue(report.contains("mean_wait_all_days") && report.contains("mean_queue_length")
                && report.contains("zero waits included"), "the report's waits table and its explanation");
        assertTrue(report.contains("at midnight at the end of day D"), "the report says what a dated count is");
    }
}
