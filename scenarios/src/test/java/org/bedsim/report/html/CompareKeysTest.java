package org.bedsim.report.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bedsim.model.SettingKpi;
import org.junit.jupiter.api.Test;

/**
 * The compare report's key measures say what they count: occupancy and beds required in beds (never a bare "mean
 * occupancy", which could be read as a share), shares as shares, waits and stays in days, people as patients.
 */
class CompareKeysTest {
    @Test
    void everyKeyLabel_namesItsUnit() {
        for (CompareKeys.Key k : CompareKeys.KEYS) {
            String unit;
            if (k.kpi().startsWith("demand_beds_required") || k.kpi().equals("composite_stay_days")) {
                unit = k.kpi().startsWith("demand") ? "beds" : "days";
            } else {
                unit = SettingKpi.byKey(k.kpi()).unit();
            }
            String word = switch (unit) {
                case "beds" -> "beds";
                case "bed-days" -> "bed-days";
                case "share" -> "share";
                case "days" -> "days";
                default -> unit.equals("patients") ? (k.label().contains("number") ? "number" : "patients") : unit;
            };
            assertTrue(k.label().contains(word), k.kpi() + " (" + unit + "): '" + k.label() + "' should say " + word);
        }
    }
}
