package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The root launcher {@code ./bedsim}: executable, valid bash, runs the jar this module's pom builds, and rebuilds it
 * when any source or pom is newer. (Running it here would start a nested Maven build, so it is checked statically;
 * a fresh clone running the README's first command is the end-to-end check.)
 */
class LauncherScriptTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path SCRIPT = ROOT.resolve("bedsim");

    @Test
    void launcher_isExecutableBash_andRunsTheShadedJar() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " must be executable");
        String script = Files.readString(SCRIPT);
        assertTrue(script.startsWith("#!/usr/bin/env bash\n"), "bash shebang");
        assertTrue(script.contains("jar=\"$root/scenarios/target/bedsim.jar\""), "runs scenarios/target/bedsim.jar");
        assertTrue(script.contains("exec java -Dbedsim.stderrTty=\"$tty\" -jar \"$jar\" \"$@\""), script);
        assertTrue(script.contains("find \"$root/core/src\" \"$root/scenarios/src\" \"$root\"/pom.xml "
                + "\"$root\"/*/pom.xml"), "rebuilds when a source or pom is newer than the jar");
        assertTrue(script.contains("mvn -B -q -DskipTests -pl scenarios -am package"), script);
        Process bash = new ProcessBuilder("bash", "-n", SCRIPT.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), new String(bash.getInputStream().readAllBytes()));
    }

    @Test
    void pom_buildsTheJarTheLauncherRuns() throws IOException {
        String pom = Files.readString(ROOT.resolve("scenarios/pom.xml"));
        assertTrue(pom.contains("<finalName>bedsim</finalName>"), "shaded jar named bedsim.jar");
        assertTrue(pom.contains("<mainClass>org.bedsim.cli.Main</mainClass>"), "main class");
        assertEquals(Main.class.getName(), "org.bedsim.cli.Main");
    }
}
