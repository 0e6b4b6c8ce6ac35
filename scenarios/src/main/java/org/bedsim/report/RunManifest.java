package org.bedsim.report;

import java.time.Instant;

/**
 * What a run was: enough to reproduce it and to tell two runs apart. The only part of the outputs that may differ
 * between two runs of the same scenario and seed is here (thread count, times), so everything else can be compared
 * byte for byte.
 *
 * @param bedsimVersion the version of bedsim that ran
 * @param scenarioName the scenario's name
 * @param scenarioFile the scenario file as given on the command line
 * @param scenarioSha256 SHA-256 of the scenario file's bytes
 * @param seed master seed
 * @param replications replications run
 * @param threads worker threads used
 * @param javaVersion the Java runtime's version
 * @param startedAt when the run started
 * @param finishedAt when it finished
 */
public record RunManifest(String bedsimVersion, String scenarioName, String scenarioFile, String scenarioSha256,
        long seed, int replications, int threads, String javaVersion, Instant startedAt, Instant finishedAt) {
}
