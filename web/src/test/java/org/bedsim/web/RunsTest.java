package org.bedsim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run queue: a failing run shows the command's message and the server stays up; cancel stops a running child
 * process; runs wait in the queue rather than use more threads than cores; a server killed in the middle of a run
 * lists it as interrupted when it starts again, and offers none of its outputs.
 */
class RunsTest {
    @TempDir
    Path tmp;

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        for (int i = 0; i < seconds * 20; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static void long_(Path ws, String name) throws Exception {
        Path f = Files.createDirectories(ws.resolve("scenarios")).resolve(name);
        Files.writeString(f, new String(Shipped.bytes("examples/single-hospital.yaml"), StandardCharsets.UTF_8)
                .replace("replications: 20", "replications: 5000"));
    }

    @Test
    void aFailingRun_showsTheCommandsMessage_andTheServerStaysUp() throws Exception {
        try (Server s = TestServers.local(tmp.resolve("ws"))) {
            Path f = tmp.resolve("ws/scenarios/broken.yaml");
            Files.writeString(f, new String(Shipped.minimal(), StandardCharsets.UTF_8).replace("mean: 5", "mean: -5"));
            Job j = s.runs().submit("run", "broken.yaml");
            await(() -> j.status().finished(), 60, "the run to fail");
            assertEquals(Job.Status.FAILED, j.status());
            assertEquals(2, j.exitCode(), "bad input");
            assertTrue(j.message().contains("broken.yaml:") && j.message().contains("cohorts[0].los.acute.mean: found -5"),
                    j.message());
            assertFalse(j.message().contains(tmp.toString()), "no server paths in the message: " + j.message());
            HttpResponse<String> page = TestServers.get(TestServers.base(s) + "/runs/" + j.id);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("class=\"failure\"") && page.body().contains("found -5"), page.body());
            assertEquals(404, TestServers.get(TestServers.base(s) + "/runs/" + j.id + "/report").statusCode());
            assertEquals(200, TestServers.get(TestServers.base(s) + "/").statusCode(), "still serving");
        }
    }

    @Test
    void cancel_stopsTheRun_andTheQueueNeverRunsMoreThanTheCores() throws Exception {
        Path ws = tmp.resolve("ws");
        long_(ws, "long.yaml");
        try (Server s = TestServers.local(ws)) {
            int cores = Runtime.getRuntime().availableProcessors();
            assertTrue(s.runs().threadsPerRun() <= cores);
            Job first = s.runs().submit("run", "long.yaml");
            Job second = s.runs().submit("run", "long.yaml");
            await(() -> first.status() == Job.Status.RUNNING && first.total() > 0, 60, "the first run to start");
            assertEquals(Job.Status.QUEUED, second.status(), "one run at a time on all cores: the second waits");
            assertEquals(5000, first.total());
            ProcessHandle child = first.process.toHandle();
            String csrf = TestServers.csrf(s);
            assertEquals(303, TestServers.postForm(TestServers.base(s) + "/runs/" + second.id + "/cancel", "", csrf)
                    .statusCode());
            assertEquals(Job.Status.CANCELLED, second.status());
            assertEquals(303, TestServers.postForm(TestServers.base(s) + "/runs/" + first.id + "/cancel", "", csrf)
                    .statusCode());
            await(() -> first.status().finished(), 30, "the cancelled run to stop");
            assertEquals(Job.Status.CANCELLED, first.status());
            await(() -> !child.isAlive(), 10, "the child process to end");
            assertTrue(first.done() < 5000);
            assertEquals(404, TestServers.get(TestServers.base(s) + "/runs/" + first.id + "/workbook.xlsx")
                    .statusCode(), "a cancelled run offers no results");
        }
    }

    @Test
    void aKilledServer_leavesItsRunListedAsInterrupted() throws Exception {
        Path ws = tmp.resolve("ws");
        long_(ws, "long.yaml");
        String id;
        ProcessHandle child;
        try (Server s = TestServers.local(ws)) {
            Job j = s.runs().submit("run", "long.yaml");
            await(() -> j.status() == Job.Status.RUNNING, 60, "the run to start");
            id = j.id;
            child = j.process.toHandle();
        } // closed mid-run, as a killed server would be: the record still says running
        await(() -> !child.isAlive(), 20, "the child to end with the server");
        assertTrue(Files.readString(ws.resolve("runs/" + id + "/job.json")).contains("\"status\" : \"running\""));
        try (Server again = TestServers.local(ws)) {
            Job j = again.runs().get(id);
            assertEquals(Job.Status.INTERRUPTED, j.status());
            assertTrue(j.message().contains("stopped before this run finished"), j.message());
            String page = TestServers.get(TestServers.base(again) + "/runs").body();
            assertTrue(page.contains("status interrupted"), page);
            assertEquals(404, TestServers.get(TestServers.base(again) + "/runs/" + id + "/report").statusCode());
        }
    }

    @Test
    void bridgeAndCompare_runFromTheApp_withTheirFiguresChartsAndWorkbook() throws Exception {
        Path ws = tmp.resolve("ws");
        try (Server s = TestServers.local(ws)) {
            String csrf = TestServers.csrf(s);
            String base = TestServers.base(s);
            TestServers.postForm(base + "/examples/open", "example=examples%2Fbridge-example.yaml", csrf);
            TestServers.postForm(base + "/examples/open", "example=examples%2Fsingle-hospital-options.yaml", csrf);
            assertEquals(400, TestServers.postForm(base + "/runs", "kind=compare&scenario=bridge-example.yaml"
                    + "&replications=2", csrf).statusCode(), "compare needs an options file");
            assertEquals(303, TestServers.postForm(base + "/runs", "kind=bridge&scenario=bridge-example.yaml"
                    + "&replications=2", csrf).statusCode());
            assertEquals(303, TestServers.postForm(base + "/runs", "kind=compare&scenario=single-hospital-options.yaml"
                    + "&replications=2", csrf).statusCode());
            for (Job j : s.runs().list()) {
                await(() -> j.status().finished(), 240, j.kind + " to finish");
                assertEquals(Job.Status.SUCCEEDED, j.status(), j.message());
                assertEquals(2, j.replications);
                String page = TestServers.get(base + "/runs/" + j.id).body();
                assertTrue(page.contains("<img src=\"/runs/" + j.id + "/files/out/"), j.kind + ": charts shown");
                HttpResponse<byte[]> xlsx = TestServers.HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/runs/" + j.id + "/workbook.xlsx")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, xlsx.statusCode());
                try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                        new java.io.ByteArrayInputStream(xlsx.body()))) {
                    assertTrue(wb.findSheet(j.kind.equals("bridge") ? "bridge" : "compare").isPresent(), j.kind);
                }
                if (j.kind.equals("bridge")) {
                    assertTrue(page.contains("Beds 2016/17 (beds)") && page.contains("(change)"), page);
                } else {
                    assertTrue(page.contains("kind:acute"), "option figures per kind of setting");
                }
            }
        }
    }

    @Test
    void aRunWhoseOutputsChangedOrWentMissing_isListedAsIncomplete_onRestart() throws Exception {
        Path ws = tmp.resolve("ws");
        Files.createDirectories(ws.resolve("scenarios"));
        Files.writeString(ws.resolve("scenarios/tiny.yaml"), new String(Shipped.minimal(), StandardCharsets.UTF_8)
                .replace("replications: 10", "replications: 2"));
        String id;
        try (Server s = TestServers.local(ws)) {
            Job j = s.runs().submit("run", "tiny.yaml");
            await(() -> j.status().finished(), 120, "the run");
            assertEquals(Job.Status.SUCCEEDED, j.status(), j.message());
            assertTrue(Files.exists(j.out().resolve(org.bedsim.report.OutputDirectory.MARKER)));
            id = j.id;
        }
        Files.delete(ws.resolve("runs/" + id + "/out/settings.csv")); // half a folder, as a crash might leave
        try (Server again = TestServers.local(ws)) {
            Job j = again.runs().get(id);
            assertEquals(Job.Status.INTERRUPTED, j.status());
            assertTrue(j.message().contains("settings.csv is missing"), j.message());
            assertEquals(404, TestServers.get(TestServers.base(again) + "/runs/" + id + "/workbook.xlsx")
                    .statusCode());
        }
    }

    @Test
    void fit_fromADataFileOfTheWorkspace_writesAScenarioTheUserCanAdd() throws Exception {
        Path ws = tmp.resolve("ws");
        Path truth = tmp.resolve("truth");
        java.io.StringWriter sink = new java.io.StringWriter();
        int code = org.bedsim.cli.Main.execute(new String[] {"run", Path.of("").toAbsolutePath().getParent()
            .resolve("scenarios/examples/data/hospital.yaml").toString(), "--spells-out", "--replications", "1",
            "--out", truth.toString(), "--quiet"}, new java.io.PrintWriter(sink), new java.io.PrintWriter(sink));
        assertEquals(0, code, sink.toString());
        Files.createDirectories(ws.resolve("data"));
        Files.copy(truth.resolve("spells.csv"), ws.resolve("data/ward-spells.csv"));
        try (Server s = TestServers.local(ws)) {
            String base = TestServers.base(s);
            String csrf = TestServers.csrf(s);
            assertTrue(TestServers.get(base + "/").body().contains("ward-spells.csv"), "listed with a Fit button");
            assertEquals(303, TestServers.postForm(base + "/runs", "kind=fit&scenario=ward-spells.csv", csrf)
                    .statusCode());
            assertEquals(400, TestServers.postForm(base + "/runs", "kind=fit&scenario=..%2F..%2Fx.csv", csrf)
                    .statusCode(), "a data file is a plain name too");
            Job j = s.runs().list().get(0);
            await(() -> j.status().finished(), 240, "the fit");
            assertEquals(Job.Status.SUCCEEDED, j.status(), j.message());
            HttpResponse<String> report = TestServers.get(base + "/runs/" + j.id + "/report");
            assertEquals(200, report.statusCode());
            assertTrue(report.body().contains("ward-spells.csv"), "the fit report names its data");
            assertEquals(303, TestServers.postForm(base + "/runs/" + j.id + "/adopt", "", csrf).statusCode());
            byte[] fitted = Files.readAllBytes(ws.resolve("scenarios/ward-spells-fitted.yaml"));
            Validation.Result r = Validation.of(Workspace.open(ws), s.runs(), "ward-spells-fitted.yaml", fitted);
            assertTrue(r.ok(), "the fitted scenario validates: " + r.items());
            assertEquals(409, TestServers.postForm(base + "/runs/" + j.id + "/adopt", "", csrf).statusCode(),
                    "never overwrites a scenario");
        }
    }
}
