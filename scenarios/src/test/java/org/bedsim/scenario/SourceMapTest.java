package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The source map keeps list items in arrays per list (a million numbers cost bytes each, not map entries): every
 * item's location and text as written are still found, items and keys alike, and a path not in the file points at its
 * nearest parent.
 */
class SourceMapTest {
    @Test
    void listItems_locationsAndTextsAsWritten() {
        String yaml = "a:\n  xs: [1.0, 070, 2.50, 3]\n  ys:\n    - {v: 1}\n    - text\n  'k[1]': 4\n";
        TreeReader.Result r = TreeReader.read(yaml.getBytes(StandardCharsets.UTF_8), TreeReader.Format.YAML);
        SourceMap m = r.sources();
        assertEquals(new Location(2, 8), m.at("a.xs[0]"));
        assertEquals("1.0", m.text("a.xs[0]"));
        assertEquals("070", m.text("a.xs[1]"));
        assertTrue(m.refused("a.xs[1]"));
        assertEquals(new Location(2, 18), m.at("a.xs[2]"));
        assertEquals("2.50", m.text("a.xs[2]"));
        assertEquals("3", m.text("a.xs[3]"));
        assertTrue(m.has("a.xs[3]"));
        assertFalse(m.has("a.xs[4]"));
        assertEquals(m.at("a.xs"), m.at("a.xs[4]"), "a missing item points at its list");
        assertEquals(new Location(4, 7), m.at("a.ys[0]"));
        assertNull(m.text("a.ys[0]"), "a mapping has no text");
        assertEquals(new Location(4, 11), m.at("a.ys[0].v"));
        assertEquals("text", m.text("a.ys[1]"));
        assertTrue(m.hasUnder("a.xs"));
        assertTrue(m.hasUnder("a"));
        assertFalse(m.hasUnder("a.xs[0]"));
        assertEquals(new Location(6, 11), m.at("a[\"k[1]\"]"));
    }
}
