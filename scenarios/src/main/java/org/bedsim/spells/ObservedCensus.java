package org.bedsim.spells;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An observed midnight census per setting and date: read from a file ({@code date,setting,occupied}) or computed
 * from a spell extract (the census of date D counts the stays in at the midnight that ends D).
 */
public final class ObservedCensus {
    private final Map<String, Map<Long, Double>> values = new TreeMap<>();
    private final SpellExtract extract;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    private ObservedCensus(SpellExtract extract) {
        this.extract = extract;
    }

    /** @return the census of an extract's stays, from its first to its last date */
    public static ObservedCensus of(SpellExtract x) {
        ObservedCensus c = new ObservedCensus(x);
        c.first = x.firstDate().toEpochDay();
        c.last = x.lastDate().toEpochDay() - 1; // the last midnight inside the extract ends the day before its end
        return c;
    }

    /** Reads {@code date,setting,occupied} rows (any delimiter, header required); every problem stops it. */
    public static ObservedCensus read(Path file) {
        ObservedCensus c = new ObservedCensus(null);
        if (!Files.isRegularFile(file)) {
            throw new SpellExtract.ExtractError(file + ": no such file");
        }
        List<String> problems = new ArrayList<>();
        long bad = 0;
        try (InputStream in = Files.newInputStream(file); CsvRows csv = new CsvRows(in)) {
            List<String> header = csv.header();
            if (header == null) {
                throw new SpellExtract.ExtractError(file + ": the file is empty; expected date,setting,occupied");
            }
            List<String> lower = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            int d = lower.indexOf("date");
            int s = lower.indexOf("setting");
            int o = lower.contains("occupied") ? lower.indexOf("occupied") : lower.indexOf("census");
            if (d < 0 || s < 0 || o < 0) {
                throw new SpellExtract.ExtractError(file + ": expected columns date, setting and occupied; the "
                        + "header has: " + String.join(", ", header));
            }
            List<String> row = new ArrayList<>();
            while (csv.next(row)) {
                long line = csv.recordLine();
                String why = null;
                double day = Double.NaN;
                double v = Double.NaN;
                if (row.size() != header.size()) {
                    why = "wrong number of fields";
                } else {
                    day = Dates.parse(row.get(d));
                    if (Double.isNaN(day)) {
                        why = "date not understood: '" + row.get(d) + "'";
                    } else {
                        try {
                            v = Double.parseDouble(row.get(o));
                            if (!(v >= 0) || Double.isInfinite(v)) {
                                why = "occupied must be a number >= 0: '" + row.get(o) + "'";
                            }
                        } catch (NumberFormatException e) {
                            why = "occupied is not a number: '" + row.get(o) + "'";
                        }
                    }
                }
                if (why == null && row.get(s).isEmpty()) {
                    why = "no setting";
                }
                if (why != null) {
                    bad++;
                    if (problems.size() < 10) {
                        problems.add(file.getFileName() + ":" + line + ": " + why);
                    }
                    continue;
                }
                long key = (long) Math.floor(day);
                if (c.values.computeIfAbsent(Codes.id(row.get(s)), k -> new TreeMap<>()).put(key, v) != null) {
                    bad++;
                    if (problems.size() < 10) {
                        problems.add(file.getFileName() + ":" + line + ": a second value for " + row.get(s) + " on "
                                + row.get(d));
                    }
                    continue;
                }
                c.first = Math.min(c.first, key);
                c.last = Math.max(c.last, key);
            }
        } catch (CharacterCodingException e) {
            throw new SpellExtract.ExtractError(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SpellExtract.ExtractError(file + ": cannot read: " + e.getMessage());
        }
        if (bad > 0) {
            throw new SpellExtract.ExtractError(String.join("\n", problems) + "\n" + file + ": " + bad
                    + " bad row" + (bad == 1 ? "" : "s") + "; nothing compared");
        }
        if (c.values.isEmpty()) {
            throw new SpellExtract.ExtractError(file + ": no rows after the header; nothing to compare");
        }
        return c;
    }

    /** @return whether computed from spells (so it starts empty) */
    public boolean fromSpells() {
        return extract != null;
    }

    /** @return the settings observed */
    public List<String> settings() {
        return extract != null ? extract.settings() : List.copyOf(values.keySet());
    }

    /** @return the first date */
    public LocalDate first() {
        return LocalDate.ofEpochDay(first);
    }

    /** @return the last date */
    public LocalDate last() {
        return LocalDate.ofEpochDay(last);
    }

    /** @return the census of a setting from {@code from} to {@code to} (NaN on days a file does not give) */
    public double[] series(String setting, LocalDate from, LocalDate to) {
        int n = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        double[] out = new double[n];
        if (extract != null) {
            int[] c = extract.census(setting, from, to);
            for (int i = 0; i < n; i++) {
                out[i] = c[i];
            }
            return out;
        }
        Map<Long, Double> m = values.getOrDefault(setting, Map.of());
        for (int i = 0; i < n; i++) {
            out[i] = m.getOrDefault(from.toEpochDay() + i, Double.NaN);
        }
        return out;
    }

    /** @return every setting's census added up, day by day */
    public double[] total(LocalDate from, LocalDate to) {
        double[] t = null;
        for (String s : settings()) {
            double[] v = series(s, from, to);
            if (t == null) {
                t = v;
            } else {
                for (int i = 0; i < t.length; i++) {
                    t[i] += v[i];
                }
            }
        }
        return t;
    }
}
