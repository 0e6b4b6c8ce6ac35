package org.bedsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    void signedBeds_roundedWithSign_minusIsAsciiHyphen() {
        assertEquals("-128", Labels.signedBeds(-127.6));
        assertEquals("+45", Labels.signedBeds(45.2));
        assertEquals("0", Labels.signedBeds(-0.3));
        assertEquals("+1,200", Labels.signedBeds(1200));
    }

    @Test
    void beds_groupedThousands() {
        assertEquals("1,940", Labels.beds(1939.7));
        assertEquals("0", Labels.beds(-0.2));
    }

    @Test
    void financialYear_twoDigitEnd() {
        assertEquals("2016/17", Labels.financialYear(2016));
        assertEquals("1999/00", Labels.financialYear(1999));
    }

    @Test
    void value_precisionBySizeAndSharesAsPercent() {
        assertEquals("1,234", Labels.value(1234.4, "beds"));
        assertEquals("12.3", Labels.value(12.34, "days"));
        assertEquals("4.25 %", Labels.value(0.0425, "share"));
        assertEquals("n/a", Labels.value(Double.NaN, "beds"));
    }
}
