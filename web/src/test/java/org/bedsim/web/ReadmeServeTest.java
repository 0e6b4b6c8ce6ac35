package org.bedsim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bedsim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs that run, for the one command that does not finish: every {@code ./bedsim serve ...} the README shows is
 * started through the command line (on a free port and a temporary workspace instead of 8080 and
 * {@code ./bedsim-workspace}), prints its address, answers there with the scenarios page, and stops with exit code 0.
 * ({@code ReadmeCommandsTest} in the scenarios module runs every other README command.)
 */
class ReadmeServeTest {
    static final Path README = Path.of("").toAbsolutePath().getParent().resolve("README.md");
    private static final Pattern ADDRESS = Pattern.compile("bedsim serve: (http://127\\.0\\.0\\.1:(\\d+)/)");

    @TempDir
    Path tmp;

    static List<String> serveCommands() throws IOException {
        List<String> found = new ArrayList<>();
        boolean inBlock = false;
        for (String line : Files.readAllLines(README)) {
            if (line.trim().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            String t = line.trim().replaceAll("\\s+#.*$", "");
            if (inBlock && t.startsWith("./bedsim serve")) {
                found.add(t);
            }
            Matcher m = Pattern.compile("`(\\./bedsim serve[^`]*)`").matcher(line);
            while (m.find()) {
                found.add(m.group(1).trim());
            }
        }
        return found;
    }

    @Test
    void everyReadmeServeCommand_startsAnswersAndStops() throws Exception {
        List<String> commands = serveCommands();
        assertFalse(commands.isEmpty(), "the README shows ./bedsim serve");
        int n = 0;
        for (String command : commands) {
            List<String> args = new ArrayList<>();
            String[] words = command.split("\\s+");
            for (int i = 1; i < words.length; i++) {
                if (words[i].equals("--port") || words[i].equals("--workspace")) {
                    i++;
                    continue;
                }
                args.add(words[i]);
            }
            args.addAll(List.of("--port", "0", "--workspace", tmp.resolve("ws" + n++).toString()));
            ServeCommand serve = new ServeCommand();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AtomicInteger code = new AtomicInteger(-1);
            Thread t = new Thread(() -> code.set(Main.execute(args.toArray(String[]::new), new PrintWriter(out, true),
                    new PrintWriter(err, true), serve)));
            t.start();
            long end = System.nanoTime() + 30_000_000_000L;
            Matcher m = ADDRESS.matcher("");
            while (System.nanoTime() < end && !(m = ADDRESS.matcher(out.toString())).find()) {
                Thread.sleep(50);
            }
            assertTrue(m.find(0), command + " printed no address: " + out + err);
            HttpResponse<String> page = TestServers.get(m.group(1));
            assertEquals(200, page.statusCode(), command);
            assertTrue(page.body().contains("<h1>Scenarios</h1>"), command);
            serve.stop();
            t.join(30_000);
            assertEquals(0, code.get(), command + ": " + err);
        }
    }
}
