package org.bedsim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One run of a command ({@code run}, {@code bridge}, {@code compare} on a workspace scenario, or {@code fit} on a
 * workspace data file), in its own folder
 * {@code runs/<id>/}: {@code job.json} (this record, rewritten atomically at each change of status),
 * {@code scenario.yaml} (the file as it was run), {@code log.txt} (messages), {@code terminal.txt} (the command's
 * printed results) and {@code out/} (the outputs, written by the command line itself, each file atomically).
 */
final class Job {
    /** Where a run is. */
    enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

        boolean finished() {
            return this != QUEUED && this != RUNNING;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The commands the server runs. */
    static final List<String> KINDS = List.of("run", "bridge", "compare", "fit");

    final String id;
    final String kind;
    final String scenario;
    final Instant created;
    final Path dir;
    /** Replications asked for on the page (the command's --replications), or null for the file's. */
    final Integer replications;
    private volatile Status status;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile Integer exitCode;
    private volatile String message;
    private volatile int done;
    private volatile int total;
    volatile boolean cancelRequested;
    volatile Process process;
    private final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();

    Job(String id, String kind, String scenario, Instant created, Path dir, Status status, Integer replications) {
        this.id = id;
        this.replications = replications;
        this.kind = kind;
        this.scenario = scenario;
        this.created = created;
        this.dir = dir;
        this.status = status;
    }

    Status status() {
        return status;
    }

    Instant started() {
        return started;
    }

    Instant finished() {
        return finished;
    }

    Integer exitCode() {
        return exitCode;
    }

    String message() {
        return message;
    }

    int done() {
        return done;
    }

    int total() {
        return total;
    }

    Path out() {
        return dir.resolve("out");
    }

    /** @return for a fit, the name of the scenario it writes ({@code <extract>-fitted.yaml}) */
    String fittedName() {
        String stem = scenario.replaceAll("\\.csv$", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return stem.substring(0, Math.min(stem.length(), 60)) + "-fitted.yaml";
    }

    void started(Instant at) {
        started = at;
        status = Status.RUNNING;
        fire();
    }

    void progress(int d, int t) {
        done = d;
        total = t;
        fire();
    }

    void finish(Status s, Integer code, String msg, Instant at) {
        status = s;
        exitCode = code;
        message = msg;
        finished = at;
        fire();
    }

    void listen(Consumer<Job> l) {
        listeners.add(l);
    }

    void unlisten(Consumer<Job> l) {
        listeners.remove(l);
    }

    private void fire() {
        for (Consumer<Job> l : listeners) {
            try {
                l.accept(this);
            } catch (RuntimeException e) {
                listeners.remove(l);
            }
        }
    }

    /** @return the state the page shows and the progress stream sends */
    ObjectNode state(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("id", id);
        n.put("status", status.label());
        n.put("done", done);
        n.put("total", total);
        n.put("finished", status.finished());
        if (message != null) {
            n.put("message", message);
        }
        return n;
    }

    /** @return the record written to {@code job.json} */
    ObjectNode record(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("format_version", 1);
        n.put("id", id);
        n.put("kind", kind);
        n.put("scenario", scenario);
        if (replications == null) {
            n.putNull("replications");
        } else {
            n.put("replications", replications);
        }
        n.put("status", status.label());
        n.put("created", created.toString());
        n.put("started", started == null ? null : started.toString());
        n.put("finished", finished == null ? null : finished.toString());
        if (exitCode == null) {
            n.putNull("exit_code");
        } else {
            n.put("exit_code", exitCode);
        }
        n.put("message", message);
        return n;
    }

    /** @return a job read back from its record */
    static Job fromRecord(JsonNode n, Path dir) {
        Job j = new Job(n.path("id").asText(), n.path("kind").asText(), n.path("scenario").asText(),
                Instant.parse(n.path("created").asText()), dir,
                Status.valueOf(n.path("status").asText().toUpperCase(java.util.Locale.ROOT)),
                n.hasNonNull("replications") ? n.get("replications").asInt() : null);
        j.started = n.hasNonNull("started") ? Instant.parse(n.get("started").asText()) : null;
        j.finished = n.hasNonNull("finished") ? Instant.parse(n.get("finished").asText()) : null;
        j.exitCode = n.hasNonNull("exit_code") ? n.get("exit_code").asInt() : null;
        j.message = n.hasNonNull("message") ? n.get("message").asText() : null;
        return j;
    }
}
