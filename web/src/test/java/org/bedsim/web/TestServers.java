package org.bedsim.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts servers on free ports over temporary workspaces, and reads their pages. */
final class TestServers {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private TestServers() {
    }

    /** @return a local server (127.0.0.1, no access token) on a free port */
    static Server local(Path workspace) throws IOException {
        return new Server(Workspace.open(workspace), "127.0.0.1", null, 1, Runs.thisJava()).start(0);
    }

    static String base(Server s) {
        return "http://127.0.0.1:" + s.port();
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the CSRF token of the server's pages */
    static String csrf(Server s) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(base(s) + "/").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return m.group(1);
    }

    static HttpResponse<String> postForm(String url, String form, String csrfHeader)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (csrfHeader != null) {
            b.header(Security.CSRF_HEADER, csrfHeader);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String url, String json, String csrfHeader)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfHeader != null) {
            b.header(Security.CSRF_HEADER, csrfHeader);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
