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
 */
public final class OutputDirectory {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path dir;

    private OutputDirectory(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory (and its parents) if needed. */
    public static OutputDirectory create(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        Files.createDirectories(absolute);
        return new OutputDirectory(absolute);
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
        Path temp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
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
