package org.bedsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/** A solution kept as numbers comes back with every bit, and numbers of another shape are refused. */
class SolvedNumbersTest {
    @Test
    void encodeThenDecode_everyFigureExactly() {
        List<SolvedNumbers.Figures> solved = List.of(
                new SolvedNumbers.Figures(0.1 + 0.2, new double[] {Math.PI / 7, Double.NaN},
                        new ConfidenceInterval(1940.0000000001, 2.4567, 0.95, 100), true, -123.456789e-3),
                new SolvedNumbers.Figures(1.8440113, new double[] {1.83, 1.86},
                        new ConfidenceInterval(-128.83, 0.8, 0.95, 100), false, Double.MIN_VALUE));
        double[] numbers = SolvedNumbers.encode(solved, 3, 57);
        SolvedNumbers.Decoded d = SolvedNumbers.decode(numbers, 2);
        assertEquals(3, d.sweeps());
        assertEquals(57, d.evaluations());
        for (int k = 0; k < 2; k++) {
            SolvedNumbers.Figures a = solved.get(k);
            SolvedNumbers.Figures b = d.solved().get(k);
            assertEquals(Double.doubleToLongBits(a.value()), Double.doubleToLongBits(b.value()));
            assertArrayEquals(a.interval(), b.interval());
            assertEquals(a.reached(), b.reached());
            assertEquals(a.met(), b.met());
            assertEquals(Double.doubleToLongBits(a.slope()), Double.doubleToLongBits(b.slope()));
        }
    }

    @Test
    void decode_otherShapes_null() {
        double[] numbers = SolvedNumbers.encode(List.of(), 1, 4);
        assertNull(SolvedNumbers.decode(numbers, 1), "a solution of no input is not one of one input");
        assertNull(SolvedNumbers.decode(null, 0));
        assertNull(SolvedNumbers.decode(new double[] {2, 0, 0}, 0), "the count must match");
    }
}
