package org.bedsim.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bedsim.cli.Main;
import org.bedsim.cli.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bedsim serve}: the local web app, until stopped. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serves a local web app for planners: scenarios with an editor that checks as you",
            "type, runs of run, bridge and compare with live progress, their reports, charts and",
            "downloads (CSV, JSON and an Excel workbook), and two runs compared side by side.",
            "",
            "Listens on http://127.0.0.1:PORT/ only, unless --host is given; then every request",
            "needs the access token printed at start-up. Runs until stopped (Ctrl-C).",
            "The workspace folder keeps your scenarios (scenarios/) and every run (runs/), so work",
            "survives a restart; runs a stopped server left unfinished are listed as interrupted.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  ./bedsim serve",
            "  ./bedsim serve --port 8090 --workspace ~/bedsim-work",
            "  ./bedsim serve --host 0.0.0.0   (prints an address with the access token)"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (0: any free port). Default: 8080.")
    int port = 8080;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on. Default: 127.0.0.1 "
            + "(this machine only). Any other address requires the access token printed at start-up.")
    String host = "127.0.0.1";

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Folder of your scenarios and runs (created if needed). Default: ./bedsim-workspace")
    Path workspace = Path.of("bedsim-workspace");

    @Option(names = "--parallel", paramLabel = "N", description = "Runs executed at once, each on cores/N threads "
            + "(1 to the cores). Default: 1.")
    int parallel = 1;

    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile Server server;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new UserError("--port must be from 0 to 65535, was " + port);
        }
        if (parallel < 1 || parallel > Runtime.getRuntime().availableProcessors()) {
            throw new UserError("--parallel must be from 1 to the cores (" + Runtime.getRuntime().availableProcessors()
                    + "), was " + parallel);
        }
        boolean loopback;
        try {
            loopback = host.equals("127.0.0.1") || host.equals("localhost") && InetAddress.getByName(host)
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UserError("--host " + host + ": unknown address");
        }
        String bind = host.equals("localhost") ? "127.0.0.1" : host;
        String token = loopback ? null : Security.random();
        Workspace ws;
        try {
            ws = Workspace.open(workspace);
        } catch (IOException e) {
            throw new UserError("cannot use the workspace " + workspace + ": " + e.getMessage());
        }
        try {
            server = new Server(ws, bind, token, parallel, Runs.thisJava()).start(port);
        } catch (IOException | RuntimeException e) {
            throw new UserError("cannot serve on " + bind + ":" + port + ": " + e.getMessage());
        }
        String address = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.port() + "/";
        out.println("bedsim serve: " + address + (token == null ? "" : "?token=" + token));
        out.println("bedsim serve: workspace " + ws.root() + "; " + Runtime.getRuntime().availableProcessors()
                + " cores, " + parallel + " run" + (parallel == 1 ? "" : "s") + " at once");
        if (token != null) {
            out.println("bedsim serve: listening beyond this machine: every request needs the access token above");
        }
        out.println("bedsim serve: press Ctrl-C to stop");
        out.flush();
        Thread hook = new Thread(this::stop, "bedsim-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running
        }
        return Main.OK;
    }

    /** Stops the server (from the shutdown hook, or a test). */
    public void stop() {
        Server s = server;
        if (s != null) {
            s.close();
        }
        stop.countDown();
    }

    /** @return the port the server listens on, or -1 before it started */
    int boundPort() {
        Server s = server;
        return s == null ? -1 : s.port();
    }
}
