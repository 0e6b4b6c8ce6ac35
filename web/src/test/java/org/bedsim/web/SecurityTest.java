package org.bedsim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bedsim.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's safety rules, attacked over HTTP: path traversal (encoded, absolute, through symbolic links, through
 * an options file's base), oversize and invalid uploads, requests without a CSRF token, a foreign Host header, a
 * server bound beyond this machine asked without its token, and user text that tries to become markup.
 */
class SecurityTest {
    @TempDir
    static Path tmp;
    static Server server;
    static String base;
    static String csrf;
    static Path secret;

    @BeforeAll
    static void start() throws Exception {
        secret = tmp.resolve("secret.yaml");
        Files.writeString(secret, "name: top-secret-content\n");
        server = TestServers.local(tmp.resolve("ws"));
        base = TestServers.base(server);
        csrf = TestServers.csrf(server);
        assertEquals(303, TestServers.postForm(base + "/examples/open", "example=examples%2Fsingle-hospital.yaml",
                csrf).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void refused(String path) throws Exception {
        HttpResponse<String> r = TestServers.get(base + path);
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + ": " + r.statusCode());
        assertFalse(r.body().contains("top-secret-content"), path);
        assertFalse(r.body().contains("root:x:0"), path);
    }

    @Test
    void traversal_isRefused_encodedAbsoluteOrThroughRunFiles() throws Exception {
        for (String p : List.of("/scenarios/..%2Fsecret.yaml", "/scenarios/..%2F..%2Fsecret.yaml/download",
                "/scenarios/%2Fetc%2Fpasswd/download", "/scenarios/..%2F..%2F..%2F..%2Fetc%2Fpasswd/download",
                "/scenarios/.hidden.yaml/download", "/scenarios/C:%5Cwindows%5Cwin.ini/download",
                "/static/..%2F..%2F..%2Fsecret.yaml", "/runs/..%2F..%2Fsecret.yaml",
                "/runs/20260101-000000-000-run-x/files/..%2F..%2F..%2Fsecret.yaml")) {
            refused(p);
        }
        // through a real run's files: its folder, then beyond it
        String id = finishedRun();
        assertEquals(200, TestServers.get(base + "/runs/" + id + "/files/out/settings.csv").statusCode());
        for (String p : List.of("/files/out/../job.json", "/files/out/..%2Fjob.json", "/files/out/%2E%2E/job.json",
                "/files/job.json", "/files/log.txt", "/files/out/../../../secret.yaml", "/files/%2Fetc%2Fpasswd",
                "/files/out/.settings.csv.tmp", "/files/out//etc/passwd")) {
            refused("/runs/" + id + p);
        }
        // the validator refuses names with folders
        HttpResponse<String> v = TestServers.postJson(base + "/api/validate",
                "{\"name\":\"../secret.yaml\",\"text\":\"name: x\"}", csrf);
        assertEquals(400, v.statusCode(), v.body());
        HttpResponse<String> s = TestServers.postJson(base + "/scenarios/..%2Fescaped.yaml/save",
                "{\"text\":\"name: x\"}", csrf);
        assertTrue(s.statusCode() >= 400, s.body());
        assertFalse(Files.exists(tmp.resolve("ws/escaped.yaml")) || Files.exists(tmp.resolve("escaped.yaml")));
    }

    @Test
    void symbolicLinks_outOfTheWorkspace_areNeitherListedNorRead() throws Exception {
        Path link = tmp.resolve("ws/scenarios/linked.yaml");
        Files.createSymbolicLink(link, secret);
        try {
            assertFalse(TestServers.get(base + "/").body().contains("linked.yaml"), "not listed");
            refused("/scenarios/linked.yaml");
            refused("/scenarios/linked.yaml/download");
            HttpResponse<String> run = TestServers.postForm(base + "/runs", "kind=run&scenario=linked.yaml", csrf);
            assertTrue(run.statusCode() >= 400, run.body());
            HttpResponse<String> save = TestServers.postJson(base + "/scenarios/linked.yaml/save",
                    "{\"text\":\"name: overwritten\"}", csrf);
            assertTrue(save.statusCode() >= 400, save.body());
            assertEquals("name: top-secret-content\n", Files.readString(secret), "the link's target is untouched");
        } finally {
            Files.delete(link);
        }
        String id = finishedRun();
        Path outLink = tmp.resolve("ws/runs/" + id + "/out/leak.csv");
        Files.createSymbolicLink(outLink, secret);
        try {
            refused("/runs/" + id + "/files/out/leak.csv");
            HttpResponse<String> page = TestServers.get(base + "/runs/" + id);
            assertFalse(page.body().contains("leak.csv"), "a link is not offered as an output");
        } finally {
            Files.delete(outLink);
        }
    }

    @Test
    void optionsFile_whoseBaseIsOutsideTheWorkspace_isRefusedBeforeAnythingReadsIt() throws Exception {
        for (String ref : List.of("../../secret.yaml", secret.toString(), "sub/x.yaml")) {
            String text = "name: sneaky\nbase:\n  scenario: " + ref + "\noptions:\n  - name: a\n    overrides: {}\n";
            HttpResponse<String> v = TestServers.postJson(base + "/api/validate",
                    "{\"name\":\"sneaky.yaml\",\"text\":" + quote(text) + "}", csrf);
            assertEquals(200, v.statusCode(), v.body());
            assertTrue(v.body().contains("must name a scenario file of the workspace"), v.body());
            assertFalse(v.body().contains("top-secret"), v.body());
        }
    }

    @Test
    void uploads_overTheLimit_orInvalid_areRefused_andNotSaved() throws Exception {
        byte[] big = ("# " + "x".repeat(Workspace.MAX_SCENARIO_BYTES) + "\nname: big\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = upload("big.yaml", big, csrf);
        assertEquals(413, r.statusCode(), r.body());
        assertFalse(Files.exists(tmp.resolve("ws/scenarios/big.yaml")));

        HttpResponse<String> bad = upload("bad.yaml", "name: bad\nsettings: 3\n".getBytes(StandardCharsets.UTF_8),
                csrf);
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("bad.yaml was not saved"), bad.body());
        assertTrue(bad.body().contains("bad.yaml:2:"), "the problems, with their lines: " + bad.body());
        assertFalse(Files.exists(tmp.resolve("ws/scenarios/bad.yaml")));

        byte[] good = Files.readAllBytes(Path.of("../scenarios/examples/bridge-example.yaml"));
        HttpResponse<String> ok = upload("bridge-example.yaml", good, csrf);
        assertEquals(303, ok.statusCode(), ok.body());
        assertTrue(Files.exists(tmp.resolve("ws/scenarios/bridge-example.yaml")));
        assertEquals(409, upload("bridge-example.yaml", good, csrf).statusCode(), "no silent replacement");

        HttpResponse<String> notData = upload("notes.csv", "hello\n".getBytes(StandardCharsets.UTF_8), csrf);
        assertEquals(422, notData.statusCode(), notData.body());
        assertFalse(Files.exists(tmp.resolve("ws/data/notes.csv")));
        HttpResponse<String> data = upload("spells.csv", "spell_id,setting,admitted_at,discharged_at\n1,a,2020-01-01,"
                .getBytes(StandardCharsets.UTF_8), csrf);
        assertEquals(303, data.statusCode(), data.body());
        assertTrue(Files.exists(tmp.resolve("ws/data/spells.csv")), "a spell extract goes to data/");

        HttpResponse<String> name = upload("../../evil.yaml", good, csrf);
        assertTrue(name.statusCode() == 303 || name.statusCode() == 409, "a path is cut to its file name");
        assertFalse(Files.exists(tmp.resolve("evil.yaml")));
    }

    @Test
    void changes_withoutTheCsrfToken_areRefused() throws Exception {
        String wrong = Security.random();
        for (String token : new String[] {null, wrong}) {
            assertEquals(403, TestServers.postForm(base + "/new", "template=minimal&name=nocsrf", token).statusCode());
            assertEquals(403, TestServers.postForm(base + "/runs", "kind=run&scenario=single-hospital.yaml", token)
                    .statusCode());
            assertEquals(403, TestServers.postJson(base + "/scenarios/single-hospital.yaml/save",
                    "{\"text\":\"name: x\"}", token).statusCode());
            assertEquals(403, TestServers.postForm(base + "/scenarios/single-hospital.yaml/delete", "", token)
                    .statusCode());
            assertEquals(403, upload("nocsrf.yaml", "name: x\n".getBytes(StandardCharsets.UTF_8), token)
                    .statusCode());
        }
        assertFalse(Files.exists(tmp.resolve("ws/scenarios/nocsrf.yaml")));
        assertTrue(Files.readString(tmp.resolve("ws/scenarios/single-hospital.yaml")).contains("cohorts:"));
        assertEquals(303, TestServers.postForm(base + "/new", "template=minimal&name=with-csrf", csrf).statusCode());
        assertTrue(Files.exists(tmp.resolve("ws/scenarios/with-csrf.yaml")));
    }

    @Test
    void pages_setTheContentSecurityPolicy_andRunFilesAreSandboxed() throws Exception {
        HttpResponse<String> home = TestServers.get(base + "/");
        String csp = home.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertFalse(home.body().contains("<script>"), "no inline script");
        String id = finishedRun();
        HttpResponse<String> report = TestServers.get(base + "/runs/" + id + "/report");
        assertEquals(200, report.statusCode());
        String rcsp = report.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(rcsp.contains("sandbox") && rcsp.contains("default-src 'none'"), rcsp);
    }

    @Test
    void aForeignHostHeader_isRefused() throws Exception {
        // the JDK client does not let a test set Host: a raw socket does
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
            assertFalse(answer.contains("csrf-token"), "no page, no token");
        }
    }

    @Test
    void userText_isEscaped() throws Exception {
        String text = "name: x</textarea><script>alert(1)</script>\n";
        assertEquals(200, TestServers.postJson(base + "/scenarios/markup.yaml/save", "{\"text\":" + quote(text) + "}",
                csrf).statusCode());
        String page = TestServers.get(base + "/scenarios/markup.yaml").body();
        assertFalse(page.contains("<script>alert(1)"), "escaped");
        assertTrue(page.contains("x&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
        String notFound = TestServers.get(base + "/runs/%3Cscript%3Ealert(1)%3C%2Fscript%3E").body();
        assertFalse(notFound.contains("<script>alert"), notFound);
    }

    @Test
    void aServerBeyondThisMachine_needsTheTokenItPrinted() throws Exception {
        ServeCommand serve = new ServeCommand();
        StringWriter out = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(Main.execute(new String[] {"serve", "--host", "0.0.0.0", "--port", "0",
            "--workspace", tmp.resolve("ws-public").toString()}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), serve)));
        t.start();
        Pattern address = Pattern.compile("bedsim serve: http://0\\.0\\.0\\.0:(\\d+)/\\?token=([A-Za-z0-9_-]{43})");
        Matcher m = address.matcher("");
        for (int i = 0; i < 600 && !(m = address.matcher(out.toString())).find(); i++) {
            Thread.sleep(50);
        }
        assertTrue(m.find(0), "prints the address with its token: " + out);
        String url = "http://127.0.0.1:" + m.group(1) + "/";
        try {
            HttpResponse<String> none = TestServers.get(url);
            assertEquals(401, none.statusCode());
            assertFalse(none.body().contains("csrf-token"));
            assertEquals(401, TestServers.get(url + "?token=" + Security.random()).statusCode(), "a wrong token");
            assertEquals(401, TestServers.get(url + "runs").statusCode());
            HttpResponse<String> with = TestServers.get(url + "?token=" + m.group(2));
            assertEquals(200, with.statusCode());
            String cookie = with.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            HttpResponse<String> bearer = TestServers.HTTP.send(HttpRequest.newBuilder(URI.create(url + "runs"))
                    .header("Authorization", "Bearer " + m.group(2)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, bearer.statusCode());
        } finally {
            serve.stop();
            t.join(20_000);
        }
        assertEquals(0, code.get());
    }

    private static String finishedRun() throws Exception {
        for (Job j : server.runs().list()) {
            if (j.status() == Job.Status.SUCCEEDED) {
                return j.id;
            }
        }
        Path f = tmp.resolve("ws/scenarios/tiny.yaml");
        String text = new String(Shipped.minimal(), StandardCharsets.UTF_8).replace("replications: 10",
                "replications: 2").replace("name: my-scenario", "name: tiny");
        Files.writeString(f, text);
        Job j = server.runs().submit("run", "tiny.yaml");
        for (int i = 0; i < 1200 && !j.status().finished(); i++) {
            Thread.sleep(50);
        }
        assertEquals(Job.Status.SUCCEEDED, j.status(), j.message());
        return j.id;
    }

    private static synchronized HttpResponse<String> upload(String name, byte[] content, String token)
            throws IOException, InterruptedException {
        String boundary = "----bedsim" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (token != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/yaml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return TestServers.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
