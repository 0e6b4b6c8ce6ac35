package org.bedsim.random;

import org.apache.commons.rng.UniformRandomProvider;

/** The named streams of one replication: what a model instance draws from. Immutable. */
public final class ReplicationStreams {
    private final RandomStreams streams;
    private final int replication;

    ReplicationStreams(RandomStreams streams, int replication) {
        this.streams = streams;
        this.replication = replication;
    }

    /** @return the replication number */
    public int replication() {
        return replication;
    }

    /** @return a new generator for the named stream of this replication */
    public UniformRandomProvider stream(String name) {
        return streams.stream(name, replication);
    }
}
