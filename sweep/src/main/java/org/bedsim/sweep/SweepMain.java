package org.bedsim.sweep;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bedsim.cli.Main;

/**
 * The entry point of {@code bedsim-sweep.jar}: the bedsim command line with {@code sweep} added (the modules below
 * never know Spark). {@code spark-submit --class org.bedsim.sweep.SweepMain} runs it on a cluster, with the cluster's
 * Spark; the {@code ./bedsim} launcher runs it with Spark's jars on the class path. Run as {@code java -jar
 * bedsim-sweep.jar} without Spark (as {@code bedsim.cmd} does: a Windows command line cannot hold Spark's class
 * path), it loads Spark's jars itself from the {@code spark-classpath.txt} the build wrote beside the jar.
 */
public final class SweepMain {
    private SweepMain() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) throws IOException, ReflectiveOperationException, URISyntaxException {
        Path jar = Path.of(SweepMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classpath = jar.resolveSibling("spark-classpath.txt");
        if (!sparkPresent() && Files.isRegularFile(jar) && Files.isRegularFile(classpath)) {
            List<URL> urls = new ArrayList<>();
            urls.add(jar.toUri().toURL());
            for (String entry : Files.readString(classpath, StandardCharsets.UTF_8).trim()
                    .split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.add(Path.of(entry.trim()).toUri().toURL());
                }
            }
            // the whole application in one loader above the JDK's, as if Spark's jars were on the class path
            ClassLoader loader = new URLClassLoader("bedsim-sweep", urls.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            try {
                Class.forName(SweepMain.class.getName(), true, loader).getMethod("main", String[].class)
                        .invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            return;
        }
        Main.run(args, new SweepCommand());
    }

    private static boolean sparkPresent() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SweepMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
