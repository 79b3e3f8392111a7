package io.datajax.io.csv;

import io.datajax.io.ReadRequest;
import io.datajax.io.SourcePart;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throughput check of the CSV reader, not a test: generates a seeded CSV of about 200 MB (id INT64, price
 * FLOAT64 with 2 decimals, score FLOAT64 at full precision, day DATE, name STRING; about 5% nulls), reads it
 * with {@link CsvSource} on one thread three times and logs MB/s and rows/s, by wall-clock time and by the
 * thread's CPU time (steadier on a shared machine). Run after {@code test-compile} with
 * {@code mvn -o -pl datajax-io exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.datajax.io.csv.CsvReadThroughput [-Dexec.args="MEGABYTES [COLUMN,...]"]} (without
 * {@code -q}, which hides the log); the optional columns read a projection.
 */
public final class CsvReadThroughput {
    private static final Logger LOG = LoggerFactory.getLogger(CsvReadThroughput.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CsvReadThroughput() {
    }

    public static void main(String[] args) throws IOException {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 200;
        Path dir = Files.createTempDirectory("csv-throughput");
        try {
            Path file = dir.resolve("data.csv");
            long rows = generate(file, megabytes << 20);
            long bytes = Files.size(file);
            LOG.info("generated {} rows, {} MB in {}", rows, bytes >> 20, file);
            CsvSource source = CsvSource.of(file, CsvOptions.defaults().withPartBytes(Long.MAX_VALUE));
            LOG.info("schema {}", source.schema());
            ReadRequest request = ReadRequest.of(args.length > 1 ? List.of(args[1].split(","))
                    : source.schema().names());
            LOG.info("reading columns {}", request.columns());
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long read = 0;
                try (BufferAllocator allocator = new RootAllocator()) {
                    for (SourcePart part : source.parts(request).parts()) {
                        read += source.read(part, request, allocator, batch -> { }).rows();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                LOG.info(String.format(Locale.ROOT, "run %d: %d rows in %.2f s: %.0f MB/s, %.2f M rows/s (thread CPU"
                        + " %.2f s: %.0f MB/s, %.2f M rows/s)", run, read, seconds, bytes / 1e6 / seconds,
                        read / 1e6 / seconds, cpuSeconds, bytes / 1e6 / cpuSeconds, read / 1e6 / cpuSeconds));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long generate(Path file, long targetBytes) throws IOException {
        Random random = new Random(42);
        long epoch = LocalDate.of(2020, 1, 1).toEpochDay();
        long rows = 0;
        long written = 0;
        StringBuilder line = new StringBuilder(128);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,price,score,day,name\n");
            while (written < targetBytes) {
                line.setLength(0);
                line.append(rows).append(',');
                if (random.nextInt(20) != 0) {
                    line.append(random.nextInt(1_000_000) / 100.0);
                }
                line.append(',');
                if (random.nextInt(20) != 0) {
                    line.append(random.nextGaussian() * 1000);
                }
                line.append(',');
                if (random.nextInt(20) != 0) {
                    line.append(LocalDate.ofEpochDay(epoch + random.nextInt(2000)));
                }
                line.append(',');
                if (random.nextInt(20) != 0) {
                    line.append("name").append(random.nextInt(100_000));
                }
                line.append('\n');
                out.append(line);
                written += line.length();
                rows++;
            }
        }
        return rows;
    }
}
