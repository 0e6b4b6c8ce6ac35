package org.bedsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

class WritersTest {
    private static String write(ResultsWriter w, FlowSummary s, RunManifest m) throws IOException {
        StringWriter out = new StringWriter();
        w.write(s, m, out);
        return out.toString();
    }

    @Test
    void summaryJson_everyKpiOfEverySetting_withMeanAndInterval() throws IOException {
        JsonNode j = new ObjectMapper().readTree(write(new SummaryJson(), Summaries.summary(3),
                Summaries.manifest(2)));
        assertEquals(2, j.get("settings").size());
        JsonNode ward = j.get("settings").get(0);
        assertEquals(Summaries.WARD, ward.get("setting").asText());
        assertEquals("acute", ward.get("kind").asText());
        assertEquals(SettingKpi.values().length, ward.get("kpis").size());
        for (SettingKpi k : SettingKpi.values()) {
            JsonNode v = ward.get("kpis").get(k.key());
            assertTrue(v.get("mean").isNumber(), k.key());
            assertEquals(2, v.get("ci95").size(), k.key());
            assertTrue(v.get("ci95").get(0).asDouble() <= v.get("mean").asDouble(), k.key());
        }
        // mean of 1, 2, 3 admissions (field 1 + replication) and its t interval, truncated at 0 (a count)
        assertEquals(2.0, ward.get("kpis").get("admissions").get("mean").asDouble());
        assertEquals(0.0, ward.get("kpis").get("admissions").get("ci95").get(0).asDouble());
        assertEquals(2 + 4.302652729911275 / Math.sqrt(3), ward.get("kpis").get("admissions").get("ci95").get(1)
                .asDouble(), 1e-9);
        assertEquals(26.25, ward.get("beds_required").get("mean_method").get("mean").asDouble(), 1e-12);
        assertEquals(28.0, ward.get("beds_required").get("percentile_method").get("mean").asDouble(), 1e-12);
        assertEquals("[{\"from_date\":\"2016-04-01\",\"beds\":10},{\"from_date\":\"2016-04-03\",\"beds\":12}]",
                ward.get("capacity").toString());
        assertEquals(101.0 + 1, j.get("settings").get(1).get("kpis").get("admissions").get("mean").asDouble());
    }

    @Test
    void summaryJson_manifestRunAndSystem() throws IOException {
        JsonNode j = new ObjectMapper().readTree(write(new SummaryJson(), Summaries.summary(3),
                Summaries.manifest(2)));
        JsonNode m = j.get("manifest");
        for (String key : List.of("bedsim_version", "scenario_name", "scenario_file", "scenario_sha256", "seed",
                "replications", "threads", "java_version", "started_at", "finished_at")) {
            assertTrue(m.has(key), key);
        }
        assertEquals("2024-01-01T00:00:01Z", m.get("finished_at").asText());
        assertEquals(2, m.get("threads").asInt());
        JsonNode run = j.get("run");
        assertEquals("2016-04-01", run.get("start_date").asText());
        assertEquals("2016-04-04", run.get("end_date").asText());
        assertEquals(10, run.get("warmup_days").asInt());
        assertEquals(0.9, run.get("occupancy_target").asDouble());
        JsonNode sys = j.get("system");
        assertEquals(1001.0, sys.get("arrivals").get("mean").asDouble());
        assertEquals(991.0, sys.get("to_sinks").get("home").get("mean").asDouble());
        // present at start 7 + arrivals 1000 - avoided 10 - refused 2 - cancelled 1 - to sinks 990 - at end 8 = -4
        assertEquals(4, sys.get("max_flow_imbalance").asInt());
    }

    @Test
    void summaryJson_oneReplication_intervalsAreNull_neverNaN() throws IOException {
        String text = write(new SummaryJson(), Summaries.summary(1), Summaries.manifest(1));
        assertFalse(text.contains("NaN"), text);
        JsonNode j = new ObjectMapper().readTree(text);
        assertTrue(j.get("settings").get(0).get("kpis").get("admissions").get("ci95").isNull());
        assertEquals(1.0, j.get("settings").get(0).get("kpis").get("admissions").get("mean").asDouble());
    }

    @Test
    void writers_sameInputsSameBytes_whateverTheDefaultLocale_unixLineEnds() throws IOException {
        Locale before = Locale.getDefault();
        try {
            for (ResultsWriter w : List.of(new SummaryJson(), new SettingsCsv(), new CensusCsv())) {
                Locale.setDefault(Locale.ROOT);
                String a = write(w, Summaries.summary(3), Summaries.manifest(2));
                Locale.setDefault(Locale.GERMANY);
                String b = write(w, Summaries.summary(3), Summaries.manifest(2));
                assertEquals(a, b, w.fileName());
                assertFalse(a.contains("\r"), w.fileName());
                assertTrue(a.endsWith("\n"), w.fileName());
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void summaryJson_onlyTheManifestDependsOnThreadsAndTimes() throws IOException {
        String one = write(new SummaryJson(), Summaries.summary(3), Summaries.manifest(1));
        String two = write(new SummaryJson(), Summaries.summary(3), Summaries.manifest(8));
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(one);
        JsonNode b = m.readTree(two);
        assertFalse(a.equals(b));
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("manifest");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("manifest");
        assertEquals(a, b);
    }

    @Test
    void settingsCsv_oneRowPerSettingAndKpi_quotedWhereNeeded() throws IOException {
        String csv = write(new SettingsCsv(), Summaries.summary(3), Summaries.manifest(1));
        List<String> lines = csv.lines().toList();
        assertEquals(SettingsCsv.HEADER, lines.get(0));
        assertEquals(1 + 2 * SettingKpi.values().length, lines.size());
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {1, 2, 3}, 0.95);
        assertEquals(2 - 4.302652729911275 / Math.sqrt(3), ci.low(), 1e-9);
        // the interval's low end, -0.48, is truncated at 0: a count is never negative
        assertEquals("\"ward, east\",admissions,patients,2,0," + ci.high() + ",3", lines.get(1));
        for (int i = 0; i < SettingKpi.values().length; i++) {
            SettingKpi k = SettingKpi.values()[i];
            assertTrue(lines.get(2 + SettingKpi.values().length + i - 1).startsWith("rehab," + k.key() + ","
                    + k.unit() + ","), lines.get(2 + SettingKpi.values().length + i - 1));
        }
        String one = write(new SettingsCsv(), Summaries.summary(1), Summaries.manifest(1));
        assertTrue(one.contains("\"ward, east\",admissions,patients,1,NA,NA,1\n"), one);
    }

    @Test
    void censusCsv_tidyLong_oneRowPerReplicationDayAndSetting() throws IOException {
        String csv = write(new CensusCsv(), Summaries.summary(2), Summaries.manifest(1));
        assertEquals(String.join("\n",
                CensusCsv.HEADER,
                "0,2016-04-01,\"ward, east\",9,1,0",
                "0,2016-04-01,rehab,4,0,0",
                "0,2016-04-02,\"ward, east\",10,2,3",
                "0,2016-04-02,rehab,5,0,0",
                "0,2016-04-03,\"ward, east\",11,0,1",
                "0,2016-04-03,rehab,3,1,0",
                "1,2016-04-01,\"ward, east\",10,1,0",
                "1,2016-04-01,rehab,4,0,0",
                "1,2016-04-02,\"ward, east\",10,2,3",
                "1,2016-04-02,rehab,5,0,0",
                "1,2016-04-03,\"ward, east\",11,0,1",
                "1,2016-04-03,rehab,3,1,0") + "\n", csv);
    }
}
