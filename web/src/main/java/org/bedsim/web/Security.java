package org.bedsim.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The server's safety rules, applied before every request: security headers (a content-security policy that allows
 * only the server's own scripts and styles), the Host header of a local server (against DNS rebinding), the access
 * token of a server bound beyond this machine, and the CSRF token of every request that changes something.
 */
final class Security {
    /** The policy of the app's pages: own scripts and styles only, no inline script, no framing by others. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** The policy of a run's own files (report.html, charts): no script at all, inline styles and images only. */
    static final String OUTPUT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'; "
            + "frame-ancestors 'self'; sandbox";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "_csrf";
    static final String TOKEN_COOKIE = "bedsim_token";

    private final String csrf;
    private final String accessToken;
    private final boolean local;
    private volatile int port;

    /**
     * @param accessToken the token a non-local server requires, or null for a local one
     * @param local true when bound to the loopback address only
     */
    Security(String accessToken, boolean local) {
        this.csrf = random();
        this.accessToken = accessToken;
        this.local = local;
    }

    /** @return a new random token (256 bits, URL-safe) */
    static String random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b); // secret, not simulation randomness
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    void port(int p) {
        port = p;
    }

    String csrf() {
        return csrf;
    }

    /** Applies the rules to a request; throws {@link Workspace.Refused} to refuse it. */
    void check(Context ctx, long maxBody) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Cache-Control", "no-store");
        if (local) {
            String host = ctx.header("Host");
            Set<String> allowed = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
            if (host == null || !allowed.contains(host.toLowerCase(java.util.Locale.ROOT))) {
                throw new Workspace.Refused(421, "this bedsim server answers only at http://127.0.0.1:" + port + "/");
            }
        }
        if (accessToken != null) {
            String given = ctx.queryParam("token");
            if (given != null && same(given, accessToken)) {
                Cookie c = new Cookie(TOKEN_COOKIE, accessToken);
                c.setHttpOnly(true);
                c.setSameSite(SameSite.STRICT);
                c.setPath("/");
                ctx.cookie(c);
            } else {
                String cookie = ctx.cookie(TOKEN_COOKIE);
                String auth = ctx.header("Authorization");
                boolean ok = cookie != null && same(cookie, accessToken)
                        || auth != null && auth.startsWith("Bearer ") && same(auth.substring(7), accessToken);
                if (!ok) {
                    throw new Workspace.Refused(401, "this bedsim server needs the access token printed when it "
                            + "started: open the address it printed, with ?token=...");
                }
            }
        }
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            long length = ctx.req().getContentLengthLong();
            if (length > maxBody) {
                throw new Workspace.Refused(413, "the request has " + length + " bytes; at most " + maxBody
                        + " are taken (scenario files of at most " + Workspace.MAX_SCENARIO_BYTES + " bytes)");
            }
            String token = ctx.header(CSRF_HEADER);
            if (token == null) {
                String type = ctx.contentType();
                if (type != null && (type.startsWith("application/x-www-form-urlencoded")
                        || type.startsWith("multipart/form-data"))) {
                    token = ctx.formParam(CSRF_FIELD);
                }
            }
            if (token == null || !same(token, csrf)) {
                throw new Workspace.Refused(403, "the request has no valid CSRF token: reload the page and try "
                        + "again");
            }
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
