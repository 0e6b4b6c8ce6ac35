package org.bedsim.dist;

import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss-Kronrod quadrature on a finite interval, used to cap distributions that have no closed-form
 * incomplete moments.
 *
 * <p>Implementation notes. Each interval is integrated with the 15-point Kronrod rule and the embedded 7-point Gauss
 * rule; {@code |K15 - G7|} is a (pessimistic) error estimate. Intervals sit in a max-heap keyed by that estimate and
 * the worst one is bisected until the summed estimate meets the tolerance, as in QUADPACK's QAG (Piessens et al.
 * 1983). Global rather than recursive refinement matters here: a cdf may have jumps (atoms), where the local error
 * only halves with each bisection and a recursive scheme that halves the tolerance too would never stop.
 * Nodes and weights are the standard QUADPACK {@code qk15} values.
 */
final class Quadrature {
    /** Kronrod abscissae on [-1, 1], descending; odd indices (and the centre) are the Gauss nodes. */
    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000,
    };
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    };
    /** Gauss weights for XGK[1], XGK[3], XGK[5] and the centre. */
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    };

    private final DoubleUnaryOperator f;
    private final double[] lo;
    private final double[] hi;
    private final double[] value;
    private final double[] error;
    private final int[] heap;
    private final double[] scratch = new double[2];
    private int size;

    private Quadrature(DoubleUnaryOperator f, int maxIntervals) {
        this.f = f;
        lo = new double[maxIntervals];
        hi = new double[maxIntervals];
        value = new double[maxIntervals];
        error = new double[maxIntervals];
        heap = new int[maxIntervals];
    }

    /**
     * @param f the integrand, finite on [a, b]
     * @param relTol target relative error of the result
     * @param maxIntervals the most subintervals to use before giving up
     * @return the integral of f over [a, b]
     * @throws ArithmeticException if the tolerance is not met within {@code maxIntervals}
     */
    static double integrate(DoubleUnaryOperator f, double a, double b, double relTol, int maxIntervals) {
        if (!(a <= b)) {
            throw new IllegalArgumentException("integration interval must have a <= b, was [" + a + ", " + b + "]");
        }
        if (a == b) {
            return 0;
        }
        return new Quadrature(f, maxIntervals).run(a, b, relTol);
    }

    /** @return {K15, G7} on [a, b]; package-private so tests can check the rule itself */
    static double[] rule(DoubleUnaryOperator f, double a, double b) {
        double[] out = new double[2];
        kronrodGauss(f, a, b, out);
        return out;
    }

    private double run(double a, double b, double relTol) {
        int count = 1;
        evaluate(0, a, b);
        push(0);
        double total = value[0];
        double totalError = error[0];
        while (true) {
            if (totalError <= relTol * Math.abs(total)) {
                // Running sums drift; confirm with exact sums before stopping.
                total = 0;
                totalError = 0;
                for (int i = 0; i < count; i++) {
                    total += value[i];
                    totalError += error[i];
                }
                if (totalError <= relTol * Math.abs(total)) {
                    return total;
                }
            }
            if (size == 0) {
                return total; // every interval is at the resolution of doubles
            }
            int worst = pop();
            double a0 = lo[worst];
            double b0 = hi[worst];
            double mid = 0.5 * (a0 + b0);
            total -= value[worst];
            totalError -= error[worst];
            if (!(mid > a0 && mid < b0)) {
                // Interval at the resolution of doubles: nothing more to gain; accept its value.
                error[worst] = 0;
                total += value[worst];
                continue;
            }
            if (count == lo.length) {
                throw new ArithmeticException("adaptive quadrature did not reach relative error " + relTol
                        + " with " + count + " intervals on [" + a + ", " + b + "]; estimate " + total
                        + " +/- " + totalError);
            }
            evaluate(worst, a0, mid);
            evaluate(count, mid, b0);
            total += value[worst] + value[count];
            totalError += error[worst] + error[count];
            push(worst);
            push(count);
            count++;
        }
    }

    /** Stores into slot i the K15 value on [a, b] and the error estimate |K15 - G7|. */
    private void evaluate(int i, double a, double b) {
        kronrodGauss(f, a, b, scratch);
        lo[i] = a;
        hi[i] = b;
        value[i] = scratch[0];
        error[i] = Math.abs(scratch[0] - scratch[1]);
    }

    private static void kronrodGauss(DoubleUnaryOperator f, double a, double b, double[] out) {
        double centre = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double fc = f.applyAsDouble(centre);
        double kronrod = WGK[7] * fc;
        double gauss = WG[3] * fc;
        for (int j = 0; j < 7; j++) {
            double dx = half * XGK[j];
            double pair = f.applyAsDouble(centre - dx) + f.applyAsDouble(centre + dx);
            kronrod += WGK[j] * pair;
            if ((j & 1) == 1) {
                gauss += WG[j >> 1] * pair;
            }
        }
        out[0] = kronrod * half;
        out[1] = gauss * half;
    }

    private void push(int interval) {
        int k = size++;
        heap[k] = interval;
        while (k > 0) {
            int parent = (k - 1) >> 1;
            if (error[heap[parent]] >= error[heap[k]]) {
                break;
            }
            swap(parent, k);
            k = parent;
        }
    }

    private int pop() {
        int top = heap[0];
        heap[0] = heap[--size];
        int k = 0;
        while (true) {
            int left = 2 * k + 1;
            if (left >= size) {
                break;
            }
            int child = left + 1 < size && error[heap[left + 1]] > error[heap[left]] ? left + 1 : left;
            if (error[heap[k]] >= error[heap[child]]) {
                break;
            }
            swap(k, child);
            k = child;
        }
        return top;
    }

    private void swap(int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
