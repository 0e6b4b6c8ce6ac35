package org.bedsim.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Named random streams derived from one master seed.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Identity by name.</b> The stream {@code arrivals/acute-medical} of replication 3 is a function of the master
 *       seed, that name and the number 3 only, never of which other streams exist or the order in which they are
 *       created. Adding a new random source to a model therefore leaves every other stream's draws unchanged, and two
 *       variants of a scenario that share a stream name share its draws: this is what makes common random numbers
 *       (clean bridge bars, paired option comparisons) possible.</li>
 *   <li><b>Derivation.</b> The 256-bit state of a xoshiro256++ generator (Blackman and Vigna 2018, period 2^256 - 1) is
 *       the SHA-256 digest of a domain tag, the master seed, the replication number and the UTF-8 name. This is
 *       splitting by hashing, as in NumPy's SeedSequence: any stream of any replication is reached in O(1), so a single
 *       replication can be re-run alone. Two streams overlap only if their starting points fall within the draws they
 *       use on a cycle of 2^256; for a million streams of 2^40 draws each that probability is below 2^-170.</li>
 *   <li><b>No clock.</b> There is no constructor without a seed; nothing here reads the time.</li>
 * </ul>
 * Instances are immutable and thread-safe; the generators they hand out are not (one per replication and name).
 */
public final class RandomStreams {
    private static final byte[] DOMAIN = "bedsim/streams/v1".getBytes(StandardCharsets.UTF_8);

    private final long masterSeed;

    /** @param masterSeed the scenario's seed */
    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    /** @return the master seed */
    public long masterSeed() {
        return masterSeed;
    }

    /**
     * @param name the stream's name, e.g. {@code los/community/stroke}; non-empty
     * @param replication the replication number, &gt;= 0
     * @return a new generator positioned at the start of that stream's substream for that replication
     */
    public UniformRandomProvider stream(String name, int replication) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a random stream needs a non-empty name");
        }
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
        return new XoShiRo256PlusPlus(state(name, replication));
    }

    /** @return a view of the streams of one replication */
    public ReplicationStreams replication(int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
        return new ReplicationStreams(this, replication);
    }

    private long[] state(String name, int replication) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        sha.update(DOMAIN);
        sha.update(ByteBuffer.allocate(12).putLong(masterSeed).putInt(replication).array());
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer digest = ByteBuffer.wrap(sha.digest());
        long[] state = new long[4];
        for (int i = 0; i < 4; i++) {
            state[i] = digest.getLong();
        }
        if ((state[0] | state[1] | state[2] | state[3]) == 0) {
            state[0] = 1; // the all-zero state is the one forbidden state of xoshiro; SHA-256 will not produce it
        }
        return state;
    }

    @Override
    public String toString() {
        return "RandomStreams[seed=" + masterSeed + "]";
    }
}
