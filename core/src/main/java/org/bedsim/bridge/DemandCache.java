package org.bedsim.bridge;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.bedsim.model.DemandModel;
import org.bedsim.random.RandomStreams;

/**
 * Demand models kept from one evaluation of a bridge's configurations to the next, one per (seed, replication), so
 * that a calibration or a sensitivity analysis, which evaluates a few configurations many times, draws each
 * replication's arrivals and stays once and walks again only the cohorts an evaluation changes.
 *
 * <p>Implementation notes. A model's memo is exact (the draws are pure functions of the streams), so results do not
 * depend on what the cache holds. Memory is bounded: models are kept while their arrays total at most the budget
 * (768 MB or a quarter of the maximum heap, whichever is less, by default: the 100 replications of the LLR acute bridge fit in it); the replications beyond it run on
 * reused models from a small pool, as {@link Bridges#compute} does, and give the same numbers, only slower. A model
 * is taken out while a thread uses it, so no two threads share one. Thread-safe.
 */
public final class DemandCache {
    private record Key(long seed, int replication) {
    }

    private final long budget;
    private final Map<Key, DemandModel> models = new HashMap<>();
    private final Map<Key, Long> sizes = new HashMap<>();
    private final ArrayDeque<DemandModel> pool = new ArrayDeque<>();
    private long kept;

    /** A cache with the default budget: 768 MB or a quarter of the maximum heap, whichever is less. */
    public DemandCache() {
        this(Math.min(768L << 20, Runtime.getRuntime().maxMemory() / 4));
    }

    /** @param budgetBytes the most the kept models may hold (0: keep none, only reuse their arrays) */
    public DemandCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** @return the model of this replication, kept from an earlier evaluation, or a reused or new one reset to it */
    DemandModel take(RandomStreams streams, int replication) {
        DemandModel m;
        synchronized (this) {
            Key key = new Key(streams.masterSeed(), replication);
            m = models.remove(key);
            if (m != null) {
                kept -= sizes.remove(key);
                return m;
            }
            m = pool.poll();
        }
        if (m == null) {
            return new DemandModel(streams.replication(replication));
        }
        m.reset(streams.replication(replication));
        return m;
    }

    /** Gives a model back after use: kept for its replication while within the budget, else pooled. */
    void give(RandomStreams streams, int replication, DemandModel m) {
        m.compact();
        long bytes = m.retainedBytes();
        synchronized (this) {
            Key key = new Key(streams.masterSeed(), replication);
            if (kept + bytes <= budget && !models.containsKey(key)) {
                models.put(key, m);
                sizes.put(key, bytes);
                kept += bytes;
            } else if (pool.size() < 2 * Runtime.getRuntime().availableProcessors()) {
                pool.push(m);
            }
        }
    }

    /** @return replications whose models are kept */
    public synchronized int modelsKept() {
        return models.size();
    }
}
