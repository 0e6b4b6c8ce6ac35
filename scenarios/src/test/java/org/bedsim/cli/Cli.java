package org.bedsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process and keeps what it printed and its exit code. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        return runWith(null, null, args);
    }

    /** Runs with an extra subcommand (to test how failures are handled), or none if {@code name} is null. */
    static Cli runWith(String name, Object subcommand, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = Main.commandLine(o, e);
        if (name != null) {
            cl.addSubcommand(name, subcommand);
            cl.setOut(o); // reach the new subcommand too
            cl.setErr(e);
        }
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
