package org.bedsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The journal's record format keeps a whole replication's result exactly: written, read back and written again, the
 * bytes are the same (every field, every double's bits, every map's order). A result that gains a field of a kind the
 * format does not know fails here first (the journal would otherwise silently stop keeping results).
 */
class RecordCodecTest {
    private static byte[] bytes(FlowResult r) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        RecordCodec.write(new DataOutputStream(b), FlowResult.class, r);
        return b.toByteArray();
    }

    @Test
    void flowResult_roundTrip_exact() throws IOException {
        for (String example : new String[] {"examples/single-hospital.yaml", "examples/winter-acute.yaml"}) {
            LoadedScenario s = ScenarioLoader.load(Path.of(example), 2, null);
            FlowResult r = FlowExperiment.runOne(s.settings(), 7, 1);
            byte[] once = bytes(r);
            FlowResult back = (FlowResult) RecordCodec.read(new DataInputStream(new ByteArrayInputStream(once)),
                    FlowResult.class);
            assertArrayEquals(once, bytes(back), example);
            assertEquals(r.settings().get(0).meanOccupancy(), back.settings().get(0).meanOccupancy());
            assertEquals(r.toSinks(), back.toSinks());
        }
    }

    record Unsupported(java.util.Optional<String> x) {
    }

    @Test
    void unknownKind_refused() {
        assertThrows(IllegalArgumentException.class, () -> RecordCodec.write(new DataOutputStream(
                new ByteArrayOutputStream()), Unsupported.class, new Unsupported(java.util.Optional.empty())));
    }
}
