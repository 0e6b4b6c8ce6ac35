package org.bedsim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers: {@code ./bedsim} (bash) and {@code bedsim.cmd} (Windows) run the self-contained jar this module
 * builds, rebuild it with Maven or, without Maven, the Maven wrapper; and both say which Java is needed, with exit
 * code 3, when Java is missing or too old. (Building from here would start a nested Maven build, so the build line is
 * checked statically; the Java checks run for real, since they come before any build.)
 */
class LauncherScriptTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path SCRIPT = ROOT.resolve("bedsim");

    @TempDir
    Path tmp;

    @Test
    void launcher_isExecutableBash_andRunsTheSelfContainedJar() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " must be executable");
        String script = Files.readString(SCRIPT);
        assertTrue(script.startsWith("#!/usr/bin/env bash\n"), "bash shebang");
        assertTrue(script.contains("jar=\"$root/web/target/bedsim.jar\""), "runs web/target/bedsim.jar");
        assertTrue(script.contains("exec \"$java\" -Dbedsim.stderrTty=\"$tty\" ${width[@]+\"${width[@]}\"} -jar "
                + "\"$jar\" \"$@\""), script);
        assertTrue(script.contains("find \"$root/core/src\" \"$root/scenarios/src\" \"$root/web/src\" "
                + "\"$root\"/pom.xml \"$root\"/*/pom.xml"), "rebuilds when a source or pom is newer than the jar");
        assertTrue(script.contains("\"$mvn\" -B -q -DskipTests -pl web -am package"), script);
        assertTrue(script.contains("mvn=\"$root/mvnw\""), "uses the Maven wrapper when mvn is absent");
        Process bash = new ProcessBuilder("bash", "-n", SCRIPT.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), new String(bash.getInputStream().readAllBytes()));
    }

    @Test
    void pom_buildsTheJarTheLaunchersRun_withTheOldJavaEntryClass() throws IOException {
        String pom = Files.readString(ROOT.resolve("web/pom.xml"));
        assertTrue(pom.contains("<finalName>bedsim</finalName>"), "shaded jar named bedsim.jar");
        assertTrue(pom.contains("<mainClass>org.bedsim.boot.Bedsim</mainClass>"), "entry class");
        assertTrue(pom.contains("<release>8</release>"), "entry class compiled for Java 8");
        assertEquals("org.bedsim.boot.Bedsim", org.bedsim.boot.Bedsim.class.getName());
    }

    @Test
    void windowsLauncher_andMavenWrapper_arePresent() throws IOException {
        String cmd = Files.readString(ROOT.resolve("bedsim.cmd"));
        assertTrue(cmd.contains("web\\target\\bedsim.jar"), cmd);
        assertTrue(cmd.contains("mvnw.cmd"), "bedsim.cmd falls back on the Maven wrapper");
        assertTrue(cmd.contains("exit /b 3"), "missing Java: exit code 3");
        assertTrue(Files.isExecutable(ROOT.resolve("mvnw")), "mvnw executable");
        assertTrue(Files.isRegularFile(ROOT.resolve("mvnw.cmd")));
        String props = Files.readString(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"));
        assertTrue(props.contains("distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/"
                + "apache-maven/"), "the wrapper fetches Maven from Maven Central: " + props);
        assertTrue(props.contains("distributionType=only-script"), "no wrapper jar committed");
    }

    @Test
    void launcher_passesTheTerminalsWidth_soTablesFitIt() throws IOException, InterruptedException {
        // a copy of the launcher beside a jar that needs no build, and a java that prints what it was given
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.copy(SCRIPT, root.resolve("bedsim"));
        Files.createDirectories(root.resolve("web/target"));
        Files.writeString(root.resolve("web/target/bedsim.jar"), "");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("dirname", "sed", "head", "find", "basename", "cut")) {
            Path real = Path.of("/usr/bin", tool);
            if (Files.exists(real)) {
                Files.createSymbolicLink(bin.resolve(tool), real);
            }
        }
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nif [ \"$1\" = -version ]; then echo 'openjdk version \"17.0.9\"' >&2; "
                + "exit 0; fi\necho \"$@\"\n");
        java.toFile().setExecutable(true);
        assertEquals("-Dbedsim.stderrTty=false -Dbedsim.columns=97 -jar " + root.resolve("web/target/bedsim.jar")
                + " run x.yaml", printed(root, bin, Map.of("COLUMNS", "97")));
        assertEquals("-Dbedsim.stderrTty=false -jar " + root.resolve("web/target/bedsim.jar") + " run x.yaml",
                printed(root, bin, Map.of()), "no terminal, no COLUMNS: the default width");
        String cmd = Files.readString(ROOT.resolve("bedsim.cmd"));
        assertTrue(cmd.contains("set \"COLS=%COLUMNS%\"") && cmd.contains("mode con")
                && cmd.contains("\"%JAVA%\" %WIDTH% -jar \"%JAR%\" %*"), cmd);
    }

    /** @return what the launcher at root passed to java, output redirected (no terminal) */
    private static String printed(Path root, Path bin, Map<String, String> env) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", root.resolve("bedsim").toString(), "run", "x.yaml");
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void noJava_saysSo_withExitCode3() throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("dirname", "sed", "head", "find", "basename")) {
            Path real = Path.of("/usr/bin", tool);
            if (Files.exists(real)) {
                Files.createSymbolicLink(bin.resolve(tool), real);
            }
        }
        Result r = launch(bin, Map.of());
        assertEquals(3, r.code, r.err);
        assertTrue(r.err.contains("Java 17 or newer is needed, and no java was found"), r.err);
    }

    @Test
    void oldJava_namesTheVersionFoundAndTheOneNeeded_withExitCode3() throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("dirname", "sed", "head", "find", "basename")) {
            Path real = Path.of("/usr/bin", tool);
            if (Files.exists(real)) {
                Files.createSymbolicLink(bin.resolve(tool), real);
            }
        }
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.21\" 2023-10-17' >&2\necho 'OpenJDK Runtime "
                + "Environment (build 11.0.21+9)' >&2\n");
        java.toFile().setExecutable(true);
        Result r = launch(bin, Map.of());
        assertEquals(3, r.code, r.err);
        assertTrue(r.err.contains("needs Java 17 or newer, but " + java + " is Java 11.0.21"), r.err);

        Files.writeString(java, "#!/bin/sh\necho 'java version \"1.8.0_392\"' >&2\n");
        r = launch(bin, Map.of());
        assertEquals(3, r.code, r.err);
        assertTrue(r.err.contains("is Java 1.8.0_392"), r.err);
    }

    private record Result(int code, String err) {
    }

    private Result launch(Path bin, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", SCRIPT.toString(), "--version");
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err);
    }
}
