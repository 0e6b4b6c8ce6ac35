/**
 * Output statistics collected inside the simulation loop: running tallies, time-weighted levels, occupancy
 * histograms, log-linear duration histograms and confidence intervals over replications.
 *
 * <p>Collectors are updated once per event, so {@code add}, {@code update} and {@code record} are O(1) and allocate
 * nothing in steady state. They are not thread-safe: each replication owns its own collectors, and replications
 * are pooled afterwards with {@code merge}. The unit of time is the day.
 *
 * <p><b>Warm-up reset.</b> Every time-based collector has {@code reset(time)}: it discards everything observed
 * before {@code time} and starts a new observation period at {@code time} whose starting level is the level in force
 * at that instant. Patients already in beds at the end of the warm-up are therefore counted from then on, but none of
 * the time before it is.
 */
package org.bedsim.stats;
