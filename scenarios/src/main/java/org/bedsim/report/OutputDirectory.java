package org.bedsim.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * The directory a run writes to. Every file is written atomically: to a temporary file beside it, flushed to disk,
 * then renamed over the target, so an interrupted run leaves either the old file or the new one, never half of one.
 * Files are named by plain names only and always land directly inside the directory: nothing is ever written
 * outside it.
 *
 * <p>A run's outputs are a unit: opening the directory for a run removes its completion marker
 * ({@value #MARKER}) first, and the run writes it last ({@link #complete}), listing every file it wrote with its size
 * and SHA-256. So a folder is complete exactly when the marker is there and every file matches it
 * ({@link #verify}, for readers such as the web app); a run that was killed leaves a folder without a marker (and
 * perhaps a mix of new and old files), which readers treat as incomplete. Temporary files left by a killed run
 * ({@code .name.*.tmp}) are removed when the directory is next opened. Files get the permissions of any file the user
 * creates (from the umask), not owner-only ones, so colleagues on a shared server can read a report.
 */
public final class OutputDirectory {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path dir;

    private OutputDirectory(Path dir) {
        this.dir = dir;
    }

    /** The completion marker, written last. */
    public static final String MARKER = "bedsim-complete.json";

    private static final Pattern STALE_TEMP = Pattern.compile("\\..+\\.tmp");
    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Opens the directory for a run: creates it (and its parents) if needed, checks that a file can be written there
     * (before anything is simulated), removes temporary files a killed run left and the completion marker of the
     * previous run (the folder is incomplete until this run completes it).
     *
     * @throws IOException if it cannot be created or written, with the operating system's reason
     */
    public static OutputDirectory create(Path dir) throws IOException {
        if (dir.toString().isBlank()) {
            throw new IOException("an empty directory name");
        }
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        try {
            Files.createDirectories(absolute);
            Path probe = absolute.resolve(".bedsim-probe." + ProcessHandle.current().pid() + "."
                    + COUNTER.incrementAndGet() + ".tmp");
            Files.write(probe, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.delete(probe);
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException(reason(e), e);
        }
        OutputDirectory out = new OutputDirectory(absolute);
        out.clean();
        Files.deleteIfExists(absolute.resolve(MARKER));
        return out;
    }

    /** @return the operating system's reason for a failed file operation, in words */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String file = f.getFile();
            String r = f.getReason();
            if (r == null || r.isBlank()) {
                r = e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                        : e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                        : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
                        : e instanceof java.nio.file.NotDirectoryException ? "Not a directory" : "cannot write";
            }
            return (file == null ? "" : file + ": ") + r;
        }
        return e.getMessage() == null ? "an input or output error" : e.getMessage();
    }

    /** Removes temporary files ({@code .name.*.tmp}) a killed run left here and in its sub-folders. */
    private void clean() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir, 2)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> STALE_TEMP.matcher(p.getFileName()
                    .toString()).matches()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Completes the run's outputs: writes the marker, last, listing each file with its size and SHA-256.
     *
     * @param files the files the run wrote (inside the directory)
     * @return the marker
     */
    public Path complete(java.util.Collection<Path> files) throws IOException {
        java.util.TreeMap<String, Path> byName = new java.util.TreeMap<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            if (!abs.startsWith(dir) || abs.equals(dir)) {
                throw new IllegalArgumentException(f + " is not inside " + dir);
            }
            byName.put(dir.relativize(abs).toString().replace('\\', '/'), abs);
        }
        return write(MARKER, w -> {
            w.write("{\n  \"complete\": true,\n  \"files\": [");
            String sep = "\n";
            for (java.util.Map.Entry<String, Path> e : byName.entrySet()) {
                w.write(sep + "    {\"name\": \"" + e.getKey().replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\", \"bytes\": " + Files.size(e.getValue()) + ", \"sha256\": \"" + sha256(e.getValue())
                        + "\"}");
                sep = ",\n";
            }
            w.write("\n  ]\n}\n");
        });
    }

    /**
     * Checks a run folder as readers should before trusting it.
     *
     * @return what is wrong (no marker, a file missing or changed), empty if the folder is complete
     */
    public static java.util.List<String> verify(Path dir) throws IOException {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return java.util.List.of("no " + MARKER + ": the run did not complete (or is still running)");
        }
        com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                marker.toFile());
        java.util.List<String> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode f : m.path("files")) {
            String name = f.path("name").asText();
            Path p = dir.resolve(name).normalize();
            if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
                out.add(name + " is missing");
            } else if (!sha256(p).equals(f.path("sha256").asText())) {
                out.add(name + " differs from the run that wrote " + MARKER);
            }
        }
        if (!m.path("complete").asBoolean(false) || !m.path("files").isArray()) {
            out.add(MARKER + " is not a completion marker");
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                d.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the directory */
    public Path path() {
        return dir;
    }

    /** Content written to a stream. */
    @FunctionalInterface
    public interface Body {
        /** Writes the content. */
        void writeTo(Writer out) throws IOException;
    }

    /** Writes one results file atomically; returns its path. */
    public Path write(ResultsWriter writer, org.bedsim.model.FlowSummary summary, RunManifest manifest)
            throws IOException {
        return write(writer.fileName(), out -> writer.write(summary, manifest, out));
    }

    /**
     * Writes a file atomically.
     *
     * @param fileName a plain file name (letters, digits, dot, dash, underscore; no separators, not hidden)
     * @param body writes the content (UTF-8)
     * @return the file written
     */
    public Path write(String fileName, Body body) throws IOException {
        Path target = resolve(fileName);
        // not Files.createTempFile: its files are readable by their owner only; this one gets the umask's mode
        Path temp = dir.resolve("." + fileName + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                        StandardCharsets.UTF_8), 1 << 16);
                body.writeTo(w);
                w.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** @return the path of a file directly inside the directory; refuses any name that could lead elsewhere */
    Path resolve(String fileName) {
        if (!PLAIN_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw new IllegalArgumentException("not a plain file name: '" + fileName + "'");
        }
        Path target = dir.resolve(fileName).normalize();
        if (!dir.equals(target.getParent())) {
            throw new IllegalArgumentException(fileName + " would be written outside " + dir);
        }
        return target;
    }
}
