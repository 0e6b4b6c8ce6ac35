package org.bedsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SettingPaletteTest {

    @Test
    void of_sameOrder_sameColours() {
        SettingPalette a = SettingPalette.of(List.of("lri", "glenfield", "general"));
        SettingPalette b = SettingPalette.of(List.of("lri", "glenfield", "general"));
        for (String s : a.names()) {
            assertEquals(a.colour(s), b.colour(s));
        }
        assertEquals(SettingPalette.of(List.of("x")).colour("x"), a.colour("lri"), "colour follows position");
    }

    @Test
    void of_fiftySettings_allColoursDistinct() {
        List<String> names = IntStream.range(0, 50).mapToObj(i -> "s" + i).toList();
        SettingPalette p = SettingPalette.of(names);
        Set<Color> colours = new HashSet<>();
        names.forEach(n -> colours.add(p.colour(n)));
        assertEquals(50, colours.size());
    }

    @Test
    void of_flowSettings_skipsSinksInConfigurationOrder() {
        SettingPalette p = SettingPalette.of(ChartFixtures.summary().settings());
        assertEquals(List.of("acute", "community"), p.names());
    }

    @Test
    void of_repeatedName_keepsFirstColour() {
        SettingPalette p = SettingPalette.of(List.of("a", "b", "a", "c"));
        assertEquals(List.of("a", "b", "c"), p.names());
        assertEquals(SettingPalette.of(List.of("a", "b", "c")).colour("c"), p.colour("c"));
    }

    @Test
    void colour_unlistedName_sameOnEveryCall() {
        SettingPalette p = SettingPalette.of(List.of("a"));
        assertEquals(p.colour("elsewhere"), SettingPalette.of(List.of("b", "c")).colour("elsewhere"));
        assertNotEquals(null, p.colour("elsewhere"));
    }
}
