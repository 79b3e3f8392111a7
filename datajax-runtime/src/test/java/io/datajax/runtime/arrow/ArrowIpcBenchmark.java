package io.datajax.runtime.arrow;

import io.datajax.runtime.column.Batch;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Throughput of {@link ArrowIpc} and {@link ArrowBatches} on a shuffle-shaped batch (INT64, FLOAT64, STRING of
 * 100 distinct dictionary-encoded values), warm. Run (java 17, after {@code mvn test-compile}):
 * <pre>
 * java -Xmx8g --add-opens=java.base/java.nio=ALL-UNNAMED -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.datajax.runtime.arrow.ArrowIpcBenchmark [rows] [iterations]
 * </pre>
 * Prints the median time per operation and the stream size over that time (GB/s, 1 GB = 1e9 bytes).
 */
public final class ArrowIpcBenchmark {
    private ArrowIpcBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        for (String line : run(rows, iterations)) {
            System.out.println(line);
        }
    }

    /** Runs every measurement and returns one line per operation. */
    static String[] run(int rows, int iterations) {
        Batch batch = Batches.shuffleShaped(rows, 100);
        try (BufferAllocator allocator = new RootAllocator()) {
            byte[] dictionaryBytes = ArrowIpc.write(batch, allocator);
            byte[] plainBytes = ArrowIpc.write(batch, allocator, ArrowIpc.DEFAULT_MAX_ROWS_PER_BATCH, false);
            return new String[] {
                "rows=" + rows + " dictionary stream=" + dictionaryBytes.length + " B, plain stream=" + plainBytes.length
                        + " B",
                measure("write (dictionary strings)", dictionaryBytes.length, iterations,
                        () -> ArrowIpc.write(batch, allocator)),
                measure("read  (dictionary strings)", dictionaryBytes.length, iterations,
                        () -> ArrowIpc.read(dictionaryBytes, allocator)),
                measure("write (plain Utf8)", plainBytes.length, iterations,
                        () -> ArrowIpc.write(batch, allocator, ArrowIpc.DEFAULT_MAX_ROWS_PER_BATCH, false)),
                measure("read  (plain Utf8)", plainBytes.length, iterations,
                        () -> ArrowIpc.read(plainBytes, allocator)),
                measure("toArrow+close (plain Utf8)", plainBytes.length, iterations, () -> {
                    try (VectorSchemaRoot root = ArrowBatches.toArrow(batch, allocator)) {
                        return root.getRowCount();
                    }
                }),
                measure("fromArrow", plainBytes.length, iterations, fromArrow(batch, allocator)),
            };
        }
    }

    private static java.util.function.Supplier<Object> fromArrow(Batch batch, BufferAllocator allocator) {
        return () -> {
            try (VectorSchemaRoot root = ArrowBatches.toArrow(batch, allocator)) {
                long start = System.nanoTime();
                Batch out = ArrowBatches.fromArrow(root);
                lastFromArrowNanos = System.nanoTime() - start;
                return out;
            }
        };
    }

    private static long lastFromArrowNanos;

    private static String measure(String name, long bytes, int iterations, java.util.function.Supplier<Object> op) {
        long[] nanos = new long[iterations];
        Object sink = null;
        for (int i = 0; i < 3; i++) {
            sink = op.get(); // warm-up
        }
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            sink = op.get();
            nanos[i] = name.equals("fromArrow") ? lastFromArrowNanos : System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long median = nanos[iterations / 2];
        return String.format("%-28s median %7.1f ms  %5.2f GB/s  (min %.1f ms) %s", name, median / 1e6,
                bytes / (median / 1e9) / 1e9, nanos[0] / 1e6, sink == null ? "" : "");
    }
}
