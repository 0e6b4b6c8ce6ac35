package org.bedsim.model;

/**
 * A place where patients stay: a ward, a site, a virtual ward, interim beds, or a sink such as home.
 *
 * @param name unique id, e.g. {@code lri} or {@code community-rehab}
 * @param kind what it is
 * @param capacity beds over time (ignored for {@link SettingKind#HOME}, which is a sink)
 * @param policy what an arrival from outside does when it is full
 * @param priority who gets a freed bed first
 */
public record CareSetting(String name, SettingKind kind, CapacityTimeline capacity, AdmissionPolicy policy,
        QueuePriority priority) {

    /** Who gets a bed that frees when both transfers (blocked elsewhere) and arrivals wait for it. */
    public enum QueuePriority {
        /** Whoever has waited longest. */
        FIFO,
        /** Patients blocked in another setting first (frees the upstream bed). */
        TRANSFERS_FIRST,
        /** Patients arriving from outside first. */
        ARRIVALS_FIRST
    }

    /** Validates. */
    public CareSetting {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a setting needs a name");
        }
        if (kind == null || capacity == null || policy == null || priority == null) {
            throw new IllegalArgumentException("setting " + name + ": kind, capacity, policy and priority are required");
        }
    }

    /** @return a setting that waits FIFO when full */
    public static CareSetting of(String name, SettingKind kind, CapacityTimeline capacity) {
        return new CareSetting(name, kind, capacity, AdmissionPolicy.WAIT, QueuePriority.FIFO);
    }

    /** @return a sink (home, died) */
    public static CareSetting sink(String name) {
        return new CareSetting(name, SettingKind.HOME, CapacityTimeline.unlimited(), AdmissionPolicy.WAIT,
                QueuePriority.FIFO);
    }

    /** @return true for a sink */
    public boolean isSink() {
        return kind == SettingKind.HOME;
    }

    /** @return a copy with another capacity timeline */
    public CareSetting withCapacity(CapacityTimeline newCapacity) {
        return new CareSetting(name, kind, newCapacity, policy, priority);
    }
}
