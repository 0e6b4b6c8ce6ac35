package org.bedsim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bedsim.scenario.OptionsLoader;

/**
 * The queue of runs. Each run is the command line itself in a child Java process (so a run that fails, or runs out
 * of memory, never takes the server down, and cancelling it is stopping a process), started with
 * {@code -Dbedsim.progress=lines} so that it reports replications done. At most {@code jobs} runs execute at once,
 * each on {@code cores / jobs} threads: never more simulation threads than cores.
 *
 * <p>On start, runs a previous server left queued or running (it was killed) are marked interrupted: their folders
 * stay as they are, and their outputs are not offered as results.
 */
final class Runs implements AutoCloseable {
    static final Pattern ID = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9]{3}-[a-z0-9-]{1,60}");
    private static final Pattern PROGRESS = Pattern.compile("bedsim-progress: (\\d+)/(\\d+)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int MESSAGE_LINES = 40;

    private final Workspace ws;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final int threadsPerRun;
    private final List<String> javaCommand;
    private volatile boolean closing;

    /**
     * @param ws the workspace
     * @param parallel runs at once (1 to the cores)
     * @param javaCommand the command that starts a Java with bedsim on its class path, up to the main class
     */
    Runs(Workspace ws, int parallel, List<String> javaCommand) throws IOException {
        this.ws = ws;
        int cores = Runtime.getRuntime().availableProcessors();
        int p = Math.max(1, Math.min(parallel, cores));
        this.threadsPerRun = Math.max(1, cores / p);
        this.javaCommand = List.copyOf(javaCommand);
        this.executor = Executors.newFixedThreadPool(p, r -> {
            Thread t = new Thread(r, "bedsim-run");
            t.setDaemon(true);
            return t;
        });
        loadExisting();
    }

    /** @return the command starting this Java with this class path, for the child processes */
    static List<String> thisJava() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"));
    }

    int threadsPerRun() {
        return threadsPerRun;
    }

    private void loadExisting() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(ws.runsDir())) {
            for (Path dir : ds) {
                String id = dir.getFileName().toString();
                if (!ID.matcher(id).matches() || Files.isSymbolicLink(dir) || !Files.isDirectory(dir)) {
                    continue;
                }
                Job j;
                try {
                    JsonNode n = json.readTree(Workspace.readRegular(dir.resolve("job.json"), 1 << 20));
                    j = Job.fromRecord(n, dir);
                    if (!j.id.equals(id)) {
                        continue;
                    }
                } catch (IOException | RuntimeException e) {
                    continue; // a folder without a readable record is not a run the server made
                }
                if (j.status() == Job.Status.SUCCEEDED) {
                    List<String> wrong = incomplete(j);
                    if (!wrong.isEmpty()) {
                        j.finish(Job.Status.INTERRUPTED, j.exitCode(), "This run's outputs are not complete: "
                                + String.join("; ", wrong) + ". They are not shown; run it again.", j.finished());
                        save(j);
                    }
                } else if (!j.status().finished()) {
                    j.finish(Job.Status.INTERRUPTED, null, "The server stopped before this run finished (it was "
                            + j.status().label() + "). Its outputs are incomplete and are not shown; run it again.",
                            j.finished());
                    save(j);
                }
                jobs.put(j.id, j);
            }
        }
    }

    /** @return every run, newest first */
    List<Job> list() {
        List<Job> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing((Job j) -> j.created).thenComparing(j -> j.id).reversed());
        return all;
    }

    /** @return a run by id, or a refusal (404) */
    Job get(String id) {
        Job j = id == null ? null : jobs.get(id);
        if (j == null) {
            throw new Workspace.Refused(404, "no run '" + id + "'");
        }
        return j;
    }

    /**
     * Queues a run of a workspace scenario.
     *
     * @throws Workspace.Refused for an unknown command, a missing file, a file of the wrong type for the command,
     *     or an options file whose base is not a scenario of the workspace
     */
    synchronized Job submit(String kind, String scenario) throws IOException {
        return submit(kind, scenario, null);
    }

    /** Queues a run with the replications asked for (null: the file's), as {@code --replications} does. */
    synchronized Job submit(String kind, String scenario, Integer replications) throws IOException {
        if (replications != null && (replications < 1 || replications > 100_000)) {
            throw new Workspace.Refused(400, "replications must be from 1 to 100000, was " + replications);
        }
        if (!Job.KINDS.contains(kind)) {
            throw new Workspace.Refused(400, "'" + kind + "' is not a command the server runs: " + Job.KINDS);
        }
        boolean fit = kind.equals("fit");
        Path file = fit ? ws.data(scenario) : ws.scenario(scenario);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new Workspace.Refused(404, "no " + (fit ? "data file '" : "scenario '") + scenario
                    + "' in the workspace");
        }
        byte[] bytes = fit ? null : ws.readScenario(scenario);
        if (!fit) {
            checkBase(scenario, bytes);
        }
        boolean options = !fit && OptionsLoader.baseReference(scenario, bytes) != null;
        if (!fit && kind.equals("compare") != options) {
            throw new Workspace.Refused(400, options ? scenario + " is an options file: it runs with compare"
                    : scenario + " is a scenario, not an options file: compare needs an options file");
        }
        Instant now = Instant.now();
        String stem = scenario.replaceAll("\\.(yaml|yml|json|csv)$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-");
        stem = stem.substring(0, Math.min(stem.length(), 40));
        String id = STAMP.format(now) + "-" + kind + "-" + stem;
        while (jobs.containsKey(id) || Files.exists(ws.runsDir().resolve(id))) {
            now = now.plusMillis(1);
            id = STAMP.format(now) + "-" + kind + "-" + stem;
        }
        Path dir = Workspace.inside(ws.runsDir(), ws.runsDir().resolve(id));
        Files.createDirectory(dir);
        if (!fit) {
            Workspace.writeAtomically(dir.resolve("scenario.yaml"), bytes);
        }
        Job j = new Job(id, kind, scenario, now, dir, Job.Status.QUEUED, replications);
        save(j);
        jobs.put(id, j);
        executor.submit(() -> execute(j));
        return j;
    }

    /**
     * Refuses an options file whose base is not a plain file name of the workspace, before anything reads it: the
     * loader would otherwise open whatever path the file names.
     */
    void checkBase(String name, byte[] bytes) {
        String base = OptionsLoader.baseReference(name, bytes);
        if (base == null) {
            return;
        }
        if (!Workspace.isScenarioName(base)) {
            throw new Workspace.Refused(400, name + ": base.scenario '" + base + "' must name a scenario file of "
                    + "the workspace, beside the options file (no folders)");
        }
        if (!Files.isRegularFile(ws.scenario(base), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new Workspace.Refused(400, name + ": its base scenario '" + base + "' is not in the workspace; "
                    + "add it first");
        }
    }

    /** Cancels a queued or running run; does nothing to a finished one. */
    void cancel(String id) {
        Job j = get(id);
        synchronized (j) {
            if (j.status().finished()) {
                return;
            }
            j.cancelRequested = true;
            if (j.status() == Job.Status.QUEUED) {
                j.finish(Job.Status.CANCELLED, null, "Cancelled before it started.", Instant.now());
                save(j);
                return;
            }
            Process p = j.process;
            if (p != null) {
                p.destroy();
            }
        }
    }

    private void execute(Job j) {
        Process p;
        synchronized (j) {
            if (j.cancelRequested || j.status().finished()) {
                return;
            }
            List<String> cmd = new ArrayList<>(javaCommand.subList(0, 1));
            cmd.add("-Dbedsim.progress=lines");
            cmd.add("-Dbedsim.stderrTty=false");
            cmd.addAll(javaCommand.subList(1, javaCommand.size()));
            cmd.add("org.bedsim.cli.Main");
            cmd.add(j.kind);
            if (j.kind.equals("fit")) {
                cmd.add(ws.data(j.scenario).toString());
                cmd.add("--out");
                cmd.add(j.out().resolve(j.fittedName()).toString());
            } else {
                cmd.add(ws.scenario(j.scenario).toString());
                cmd.add("--out");
                cmd.add(j.out().toString());
            }
            if (j.kind.equals("fit")) {
                // fitting reads and fits; it has no replications or threads
            } else if (j.replications != null) {
                cmd.add("--replications");
                cmd.add(Integer.toString(j.replications));
            }
            if (!j.kind.equals("fit")) {
                cmd.add("--threads");
                cmd.add(Integer.toString(threadsPerRun));
            }
            try {
                p = new ProcessBuilder(cmd).directory(j.dir.toFile())
                        .redirectOutput(j.dir.resolve("terminal.txt").toFile()).start();
            } catch (IOException e) {
                j.finish(Job.Status.FAILED, null, "The run could not start: " + e.getMessage(), Instant.now());
                save(j);
                return;
            }
            j.process = p;
            j.started(Instant.now());
            save(j);
        }
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(j.dir.resolve("log.txt"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = PROGRESS.matcher(line);
                if (m.matches()) {
                    j.progress(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                    continue;
                }
                log.write(line);
                log.write('\n');
                log.flush();
                tail.addLast(line);
                if (tail.size() > MESSAGE_LINES) {
                    tail.removeFirst();
                }
            }
        } catch (IOException e) {
            tail.addLast("(the run's messages could not be read: " + e.getMessage() + ")");
        }
        int code;
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            code = -1;
        }
        String messages = String.join("\n", tail).replace(ws.scenariosDir() + "/", "")
                .replace(ws.dataDir() + "/", "")
                .replace(j.dir.toString() + "/", "");
        if (closing) {
            return; // left as running in job.json: the next server lists it as interrupted
        }
        synchronized (j) {
            if (j.cancelRequested) {
                j.finish(Job.Status.CANCELLED, code, "Cancelled while running; its outputs are incomplete and are "
                        + "not shown.", Instant.now());
            } else if (code == 0 && !incomplete(j).isEmpty()) {
                j.finish(Job.Status.FAILED, code, "The command ended without completing its outputs: "
                        + String.join("; ", incomplete(j)) + "\n" + messages, Instant.now());
            } else if (code == 0) {
                j.finish(Job.Status.SUCCEEDED, code, null, Instant.now());
            } else {
                String what = code == 2 ? "The scenario cannot run (exit code 2, bad input):"
                        : "The run failed (exit code " + code + ", an internal error: please report it):";
                j.finish(Job.Status.FAILED, code, what + "\n" + messages, Instant.now());
            }
            j.process = null;
            save(j);
        }
    }

    /**
     * @return what is wrong with a run's output folder by the command line's own completeness check (its marker
     *     lists every file with its SHA-256), empty if it is complete
     */
    static List<String> incomplete(Job j) {
        if (j.kind.equals("fit")) {
            // fit writes two files, each atomically: the scenario and its report
            List<String> missing = new ArrayList<>();
            for (String f : List.of(j.fittedName(), "fit-report.html")) {
                if (!Files.isRegularFile(j.out().resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    missing.add(f + " is missing");
                }
            }
            return missing;
        }
        try {
            return org.bedsim.report.OutputDirectory.verify(j.out());
        } catch (IOException | RuntimeException e) {
            return List.of("its completion marker cannot be read (" + e.getMessage() + ")");
        }
    }

    private void save(Job j) {
        try {
            Workspace.writeAtomically(j.dir.resolve("job.json"), json.writeValueAsBytes(j.record(json)));
        } catch (IOException e) {
            // the run's state is still in memory; the page shows it
        }
    }

    ObjectMapper json() {
        return json;
    }

    @Override
    public void close() {
        closing = true;
        for (Job j : jobs.values()) {
            Process p = j.process;
            if (p != null) {
                p.destroy();
            }
        }
        executor.shutdownNow();
    }
}
