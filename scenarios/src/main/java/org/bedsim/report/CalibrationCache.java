package org.bedsim.report;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/**
 * Solved calibrations kept beside a command's outputs, so that running {@code bedsim bridge} (or {@code calibrate},
 * {@code sensitivity}) again on the same inputs does not solve them again. One file per solution in the output
 * folder's {@code .calibration-cache/}, named by the SHA-256 of everything the solution depends on (see
 * {@link #key}); deleting the folder only costs the next run its solving time.
 *
 * <p>A file holds its key and the solution's numbers with their exact bits, so a solution taken from the cache gives
 * byte-identical outputs. A file that cannot be read whole, or whose key differs, is ignored (solved again and
 * rewritten); files are written to a temporary file and renamed.
 */
public final class CalibrationCache {
    /** The hidden folder inside the output directory. */
    public static final String FOLDER = ".calibration-cache";
    private static final int FORMAT = 1;

    private CalibrationCache() {
    }

    /**
     * @param parts everything a solution depends on, each as text (the scenario's canonical content, replications,
     *     seed, which calibrations are solved, the code's hash)
     * @return their SHA-256, in hex
     */
    public static String key(String... parts) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(("bedsim calibration cache " + FORMAT).getBytes(StandardCharsets.UTF_8));
            for (String p : parts) {
                byte[] b = p.getBytes(StandardCharsets.UTF_8);
                md.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
                    (byte) b.length});
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the file of a key in an output directory */
    public static Path file(Path outDir, String key) {
        return outDir.resolve(FOLDER).resolve(key + ".bin");
    }

    /**
     * @param outDir the output directory
     * @param key the solution's key
     * @return the numbers kept under the key, or null if there are none (or the file is damaged)
     */
    public static double[] read(Path outDir, String key) {
        Path f = file(outDir, key);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(f))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(key)) {
                return null;
            }
            int n = in.readInt();
            if (n < 0 || n > 1_000_000) {
                return null;
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Double.longBitsToDouble(in.readLong());
            }
            return in.read() == -1 ? v : null;
        } catch (IOException e) {
            return null; // a damaged file: solved again
        }
    }

    /**
     * Keeps numbers under a key (atomically: a reader sees the old file or the new one whole).
     *
     * @throws IOException if the folder cannot be written
     */
    public static Path write(Path outDir, String key, double[] numbers) throws IOException {
        Path f = file(outDir, key);
        Files.createDirectories(f.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(key);
            out.writeInt(numbers.length);
            for (double v : numbers) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
        }
        Path temp = f.resolveSibling("." + f.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        Files.write(temp, bytes.toByteArray());
        try {
            Files.move(temp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, f, StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }
}
