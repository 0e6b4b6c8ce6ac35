package org.bedsim.report;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.bedsim.compare.ResultStore;
import org.bedsim.model.FlowResult;

/**
 * The replications a comparison has finished (of its options and of the configurations its searches tried), kept in
 * the output folder as they finish so that a killed comparison can be resumed ({@code compare --resume}) without
 * running them again: {@code .resume/<inputs>.bin}, where {@code <inputs>} is the SHA-256 of everything the results
 * depend on (bedsim's version, the options file's and base scenario's SHA-256, replications, seed), so a journal is
 * only ever reused for the same inputs. Each entry is a length, the entry (unit, replication and the whole result, its
 * numbers to the exact bit, deflated) and its CRC-32; an entry cut short or damaged by the kill ends the journal there (that
 * replication, and any after it, are run again). A fresh (not resumed) comparison starts an empty journal; a completed
 * one deletes it before the outputs are marked complete.
 */
public final class ResultJournal implements ResultStore, Closeable {
    private static final int MAX_ENTRY = 1 << 30;

    private final Path file;
    private final Map<String, byte[]> found = new ConcurrentHashMap<>();
    private final DataOutputStream out;
    private final int resumed;
    private volatile boolean keeping = true;

    private ResultJournal(Path file, boolean resume) throws IOException {
        this.file = file;
        long good = 0;
        if (resume && Files.isRegularFile(file)) {
            good = readEntries(file, found);
        }
        resumed = found.size();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(good); // a cut or damaged tail never sits before the entries appended from now on
        }
        OutputStream append = Files.newOutputStream(file, StandardOpenOption.APPEND);
        this.out = new DataOutputStream(new BufferedOutputStream(append, 1 << 16));
    }

    /**
     * Opens the journal of a comparison in an output directory.
     *
     * @param dir the output directory
     * @param inputs everything the results depend on, joined (hashed into the journal's name)
     * @param resume true to take the results of an earlier computation of the same inputs; false to start afresh
     */
    public static ResultJournal open(OutputDirectory dir, String inputs, boolean resume) throws IOException {
        return new ResultJournal(ResumeJournal.file(dir, inputs, resume, ".bin"), resume);
    }

    /** @return how many replications' results were found from an earlier computation */
    public int resumed() {
        return resumed;
    }

    /** @return the entries of the complete journal files in an output directory's journal folder (for tests) */
    public static int entries(Path outputDirectory) throws IOException {
        Path folder = outputDirectory.resolve(ResumeJournal.FOLDER);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int n = 0;
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bin")).toList()) {
                Map<String, byte[]> entries = new ConcurrentHashMap<>();
                readEntries(f, entries);
                n += entries.size();
            }
        }
        return n;
    }

    /** Reads the complete entries of a journal into {@code into}; @return the bytes they take */
    private static long readEntries(Path file, Map<String, byte[]> into) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all);
        long good = 0;
        while (b.remaining() >= Integer.BYTES) {
            int length = b.getInt();
            if (length < 0 || length > MAX_ENTRY || b.remaining() < length + Long.BYTES) {
                break; // cut short
            }
            byte[] entry = new byte[length];
            b.get(entry);
            CRC32 crc = new CRC32();
            crc.update(entry);
            if (b.getLong() != crc.getValue()) {
                break; // damaged
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
                String key = readKey(in);
                into.put(key, entry);
            } catch (IOException e) {
                break;
            }
            good = b.position();
        }
        return good;
    }

    private static String readKey(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a bad key");
        }
        byte[] k = new byte[n];
        in.readFully(k);
        return new String(k, StandardCharsets.UTF_8) + "\t" + in.readInt();
    }

    @Override
    public FlowResult find(String unit, int replication) {
        byte[] entry = found.remove(unit + "\t" + replication); // each is asked for once: not held after
        if (entry == null) {
            return null;
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
            readKey(in);
            return (FlowResult) RecordCodec.read(new DataInputStream(new InflaterInputStream(in)), FlowResult.class);
        } catch (IOException | RuntimeException e) {
            return null; // not readable as this version's result: run again
        }
    }

    @Override
    public void save(String unit, int replication, FlowResult result) {
        if (!keeping) {
            return;
        }
        byte[] entry;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
            DataOutputStream e = new DataOutputStream(bytes);
            byte[] k = unit.getBytes(StandardCharsets.UTF_8);
            e.writeInt(k.length);
            e.write(k);
            e.writeInt(replication);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DataOutputStream z = new DataOutputStream(new DeflaterOutputStream(e, deflater))) {
                RecordCodec.write(z, FlowResult.class, result); // daily series of small counts: a tenth the size
            } finally {
                deflater.end();
            }
            entry = bytes.toByteArray();
        } catch (IllegalArgumentException | IOException e) {
            keeping = false; // a result of a kind the journal cannot keep: the comparison goes on, unjournalled
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(entry);
        synchronized (this) {
            try {
                out.writeInt(entry.length);
                out.write(entry);
                out.writeLong(crc.getValue());
                out.flush(); // to the operating system at once: a killed process loses nothing written
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Deletes the journal (the comparison is complete) and its folder if empty. */
    public void delete() throws IOException {
        close();
        ResumeJournal.delete(file);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
