package org.bedsim.kernel;

/**
 * Reacts to one kind of event. Registered with {@link Simulator#register}; the simulator's clock
 * ({@link Simulator#now()}) is the event's time while the handler runs.
 */
@FunctionalInterface
public interface EventHandler {
    /** @param payload the integer given when the event was scheduled (an entity index, for example) */
    void handle(int payload);
}
