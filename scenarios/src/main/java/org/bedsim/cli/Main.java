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

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        run(args);
    }

    /**
     * Runs the command line with extra subcommands (the layer above adds {@code serve}, so this module never knows
     * the web framework) and exits with its code.
     *
     * @param args the arguments
     * @param extraCommands instances of picocli {@code @Command} classes, added as subcommands
     */
    public static void run(String[] args, Object... extraCommands) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err, extraCommands);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line on given streams (for tests) and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Object... extraCommands) {
        return commandLine(out, err, extraCommands).execute(args);
    }

    /** @return the configured command line, with extra subcommands */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Object... extraCommands) {
        CommandLine cl = new CommandLine(new BedsimCommand());
        for (Object extra : extraCommands) {
            cl.addSubcommand(extra);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UserError) {
                cmd.getErr().println("bedsim: " + ex.getMessage());
                return BAD_INPUT;
            }
            cmd.getErr().println("bedsim: internal error, please report it with the command and the scenario file: "
                    + ex);
            ex.printStackTrace(cmd.getErr());
            return INTERNAL_ERROR;
        });
        return cl;
    }
}
