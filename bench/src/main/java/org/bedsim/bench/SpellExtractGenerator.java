package org.bedsim.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.rng.UniformRandomProvider;
import org.bedsim.random.RandomStreams;

/**
 * Writes a synthetic spell extract of a given number of rows in the layout {@code bedsim fit} reads, for the fit
 * benchmark and the README's measurement: a large acute hospital over two years from 2017-04-01, emergency older
 * and adult patients and elective adults, a community ward some older patients move to, readmissions within 30 days
 * under the same patient id, date-times to the minute, and stays still open at the end left without a discharge.
 *
 * <p>Implementation notes: one named stream from the seed ({@link RandomStreams}), so the same arguments write the
 * same bytes. Rows are written as each patient's episode is drawn (an episode's rows together, in arrival order),
 * so the file streams out with constant memory. The volume a day is set from the rows asked for, so any size covers the same two years;
 * the rows written are within a few per thousand of those asked for (arrivals are random).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.bedsim.bench.SpellExtractGenerator 1000000 /tmp/spells-1m.csv
 * </pre>
 */
public final class SpellExtractGenerator {
    static final LocalDate START = LocalDate.of(2017, 4, 1);
    static final int DAYS = 730;
    /** Rows per first admission, about: transfers to community and readmissions add rows. */
    static final double ROWS_PER_ARRIVAL = 1.1207;

    private SpellExtractGenerator() {
    }

    /**
     * @param args rows (default 1,000,000), the file to write, and optionally a seed (default 1)
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SpellExtractGenerator ROWS FILE [SEED]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0].replace("_", "").replace(",", ""));
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long written = write(file, rows, seed);
        System.out.println("wrote " + written + " rows to " + file + " (" + Files.size(file) + " bytes)");
    }

    /** Writes about {@code rows} rows and returns the number written. */
    public static long write(Path file, long rows, long seed) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            return new SpellExtractGenerator.Run(w, rows, seed).run();
        }
    }

    private static final class Run {
        private final Writer writer;
        private final UniformRandomProvider random;
        private final StringBuilder b = new StringBuilder(160);
        private final double perDay;
        private long rows;
        private long patients;

        Run(Writer out, long rowsWanted, long seed) {
            this.writer = out;
            this.random = new RandomStreams(seed).stream("bench/spell-extract", 0);
            this.perDay = rowsWanted / ROWS_PER_ARRIVAL / DAYS;
        }

        long run() throws IOException {
            writer.write("spell_id,patient_id,setting,admitted_at,discharged_at,ready_at,admission_type,age_band,"
                    + "admitted_from,destination\n");
            double t = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / perDay;
                if (t >= DAYS) {
                    break;
                }
                double u = random.nextDouble();
                int cohort = u < 0.35 ? 0 : u < 0.80 ? 1 : 2;
                episode(++patients, cohort, t, 0);
            }
            return rows;
        }

        /** One episode: entry stay, maybe community, maybe a readmission (of the same patient) within 30 days. */
        private void episode(long patient, int cohort, double at, int depth) throws IOException {
            double stay = switch (cohort) {
                case 0 -> Math.exp(1.7 + 0.9 * gaussian());
                case 1 -> 4 * Math.pow(-Math.log(1 - random.nextDouble()), 1 / 0.9);
                default -> gamma(1.5625, 1.6);
            };
            double out = at + stay;
            double u = random.nextDouble();
            String dest = cohort == 0 ? (u < 0.75 ? "home" : u < 0.90 ? "community" : "died")
                    : (u < 0.98 ? "home" : "died");
            row(patient, "acute", at, out, cohort, null, dest);
            if (dest.equals("community") && out < DAYS) {
                double leave = out + gamma(2.78, 7.2);
                dest = random.nextDouble() < 0.9 ? "home" : "died";
                row(patient, "community", out, leave, cohort, "acute", dest);
                out = leave;
            }
            if (dest.equals("home") && cohort != 2 && out < DAYS && depth < 3
                    && random.nextDouble() < (cohort == 0 ? 0.12 : 0.05)) {
                episode(patient, cohort, out + 30 * random.nextDouble(), depth + 1);
            }
        }

        private void row(long patient, String setting, double in, double out, int cohort, String from, String dest)
                throws IOException {
            if (in >= DAYS) {
                return;
            }
            rows++;
            b.setLength(0);
            b.append('S').append(rows).append(",P").append(patient).append(',').append(setting).append(',');
            time(in);
            b.append(',');
            boolean open = out >= DAYS;
            if (!open) {
                time(out);
            }
            b.append(',');
            if (!open && cohort == 0 && out - in > 3 && random.nextDouble() < 0.3) {
                time(out - 1 - random.nextDouble() * 2);
            }
            b.append(',').append(cohort == 2 ? "elective" : "non_elective").append(',')
                    .append(cohort == 0 ? "older" : "adults").append(',');
            if (from != null) {
                b.append(from);
            }
            b.append(',');
            if (!open) {
                b.append(dest);
            }
            b.append('\n');
            writer.append(b);
        }

        private void time(double t) {
            long minutes = (long) Math.floor(t * 1440);
            b.append(START.plusDays(minutes / 1440)).append('T');
            int m = (int) (minutes % 1440);
            two(m / 60);
            b.append(':');
            two(m % 60);
        }

        private void two(int v) {
            if (v < 10) {
                b.append('0');
            }
            b.append(v);
        }

        private double gaussian() {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }

        /** Marsaglia and Tsang (2000), shape &gt;= 1. */
        private double gamma(double shape, double scale) {
            double d = shape - 1.0 / 3;
            double c = 1 / Math.sqrt(9 * d);
            while (true) {
                double x = gaussian();
                double v = 1 + c * x;
                if (v <= 0) {
                    continue;
                }
                v = v * v * v;
                double u = random.nextDouble();
                if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                    return d * v * scale;
                }
            }
        }
    }
}
