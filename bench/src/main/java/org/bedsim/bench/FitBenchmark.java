package org.bedsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bedsim.spells.ScenarioFit;
import org.bedsim.spells.ScenarioYaml;
import org.bedsim.spells.SpellExtract;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fitting a spell extract: {@code read} streams the CSV into the fits' inputs (parsing, checks, duplicate ids,
 * readmission links, census), {@code readAndFit} adds every fit and the scenario's text (what {@code bedsim fit}
 * does but for fit-report.html's charts). The extract is written once per trial by {@link SpellExtractGenerator}
 * (two years of a large hospital, with patient ids and readmissions). The {@code rows} counter is reported by JMH as
 * rows per second (the primary score, files a second, times the rows of the file); one invocation reads the whole
 * file, on one thread, under a 256 MB heap.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar FitBenchmark -p rows=1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class FitBenchmark {

    @Param({"1000000"})
    public long rows;

    private Path dir;
    private Path file;

    /** Rows read, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rows {
        public long rows;

        @Setup(Level.Iteration)
        public void clear() {
            rows = 0;
        }
    }

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("bedsim-fit-bench");
        file = dir.resolve("spells.csv");
        SpellExtractGenerator.write(file, rows, 1);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public SpellExtract read(Rows counter) {
        SpellExtract x = SpellExtract.read(file, new SpellExtract.Options(null, null, null));
        counter.rows += x.rowsRead();
        return x;
    }

    @Benchmark
    public void readAndFit(Rows counter, Blackhole bh) {
        SpellExtract x = SpellExtract.read(file, new SpellExtract.Options(null, null, null));
        ScenarioFit f = ScenarioFit.of(x);
        bh.consume(ScenarioYaml.write(f, "bench", java.util.Map.of(), java.util.Map.of()));
        counter.rows += x.rowsRead();
    }
}
