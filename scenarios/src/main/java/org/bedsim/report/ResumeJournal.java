package org.bedsim.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bedsim.bridge.RunStore;

/**
 * The results of a long computation's runs, kept in the output folder as they finish so that a killed computation can
 * be resumed ({@code --resume}) without redoing them: {@code .resume/<inputs>.tsv}, where {@code <inputs>} is the
 * SHA-256 of everything the results depend on (bedsim's version, the input file's SHA-256, replications, seed), so a
 * journal is only ever reused for the same inputs. One line per run, {@code configuration TAB replication TAB
 * bits}, the result's exact bits in hexadecimal, so a resumed result is identical to the byte; a line cut short by
 * the kill is ignored (and that run done again). A fresh (not resumed) computation starts an empty journal; a
 * completed one deletes it before the outputs are marked complete.
 */
public final class ResumeJournal implements RunStore, Closeable {
    /** The hidden folder of journals inside the output directory. */
    public static final String FOLDER = ".resume";

    private final Path file;
    private final Map<String, Long> found = new ConcurrentHashMap<>();
    private final BufferedWriter out;

    private ResumeJournal(Path file, boolean resume) throws IOException {
        this.file = file;
        if (resume && Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] f = line.split("\t");
                if (f.length == 3 && f[2].length() == 16) {
                    try {
                        found.put(f[0] + "\t" + Integer.parseInt(f[1]), Long.parseUnsignedLong(f[2], 16));
                    } catch (NumberFormatException e) {
                        // a line cut short by the kill: that run is done again
                    }
                }
            }
        }
        // rewritten with the complete lines only, so a cut line never sits in the middle of the journal
        StringBuilder kept = new StringBuilder();
        found.forEach((k, v) -> kept.append(k).append('\t').append(String.format("%016x", v)).append('\n'));
        Files.writeString(file, kept, StandardCharsets.UTF_8);
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /**
     * Opens the journal of a computation in an output directory.
     *
     * @param dir the output directory
     * @param inputs everything the results depend on, joined (hashed into the journal's name)
     * @param resume true to take the results of an earlier computation of the same inputs; false to start afresh
     */
    public static ResumeJournal open(OutputDirectory dir, String inputs, boolean resume) throws IOException {
        return new ResumeJournal(file(dir, inputs, resume, ".tsv"), resume);
    }

    /**
     * @return the journal file of a computation ({@code .resume/<hash of inputs><extension>}), its folder made and
     *     every other journal in it deleted (another computation's), and this one too unless resuming
     */
    static Path file(OutputDirectory dir, String inputs, boolean resume, String extension) throws IOException {
        Path folder = dir.path().resolve(FOLDER);
        Files.createDirectories(folder);
        String name;
        try {
            name = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(inputs.getBytes(StandardCharsets.UTF_8))).substring(0, 32) + extension;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.toList()) {
                if (!resume || !p.getFileName().toString().equals(name)) {
                    Files.deleteIfExists(p); // another computation's, or a fresh start
                }
            }
        }
        return folder.resolve(name);
    }

    /** Deletes a journal file, and its folder if nothing else is left in it. */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        try (Stream<Path> left = Files.list(file.getParent())) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(file.getParent());
            }
        }
    }

    /** @return how many runs' results were found from an earlier computation */
    public int resumed() {
        return found.size();
    }

    @Override
    public double find(String configuration, int replication) {
        Long bits = found.get(configuration + "\t" + replication);
        return bits == null ? Double.NaN : Double.longBitsToDouble(bits);
    }

    @Override
    public synchronized void save(String configuration, int replication, double beds) {
        try {
            out.write(configuration + "\t" + replication + "\t" + String.format("%016x",
                    Double.doubleToRawLongBits(beds)) + "\n");
            out.flush(); // to the operating system at once: a killed process loses nothing written
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Deletes the journal (the computation is complete) and its folder if empty. */
    public void delete() throws IOException {
        close();
        delete(file);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
