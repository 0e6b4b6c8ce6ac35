package org.bedsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An option's changes in words, not JSON patches. */
class ChangeWordsTest {
    @Test
    void changes_readAsWords_withNumbersFormattedAndSourcesFolded() {
        assertEquals(List.of("setting lri: beds 1,040 -> 1,100", "setting lgh removed",
                "cohort lgh-emergency: admitted to lgh -> lri",
                "cohort lgh-emergency: stay in lri added: lognormal, mean 6, sd 8",
                "cohort frail: stay in acute: mean 10 -> 9 (x0.90)",
                "cohort frail: arrivals a year 8,000 -> 7,200 (x0.90)",
                "setting lri: capacity changes none -> 1,250 beds from 2016-10-01",
                "setting acute: when full wait -> escalate", "cohort y: stay in b removed"),
                ChangeWords.of(List.of("settings.lri.beds: 1040 -> 1100", "settings.lri.source: a -> b",
                        "settings.lgh: removed", "cohorts.lgh-emergency.entry: lgh -> lri",
                        "cohorts.lgh-emergency.los.lri: added {\"family\":\"lognormal\",\"mean\":6,\"sd\":8,"
                                + "\"source\":\"two-sites\"}",
                        "cohorts.frail.los.acute.mean: 10 -> 9",
                        "cohorts.frail.arrivals.per_year: 8000 -> 7200",
                        "settings.lri.capacity_changes: [] -> [{\"from\":\"2016-10-01\",\"beds\":1250,"
                                + "\"source\":\"late-wards\"}]",
                        "settings.acute.when_full: wait -> escalate", "cohorts.y.los.b: removed")));
        assertEquals("cohort z added: name z, type non elective, arrivals per year 1461, los c family ex...",
                ChangeWords.words("cohorts.z: added {\"name\":\"z\",\"type\":\"non_elective\",\"arrivals\":"
                        + "{\"per_year\":1461,\"source\":\"pooled\"},\"los\":{\"c\":{\"family\":\"ex..."));
    }
}
