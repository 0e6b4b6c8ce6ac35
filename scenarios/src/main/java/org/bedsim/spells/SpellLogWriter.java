package org.bedsim.spells;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.StayListener;

/**
 * The simulated stays of a run as a spell extract, in the layout {@code bedsim fit} reads by default: one row per
 * stay in a care setting, with the replication. Each replication writes its own part file (so runs in parallel stay
 * identical, whatever the thread count), then {@link #concatenate} joins them in replication order.
 *
 * <p>A readmission keeps the patient id of the first admission it follows (a chain of readmissions keeps the
 * first's), so {@code fit} can link them as it links an extract's stays by patient.
 *
 * <p>Rows: the stays admitted in the measured period, complete or still open at its end (an empty
 * {@code discharged_at}), as an extract of admissions in a period would hold. Times are written to the minute, rounded down.
 */
public final class SpellLogWriter {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("replication", "spell_id", "patient_id", "setting",
            "admitted_at", "discharged_at", "ready_at", "admission_type", "age_band", "admitted_from", "destination",
            "cohort");

    private final FlowSettings settings;
    private final Path dir;

    /**
     * @param settings the run's settings (for each cohort's type and age band)
     * @param dir where part files go (the output directory)
     */
    public SpellLogWriter(FlowSettings settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
    }

    private Path part(int replication) {
        return dir.resolve(".spells-" + replication + ".part");
    }

    /** @return the listener of one replication (its part file is closed when the run ends, by {@link #concatenate}) */
    public Part replication(int replication) {
        try {
            return new Part(replication, Files.newBufferedWriter(part(replication), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the header and every part, in replication order, to {@code out}, and deletes the parts. */
    public void concatenate(List<Part> parts, Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write('\n');
        char[] buf = new char[1 << 16];
        for (Part p : parts) {
            p.close();
            try (Reader in = Files.newBufferedReader(part(p.replication), StandardCharsets.UTF_8)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
            }
            Files.deleteIfExists(part(p.replication));
        }
    }

    /** Deletes any part file left (after a failed run). */
    public void cleanUp(int replications) {
        for (int r = 0; r < replications; r++) {
            try {
                Files.deleteIfExists(part(r));
            } catch (IOException ignored) {
                // best effort: a hidden part file is all that can remain
            }
        }
    }

    /** One replication's stays. */
    public final class Part implements StayListener {
        private final int replication;
        private final BufferedWriter out;
        private final Map<Long, Integer> cameFrom = new HashMap<>();
        /** a readmitted patient's key to the key of the first admission it follows */
        private final Map<Long, Long> firstOf = new HashMap<>();
        private final StringBuilder line = new StringBuilder(160);
        private LocalDate day0;
        private int warmup;
        private List<String> places;
        private String[] cohortNames;
        private String[] types;
        private String[] bands;
        private boolean[] isSetting;
        private long spells;
        private boolean closed;

        Part(int replication, BufferedWriter out) {
            this.replication = replication;
            this.out = out;
        }

        @Override
        public void begin(LocalDate day0, int warmupDays, List<String> places, List<String> cohorts) {
            this.day0 = day0;
            this.warmup = warmupDays;
            this.places = places;
            cohortNames = cohorts.toArray(String[]::new);
            types = new String[cohortNames.length];
            bands = new String[cohortNames.length];
            isSetting = new boolean[places.size()];
            for (var s : settings.settings()) {
                int i = places.indexOf(s.name());
                if (i >= 0) {
                    isSetting[i] = !s.isSink();
                }
            }
            for (int c = 0; c < cohortNames.length; c++) {
                Cohort k = settings.cohorts().get(c);
                types[c] = k.type() == Cohort.AdmissionType.ELECTIVE ? "elective" : "non_elective";
                bands[c] = k.ageBand();
            }
        }

        @Override
        public void stay(int cohort, boolean readmission, long patient, int setting, boolean transfer,
                double admittedAt, double readyAt, double leftAt, int to) {
            long key = ((long) cohort << 41) | (readmission ? 1L << 40 : 0) | patient;
            Integer from = transfer ? cameFrom.remove(key) : null;
            if (to >= 0 && to < places.size() && !Double.isNaN(leftAt) && isSetting[to]) {
                cameFrom.put(key, setting);
            }
            if (admittedAt < warmup) {
                return;
            }
            StringBuilder b = line;
            b.setLength(0);
            b.append(replication).append(',').append(replication).append('-').append(++spells).append(',');
            long first = readmission ? firstOf.getOrDefault(key, key) : key;
            b.append(replication).append('-').append(cohortNames[(int) (first >>> 41)])
                    .append((first >>> 40 & 1) == 1 ? "-r" : "-").append(first & ((1L << 40) - 1)).append(',');
            b.append(places.get(setting)).append(',');
            time(b, admittedAt);
            b.append(',');
            if (!Double.isNaN(leftAt)) {
                time(b, leftAt);
            }
            b.append(',');
            if (!Double.isNaN(readyAt) && (Double.isNaN(leftAt) || readyAt < leftAt)) {
                time(b, readyAt);
            }
            b.append(',').append(types[cohort]).append(',').append(bands[cohort]).append(',');
            if (from != null) {
                b.append(places.get(from));
            }
            b.append(',');
            if (to >= 0) {
                b.append(places.get(to));
            }
            b.append(',').append(cohortNames[cohort]).append('\n');
            try {
                out.append(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void readmitted(int cohort, long patient, int fromCohort, boolean fromReadmission, long fromPatient) {
            long from = ((long) fromCohort << 41) | (fromReadmission ? 1L << 40 : 0) | fromPatient;
            firstOf.put(((long) cohort << 41) | 1L << 40 | patient, fromReadmission ? firstOf.getOrDefault(from, from)
                    : from);
        }

        private void time(StringBuilder b, double t) {
            long minutes = (long) Math.floor(t * 1440); // down, so no time reaches past the run's end
            LocalDate d = day0.plusDays(minutes / 1440);
            int m = (int) (minutes % 1440);
            b.append(d).append('T');
            two(b, m / 60);
            b.append(':');
            two(b, m % 60);
        }

        private static void two(StringBuilder b, int v) {
            if (v < 10) {
                b.append('0');
            }
            b.append(v);
        }

        void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }
    }
}
