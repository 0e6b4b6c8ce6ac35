package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void line_showsDoneEventsPerSecondAndTimeLeft() {
        assertEquals("[###############...............] 10/20 replications  2.5M events/s  ~5 s left",
                ProgressBar.line(10, 20, 5.0, 1.25e6));
        assertEquals("[..............................] 0/20 replications  estimating...",
                ProgressBar.line(0, 20, 1.5, 1e6));
        assertEquals("[##############################] 4/4 replications  800k events/s  done",
                ProgressBar.line(4, 4, 10.0, 2e6));
    }

    @Test
    void durations_andCounts_readable() {
        assertEquals("45 s", ProgressBar.duration(44.6));
        assertEquals("2 min 5 s", ProgressBar.duration(125));
        assertEquals("1 h 1 min", ProgressBar.duration(3661));
        assertEquals("1.2G", ProgressBar.human(1.2e9));
        assertEquals("999", ProgressBar.human(999));
    }

    @Test
    void disabledBar_printsNothing_andAShortRunNothingEither() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), 3, 100, false)) {
            bar.replicationDone();
        }
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), 3, 100, true)) {
            bar.replicationDone(); // finishes well within the first second: stays silent
        }
        assertEquals("", err.toString());
    }

    @Test
    void enabledBar_afterASecond_drawsAndThenClearsItsLine() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), 2, 100, true)) {
            bar.replicationDone();
            Thread.sleep(1400);
        }
        String s = err.toString();
        assertEquals(true, s.startsWith("\r[###############...............] 1/2 replications"), s);
        assertEquals(true, s.endsWith("\r\u001b[K"), s);
    }

    @Test
    void bridgeAndCompareBars_countRuns_notReplications() throws InterruptedException {
        assertEquals("[###############...............] 95/190 runs  23.8M events/s  ~5 s left",
                ProgressBar.line(95, 190, 5.0, 1.25e6, "runs"));
        StringWriter err = new StringWriter();
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), 190, 100, true, "runs")) {
            bar.replicationDone();
            Thread.sleep(1300);
        }
        assertEquals(true, err.toString().contains("] 1/190 runs"), err.toString());
    }

    @Test
    void differencesOfShares_inPercentagePoints() {
        org.bedsim.stats.ConfidenceInterval d = new org.bedsim.stats.ConfidenceInterval(0.025, 0.01, 0.95, 10);
        assertEquals("+2.5 pp [+1.5 pp, +3.5 pp]", org.bedsim.report.html.Cells.signedInterval(d, "share"));
        assertEquals("+2.50 [+1.50, +3.50]", org.bedsim.report.html.Cells.signedInterval(
                new org.bedsim.stats.ConfidenceInterval(2.5, 1, 0.95, 10), "beds"));
    }
}
