package org.bedsim.spells;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bedsim.fit.StayHistogram;

/**
 * A spell extract read once, streaming, into what the fits need: daily arrivals per cohort (admission type x age
 * band x entry setting), stays per cohort and setting (complete, or open at the extract's end), destinations, delays
 * from ready-for-discharge, and the daily midnight census per setting. Memory is bounded by the number of cohorts,
 * settings and days, not rows; only duplicate-id detection keeps 8 bytes a row (a 64-bit hash of each id), and the
 * stays still open at the end are kept to be censored there.
 *
 * <p>Which rows are which: a row whose {@code admitted_from} is empty came from outside (an arrival of its cohort);
 * one with a value came from another setting (a transfer). A destination naming a setting of the extract is a
 * transfer to it; any other is a sink (home, died, care home, ...; NHS discharge-destination codes are mapped).
 */
public final class SpellExtract {
    /** First and last dates accepted. */
    static final long FIRST_DAY = LocalDate.of(1990, 1, 1).toEpochDay();
    static final long LAST_DAY = LocalDate.of(2099, 12, 31).toEpochDay();
    static final int KEPT_LINES = 5;
    static final int KEPT_REFUSED = 200;

    /** The columns the reader knows, with the names it accepts by default (case-insensitive). */
    public static final Map<String, List<String>> COLUMNS = columns();

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("spell_id", List.of("spell_id", "id", "stay_id", "spell", "episode_id"));
        m.put("patient_id", List.of("patient_id", "patient", "pseudo_id", "person_id"));
        m.put("setting", List.of("setting", "ward", "site", "unit"));
        m.put("admitted_at", List.of("admitted_at", "admission_date", "admitted", "admidate", "start"));
        m.put("discharged_at", List.of("discharged_at", "discharge_date", "discharged", "disdate", "end"));
        m.put("ready_at", List.of("ready_at", "ready_for_discharge", "medically_fit", "mfd_date", "rfd_date"));
        m.put("admission_type", List.of("admission_type", "admission_method", "admimeth", "type"));
        m.put("age_band", List.of("age_band", "age", "age_group", "startage"));
        m.put("admitted_from", List.of("admitted_from", "transfer_from", "from_setting"));
        m.put("destination", List.of("destination", "discharge_destination", "disdest"));
        m.put("replication", List.of("replication"));
        return m;
    }

    /** A kind of problem: how many rows, and the first lines. */
    public record ProblemCount(Problem problem, long count, List<Long> firstLines) {
    }

    /** A refused row, for the report. */
    public record Refused(long line, Problem problem, String detail) {
    }

    /**
     * Readmissions of one cohort, from stays linked by patient id.
     *
     * @param followed discharges home of the cohort's patients with 30 days of the extract after them
     * @param readmitted of those, followed by an arrival of the same patient within 30 days
     * @param target the arrival cohort key most of them joined (where the scenario sends readmissions), or null
     * @param intoTarget of {@code readmitted}, those into {@code target}
     * @param removed readmissions into {@code target} (followed or not) taken out of its arrivals
     */
    public record Readmissions(long followed, long readmitted, String target, long intoTarget, long removed) {
    }

    /** A stay still open at the end, to be censored there. */
    record Open(String key, double admittedAt) {
    }

    /** What one stay key (cohort and setting) has seen. */
    public static final class Stays {
        final StayHistogram complete = new StayHistogram();
        final Map<String, Long> destinations = new TreeMap<>();
        long open;
    }

    // file facts
    String fileName;
    String sha256;
    long rowsRead;
    long rowsUsed;
    long otherReplication;
    double firstAdmission = Double.POSITIVE_INFINITY;
    double lastDate = Double.NEGATIVE_INFINITY;
    boolean hasReadyDates;
    boolean hasAdmissionType;
    boolean hasTimes;
    boolean hasPatientIds;
    /** rows used that have the patient id column but no id in it, and the first of their lines */
    long noPatientId;
    final List<Long> noPatientIdLines = new ArrayList<>();
    /** the rows with a patient id, until they are linked */
    ReadmissionLinks links = new ReadmissionLinks();
    /** per arrival cohort key, when patient ids exist */
    final Map<String, Readmissions> readmissions = new TreeMap<>();
    Format format = Format.CSV;
    /** how rows are located: "line" (CSV) or "row" (Parquet, Excel) */
    String unit = "line";
    final Map<String, String> columnsUsed = new LinkedHashMap<>();
    final Map<Problem, long[]> problemCounts = new EnumMap<>(Problem.class);
    final Map<Problem, List<Long>> problemLines = new EnumMap<>(Problem.class);
    final List<Refused> refused = new ArrayList<>();
    // what the fits need
    /** arrivals per cohort key "type|band|entry", by day since FIRST_DAY. */
    final Map<String, long[]> arrivals = new TreeMap<>();
    /** stays per key "type|band|setting|E" (entry stays) or "type|band|setting|T" (after a transfer). */
    final Map<String, Stays> stays = new TreeMap<>();
    final List<Open> open = new ArrayList<>();
    /** delays (ready to discharged) per destination: days sum, count. */
    final Map<String, double[]> delays = new TreeMap<>();
    /** census per setting: +1 / -1 at midnights, by day since FIRST_DAY. */
    final Map<String, long[]> census = new TreeMap<>();
    final TreeSet<String> settings = new TreeSet<>();

    /** @return the file's name */
    public String fileName() {
        return fileName;
    }

    /** @return readmissions per arrival cohort key ("type|band|entry"), empty without patient ids */
    public Map<String, Readmissions> readmissions() {
        return java.util.Collections.unmodifiableMap(readmissions);
    }

    /** @return whether the extract has a patient id column */
    public boolean hasPatientIds() {
        return hasPatientIds;
    }

    /** @return rows used with an empty patient id (not linked) */
    public long rowsWithoutPatientId() {
        return noPatientId;
    }

    /** @return the first lines (or rows) with an empty patient id */
    public List<Long> rowsWithoutPatientIdLines() {
        return List.copyOf(noPatientIdLines);
    }

    /** @return the file's format */
    public Format format() {
        return format;
    }

    /** @return how problems are located: "line" of a CSV file, "row" of a Parquet file or sheet */
    public String unit() {
        return unit;
    }

    /** @return the file's SHA-256 */
    public String sha256() {
        return sha256;
    }

    /** @return data rows read */
    public long rowsRead() {
        return rowsRead;
    }

    /** @return rows used */
    public long rowsUsed() {
        return rowsUsed;
    }

    /** @return rows refused */
    public long rowsRefused() {
        return problemCounts.values().stream().mapToLong(a -> a[0]).sum();
    }

    /** @return the first date with an admission */
    public LocalDate firstDate() {
        return LocalDate.ofEpochDay((long) Math.floor(firstAdmission));
    }

    /** @return the last date the extract covers (the latest admission or discharge) */
    public LocalDate lastDate() {
        return LocalDate.ofEpochDay((long) Math.floor(lastDate));
    }

    /** @return the instant the extract ends (midnight after its last date), days since the epoch */
    public double end() {
        return Math.floor(lastDate) + 1;
    }

    /** @return the settings seen */
    public List<String> settings() {
        return List.copyOf(settings);
    }

    /** @return every kind of problem found, with counts and first lines */
    public List<ProblemCount> problems() {
        List<ProblemCount> out = new ArrayList<>();
        problemCounts.forEach((p, c) -> out.add(new ProblemCount(p, c[0], List.copyOf(problemLines.get(p)))));
        return out;
    }

    /** @return the first refused rows */
    public List<Refused> refused() {
        return List.copyOf(refused);
    }

    /** @return the midnight census of a setting on each day from {@code from} to {@code to} inclusive */
    public int[] census(String setting, LocalDate from, LocalDate to) {
        long[] diff = census.get(setting);
        int n = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        int[] out = new int[n];
        if (diff == null) {
            return out;
        }
        long level = 0;
        // the census of date D is taken at midnight D+1: the running sum up to index D+1
        int startIdx = (int) (from.toEpochDay() + 1 - FIRST_DAY);
        for (int i = 0; i < startIdx && i < diff.length; i++) {
            level += diff[i];
        }
        for (int k = 0; k < n; k++) {
            int idx = startIdx + k;
            if (idx < diff.length) {
                level += diff[idx];
            }
            out[k] = (int) level;
        }
        return out;
    }

    /** Reading options. */
    public record Options(Map<String, String> columns, Integer replication, LocalDate until, Character delimiter) {
        /** Options with the CSV delimiter guessed from the header. */
        public Options(Map<String, String> columns, Integer replication, LocalDate until) {
            this(columns, replication, until, null);
        }
    }

    /**
     * Reads an extract.
     *
     * @throws ExtractError when the file cannot be read or has no header
     */
    public static SpellExtract read(Path file, Options options) {
        SpellExtract x = new SpellExtract();
        x.fileName = file.getFileName().toString();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.isRegularFile(file)) {
            throw new ExtractError(file + ": no such file");
        }
        Format format = Format.of(file);
        x.format = format;
        try (InputStream raw = new DigestInputStream(Files.newInputStream(file), sha);
                Rows rows = format.open(file, raw, options.delimiter())) {
            x.unit = rows.unit();
            List<String> header = rows.header();
            if (header == null) {
                throw new ExtractError(file + ": the file is empty; expected a header row and one row per stay");
            }
            new RowReader(x, header, options, file).readAll(rows);
            byte[] rest = new byte[1 << 16];
            while (raw.read(rest) > 0) {
                // digest what the reader did not consume (all of it for Parquet and Excel, read from the path)
            }
        } catch (CharacterCodingException e) {
            throw new ExtractError(file + ": not UTF-8 text (save the extract as UTF-8 CSV)");
        } catch (IOException e) {
            throw new ExtractError(file + ": cannot read: " + e.getMessage());
        }
        x.sha256 = HexFormat.of().formatHex(sha.digest());
        return x;
    }

    void problem(long line, Problem p, String detail) {
        long[] c = problemCounts.computeIfAbsent(p, k -> new long[1]);
        c[0]++;
        List<Long> lines = problemLines.computeIfAbsent(p, k -> new ArrayList<>());
        if (lines.size() < KEPT_LINES) {
            lines.add(line);
        }
        if (refused.size() < KEPT_REFUSED) {
            refused.add(new Refused(line, p, detail));
        }
    }

    static String cohortKey(boolean elective, String band, String entry) {
        return (elective ? "elective" : "non_elective") + "|" + band + "|" + entry;
    }

    /** The file formats read: by the name's extension, else by the first bytes, else CSV. */
    public enum Format {
        CSV, PARQUET, XLSX;

        static Format of(Path file) {
            String name = lower(file.getFileName().toString());
            if (name.endsWith(".parquet") || name.endsWith(".pq")) {
                return PARQUET;
            }
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
                return XLSX;
            }
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, 4);
                if (n == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
                    return PARQUET;
                }
                if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                    return XLSX;
                }
            } catch (IOException e) {
                throw new ExtractError(file + ": cannot read: " + e.getMessage());
            }
            return CSV;
        }

        Rows open(Path file, InputStream raw, Character delimiter) throws IOException {
            switch (this) {
                case PARQUET:
                    return new ParquetRows(file);
                case XLSX:
                    return new XlsxRows(file);
                default:
                    return new CsvRows(raw, delimiter);
            }
        }
    }

    /** A user error in reading: message only, exit 2. */
    public static final class ExtractError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExtractError(String message) {
            super(message);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
