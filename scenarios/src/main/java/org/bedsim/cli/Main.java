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
    public static final int OUT_OF_MEMORY = 4;

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
        try {
            return commandLine(out, err, extraCommands).execute(args);
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

    /** @return the unknown command's name, when the top-level command got an argument that is no command */
    private static String unknownCommand(CommandLine top, java.util.List<String> unmatched) {
        if (top.getParent() == null && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")
                && !top.getSubcommands().containsKey(unmatched.get(0))) {
            return unmatched.get(0);
        }
        return null;
    }

    private static int unknown(CommandLine top, String name) {
        top.getErr().println("bedsim: unknown command '" + name + "'; the commands are "
                + String.join(", ", top.getSubcommands().keySet()) + " (see 'bedsim --help')");
        top.getErr().flush();
        return BAD_INPUT;
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
        cl.setExecutionStrategy(parseResult -> {
            // 'bedsim fit --help' would print the top-level help with exit 0: say the command is unknown instead
            String name = unknownCommand(parseResult.commandSpec().commandLine(), parseResult.unmatched());
            return name != null ? unknown(parseResult.commandSpec().commandLine(), name)
                    : new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            // one line saying what is wrong and where the help is, not the whole usage
            CommandLine cmd = ex.getCommandLine();
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                String name = unknownCommand(cmd, u.getUnmatched());
                if (name != null) {
                    return unknown(cmd, name);
                }
            }
            cmd.getErr().println("bedsim: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')");
            cmd.getErr().flush();
            return BAD_INPUT;
        });
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
