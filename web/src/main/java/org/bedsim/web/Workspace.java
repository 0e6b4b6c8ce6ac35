package org.bedsim.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The folder that holds a user's scenarios ({@code scenarios/}) and every run ({@code runs/<id>/}). Every path the
 * server reads or writes is made here from a plain name checked against a strict pattern, then checked again to lie
 * inside the workspace; symbolic links are refused, so nothing outside the workspace can be read or written.
 */
final class Workspace {
    /** A scenario file name: letters, digits, dot, dash, underscore; no separators; not hidden; YAML or JSON. */
    static final Pattern SCENARIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,80}(\\.[A-Za-z0-9_-]{1,20})*"
            + "\\.(yaml|yml|json)");
    /** A data file name (a spell extract for fit): as a scenario name, ending in .csv. */
    static final Pattern DATA_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,80}(\\.[A-Za-z0-9_-]{1,20})*\\.csv");
    /** One segment of a path inside a run's outputs. */
    static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    /** The largest scenario file the server takes (uploads and saves). */
    static final int MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

    private final Path root;
    private final Path scenarios;
    private final Path runs;
    private final Path data;

    private Workspace(Path root) throws IOException {
        this.root = root;
        this.scenarios = root.resolve("scenarios");
        this.runs = root.resolve("runs");
        this.data = root.resolve("data");
        for (Path p : List.of(scenarios, runs, data)) {
            if (Files.isSymbolicLink(p)) {
                throw new IOException(p + " is a symbolic link; the workspace's folders must be real folders");
            }
            Files.createDirectories(p);
        }
    }

    /** Opens (creating if needed) a workspace folder. */
    static Workspace open(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException(dir + " exists and is not a folder");
        }
        Files.createDirectories(abs);
        return new Workspace(abs.toRealPath());
    }

    Path root() {
        return root;
    }

    Path scenariosDir() {
        return scenarios;
    }

    Path runsDir() {
        return runs;
    }

    Path dataDir() {
        return data;
    }

    /** @return the path of a data file (a spell extract) in the workspace; refuses anything but a plain name */
    Path data(String name) {
        if (name == null || !DATA_NAME.matcher(name).matches()) {
            throw new Refused(400, "'" + name + "' is not a data file name: expected letters, digits, dashes and "
                    + "underscores ending in .csv, with no folder");
        }
        return inside(data, data.resolve(name));
    }

    /** @return the names of the workspace's data files, sorted */
    List<String> dataNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(data)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (DATA_NAME.matcher(n).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(n);
                }
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    /** @return true if a name is an acceptable scenario file name */
    static boolean isScenarioName(String name) {
        return name != null && SCENARIO_NAME.matcher(name).matches();
    }

    /**
     * @return the path of a scenario file in the workspace
     * @throws Refused if the name is not a plain scenario file name
     */
    Path scenario(String name) {
        if (!isScenarioName(name)) {
            throw new Refused(400, "'" + name + "' is not a scenario file name: expected letters, digits, dashes "
                    + "and underscores ending in .yaml, .yml or .json, with no folder");
        }
        return inside(scenarios, scenarios.resolve(name));
    }

    /** @return the names of the user's scenario files, sorted */
    List<String> scenarioNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(scenarios)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (isScenarioName(n) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(n);
                }
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    /** @return a scenario file's bytes (a regular file, not a link, at most the size limit) */
    byte[] readScenario(String name) throws IOException {
        return readRegular(scenario(name), MAX_SCENARIO_BYTES);
    }

    /** Writes a scenario file atomically. */
    void writeScenario(String name, byte[] bytes) throws IOException {
        if (bytes.length > MAX_SCENARIO_BYTES) {
            throw new Refused(413, "the file has " + bytes.length + " bytes; at most " + MAX_SCENARIO_BYTES
                    + " are taken");
        }
        Path target = scenario(name);
        if (Files.isSymbolicLink(target) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(403, name + " is not a regular file in the workspace");
        }
        writeAtomically(target, bytes);
    }

    /** Writes a file atomically: a temporary file beside it, then a rename. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * @return a file inside a folder of the workspace, given as plain segments ({@code charts/a.png})
     * @throws Refused for anything else: empty, absolute, {@code ..}, hidden, a link on the way, or outside
     */
    static Path file(Path folder, String relative) {
        if (relative == null || relative.isEmpty() || relative.length() > 400) {
            throw new Refused(404, "no such file");
        }
        Path p = folder;
        for (String seg : relative.split("/", -1)) {
            if (!SEGMENT.matcher(seg).matches() || seg.equals("..")) {
                throw new Refused(404, "no such file: '" + relative + "'");
            }
            p = p.resolve(seg);
            if (Files.isSymbolicLink(p)) {
                throw new Refused(403, "'" + relative + "' is a symbolic link; links are not followed");
            }
        }
        Path checked = inside(folder, p);
        if (!Files.isRegularFile(checked, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(404, "no such file: '" + relative + "'");
        }
        return checked;
    }

    /** @return {@code p} if, normalised, it lies inside {@code folder}; refuses otherwise */
    static Path inside(Path folder, Path p) {
        Path n = p.toAbsolutePath().normalize();
        if (!n.startsWith(folder.toAbsolutePath().normalize()) || n.equals(folder.toAbsolutePath().normalize())) {
            throw new Refused(403, "a path outside the workspace is refused");
        }
        try {
            if (Files.exists(n, LinkOption.NOFOLLOW_LINKS) && !n.toRealPath().startsWith(folder.toRealPath())) {
                throw new Refused(403, "a path outside the workspace is refused");
            }
        } catch (IOException e) {
            throw new Refused(404, "no such file");
        }
        return n;
    }

    /** Reads a regular file (no link, no device, no pipe), at most {@code limit} bytes. */
    static byte[] readRegular(Path p, int limit) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new Refused(403, p.getFileName() + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new Refused(413, p.getFileName() + " is over " + limit + " bytes");
            }
            return bytes;
        }
    }

    /** A request refused, with the HTTP status and a message for the page. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
