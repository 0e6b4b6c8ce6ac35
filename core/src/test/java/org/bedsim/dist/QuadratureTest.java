package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuadratureTest {

    @Test
    void rule_monomials_kronrodExactToDegree22AndGaussToDegree13() {
        for (int degree = 0; degree <= 22; degree++) {
            int d = degree;
            double exact = d % 2 == 1 ? 0 : 2.0 / (d + 1);
            double[] kg = Quadrature.rule(x -> Math.pow(x, d), -1, 1);
            assertEquals(exact, kg[0], 1e-15, "K15 on x^" + d);
            if (d <= 13) {
                assertEquals(exact, kg[1], 1e-15, "G7 on x^" + d);
            }
        }
        // Sanity check that the two rules differ where they should: G7 is not exact for x^14.
        assertTrue(Math.abs(Quadrature.rule(x -> Math.pow(x, 14), -1, 1)[1] - 2.0 / 15) > 1e-6);
    }

    @Test
    void integrate_smoothFunctions_reachTwelveDigits() {
        assertRelative(2, Quadrature.integrate(Math::sin, 0, Math.PI, 1e-12, 1000), 1e-13, "sin");
        assertRelative(Math.expm1(3), Quadrature.integrate(Math::exp, 0, 3, 1e-12, 1000), 1e-13, "exp");
        assertRelative(Math.PI / 4, Quadrature.integrate(x -> 1 / (1 + x * x), 0, 1, 1e-12, 1000), 1e-13,
                "arctan");
    }

    @Test
    void integrate_singularDerivativeAtEndpoint_converges() {
        assertRelative(2.0 / 3, Quadrature.integrate(Math::sqrt, 0, 1, 1e-12, 1000), 1e-12, "sqrt");
    }

    @Test
    void integrate_stepFunctionWithJumps_converges() {
        // Jumps refine only by halving the interval that holds them: the global (heap) strategy must still finish.
        assertRelative(3, Quadrature.integrate(Math::floor, 0, 3, 1e-12, 5000), 1e-12, "floor");
        assertRelative(0.7 * 1.3, Quadrature.integrate(x -> x < 0.7 ? 1.3 : 0, 0, 2, 1e-12, 5000), 1e-12, "step");
    }

    @Test
    void integrate_emptyInterval_isZero() {
        assertEquals(0, Quadrature.integrate(Math::exp, 2, 2, 1e-12, 10));
    }

    @Test
    void integrate_tooFewIntervals_throwsArithmeticException() {
        assertThrows(ArithmeticException.class,
                () -> Quadrature.integrate(x -> Math.floor(x * x), 0, 10, 1e-12, 4));
    }
}
