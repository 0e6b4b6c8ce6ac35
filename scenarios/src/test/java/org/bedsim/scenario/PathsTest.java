package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PathsTest {
    @Test
    void paths_plainKeysDotted_otherKeysQuoted_parentsWalkBack() {
        String p = Paths.key(Paths.key(Paths.index("cohorts", 2), "los"), "acute");
        assertEquals("cohorts[2].los.acute", p);
        assertEquals("cohorts[2].los.acute.mean", Paths.key(p, "mean"));
        assertEquals("los[\"a b\"]", Paths.key("los", "a b"));
        assertEquals("los[\"a\\\"b\"]", Paths.key("los", "a\"b"));
        assertEquals("cohorts[2].los", Paths.parent(p));
        assertEquals("cohorts[2]", Paths.parent("cohorts[2].los"));
        assertEquals("cohorts", Paths.parent("cohorts[2]"));
        assertEquals("los", Paths.parent("los[\"a.b\"]"));
        assertEquals("", Paths.parent("cohorts"));
        assertNull(Paths.parent(""));
        assertEquals("name", Paths.key("", "name"));
    }
}
