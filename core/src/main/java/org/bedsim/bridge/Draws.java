package org.bedsim.bridge;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.bedsim.random.RandomStreams;

/**
 * The parameter draws of one replication: a standard normal per named parameter, from the stream
 * {@code bridge/<step>/<parameter>} of that replication, so every configuration of a bridge (and every year of a
 * trajectory) sees the same value in the same replication.
 */
public final class Draws {
    private final RandomStreams streams;
    private final int replication;
    private final Map<String, Double> normals = new HashMap<>();

    /**
     * @param streams the bridge's streams (its master seed)
     * @param replication the replication
     */
    public Draws(RandomStreams streams, int replication) {
        this.streams = streams;
        this.replication = replication;
    }

    /** @return the value of {@code p} in this replication; {@code name} identifies the parameter (step id / key) */
    public double value(String name, Parameter p) {
        if (!p.isRange()) {
            return p.low();
        }
        double z = normals.computeIfAbsent(name, n -> ZigguratSampler.NormalizedGaussian
                .of(streams.stream("bridge/" + n, replication)).sample());
        return p.at(z);
    }
}
