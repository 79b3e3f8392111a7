package io.datajax.io.parquet;

import io.datajax.io.FileSource;
import io.datajax.io.ReadRequest;
import io.datajax.io.SourcePart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rough read throughput of {@link ParquetSource} against DuckDB's {@code read_parquet} on one thread: a file of
 * {@code rows} rows and 4 columns (BIGINT, DOUBLE, INTEGER, low-cardinality VARCHAR) written by DuckDB and the
 * same rows written by {@link ParquetSink}; each read sums the numeric columns and counts the strings. Run with
 * {@code main [rows] [repeats]}; {@link ParquetReadBenchmarkTest} runs it small.
 */
public final class ParquetReadBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ParquetReadBenchmark.class);

    private ParquetReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("parquet-bench");
        try {
            for (String line : run(dir, rows, repeats)) {
                LOG.info(line);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Writes the files into {@code dir} and times the reads; returns one line per reader and file. */
    public static java.util.List<String> run(Path dir, int rows, int repeats) throws SQLException, IOException {
        Path duckFile = dir.resolve("duckdb.parquet");
        Path ours = dir.resolve("ours");
        java.util.List<String> lines = new java.util.ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT i::BIGINT AS a, (i * 0.5)::DOUBLE AS b, (i % 1000)::INTEGER AS c,"
                    + " 'str' || (i % 100) AS d FROM range(" + rows + ") t(i)) TO '" + duckFile
                    + "' (FORMAT parquet)");
            statement.execute("SET threads = 1");
            try (BufferAllocator allocator = new RootAllocator()) {
                ParquetSource duckSource = ParquetSource.of(duckFile);
                copy(duckSource, ParquetSink.of(ours), allocator);
                Path oursFile = ours.resolve("part-00000.parquet");
                for (Path file : new Path[] {duckFile, oursFile}) {
                    String name = file.equals(duckFile) ? "DuckDB's file" : "ParquetSink's file";
                    long bytes = Files.size(file);
                    lines.add(line("ParquetSource, " + name, rows, bytes, time(repeats, () -> sums(
                            ParquetSource.of(file), allocator))));
                    lines.add(line("ParquetSource decode only, " + name, rows, bytes, time(repeats, () -> count(
                            ParquetSource.of(file), allocator))));
                    lines.add(line("DuckDB read_parquet, " + name, rows, bytes, time(repeats, () -> {
                        try (ResultSet result = statement.executeQuery("SELECT sum(a), sum(b), sum(c), count(d)"
                                + " FROM read_parquet('" + file + "')")) {
                            result.next();
                            return result.getLong(1) + " " + result.getDouble(2) + " " + result.getLong(3) + " "
                                    + result.getLong(4);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    })));
                }
            }
        }
        return lines;
    }

    private static String line(String what, int rows, long bytes, Object[] best) {
        double millis = (Double) best[0];
        double cpu = (Double) best[1];
        return String.format(Locale.ROOT, "%-42s %8.1f ms wall %8.1f ms cpu %7.1f M rows/s %7.1f MB/s (cpu)  sums %s",
                what, millis, cpu, rows / cpu / 1e3, bytes / cpu / 1e3, best[2]);
    }

    /** The best wall time, the best CPU time of this thread (DuckDB with one thread runs on it) and the result. */
    private static Object[] time(int repeats, java.util.function.Supplier<String> read) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        String sums = null;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            sums = read.get();
            bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return new Object[] {best, bestCpu, sums};
    }

    private static String sums(FileSource source, BufferAllocator allocator) {
        ReadRequest request = ReadRequest.of(source.schema().names());
        long[] a = {0};
        double[] b = {0};
        long[] c = {0};
        long[] d = {0};
        for (SourcePart part : source.parts(request).parts()) {
            source.read(part, request, allocator, batch -> {
                BigIntVector va = (BigIntVector) batch.getVector(0);
                Float8Vector vb = (Float8Vector) batch.getVector(1);
                IntVector vc = (IntVector) batch.getVector(2);
                VarCharVector vd = (VarCharVector) batch.getVector(3);
                for (int r = 0; r < batch.getRowCount(); r++) {
                    if (!va.isNull(r)) {
                        a[0] += va.get(r);
                    }
                    if (!vb.isNull(r)) {
                        b[0] += vb.get(r);
                    }
                    if (!vc.isNull(r)) {
                        c[0] += vc.get(r);
                    }
                    if (!vd.isNull(r)) {
                        d[0]++;
                    }
                }
            });
        }
        return a[0] + " " + b[0] + " " + c[0] + " " + d[0];
    }

    /** Reads every batch and only counts its rows: the decoding cost alone. */
    private static String count(FileSource source, BufferAllocator allocator) {
        ReadRequest request = ReadRequest.of(source.schema().names());
        long rows = 0;
        for (SourcePart part : source.parts(request).parts()) {
            rows += source.read(part, request, allocator, batch -> { }).rows();
        }
        return rows + " rows";
    }

    private static void copy(FileSource source, ParquetSink sink, BufferAllocator allocator) {
        ReadRequest request = ReadRequest.of(source.schema().names());
        Path temp = io.datajax.io.SinkCommit.begin(sink);
        String name = io.datajax.io.SinkCommit.partName(sink, 0);
        long[] rows = {0};
        try (io.datajax.io.PartWriter writer = sink.open(temp.resolve(name), source.schema(), allocator)) {
            for (SourcePart part : source.parts(request).parts()) {
                source.read(part, request, allocator, (VectorSchemaRoot batch) -> {
                    writer.write(batch);
                    rows[0] += batch.getRowCount();
                });
            }
            long bytes = writer.finish();
            io.datajax.io.SinkCommit.commit(sink, temp, java.util.List.of(new io.datajax.io.WrittenPart(name, rows[0],
                    bytes)));
        }
    }
}
