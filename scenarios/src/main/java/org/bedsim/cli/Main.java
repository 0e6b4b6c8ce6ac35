package org.bedsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code bedsim} command line. Exit codes: 0 success, 2 bad input (a message, never a stack trace), 1 internal
 * error (a bug in bedsim: message and stack trace, to report).
 */
public final class Main {
    /** Success. */
    public static final int OK = 0;
    /** A bug in bedsim. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad input: a scenario with errors, a bad option, an unwritable output directory. */
    public static final int BAD_INPUT = 2;
    /** The Java heap ran out: the run needed more memory than this Java may use. */
    public static final int OUT_OF_MEMORY = 3;

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line on given streams (for tests) and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        }
    }

    /** Says, in one line, that memory ran out and what to do; @return {@link #OUT_OF_MEMORY} */
    static int outOfMemory(PrintWriter err) {
        err.println(String.format(java.util.Locale.ROOT, "bedsim: out of memory: the run needed more than the %d MiB "
                + "this Java may use; run fewer replications or a shorter horizon, or give Java more memory (e.g. "
                + "JAVA_TOOL_OPTIONS=-Xmx4g); no output was completed", Runtime.getRuntime().maxMemory() >> 20));
        err.flush();
        return OUT_OF_MEMORY;
    }

    /** @return true if an exception is, or was caused by, the heap running out (in any thread) */
    static boolean outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
            for (Throwable s : c.getSuppressed()) {
                if (s instanceof OutOfMemoryError) {
                    return true;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** @return the configured command line */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BedsimCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UserError) {
                cmd.getErr().println("bedsim: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (outOfMemory(ex)) {
                return outOfMemory(cmd.getErr());
            }
            cmd.getErr().println("bedsim: internal error, please report it with the command and the scenario file: "
                    + ex);
            ex.printStackTrace(cmd.getErr());
            return INTERNAL_ERROR;
        });
        return cl;
    }
}
