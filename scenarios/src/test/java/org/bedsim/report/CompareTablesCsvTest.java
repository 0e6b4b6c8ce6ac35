package org.bedsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.bedsim.compare.Comparisons;
import org.bedsim.compare.Target;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

class CompareTablesCsvTest {
    private static final Target FULL = new Target("Acute full, at most 5 % of days", List.of("acute"),
            SettingKpi.SHARE_OF_DAYS_FULL, true, 0.05);

    @Test
    void searches_bedSearch_answerTargetThereAndOneBedFewer() throws IOException {
        ComparisonRun.SearchResult found = new ComparisonRun.SearchResult("two-sites", "lri", FULL, 900, 1400,
                new Comparisons.Optimum("lri", 1276, new ConfidenceInterval(0.5, 0.25, 0.95, 10),
                        new ConfidenceInterval(0.625, 0.125, 0.95, 10), 14));
        ComparisonRun.SearchResult missed = new ComparisonRun.SearchResult("two-sites", "lgh", FULL, 10, 20, null);
        StringWriter w = new StringWriter();
        CompareTablesCsv.searches(List.of(found, missed), w);
        List<String> lines = w.toString().lines().toList();
        assertEquals(CompareTablesCsv.SEARCHES_HEADER, lines.get(0));
        assertEquals("beds,two-sites,lri,,\"Acute full, at most 5 % of days\",900,1400,1,true,1276,0.5,0.25,0.75,"
                + "1275,0.625,0.5,0.75,NA,NA,NA,NA,14", lines.get(1));
        assertEquals("beds,two-sites,lgh,,\"Acute full, at most 5 % of days\",10,20,1,false,NA,NA,NA,NA,NA,NA,NA,NA,"
                + "NA,NA,NA,NA,NA", lines.get(2));
        for (String line : lines) {
            assertEquals(CompareTablesCsv.SEARCHES_HEADER.split(",").length, line.replaceAll("\"[^\"]*\"", "x")
                    .split(",", -1).length, line);
        }
    }
}
