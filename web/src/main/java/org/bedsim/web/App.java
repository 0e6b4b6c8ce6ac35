package org.bedsim.web;

import org.bedsim.cli.Main;

/**
 * The assembled application: the {@code bedsim} command line with every command, {@code serve} included. The
 * modules below never depend on the web framework; this one adds it.
 */
public final class App {
    private App() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        Main.run(args, new ServeCommand());
    }
}
