package org.bedsim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bedsim.scenario.OptionsLoader;

/**
 * {@code bedsim serve}: the web app. Server-rendered pages (scenarios, the editor, runs, a run, comparing two runs),
 * a small script for the editor's inline validation and the live progress of runs (server-sent events), and the
 * run's outputs. Every rule of {@link Security} applies to every request; every path goes through
 * {@link Workspace}.
 */
final class Server implements AutoCloseable {
    private static final Pattern NEW_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}");
    private static final Pattern NAME_LINE = Pattern.compile("(?m)^name:.*$");

    private final Workspace ws;
    private final Runs runs;
    private final Security security;
    private final ObjectMapper json;
    private final Javalin app;
    private final String host;

    /**
     * @param ws the workspace
     * @param host the address to bind (127.0.0.1 unless the user chose another)
     * @param accessToken the token required from every request (when not bound to loopback), or null
     * @param parallel runs at once
     * @param javaCommand how to start a run's Java (see {@link Runs})
     */
    Server(Workspace ws, String host, String accessToken, int parallel, List<String> javaCommand) throws IOException {
        this.ws = ws;
        this.host = host;
        this.runs = new Runs(ws, parallel, javaCommand);
        this.json = runs.json();
        this.security = new Security(accessToken, accessToken == null);
        long maxBody = Workspace.MAX_SCENARIO_BYTES + 64 * 1024;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = maxBody;
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/org/bedsim/web/static";
                sf.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        app.before(ctx -> security.check(ctx, maxBody));
        app.exception(Workspace.Refused.class, (e, ctx) -> refused(ctx, e.status(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> refused(ctx, 500, "something went wrong in the server ("
                + e.getClass().getSimpleName() + "); the server is still running. Details: " + e.getMessage()));
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                refused(ctx, 404, "no such page: " + ctx.path());
            }
        });
        routes();
    }

    /** Starts listening; {@code port} 0 takes a free port. */
    Server start(int port) {
        app.start(host, port);
        security.port(app.port());
        return this;
    }

    int port() {
        return app.port();
    }

    Runs runs() {
        return runs;
    }

    @Override
    public void close() {
        runs.close();
        app.stop();
    }

    private void routes() {
        app.get("/", this::home);
        app.get("/scenarios/{name}", this::editor);
        app.get("/scenarios/{name}/download", this::downloadScenario);
        app.post("/scenarios/{name}/save", this::save);
        app.post("/scenarios/{name}/delete", this::delete);
        app.post("/new", this::newScenario);
        app.post("/upload", this::upload);
        app.post("/examples/open", this::openExample);
        app.post("/api/validate", this::validate);
        String completions;
        try {
            completions = json.writeValueAsString(Completions.json(json));
        } catch (IOException e) {
            completions = "{\"keys\":[],\"values\":[]}";
        }
        String keys = completions;
        app.get("/api/completions", ctx -> ctx.contentType("application/json").result(keys));
        app.get("/runs", this::runsPage);
        app.post("/runs", this::submit);
        app.get("/runs/{id}", this::runPage);
        app.get("/api/runs/{id}", ctx -> ctx.contentType("application/json")
                .result(json.writeValueAsString(runs.get(ctx.pathParam("id")).state(json))));
        app.post("/runs/{id}/cancel", ctx -> {
            runs.cancel(ctx.pathParam("id"));
            ctx.redirect("/runs/" + Html.seg(ctx.pathParam("id")), io.javalin.http.HttpStatus.SEE_OTHER);
        });
        app.get("/runs/{id}/report", ctx -> {
            Job j = finished(ctx.pathParam("id"));
            outputFile(ctx, j, j.kind.equals("fit") ? "out/fit-report.html" : "report.html", false);
        });
        app.get("/runs/{id}/files/<path>", ctx -> {
            Job j = finished(ctx.pathParam("id"));
            outputFile(ctx, j, ctx.pathParam("path"), true);
        });
        app.get("/runs/{id}/workbook.xlsx", this::workbook);
        app.post("/runs/{id}/adopt", ctx -> {
            Job j = finished(ctx.pathParam("id"));
            if (!j.kind.equals("fit")) {
                throw new Workspace.Refused(400, "only a fit writes a scenario to add");
            }
            String name = j.fittedName();
            if (Files.exists(ws.scenario(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new Workspace.Refused(409, name + " exists in your scenarios: rename or delete it first");
            }
            ws.writeScenario(name, Workspace.readRegular(Workspace.file(j.out(), name), Workspace.MAX_SCENARIO_BYTES));
            ctx.redirect("/scenarios/" + Html.seg(name), io.javalin.http.HttpStatus.SEE_OTHER);
        });
        app.sse("/runs/{id}/events", client -> {
            Job j = runs.get(client.ctx().pathParam("id"));
            client.keepAlive();
            Consumer<Job> send = job -> client.sendEvent("state", stateJson(job));
            j.listen(send);
            client.onClose(() -> j.unlisten(send));
            send.accept(j);
        });
        app.get("/compare", this::comparePage);
    }

    private String stateJson(Job j) {
        try {
            return json.writeValueAsString(j.state(json));
        } catch (IOException e) {
            return "{}";
        }
    }

    // ---------------------------------------------------------------- scenarios

    private void home(Context ctx) throws IOException {
        String csrf = security.csrf();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Scenarios</h1><p class=\"lead\">Your scenario files live in the workspace <code>")
                .append(Html.esc(ws.root())).append("</code>. Open one to edit it (problems appear at their line as "
                + "you type), then run it.</p>");
        List<String> names = ws.scenarioNames();
        b.append("<section><h2>Your scenarios</h2>");
        if (names.isEmpty()) {
            b.append("<p class=\"empty\">None yet: open an example, start from a template or upload a file.</p>");
        } else {
            b.append("<table id=\"scenarios\"><thead><tr><th>file</th><th>type</th><th>size</th><th></th></tr></thead>"
                    + "<tbody>");
            for (String n : names) {
                byte[] bytes = ws.readScenario(n);
                boolean options = OptionsLoader.baseReference(n, bytes) != null;
                b.append("<tr><td><a href=\"/scenarios/").append(Html.seg(n)).append("\">").append(Html.esc(n))
                        .append("</a></td><td>").append(options ? "options (compare)" : "scenario").append("</td><td>")
                        .append(String.format(Locale.ROOT, "%,d bytes", bytes.length)).append("</td><td>")
                        .append("<a href=\"/scenarios/").append(Html.seg(n)).append("/download\">download</a>")
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section><section class=\"cards\"><div class=\"card\"><h2>Shipped examples</h2>"
                + "<p>Opening one copies it into your workspace.</p><form method=\"post\" action=\"/examples/open\" "
                + "id=\"open-example\">").append(Html.csrfField(csrf)).append("<select name=\"example\" "
                + "id=\"example\">");
        for (String id : Shipped.files()) {
            b.append("<option value=\"").append(Html.esc(id)).append("\"")
                    .append(id.equals("examples/single-hospital.yaml") ? " selected" : "").append(">")
                    .append(Html.esc(id)).append("</option>");
        }
        b.append("</select> <button type=\"submit\">Open</button></form></div>");
        b.append("<div class=\"card\"><h2>New from a template</h2><form method=\"post\" action=\"/new\" id=\"new\">")
                .append(Html.csrfField(csrf)).append("<label>Template <select name=\"template\"><option value=\"")
                .append(Shipped.MINIMAL).append("\">minimal: one ward, one cohort</option>");
        for (String id : Shipped.files()) {
            if (!Shipped.isOptions(id)) {
                b.append("<option value=\"").append(Html.esc(id)).append("\">").append(Html.esc(id)).append("</option>");
            }
        }
        b.append("</select></label><label>Name <input name=\"name\" required pattern=\"[a-z0-9][a-z0-9-]*\" "
                + "placeholder=\"my-scenario\"></label><button type=\"submit\">Create</button></form></div>");
        b.append("<div class=\"card\"><h2>Upload</h2><form method=\"post\" action=\"/upload\" "
                + "enctype=\"multipart/form-data\" id=\"upload\">").append(Html.csrfField(csrf))
                .append("<input type=\"file\" name=\"file\" accept=\".yaml,.yml,.json,.csv\" required> <label><input "
                        + "type=\"checkbox\" name=\"replace\"> replace a file of that name</label> <button "
                        + "type=\"submit\">Upload</button><p class=\"hint\">A scenario or options file (YAML or JSON), or a spell extract (CSV) for fit; at most ")
                .append(Workspace.MAX_SCENARIO_BYTES / 1024 / 1024).append(" MB; checked before it is saved.</p>"
                        + "</form></div></section>");
        b.append("<section><h2>Spell extracts (data for bedsim fit)</h2><p class=\"hint\">A CSV of stays, one row per "
                + "stay in a setting (see <code>bedsim fit --help</code>), uploaded above or put in <code>")
                .append(Html.esc(ws.dataDir())).append("</code>. Fitting writes a scenario you can add to your "
                        + "scenarios, and its fit report.</p>");
        List<String> data = ws.dataNames();
        if (data.isEmpty()) {
            b.append("<p class=\"empty\">No data files yet.</p>");
        } else {
            b.append("<table id=\"data\"><tbody>");
            for (String n : data) {
                b.append("<tr><td>").append(Html.esc(n)).append("</td><td>").append(String.format(Locale.ROOT,
                        "%,d bytes", Files.size(ws.data(n)))).append("</td><td>").append(runForm(csrf, n, "fit",
                        "Fit a scenario")).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");
        List<Job> recent = runs.list();
        if (!recent.isEmpty()) {
            b.append("<section><h2>Recent runs</h2>").append(runTable(recent.subList(0, Math.min(5, recent.size())),
                    false)).append("<p><a href=\"/runs\">All runs</a></p></section>");
        }
        ctx.html(Html.page("Scenarios", csrf, "/", b.toString()));
    }

    private void editor(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        Path file = ws.scenario(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Workspace.Refused(404, "no scenario '" + name + "' in the workspace");
        }
        String text = new String(ws.readScenario(name), StandardCharsets.UTF_8);
        boolean options = OptionsLoader.baseReference(name, text.getBytes(StandardCharsets.UTF_8)) != null;
        boolean bridge = Pattern.compile("(?m)^bridge:").matcher(text).find();
        String csrf = security.csrf();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(name)).append("</h1><div id=\"editor\" data-name=\"").append(Html.esc(name))
                .append("\"><div class=\"toolbar\"><button type=\"button\" id=\"save\">Save</button> <span "
                        + "id=\"save-state\" role=\"status\"></span> <span class=\"hint\">Ctrl-Space completes keys and "
                        + "values from the schema.</span> <a href=\"/scenarios/").append(Html.seg(name))
                .append("/download\">Download</a></div><textarea id=\"source\" spellcheck=\"false\">")
                .append(Html.esc(text)).append("</textarea><div id=\"validation\" role=\"status\" aria-live=\"polite\">"
                        + "<p id=\"summary\">Checking...</p><ul id=\"problems\"></ul></div></div>");
        b.append("<section class=\"run-buttons\"><h2>Run</h2><p>Runs use the saved file; unsaved changes are saved "
                + "first. <label>Replications <input type=\"number\" id=\"replications\" min=\"1\" max=\"100000\" "
                + "placeholder=\"the file's\"></label> (leave empty for the file's; fewer for a quick look)</p>");
        if (options) {
            b.append(runForm(csrf, name, "compare", "Compare the options"));
        } else {
            b.append(runForm(csrf, name, "run", "Run the scenario"));
            if (bridge) {
                b.append(runForm(csrf, name, "bridge", "Compute the bed bridge"));
            }
        }
        b.append("</section><section><h2>Delete</h2><form method=\"post\" action=\"/scenarios/").append(Html.seg(name))
                .append("/delete\" class=\"delete\">").append(Html.csrfField(csrf)).append("<button type=\"submit\" "
                        + "class=\"danger\">Delete ").append(Html.esc(name)).append("</button></form></section>");
        String cm = "/webjars/codemirror/" + codemirrorVersion();
        ctx.html(Html.page(name, csrf, "/", b.toString(),
                "<link rel=\"stylesheet\" href=\"" + cm + "/lib/codemirror.css\">",
                "<link rel=\"stylesheet\" href=\"" + cm + "/addon/lint/lint.css\">",
                "<script src=\"" + cm + "/lib/codemirror.js\"></script>",
                "<script src=\"" + cm + "/mode/yaml/yaml.js\"></script>",
                "<script src=\"" + cm + "/addon/lint/lint.js\"></script>",
                "<link rel=\"stylesheet\" href=\"" + cm + "/addon/hint/show-hint.css\">",
                "<script src=\"" + cm + "/addon/hint/show-hint.js\"></script>"));
    }

    static String codemirrorVersion() {
        return "5.65.19";
    }

    private static String runForm(String csrf, String name, String kind, String label) {
        return "<form method=\"post\" action=\"/runs\" class=\"run-form\">" + Html.csrfField(csrf)
                + "<input type=\"hidden\" name=\"scenario\" value=\"" + Html.esc(name) + "\"><input type=\"hidden\" "
                + "name=\"kind\" value=\"" + kind + "\"><input type=\"hidden\" name=\"replications\" value=\"\">"
                + "<button type=\"submit\" id=\"run-" + kind + "\">" + label
                + "</button></form>";
    }

    private void downloadScenario(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        byte[] bytes = ws.readScenario(name);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(name.endsWith(".json") ? "application/json" : "application/yaml");
        ctx.result(bytes);
    }

    private void save(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        JsonNode body = json.readTree(ctx.bodyAsBytes());
        byte[] bytes = body.path("text").asText("").getBytes(StandardCharsets.UTF_8);
        ws.writeScenario(name, bytes);
        Validation.Result r = Validation.of(ws, runs, name, bytes);
        ctx.contentType("application/json").result(json.writeValueAsString(r.json(json).put("saved", true)));
    }

    private void delete(Context ctx) throws IOException {
        Path p = ws.scenario(ctx.pathParam("name"));
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
        }
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void validate(Context ctx) throws IOException {
        JsonNode body = json.readTree(ctx.bodyAsBytes());
        String name = body.path("name").asText("");
        byte[] bytes = body.path("text").asText("").getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Workspace.MAX_SCENARIO_BYTES) {
            throw new Workspace.Refused(413, "the file is over " + Workspace.MAX_SCENARIO_BYTES + " bytes");
        }
        ctx.contentType("application/json").result(json.writeValueAsString(
                Validation.of(ws, runs, name, bytes).json(json)));
    }

    private void newScenario(Context ctx) throws IOException {
        String stem = ctx.formParam("name");
        String template = ctx.formParam("template");
        if (stem == null || !NEW_NAME.matcher(stem).matches()) {
            throw new Workspace.Refused(400, "a name is lower-case letters, digits and dashes, starting with a letter "
                    + "or digit (it is also the scenario's id)");
        }
        String file = stem + ".yaml";
        if (Files.exists(ws.scenario(file), LinkOption.NOFOLLOW_LINKS)) {
            throw new Workspace.Refused(409, file + " exists already: choose another name");
        }
        byte[] bytes;
        if (Shipped.MINIMAL.equals(template)) {
            bytes = Shipped.minimal();
        } else if (Shipped.exists(template) && !Shipped.isOptions(template)) {
            bytes = Shipped.bytes(template);
        } else {
            throw new Workspace.Refused(400, "no template '" + template + "'");
        }
        String text = NAME_LINE.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceFirst("name: " + stem);
        ws.writeScenario(file, text.getBytes(StandardCharsets.UTF_8));
        ctx.redirect("/scenarios/" + Html.seg(file), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void openExample(Context ctx) throws IOException {
        String name = Shipped.copy(ctx.formParam("example"), ws);
        ctx.redirect("/scenarios/" + Html.seg(name), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void upload(Context ctx) throws IOException {
        UploadedFile f = ctx.uploadedFile("file");
        if (f == null) {
            throw new Workspace.Refused(400, "no file was sent");
        }
        String name = f.filename().replaceAll(".*[/\\\\]", "");
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            uploadData(ctx, f, name);
            return;
        }
        if (!Workspace.isScenarioName(name)) {
            throw new Workspace.Refused(400, "'" + name + "' is not a scenario file name: letters, digits, dashes "
                    + "and underscores ending in .yaml, .yml or .json");
        }
        if (f.size() > Workspace.MAX_SCENARIO_BYTES) {
            throw new Workspace.Refused(413, name + " has " + f.size() + " bytes; at most "
                    + Workspace.MAX_SCENARIO_BYTES + " are taken");
        }
        byte[] bytes;
        try (var in = f.content()) {
            bytes = in.readNBytes(Workspace.MAX_SCENARIO_BYTES + 1);
        }
        if (bytes.length > Workspace.MAX_SCENARIO_BYTES) {
            throw new Workspace.Refused(413, name + " is over " + Workspace.MAX_SCENARIO_BYTES + " bytes");
        }
        if (Files.exists(ws.scenario(name), LinkOption.NOFOLLOW_LINKS) && ctx.formParam("replace") == null) {
            throw new Workspace.Refused(409, name + " exists in the workspace: tick 'replace' to replace it");
        }
        Validation.Result r = Validation.of(ws, runs, name, bytes);
        if (!r.ok()) {
            StringBuilder m = new StringBuilder(name + " was not saved: it has " + r.summary() + ":");
            for (Validation.Item i : r.items()) {
                m.append('\n').append(i.rendered());
            }
            throw new Workspace.Refused(422, m.toString());
        }
        ws.writeScenario(name, bytes);
        ctx.redirect("/scenarios/" + Html.seg(name), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** A spell extract: a plain .csv name, within the size limit, text whose first line has several columns. */
    private void uploadData(Context ctx, UploadedFile f, String name) throws IOException {
        Path target = ws.data(name);
        byte[] bytes;
        try (var in = f.content()) {
            bytes = in.readNBytes(Workspace.MAX_SCENARIO_BYTES + 1);
        }
        if (bytes.length > Workspace.MAX_SCENARIO_BYTES) {
            throw new Workspace.Refused(413, name + " is over " + Workspace.MAX_SCENARIO_BYTES + " bytes: put larger "
                    + "extracts in " + ws.dataDir() + " directly");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Workspace.Refused(422, name + " was not saved: it is not UTF-8 text");
        }
        String header = text.lines().findFirst().orElse("");
        if (header.split("[,;\t|]").length < 3) {
            throw new Workspace.Refused(422, name + " was not saved: its first line should name the columns of a "
                    + "spell extract (spell_id, setting, admitted_at, discharged_at, ...), found '"
                    + header.substring(0, Math.min(header.length(), 80)) + "'");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && ctx.formParam("replace") == null) {
            throw new Workspace.Refused(409, name + " exists in the workspace: tick 'replace' to replace it");
        }
        if (Files.isSymbolicLink(target)) {
            throw new Workspace.Refused(403, name + " is a symbolic link");
        }
        Workspace.writeAtomically(target, bytes);
        ctx.redirect("/#data", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    // ---------------------------------------------------------------- runs

    private void submit(Context ctx) throws IOException {
        String reps = ctx.formParam("replications");
        Integer replications = null;
        if (reps != null && !reps.isBlank()) {
            try {
                replications = Integer.valueOf(reps.trim());
            } catch (NumberFormatException e) {
                throw new Workspace.Refused(400, "replications must be a whole number, was '" + reps + "'");
            }
        }
        Job j = runs.submit(String.valueOf(ctx.formParam("kind")), String.valueOf(ctx.formParam("scenario")),
                replications);
        ctx.redirect("/runs/" + Html.seg(j.id), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void runsPage(Context ctx) throws IOException {
        List<Job> all = runs.list();
        StringBuilder b = new StringBuilder("<h1>Runs</h1><p class=\"lead\">At most ")
                .append(runsAtOnce()).append(" run").append(runsAtOnce() == 1 ? "" : "s")
                .append(" at once, each on ").append(runs.threadsPerRun()).append(" thread")
                .append(runs.threadsPerRun() == 1 ? "" : "s").append(" (this machine has ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores); others wait in the queue.</p>");
        if (all.isEmpty()) {
            b.append("<p class=\"empty\">No runs yet: open a scenario and run it.</p>");
        } else {
            b.append(runTable(all, true));
        }
        ctx.html(Html.page("Runs", security.csrf(), "/runs", b.toString()));
    }

    private int runsAtOnce() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / runs.threadsPerRun());
    }

    private String runTable(List<Job> list, boolean figures) throws IOException {
        StringBuilder b = new StringBuilder("<table class=\"runs\"><thead><tr><th>run</th><th>command</th><th>status"
                + "</th><th>started</th>" + (figures ? "<th>key figures</th>" : "") + "</tr></thead><tbody>");
        for (Job j : list) {
            b.append("<tr data-run=\"").append(Html.esc(j.id)).append("\"><td><a href=\"/runs/").append(Html.seg(j.id))
                    .append("\">").append(Html.esc(j.id)).append("</a></td><td>bedsim ").append(Html.esc(j.kind))
                    .append(' ').append(Html.esc(j.scenario)).append("</td><td><span class=\"status ")
                    .append(j.status().label()).append("\">").append(j.status().label()).append("</span></td><td>")
                    .append(j.started() == null ? "" : Html.esc(j.started().toString().replace('T', ' ')
                            .replaceAll("\\.\\d+Z$", " UTC"))).append("</td>");
            if (figures) {
                b.append("<td class=\"figures\">");
                if (j.status() == Job.Status.SUCCEEDED) {
                    int shown = 0;
                    for (Figures.Figure f : Figures.of(j)) {
                        if (f.isKey() && (j.kind.equals("bridge") ? f.key().endsWith("(beds)")
                                : f.key().endsWith(" / demand_beds_required_percentile")
                                || f.key().endsWith(" / beds_required_percentile")) && shown < 6) {
                            b.append("<div>").append(Html.esc(f.key()
                                    .replace(" / demand_beds_required_percentile",
                                            ": beds required, demand (percentile method)")
                                    .replace(" / beds_required_percentile",
                                            ": beds required as run (percentile method)"))).append(" <b>")
                                    .append(Html.esc(Figures.format(f.mean(), f.unit()))).append("</b></div>");
                            shown++;
                        }
                    }
                }
                b.append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private void runPage(Context ctx) throws IOException {
        Job j = runs.get(ctx.pathParam("id"));
        String csrf = security.csrf();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Run ").append(Html.esc(j.id)).append("</h1><p class=\"lead\">bedsim ").append(Html.esc(j.kind));
        if (j.kind.equals("fit")) {
            b.append(" ").append(Html.esc(j.scenario)).append(" (a data file of the workspace)</p>");
        } else {
            b.append(" <a href=\"/scenarios/").append(Html.seg(j.scenario)).append("\">").append(Html.esc(j.scenario))
                    .append("</a> (the file as run: <a href=\"/runs/").append(Html.seg(j.id))
                    .append("/files/scenario.yaml\">scenario.yaml</a>)</p>");
        }
        b.append("<div id=\"run\" data-run=\"").append(Html.esc(j.id)).append("\" data-status=\"")
                .append(j.status().label()).append("\"><p>Status: <span id=\"status\" class=\"status ")
                .append(j.status().label()).append("\">").append(j.status().label()).append("</span></p>");
        if (!j.status().finished()) {
            b.append("<progress id=\"progress\" max=\"").append(Math.max(1, j.total())).append("\" value=\"")
                    .append(j.done()).append("\"></progress> <span id=\"progress-text\">")
                    .append(j.status() == Job.Status.QUEUED ? "waiting in the queue" : j.total() > 0
                            ? j.done() + "/" + j.total() + " replications" : "starting...").append("</span><form method=\"post\" action=\"/runs/").append(Html.seg(j.id))
                    .append("/cancel\">").append(Html.csrfField(csrf)).append("<button type=\"submit\" id=\"cancel\" "
                            + "class=\"danger\">Cancel</button></form>");
        }
        if (j.message() != null) {
            b.append("<pre id=\"message\" class=\"").append(j.status() == Job.Status.FAILED ? "failure" : "note")
                    .append("\">").append(Html.esc(j.message())).append("</pre>");
        }
        b.append("</div>");
        if (j.status() == Job.Status.SUCCEEDED) {
            results(b, j);
        }
        Path terminal = j.dir.resolve("terminal.txt");
        if (j.status().finished() && Files.isRegularFile(terminal, LinkOption.NOFOLLOW_LINKS)
                && Files.size(terminal) > 0) {
            b.append("<details><summary>What the command printed</summary><pre class=\"terminal\">")
                    .append(Html.esc(new String(Workspace.readRegular(terminal, 1 << 20), StandardCharsets.UTF_8)))
                    .append("</pre></details>");
        }
        ctx.html(Html.page("Run " + j.id, csrf, "/runs", b.toString()));
    }

    private void results(StringBuilder b, Job j) throws IOException {
        String base = "/runs/" + Html.seg(j.id);
        if (j.kind.equals("fit")) {
            b.append("<section><h2>Fitted scenario</h2><p>").append(Html.esc(j.fittedName()))
                    .append(": every fitted value cites the data file and its fit statistics. <a id=\"report-link\" "
                            + "target=\"_blank\" rel=\"noopener\" href=\"").append(base).append("/report\">Open the fit "
                            + "report</a> &middot; <a href=\"").append(base).append("/files/out/")
                    .append(Html.seg(j.fittedName())).append("\">download the scenario</a></p><form method=\"post\" "
                            + "action=\"").append(base).append("/adopt\">").append(Html.csrfField(security.csrf()))
                    .append("<button type=\"submit\" id=\"adopt\">Add it to my scenarios</button></form></section>");
            return;
        }
        List<Figures.Figure> figures = Figures.of(j);
        b.append("<section><h2>Key figures</h2>");
        if (j.kind.equals("run")) {
            b.append(settingsTable(figures)).append("<p class=\"hint\">Mean over the replications, with the 95 % "
                    + "interval below it. Every figure is in the report, settings.csv and the workbook.</p>");
        } else {
            b.append(figureTable(figures, j.kind.equals("bridge")));
        }
        b.append("</section>");
        b.append("<section><h2>Report and downloads</h2><p><a id=\"report-link\" target=\"_blank\" rel=\"noopener\" "
                + "href=\"").append(base).append("/report\">Open the report (report.html)</a> &middot; <a "
                + "id=\"workbook-link\" href=\"").append(base).append("/workbook.xlsx\">Excel workbook of the tidy "
                + "tables</a></p><ul id=\"downloads\">");
        List<String> files = outputs(j);
        for (String f : files) {
            b.append("<li><a href=\"").append(base).append("/files/out/").append(pathUrl(f)).append("\">")
                    .append(Html.esc(f)).append("</a></li>");
        }
        b.append("</ul></section>");
        List<String> pngs = files.stream().filter(f -> f.endsWith(".png")).toList();
        b.append("<section><h2>Charts</h2>");
        if (pngs.isEmpty()) {
            b.append("<p>This command draws its charts in the report:</p>");
        }
        for (String f : pngs) {
            b.append("<figure><img src=\"").append(base).append("/files/out/").append(pathUrl(f)).append("\" alt=\"")
                    .append(Html.esc(f)).append("\"><figcaption>").append(Html.esc(f)).append("</figcaption></figure>");
        }
        if (pngs.isEmpty()) {
            b.append("<iframe class=\"report\" title=\"report\" src=\"").append(base).append("/report\"></iframe>");
        }
        b.append("</section>");
    }

    /** @return a run's key figures: one row per setting, one column per key KPI */
    private static String settingsTable(List<Figures.Figure> figures) {
        java.util.Map<String, java.util.Map<String, Figures.Figure>> bySetting = new java.util.LinkedHashMap<>();
        for (Figures.Figure f : figures) {
            int cut = f.key().lastIndexOf(" / ");
            String kpi = f.key().substring(cut + 3);
            if (Figures.KEY_LABELS.containsKey(kpi)) {
                bySetting.computeIfAbsent(f.key().substring(0, cut), k -> new java.util.HashMap<>()).put(kpi, f);
            }
        }
        StringBuilder b = new StringBuilder("<table id=\"key-figures\" class=\"figures\"><thead><tr><th>setting</th>");
        for (String label : Figures.KEY_LABELS.values()) {
            b.append("<th>").append(Html.esc(label)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (var e : bySetting.entrySet()) {
            b.append("<tr><td>").append(Html.esc(e.getKey())).append("</td>");
            for (String kpi : Figures.KEY_LABELS.keySet()) {
                Figures.Figure f = e.getValue().get(kpi);
                b.append("<td class=\"num\">").append(f == null ? "" : cell(f)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String pathUrl(String rel) {
        StringBuilder s = new StringBuilder();
        for (String seg : rel.split("/")) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(Html.seg(seg));
        }
        return s.toString();
    }

    private static List<String> outputs(Job j) throws IOException {
        Path out = j.out();
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(out, 3)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(r -> java.util.Arrays.stream(r.split("/")).allMatch(x -> Workspace.SEGMENT.matcher(x)
                            .matches()))
                    .sorted().toList();
        }
    }

    private static String figureTable(List<Figures.Figure> figures, boolean all) {
        StringBuilder b = new StringBuilder("<table class=\"figures\"><thead><tr><th>figure</th><th>mean</th>"
                + "<th>95 % interval</th><th>unit</th></tr></thead><tbody>");
        for (Figures.Figure f : figures) {
            if (all || f.isKey()) {
                b.append("<tr><td>").append(Html.esc(f.key())).append("</td><td class=\"num\">")
                        .append(Figures.format(f.mean(), f.unit())).append("</td><td class=\"num\">")
                        .append(Double.isNaN(f.low()) ? "" : Figures.format(f.low(), f.unit()) + " to "
                                + Figures.format(f.high(), f.unit()))
                        .append("</td><td>").append(Html.esc(f.unit())).append("</td></tr>");
            }
        }
        return b.append("</tbody></table>").toString();
    }

    private Job finished(String id) {
        Job j = runs.get(id);
        if (j.status() != Job.Status.SUCCEEDED) {
            throw new Workspace.Refused(404, "run " + id + " is " + j.status().label() + ": it has no results");
        }
        return j;
    }

    private void outputFile(Context ctx, Job j, String rel, boolean attachmentUnlessImage) throws IOException {
        Path f = rel.equals("scenario.yaml") ? Workspace.file(j.dir, rel)
                : rel.startsWith("out/") ? Workspace.file(j.out(), rel.substring(4))
                : rel.equals("report.html") ? Workspace.file(j.out(), rel)
                : null;
        if (f == null) {
            throw new Workspace.Refused(404, "no such file: '" + rel + "'");
        }
        String name = f.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".html") ? "text/html; charset=utf-8"
                : lower.endsWith(".png") ? "image/png"
                : lower.endsWith(".svg") ? "image/svg+xml"
                : lower.endsWith(".json") ? "application/json"
                : lower.endsWith(".csv") ? "text/csv; charset=utf-8"
                : "text/plain; charset=utf-8";
        ctx.header("Content-Security-Policy", Security.OUTPUT_CSP);
        boolean inline = lower.endsWith(".png") || lower.endsWith(".svg") || lower.endsWith(".html");
        if (attachmentUnlessImage && !inline) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        }
        ctx.contentType(type);
        ctx.result(Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS));
    }

    private void workbook(Context ctx) throws IOException {
        Job j = finished(ctx.pathParam("id"));
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ctx.header("Content-Disposition", "attachment; filename=\"bedsim-" + j.id + ".xlsx\"");
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        Workbook.write(j, buf);
        try (OutputStream os = ctx.outputStream()) {
            buf.writeTo(os);
        }
    }

    // ---------------------------------------------------------------- compare two runs

    private void comparePage(Context ctx) throws IOException {
        List<Job> done = runs.list().stream().filter(j -> j.status() == Job.Status.SUCCEEDED).toList();
        String a = ctx.queryParam("a");
        String bId = ctx.queryParam("b");
        StringBuilder b = new StringBuilder("<h1>Compare two runs</h1><p class=\"lead\">Two finished runs of the same "
                + "command side by side: each figure's mean and 95 % interval, and the difference (second minus "
                + "first). Runs on different seeds are independent, so a difference smaller than the intervals' "
                + "widths may be noise; for paired differences on common random numbers, use an options file and "
                + "compare.</p><form method=\"get\" action=\"/compare\" id=\"compare-form\">");
        b.append(select("a", "First run", done, a)).append(select("b", "Second run", done, bId))
                .append("<button type=\"submit\">Compare</button></form>");
        if (a != null && bId != null) {
            Job ja = finished(a);
            Job jb = finished(bId);
            if (!ja.kind.equals(jb.kind)) {
                throw new Workspace.Refused(400, "a " + ja.kind + " and a " + jb.kind + " have different figures: "
                        + "compare two runs of the same command");
            }
            List<Figures.Figure> fa = Figures.of(ja);
            java.util.Map<String, Figures.Figure> fb = new java.util.LinkedHashMap<>();
            for (Figures.Figure f : Figures.of(jb)) {
                fb.put(f.key(), f);
            }
            boolean allRows = "all".equals(ctx.queryParam("show"));
            b.append("<table id=\"comparison\" class=\"figures\"><thead><tr><th>figure</th><th>")
                    .append(Html.esc(ja.scenario)).append("<br><small>").append(Html.esc(ja.id)).append("</small></th><th>")
                    .append(Html.esc(jb.scenario)).append("<br><small>").append(Html.esc(jb.id)).append("</small></th>"
                            + "<th>difference</th><th>unit</th></tr></thead><tbody>");
            for (Figures.Figure x : fa) {
                Figures.Figure y = fb.get(x.key());
                if (y == null || !(allRows || x.isKey())) {
                    continue;
                }
                double d = y.mean() - x.mean();
                b.append("<tr><td>").append(Html.esc(Figures.label(x.key()))).append("</td><td class=\"num\">")
                        .append(cell(x)).append("</td><td class=\"num\">").append(cell(y)).append("</td><td class=\"num")
                        .append(d > 0 ? " up" : d < 0 ? " down" : "").append("\">")
                        .append(Figures.difference(d, x.unit()))
                        .append("</td><td>").append(Html.esc(x.unit())).append("</td></tr>");
            }
            b.append("</tbody></table>");
            if (!allRows) {
                b.append("<p><a href=\"/compare?a=").append(Html.seg(a)).append("&amp;b=").append(Html.seg(bId))
                        .append("&amp;show=all\">Show every figure</a></p>");
            }
        }
        ctx.html(Html.page("Compare runs", security.csrf(), "/compare", b.toString()));
    }

    private static String cell(Figures.Figure f) {
        return Figures.format(f.mean(), f.unit()) + (Double.isNaN(f.low()) ? "" : "<br><small>"
                + Figures.format(f.low(), f.unit()) + " to " + Figures.format(f.high(), f.unit()) + "</small>");
    }

    private static String select(String name, String label, List<Job> jobs, String chosen) {
        StringBuilder b = new StringBuilder("<label>").append(label).append(" <select name=\"").append(name)
                .append("\" id=\"compare-").append(name).append("\">");
        for (Job j : jobs) {
            b.append("<option value=\"").append(Html.esc(j.id)).append("\"").append(j.id.equals(chosen) ? " selected" : "")
                    .append(">").append(Html.esc(j.id)).append("</option>");
        }
        return b.append("</select></label> ").toString();
    }

    // ---------------------------------------------------------------- failures

    private void refused(Context ctx, int status, String message) {
        ctx.status(status);
        boolean api = ctx.path().startsWith("/api/") || ctx.path().endsWith("/save")
                || "application/json".equals(ctx.contentType()) || ctx.header(Security.CSRF_HEADER) != null
                && !ctx.path().equals("/upload");
        if (api) {
            ctx.contentType("application/json").result("{\"error\":" + quote(message) + "}");
            return;
        }
        // no CSRF token for a request refused before it was let in (no access token, a foreign Host)
        String token = status == 401 || status == 421 ? "" : security.csrf();
        ctx.html(Html.page("Problem", token, "", "<h1>That did not work</h1><pre id=\"error\" "
                + "class=\"failure\">" + Html.esc(message) + "</pre><p><a href=\"/\">Scenarios</a> &middot; "
                + "<a href=\"/runs\">Runs</a></p>"));
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (IOException e) {
            return "\"\"";
        }
    }
}
