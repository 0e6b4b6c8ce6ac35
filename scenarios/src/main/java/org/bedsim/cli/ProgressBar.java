package org.bedsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on the terminal: replications done, events a second, time left. It appears only after
 * about a second (short runs stay silent) and only on a terminal; {@link #finish()} clears it.
 *
 * <p>With the system property {@code bedsim.progress=lines} (set by {@code bedsim serve} for the runs it starts),
 * it writes plain lines {@code bedsim-progress: DONE/TOTAL} instead, whenever the count changes, terminal or not.
 *
 * <p>Events a second are estimated from the pre-flight's expected events per replication times the replications
 * done, as replication results are not seen until the end.
 */
final class ProgressBar implements AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    /** What the bar counts: replications (run) or runs (bridge and compare: configurations times replications). */
    private volatile String unit = "replications";
    private final double eventsPerReplication;
    private final AtomicInteger done = new AtomicInteger();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile boolean shown;
    private final boolean lines;
    private int lastPrinted = -1;

    private ProgressBar(PrintWriter err, int total, double eventsPerReplication, boolean enabled) {
        this.err = err;
        this.total = total;
        this.eventsPerReplication = eventsPerReplication;
        this.lines = "lines".equals(System.getProperty("bedsim.progress"));
        if (enabled || lines) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bedsim-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** @return a bar, drawing only if {@code enabled} */
    static ProgressBar start(PrintWriter err, int total, double eventsPerReplication, boolean enabled) {
        return new ProgressBar(err, total, eventsPerReplication, enabled);
    }

    /**
     * @param unit what is counted, e.g. "runs" for bridge and compare (a run is one configuration or option for one
     *     replication), "replications" for run
     * @return a bar counting {@code total} of that unit, drawing only if {@code enabled}
     */
    static ProgressBar start(PrintWriter err, int total, double eventsPerRun, boolean enabled, String unit) {
        ProgressBar b = new ProgressBar(err, total, eventsPerRun, enabled);
        b.unit = unit;
        return b;
    }

    /** Counts one replication done (called from worker threads). */
    void replicationDone() {
        done.incrementAndGet();
    }

    private synchronized void draw() {
        if (lines) {
            printLine();
            return;
        }
        long elapsed = System.nanoTime() - startNanos;
        if (elapsed < SHOW_AFTER_NANOS) {
            return;
        }
        shown = true;
        err.print("\r" + line(done.get(), total, elapsed / 1e9, eventsPerReplication, unit) + "\u001b[K");
        err.flush();
    }

    private void printLine() {
        int d = done.get();
        if (d != lastPrinted) {
            lastPrinted = d;
            err.println("bedsim-progress: " + d + "/" + total);
            err.flush();
        }
    }

    /** @return the bar's text for a state (public for tests) */
    static String line(int done, int total, double seconds, double eventsPerReplication) {
        return line(done, total, seconds, eventsPerReplication, "replications");
    }

    /** @return the bar's text for a state, counting the given unit (for tests) */
    static String line(int done, int total, double seconds, double eventsPerReplication, String unit) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        StringBuilder b = new StringBuilder("[");
        b.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        b.append(done).append('/').append(total).append(' ').append(unit);
        if (done > 0 && seconds > 0) {
            b.append(String.format(Locale.ROOT, "  %s events/s", human(done * eventsPerReplication / seconds)));
            double left = seconds / done * (total - done);
            b.append("  ").append(done == total ? "done" : "~" + duration(left) + " left");
        } else {
            b.append("  estimating...");
        }
        return b.toString();
    }

    static String human(double x) {
        if (x >= 1e9) {
            return String.format(Locale.ROOT, "%.1fG", x / 1e9);
        }
        if (x >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", x / 1e6);
        }
        if (x >= 1e3) {
            return String.format(Locale.ROOT, "%.0fk", x / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", x);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** Stops drawing and clears the line if it was shown. */
    void finish() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (lines) {
                printLine();
            } else if (shown) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }

    @Override
    public void close() {
        finish();
    }
}
