package org.bedsim.bridge;

/**
 * Where a bridge keeps the result of each (configuration, replication) run as it finishes, and finds those of an
 * earlier, interrupted computation of the same bridge, so that resuming it redoes only the runs that had not
 * finished. Each run's result depends only on the bridge, its configuration and its replication (common random
 * numbers), so a result found here is exactly the one the run would give again, and a resumed bridge is identical to
 * one computed at once. Implementations must be safe to call from several threads.
 */
public interface RunStore {
    /** A store that keeps nothing. */
    RunStore NONE = new RunStore() {
        @Override
        public double find(String configuration, int replication) {
            return Double.NaN;
        }

        @Override
        public void save(String configuration, int replication, double beds) {
        }
    };

    /**
     * @param configuration the configuration's key (its step fractions)
     * @param replication the replication
     * @return the beds saved for that run, or NaN if there are none
     */
    double find(String configuration, int replication);

    /** Saves the beds of a finished run. */
    void save(String configuration, int replication, double beds);
}
