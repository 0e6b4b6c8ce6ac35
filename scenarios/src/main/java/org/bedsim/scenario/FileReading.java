package org.bedsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a scenario or options file into memory, bounded whatever the file claims: only regular files are opened
 * (a device such as {@code /dev/zero}, a named pipe or a directory is refused before anything is read, so nothing
 * can stream for ever or block), and at most {@link TreeReader#MAX_FILE_BYTES} + 1 bytes are read (the size the file
 * system reports is not trusted: it is 0 for devices and pipes and can change while reading).
 */
public final class FileReading {
    private FileReading() {
    }

    /**
     * What reading produced: the bytes, or what was wrong (as the found and expected parts of a problem).
     *
     * @param bytes the content, or null
     * @param found what was found instead of a readable file
     * @param expected what was expected
     */
    public record Read(byte[] bytes, String found, String expected) {
        /** @return true if the file was read */
        public boolean ok() {
            return bytes != null;
        }
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @param what what it should be, for messages ("scenario file")
     */
    public static Read read(Path file, String what) {
        String kind = "a " + what + " (.yaml, .yml or .json)";
        try {
            if (!Files.exists(file)) {
                return new Read(null, Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "a link to nothing"
                        : "no such file", "an existing " + what);
            }
            if (Files.isDirectory(file)) {
                return new Read(null, "a directory", kind);
            }
            if (!Files.isRegularFile(file)) {
                return new Read(null, "something that is not a regular file (a device, a named pipe or a socket)",
                        kind + ": bedsim reads regular files only");
            }
            int limit = TreeReader.MAX_FILE_BYTES;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(limit + 1);
                if (bytes.length > limit) {
                    return new Read(null, "a file of more than " + limit + " bytes", "a " + what + " of at most " + limit
                            + " bytes");
                }
                return new Read(Arrays.copyOf(bytes, bytes.length), null, null);
            }
        } catch (IOException e) {
            return new Read(null, "a file that cannot be read (" + reason(e) + ")", "a readable " + what);
        }
    }

    /** @return the operating system's reason for a failed file operation, in words, without Java class names */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            String r = f.getReason();
            if (r != null && !r.isBlank()) {
                return r;
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or directory";
            }
            if (e instanceof NotDirectoryException) {
                return "not a directory";
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException) {
                return "a file is in the way";
            }
            if (e instanceof java.nio.file.DirectoryNotEmptyException) {
                return "the directory is not empty";
            }
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an input or output error" : m;
    }
}
