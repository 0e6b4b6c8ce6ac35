package org.bedsim.spells;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the rows of one extract into a {@link SpellExtract}, refusing bad rows with their line numbers. */
final class RowReader {
    private final SpellExtract x;
    private final SpellExtract.Options options;
    private final int width;
    private final int id;
    private final int setting;
    private final int admitted;
    private final int discharged;
    private final int ready;
    private final int type;
    private final int age;
    private final int from;
    private final int destination;
    private final int replication;
    private final int patient;
    private final double today;
    private final double until;
    /** duplicate ids: found in memory up to a number of ids, or collected for a sort, or read from that sort */
    private final Ids ids;
    private final long[] idRecord = new long[2];
    private final Map<String, String> bands = new HashMap<>();
    /** setting and destination values to their ids, admission types to elective or not: each worked out once */
    private final Map<String, String> settingIds = new HashMap<>();
    private final Map<String, String> destinations = new HashMap<>();
    private final Map<String, Boolean> types = new HashMap<>();
    /** the arrival cohort keys, numbered in the order met, and the stays of each (key, transfer) */
    private final Map<String, Integer> cohortIndex = new HashMap<>();
    private final List<long[]> cohortArrivals = new ArrayList<>();
    private final Map<String, SpellExtract.Stays> staysByKey = new HashMap<>();

    /**
     * How duplicate spell ids are found. An extract need not be sorted, so a row's id may repeat anywhere later.
     * Up to {@code capacity} distinct ids, a hash set in memory finds them as the rows come ({@link #inMemory});
     * beyond, the read stops ({@link TooManyIds}) and the file is read twice: once to sort every accepted row's (id
     * hash, line) and take the lines of an id's later rows ({@link #collect}), once to refuse those lines as they come
     * ({@link #sorted}). Either way the same rows are refused, on the same lines.
     */
    static final class Ids {
        private final LongSet set;
        private final int capacity;
        private final RecordSort sink;
        private final RecordSort.Cursor duplicates;
        private final long[] next = {-1};
        private boolean done;

        private Ids(LongSet set, int capacity, RecordSort sink, RecordSort.Cursor duplicates) {
            this.set = set;
            this.capacity = capacity;
            this.sink = sink;
            this.duplicates = duplicates;
        }

        static Ids inMemory(int capacity) {
            return new Ids(new LongSet(), capacity, null, null);
        }

        /** Every accepted row's (id hash, line) into {@code sink}; nothing else is read. */
        static Ids collect(RecordSort sink) {
            return new Ids(null, 0, sink, null);
        }

        /** The lines of rows whose id an earlier accepted row has, in ascending order. */
        static Ids sorted(RecordSort.Cursor duplicates) {
            return new Ids(null, 0, null, duplicates);
        }

        boolean duplicate(long line, long hash) {
            if (set != null) {
                if (!set.add(hash)) {
                    return true;
                }
                if (set.size > capacity) {
                    throw new TooManyIds();
                }
                return false;
            }
            while (!done && next[0] < line) {
                done = !duplicates.next(next);
            }
            return !done && next[0] == line;
        }
    }

    /** More distinct spell ids than the buffer holds in memory. */
    static final class TooManyIds extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyIds() {
            super(null, null, false, false);
        }
    }

    RowReader(SpellExtract x, List<String> header, SpellExtract.Options options, Path file, Ids ids,
            double today) {
        this.x = x;
        this.ids = ids;
        this.today = today;
        this.options = options;
        this.width = header.size();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(SpellExtract.lower(header.get(i).trim()), i);
        }
        Map<String, Integer> found = new HashMap<>();
        List<String> unknownMapped = new ArrayList<>();
        Map<String, String> mapped = options.columns() == null ? Map.of() : options.columns();
        for (var e : SpellExtract.COLUMNS.entrySet()) {
            String field = e.getKey();
            if (mapped.containsKey(field)) {
                Integer i = byName.get(SpellExtract.lower(mapped.get(field)));
                if (i == null) {
                    unknownMapped.add(field + ": " + mapped.get(field));
                } else {
                    found.put(field, i);
                }
                continue;
            }
            for (String alias : e.getValue()) {
                Integer i = byName.get(alias);
                if (i != null) {
                    found.put(field, i);
                    break;
                }
            }
        }
        if (!unknownMapped.isEmpty()) {
            throw new SpellExtract.ExtractError(file + ": the mapping names columns the header does not have ("
                    + String.join(", ", unknownMapped) + "); the header has: " + String.join(", ", header));
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("setting", "admitted_at", "discharged_at")) {
            if (!found.containsKey(required)) {
                missing.add(required + " (one of " + String.join(", ", SpellExtract.COLUMNS.get(required)) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new SpellExtract.ExtractError(file + ": no column for " + String.join("; ", missing)
                    + "; the header has: " + String.join(", ", header) + " (name columns with --map)");
        }
        found.forEach((k, v) -> x.columnsUsed.put(k, header.get(v)));
        id = found.getOrDefault("spell_id", -1);
        setting = found.get("setting");
        admitted = found.get("admitted_at");
        discharged = found.get("discharged_at");
        ready = found.getOrDefault("ready_at", -1);
        type = found.getOrDefault("admission_type", -1);
        age = found.getOrDefault("age_band", -1);
        from = found.getOrDefault("admitted_from", -1);
        destination = found.getOrDefault("destination", -1);
        replication = found.getOrDefault("replication", -1);
        patient = found.getOrDefault("patient_id", -1);
        x.hasPatientIds = patient >= 0;
        x.hasReadyDates = ready >= 0;
        x.hasAdmissionType = type >= 0;
        until = options.until() == null ? Double.POSITIVE_INFINITY : options.until().toEpochDay() + 1;
    }

    void readAll(Rows csv) throws IOException {
        List<String> row = new ArrayList<>(width);
        String wanted = options.replication() == null ? null : String.valueOf(options.replication());
        while (csv.next(row)) {
            long line = csv.recordLine();
            x.rowsRead++;
            if (row.size() != width) {
                x.problem(line, Problem.WRONG_FIELD_COUNT, row.size() + " fields, the header has " + width);
                continue;
            }
            if (replication >= 0) {
                String r = row.get(replication);
                if (wanted == null) {
                    wanted = r;
                }
                if (!r.equals(wanted)) {
                    x.otherReplication++;
                    continue;
                }
            }
            accept(line, row);
        }
        finish();
    }

    private void accept(long line, List<String> row) {
        String set = row.get(setting);
        if (set.isEmpty()) {
            x.problem(line, Problem.NO_SETTING, "");
            return;
        }
        String a = row.get(admitted);
        if (a.isEmpty()) {
            x.problem(line, Problem.NO_ADMISSION_DATE, "");
            return;
        }
        double in = Dates.parse(a);
        if (Double.isNaN(in)) {
            x.problem(line, Problem.BAD_ADMISSION_DATE, "'" + a + "'");
            return;
        }
        if (in >= until) {
            x.otherReplication++; // after --until: not part of the fit
            return;
        }
        String d = row.get(discharged);
        double out = d.isEmpty() ? Double.NaN : Dates.parse(d);
        if (!d.isEmpty() && Double.isNaN(out)) {
            x.problem(line, Problem.BAD_DISCHARGE_DATE, "'" + d + "'");
            return;
        }
        if (out >= until) {
            out = Double.NaN; // still in at --until
        }
        if (in < SpellExtract.FIRST_DAY || in > SpellExtract.LAST_DAY || out > SpellExtract.LAST_DAY) {
            x.problem(line, Problem.DATE_OUT_OF_RANGE, "'" + a + "'");
            return;
        }
        if (in >= today || out >= today) {
            x.problem(line, Problem.FUTURE_DATE, "'" + (in >= today ? a : d) + "'");
            return;
        }
        if (out < in) {
            x.problem(line, Problem.DISCHARGE_BEFORE_ADMISSION, "admitted " + a + ", discharged " + d);
            return;
        }
        double readyAt = Double.NaN;
        if (ready >= 0 && !row.get(ready).isEmpty()) {
            readyAt = Dates.parse(row.get(ready));
            if (Double.isNaN(readyAt) || readyAt < in || (!Double.isNaN(out) && readyAt > out)) {
                x.problem(line, Problem.BAD_READY_DATE, "'" + row.get(ready) + "'");
                return;
            }
        }
        boolean elective = false;
        if (type >= 0) {
            Boolean e = memo(types, row.get(type), Codes::elective);
            if (e == null) {
                x.problem(line, Problem.UNKNOWN_ADMISSION_TYPE, "'" + row.get(type) + "'");
                return;
            }
            elective = e;
        }
        String band = "all";
        if (age >= 0) {
            String v = row.get(age);
            band = bands.get(v);
            if (band == null) {
                band = band(v);
                if (bands.size() < 10_000) {
                    bands.put(v, band);
                }
            }
            if (band.equals("-")) {
                x.problem(line, Problem.NEGATIVE_AGE, "'" + v + "'");
                return;
            }
        }
        String dest = null;
        if (!Double.isNaN(out)) {
            String raw = destination >= 0 ? row.get(destination) : "home";
            if (raw.isEmpty()) {
                x.problem(line, Problem.NO_DESTINATION, "");
                return;
            }
            dest = memo(destinations, raw, Codes::destination);
            if (dest == null) {
                x.problem(line, Problem.UNKNOWN_DESTINATION, "'" + raw + "'");
                return;
            }
        }
        boolean hasId = id >= 0 && !row.get(id).isEmpty();
        if (ids.sink != null) {
            if (hasId) {
                idRecord[0] = LongSet.hash(row.get(id));
                idRecord[1] = line;
                ids.sink.add(idRecord);
            }
            return; // collecting ids only
        }
        if (hasId && ids.duplicate(line, LongSet.hash(row.get(id)))) {
            x.problem(line, Problem.DUPLICATE_ID, "'" + row.get(id) + "'");
            return;
        }
        // accepted
        x.rowsUsed++;
        if (a.length() > 10 || d.length() > 10) {
            x.hasTimes = true;
        }
        String s = settingIds.get(set);
        if (s == null) {
            s = Codes.id(set);
            x.settings.add(s);
            settingIds.put(set, s);
        }
        boolean transfer = from >= 0 && !row.get(from).isEmpty();
        x.firstAdmission = Math.min(x.firstAdmission, in);
        x.lastDate = Math.max(x.lastDate, Double.isNaN(out) ? in : out);
        int day = (int) (Math.floor(in) - SpellExtract.FIRST_DAY);
        int cohort = -1;
        String cohortKey = SpellExtract.cohortKey(elective, band, s);
        if (!transfer) {
            Integer c = cohortIndex.get(cohortKey);
            if (c == null) {
                c = cohortIndex.size();
                cohortIndex.put(cohortKey, c);
                long[] counts = new long[(int) (SpellExtract.LAST_DAY - SpellExtract.FIRST_DAY + 2)];
                cohortArrivals.add(counts);
                x.arrivals.put(cohortKey, counts);
            }
            cohort = c;
            cohortArrivals.get(cohort)[day]++;
        }
        String key = cohortKey + (transfer ? "|T" : "|E");
        SpellExtract.Stays st = staysByKey.get(key);
        if (st == null) {
            st = x.stays.computeIfAbsent(key, k -> new SpellExtract.Stays());
            staysByKey.put(key, st);
        }
        if (patient >= 0) {
            String pid = row.get(patient);
            if (pid.isEmpty()) {
                x.noPatientId++;
                if (x.noPatientIdLines.size() < SpellExtract.KEPT_LINES) {
                    x.noPatientIdLines.add(line);
                }
            } else {
                x.links.add(LongSet.hash(pid), in, out, cohort, "home".equals(dest));
            }
        }
        long[] census = x.census.computeIfAbsent(s,
                k -> new long[(int) (SpellExtract.LAST_DAY - SpellExtract.FIRST_DAY + 3)]);
        census[(int) (Math.ceil(in) - SpellExtract.FIRST_DAY)]++;
        if (Double.isNaN(out)) {
            st.open++;
            x.open.add(new SpellExtract.Open(key, in));
        } else {
            census[(int) (Math.ceil(out) - SpellExtract.FIRST_DAY)]--;
            st.complete.add(stayDays(in, out, a, d));
            st.destinations.merge(dest, 1L, Long::sum);
            if (!Double.isNaN(readyAt) && readyAt < out) {
                double[] dl = x.delays.computeIfAbsent(dest, k -> new double[2]);
                dl[0] += out - readyAt;
                dl[1]++;
            }
        }
    }

    /** Date-only stays are whole days; a same-day stay counts as a quarter day (its expected length if admission
     * and discharge times were uniform within the day, given their order, is a third). */
    private static double stayDays(double in, double out, String a, String d) {
        double days = out - in;
        if (a.length() <= 10 && d.length() <= 10 && days == 0) {
            return 1.0 / 3;
        }
        return days;
    }

    private static String band(String v) {
        boolean numeric = !v.isEmpty() && v.chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == '.');
        if (numeric) {
            try {
                double years = Double.parseDouble(v);
                if (years < 0) {
                    return "-";
                }
                return years < 18 ? "children" : years < 65 ? "adults" : "older";
            } catch (NumberFormatException e) {
                return Codes.id(v);
            }
        }
        return v.isEmpty() ? "all" : Codes.id(v);
    }

    private void finish() {
        if (ids.sink != null) {
            return;
        }
        double end = x.end();
        for (SpellExtract.Open o : x.open) {
            x.stays.get(o.key()).complete.addCensored(Math.max(0, end - o.admittedAt()));
        }
        if (x.links.size() > 0) {
            ReadmissionLinks.Counts[] counts = x.links.link(end, cohortIndex.size(),
                    t -> (int) (Math.floor(t) - SpellExtract.FIRST_DAY), cohortArrivals.toArray(long[][]::new));
            String[] keys = new String[cohortIndex.size()];
            cohortIndex.forEach((k, i) -> keys[i] = k);
            for (int i = 0; i < keys.length; i++) {
                ReadmissionLinks.Counts c = counts[i];
                x.readmissions.put(keys[i], new SpellExtract.Readmissions(c.followed, c.readmitted,
                        c.target < 0 ? null : keys[c.target], c.intoTarget, c.removed));
            }
        }
        x.links = null; // linked: its rows are no longer needed
    }

    private <T> T memo(Map<String, T> cache, String raw, java.util.function.Function<String, T> f) {
        T v = cache.get(raw);
        if (v == null && !cache.containsKey(raw)) {
            v = f.apply(raw);
            if (cache.size() < 10_000) {
                cache.put(raw, v);
            }
        }
        return v;
    }

    /** An open-addressing set of 64-bit hashes. */
    static final class LongSet {
        private long[] table = new long[1 << 12];
        private boolean hasZero;
        private int size;

        static long hash(String s) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return h;
        }

        boolean add(long v) {
            if (v == 0) {
                boolean had = hasZero;
                hasZero = true;
                return !had;
            }
            if (size * 2 >= table.length) {
                long[] old = table;
                table = new long[old.length * 2];
                size = 0;
                for (long o : old) {
                    if (o != 0) {
                        insert(o);
                    }
                }
            }
            return insert(v);
        }

        private boolean insert(long v) {
            int mask = table.length - 1;
            int i = (int) (v ^ (v >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = v;
            size++;
            return true;
        }
    }
}
