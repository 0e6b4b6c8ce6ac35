package org.bedsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs independent replications on a fixed number of threads and returns their results in replication order.
 *
 * <p>Each replication must depend only on its index (it builds its own simulator and draws from its own substreams),
 * so the results are identical whatever the thread count; this class only decides where each one runs.
 */
public final class Replications {
    private Replications() {
    }

    /** @return the number of threads used by default: the available processors */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param count number of replications, &gt;= 1
     * @param threads worker threads, &gt;= 1 (1 runs everything on the calling thread)
     * @param replication builds and runs replication r, returning its result
     * @return the results, index r holding replication r
     */
    public static <T> List<T> run(int count, int threads, IntFunction<T> replication) {
        return run(count, threads, replication, r -> { });
    }

    /**
     * As {@link #run(int, int, IntFunction)}, calling {@code onDone} with each replication number as it completes
     * (from the worker thread; for progress reporting).
     */
    public static <T> List<T> run(int count, int threads, IntFunction<T> replication, IntConsumer onDone) {
        if (count < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + count);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        List<T> results = new ArrayList<>(count);
        if (threads == 1 || count == 1) {
            for (int r = 0; r < count; r++) {
                results.add(replication.apply(r));
                onDone.accept(r);
            }
            return results;
        }
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "bedsim-replication");
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), factory);
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                final int rep = r;
                futures.add(pool.submit(() -> {
                    T result = replication.apply(rep);
                    onDone.accept(rep);
                    return result;
                }));
            }
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running replications", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
