package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.PROBABILITIES;
import static org.bedsim.dist.DistTesting.assertMessage;
import static org.bedsim.dist.DistTesting.rng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class FixedTest {

    @Test
    void momentsCdfQuantile_constant_areDegenerate() {
        Fixed f = Fixed.of(3);
        assertEquals(3, f.mean());
        assertEquals(0, f.variance());
        assertEquals(0, f.sd());
        assertEquals(0, f.cdf(2.999));
        assertEquals(1, f.cdf(3));
        for (double p : PROBABILITIES) {
            assertEquals(3, f.quantile(p));
        }
        assertEquals(3, f.quantile(0));
        assertEquals(3, f.quantile(1));
    }

    @Test
    void sampler_anyStream_returnsValueWithoutConsumingRandomness() {
        UniformRandomProvider used = rng(71L);
        Sampler sampler = Fixed.of(2.5).sampler(used);
        for (int i = 0; i < 100; i++) {
            assertEquals(2.5, sampler.sample());
        }
        assertEquals(rng(71L).nextLong(), used.nextLong(), "the stream must be untouched");
    }

    @Test
    void of_badValue_throwsNamingValue() {
        assertEquals("fixed value must be >= 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> Fixed.of(-1)).getMessage());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Fixed.of(Double.POSITIVE_INFINITY)),
                "fixed value", "was Infinity");
    }

    @Test
    void scaledAndCapped_constant_stayFixed() {
        assertEquals(Fixed.of(1.5), Fixed.of(3).scaled(0.5));
        assertEquals(Fixed.of(2), Fixed.of(3).capped(2));
        assertEquals(Fixed.of(3), Fixed.of(3).capped(10));
    }

    @Test
    void describeEqualsHashCode_sameValue_agree() {
        assertEquals("fixed(3)", Fixed.of(3).describe());
        assertEquals("fixed(0)", Fixed.of(-0.0).toString());
        assertEquals(Fixed.of(0), Fixed.of(-0.0));
        assertEquals(Fixed.of(3).hashCode(), Fixed.of(3).hashCode());
    }
}
