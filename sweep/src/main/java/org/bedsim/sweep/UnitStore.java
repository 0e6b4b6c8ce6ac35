package org.bedsim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bedsim.cli.Version;
import org.bedsim.model.SettingKpi;
import org.bedsim.report.OutputDirectory;
import org.bedsim.scenario.ScenarioLoader;

/**
 * The units' outputs, one file per unit in the sweep's {@code units/} folder ({@code <unit id>.tsv}), each written
 * atomically (whole or absent) as soon as its unit is done: the unit's inputs (a SHA-256 of bedsim's version, the
 * variant's scenario, seed, replications and what is kept), then each column's values in exact bits (hexadecimal),
 * followed, for a KPI resting on counted events, by each replication's events and trials, then {@code end}. A
 * bridge unit's columns are its figures, each as mean, half-width, level and replications. A file is complete
 * when it reads to {@code end} with the same inputs; a resumed sweep takes complete files and runs again every
 * other unit, so writing a unit twice writes the same bytes (idempotent).
 * The sweep's results are always aggregated from these files, so a resumed sweep and an uninterrupted one give the
 * same bytes.
 */
final class UnitStore {
    /** The folder inside the sweep's output directory. */
    static final String FOLDER = "units";
    private static final String MAGIC = "bedsim-sweep-unit 3";

    private final OutputDirectory dir;
    private final List<SettingKpi> kpis;
    private final List<String> settings;
    private final boolean demand;

    private UnitStore(OutputDirectory dir, List<SettingKpi> kpis, List<String> settings, boolean demand) {
        this.dir = dir;
        this.kpis = kpis;
        this.settings = settings;
        this.demand = demand;
    }

    /**
     * Opens the store.
     *
     * @param out the sweep's output folder
     * @param resume true to keep the units of an earlier run; false to start afresh (every unit file removed)
     */
    static UnitStore open(Path out, boolean resume, List<SettingKpi> kpis, List<String> settings, boolean demand)
            throws IOException {
        Path folder = out.resolve(FOLDER);
        if (!resume && Files.isDirectory(folder)) {
            try (Stream<Path> old = Files.list(folder)) {
                for (Path p : old.toList()) {
                    if (Files.isRegularFile(p)) {
                        Files.delete(p);
                    }
                }
            }
        }
        return new UnitStore(OutputDirectory.create(folder), kpis, settings, demand);
    }

    /** @return the folder */
    Path folder() {
        return dir.path();
    }

    /** @return what a unit's results depend on, hashed */
    String inputs(Unit u) {
        String all = String.join("\n", Version.bedsim(), u.variant().sha256(), Long.toString(u.variant().seed()),
                Integer.toString(u.first()), Integer.toString(u.count()),
                u.bridge() ? "bridge" : kpis + (demand ? " demand" : ""),
                u.bridge() ? "" : String.valueOf(settings));
        return ScenarioLoader.sha256(all.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a unit's results, atomically. */
    void write(Unit u, UnitResult r) throws IOException {
        String inputs = inputs(u);
        dir.write(u.id() + ".tsv", w -> {
            w.write(MAGIC + "\ninputs\t" + inputs + "\nevents\t" + r.events() + "\n");
            for (int c = 0; c < r.columns().size(); c++) {
                w.write(r.columns().get(c));
                for (double v : r.values()[c]) {
                    w.write('\t');
                    w.write(String.format("%016x", Double.doubleToRawLongBits(v)));
                }
                if (r.counts()[c] != null) {
                    for (long n : r.counts()[c]) {
                        w.write('\t');
                        w.write(Long.toString(n));
                    }
                }
                w.write('\n');
            }
            w.write("end\n");
        });
    }

    /** @return the unit's complete results, or null if its file is missing, cut short or of other inputs */
    UnitResult read(Unit u) {
        Path f = dir.path().resolve(u.id() + ".tsv");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.size() < 4 || !lines.get(0).equals(MAGIC) || !lines.get(1).equals("inputs\t" + inputs(u))
                    || !lines.get(2).startsWith("events\t") || !lines.get(lines.size() - 1).equals("end")) {
                return null;
            }
            long events = Long.parseLong(lines.get(2).substring(7));
            List<String> columns = new ArrayList<>();
            double[][] values = new double[lines.size() - 4][];
            long[][] counts = new long[lines.size() - 4][];
            for (int i = 3; i < lines.size() - 1; i++) {
                String[] f2 = lines.get(i).split("\t");
                int width = u.bridge() ? 4 : u.count(); // a bridge's figure: mean, half-width, level, replications
                if (f2.length != 2 + width && (u.bridge() || f2.length != 2 + 3 * width)) {
                    return null;
                }
                columns.add(f2[0] + "\t" + f2[1]);
                double[] v = new double[width];
                for (int j = 0; j < width; j++) {
                    v[j] = Double.longBitsToDouble(Long.parseUnsignedLong(f2[2 + j], 16));
                }
                values[i - 3] = v;
                if (!u.bridge() && f2.length == 2 + 3 * u.count()) {
                    long[] n = new long[2 * u.count()];
                    for (int j = 0; j < n.length; j++) {
                        n[j] = Long.parseLong(f2[2 + u.count() + j]);
                    }
                    counts[i - 3] = n;
                }
            }
            return new UnitResult(u.id(), columns, values, counts, events);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: the unit runs again
        }
    }
}
