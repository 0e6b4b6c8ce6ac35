package org.bedsim.model;

import org.bedsim.random.ReplicationStreams;

/** One replication of the patient-flow model. (Implementation in progress.) */
public final class FlowModel {
    private final FlowSettings settings;
    private final ReplicationStreams streams;

    /**
     * @param settings the configuration
     * @param streams the random streams of this replication
     */
    public FlowModel(FlowSettings settings, ReplicationStreams streams) {
        this.settings = settings;
        this.streams = streams;
    }

    /** Runs warm-up and measured period. */
    public FlowResult run() {
        throw new UnsupportedOperationException("flow model of " + settings.cohorts().size() + " cohorts, replication "
                + streams.replication() + ": not implemented yet");
    }
}
