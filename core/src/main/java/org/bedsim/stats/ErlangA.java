package org.bedsim.stats;

/**
 * The Erlang-A queue, M/M/c+M: Poisson arrivals at rate lambda, c servers with exponential service at rate mu, and
 * customers who leave the queue when an exponential patience (rate theta) runs out before they are served; first come,
 * first served. bedsim validates its reneging against it.
 *
 * <p>Implementation notes. The number in system is a birth-death process with birth rate lambda and death rate
 * n mu for n &lt;= c and c mu + (n - c) theta above (Palm 1943; Garnett, Mandelbaum and Reiman, "Designing a call
 * center with impatient customers", Manufacturing &amp; Service Operations Management 4(3), 2002, pp. 208-227,
 * section 2). Its stationary distribution is summed term by term (rescaled against overflow) up to where the terms
 * are negligible. By PASTA an arrival sees that distribution. The probability of abandonment is theta E[Q] / lambda
 * (Little's law on the customers who abandon, as in that paper).
 *
 * <p>The wait of a served customer: a tagged arrival that finds j customers waiting ahead of it moves up the queue
 * as a pure-death chain (from i ahead, the next departure from the head comes at rate c mu + i theta: a service
 * completion or an abandonment ahead), while its own patience runs out at rate theta whatever its position. So
 * P(served and W &gt; t) = exp(-theta t) sum_i P(i ahead at t) h_i, with h_i the chance of being served from i
 * ahead, prod_{k=0..i} (c mu + k theta) / (c mu + (k + 1) theta). The positions at t, mixed over the arrival's view
 * of the queue, come from one uniformization of the death chain. With theta = 0 it is Erlang C's tail
 * C(c, A) exp(-(c mu - lambda) t), which the tests check, together with the abandonment computed both ways.
 */
public final class ErlangA {
    private static final double NEGLIGIBLE = 1e-15;

    private final double lambda;
    private final double mu;
    private final double theta;
    private final int servers;
    /** Stationary probabilities of 0..n in system. */
    private final double[] pi;

    /**
     * @param lambda arrival rate, &gt; 0
     * @param mu service rate per server, &gt; 0
     * @param theta abandonment rate of a waiting customer, &gt;= 0 (0: Erlang C, then lambda &lt; c mu is needed)
     * @param servers c &gt;= 1
     */
    public ErlangA(double lambda, double mu, double theta, int servers) {
        if (!(lambda > 0) || !(mu > 0) || !(theta >= 0) || servers < 1 || Double.isInfinite(lambda + mu + theta)) {
            throw new IllegalArgumentException("Erlang-A needs lambda > 0, mu > 0, theta >= 0 and c >= 1");
        }
        if (theta == 0 && lambda >= servers * mu) {
            throw new IllegalArgumentException("without abandonment the queue needs lambda < c mu");
        }
        this.lambda = lambda;
        this.mu = mu;
        this.theta = theta;
        this.servers = servers;
        double[] q = new double[64];
        q[0] = 1;
        double sum = 1;
        int n = 0;
        while (true) {
            n++;
            double death = n <= servers ? n * mu : servers * mu + (n - servers) * theta;
            double next = q[n - 1] * lambda / death;
            if (n == q.length) {
                q = java.util.Arrays.copyOf(q, n << 1);
            }
            q[n] = next;
            sum += next;
            if (sum > 1e250) {
                for (int i = 0; i <= n; i++) {
                    q[i] /= sum;
                }
                sum = 1;
            }
            if (n > servers && next < NEGLIGIBLE * sum && lambda < death) {
                break;
            }
            if (n > 10_000_000) {
                throw new IllegalStateException("Erlang-A distribution does not converge");
            }
        }
        pi = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            pi[i] = q[i] / sum;
        }
    }

    /** @return the stationary probability of n in system */
    public double probabilityOf(int n) {
        return n < pi.length ? pi[n] : 0;
    }

    /** @return the probability that an arrival has to wait (finds every server busy) */
    public double probabilityOfWait() {
        double p = 0;
        for (int n = servers; n < pi.length; n++) {
            p += pi[n];
        }
        return p;
    }

    /** @return the mean number waiting */
    public double meanQueueLength() {
        double m = 0;
        for (int n = servers + 1; n < pi.length; n++) {
            m += (n - servers) * pi[n];
        }
        return m;
    }

    /** @return the probability that an arrival abandons, theta E[Q] / lambda */
    public double probabilityOfAbandonment() {
        return theta * meanQueueLength() / lambda;
    }

    /** @return the chance of being served from i ahead in the queue */
    private double servedFrom(int i) {
        double h = 1;
        for (int k = 0; k <= i; k++) {
            double r = servers * mu + k * theta;
            h *= r / (r + theta);
        }
        return h;
    }

    /**
     * The probability of abandonment from the tagged customer's view: the arrivals who find j waiting ahead and are
     * not served from there. Equal to {@link #probabilityOfAbandonment()} (a check of both).
     */
    public double probabilityOfAbandonmentByPosition() {
        double p = 0;
        for (int j = 0; servers + j < pi.length; j++) {
            p += pi[servers + j] * (1 - servedFrom(j));
        }
        return p;
    }

    /** @return P(an arrival is served after waiting more than t), t in the unit of the rates' reciprocal */
    public double servedAndWaitOver(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("t must be finite and >= 0, was " + t);
        }
        int positions = pi.length - servers; // j = 0 .. positions - 1 ahead
        double[] v = new double[positions];
        for (int j = 0; j < positions; j++) {
            v[j] = pi[servers + j];
        }
        if (t > 0) {
            double rate = servers * mu + (positions - 1) * theta; // the fastest state of the death chain
            double lt = rate * t;
            double[] out = new double[positions];
            double[] next = new double[positions];
            // Poisson(lt) weights, from the log of the first to avoid underflow for large lt
            long kMax = (long) Math.ceil(lt + 12 * Math.sqrt(lt) + 30);
            double logWeight = -lt;
            double[] cur = v;
            for (long k = 0; k <= kMax; k++) {
                double w = Math.exp(logWeight);
                if (w > 0) {
                    for (int j = 0; j < positions; j++) {
                        out[j] += w * cur[j];
                    }
                }
                // one step of the uniformized chain: from j, move to j - 1 with probability r_j / rate
                for (int j = 0; j < positions; j++) {
                    double move = (servers * mu + j * theta) / rate;
                    next[j] = cur[j] * (1 - move) + (j + 1 < positions
                            ? cur[j + 1] * (servers * mu + (j + 1) * theta) / rate : 0);
                }
                double[] swap = cur == v ? new double[positions] : cur;
                cur = next;
                next = swap;
                logWeight += Math.log(lt) - Math.log(k + 1);
            }
            v = out;
        }
        double p = 0;
        for (int j = 0; j < positions; j++) {
            p += v[j] * servedFrom(j);
        }
        return Math.exp(-theta * t) * p;
    }

    /** @return the share of served customers who waited more than t */
    public double shareOfServedWaitingOver(double t) {
        return servedAndWaitOver(t) / (1 - probabilityOfAbandonment());
    }
}
