package org.bedsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs independent replications on a fixed number of threads and returns their results in replication order.
 *
 * <p>Each replication must depend only on its index (it builds its own simulator and draws from its own substreams),
 * so the results are identical whatever the thread count; this class only decides where each one runs. The calling
 * thread works too, beside {@code threads - 1} threads of a pool shared by every call and kept between calls (a
 * calibration evaluates a configuration over every replication dozens of times: none of them starts a thread).
 * Nested calls cannot deadlock: the pool adds a thread when none is idle.
 */
public final class Replications {
    /** The worker threads, shared by every run and kept while idle (daemons: they never keep the JVM alive). */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "bedsim-replication");
        t.setDaemon(true);
        return t;
    });

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
        // workers take the next index until none is left: the caller is one of them, the others run on the shared
        // pool's threads (started once and kept, so an evaluation of a few milliseconds starts no thread)
        int workers = Math.min(threads, count);
        AtomicInteger next = new AtomicInteger();
        Object[] out = new Object[count];
        Throwable[] failed = new Throwable[count];
        Runnable worker = () -> {
            for (int r = next.getAndIncrement(); r < count; r = next.getAndIncrement()) {
                try {
                    out[r] = replication.apply(r);
                    onDone.accept(r);
                } catch (RuntimeException | Error e) {
                    failed[r] = e;
                }
            }
        };
        List<Future<?>> futures = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            futures.add(POOL.submit(worker));
        }
        worker.run();
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running replications", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        for (int r = 0; r < count; r++) { // the first failure in replication order, whatever the thread count
            if (failed[r] instanceof RuntimeException re) {
                throw re;
            }
            if (failed[r] instanceof Error err) {
                throw err;
            }
        }
        for (int r = 0; r < count; r++) {
            @SuppressWarnings("unchecked")
            T t = (T) out[r];
            results.add(t);
        }
        return results;
    }
}
