package io.datajax.runtime.local;

/**
 * Tuning of the local executor's passes. The split of an input into chunks depends only on the row count
 * and these settings, never on the thread count, and partial results merge in chunk order: so every thread
 * count gives bit-identical results (floating-point sums included).
 *
 * @param threads worker threads (1: everything on the calling thread)
 * @param vectorSize rows per vector inside a chunk (scratch buffers hold this many values)
 * @param minChunkRows the smallest chunk; inputs up to this size run as one chunk
 * @param maxChunks the most chunks an input is split into
 * @param denseGroupLimit the most slots of a dense (direct-indexed) group table
 * @param fused false to run every node with the plain per-node kernels (the reference path)
 * @param fuseJoins false to materialise a join read only by an aggregate instead of folding its output
 *     pairs into the aggregate directly (tests compare the two)
 */
record ExecOptions(int threads, int vectorSize, int minChunkRows, int maxChunks, int denseGroupLimit, boolean fused,
        boolean fuseJoins) {
    /** Options with join fusion on (when {@code fused}). */
    ExecOptions(int threads, int vectorSize, int minChunkRows, int maxChunks, int denseGroupLimit, boolean fused) {
        this(threads, vectorSize, minChunkRows, maxChunks, denseGroupLimit, fused, true);
    }

    ExecOptions {
        if (threads < 1 || vectorSize < 1 || minChunkRows < 1 || maxChunks < 1 || denseGroupLimit < 1) {
            throw new IllegalArgumentException("invalid executor options " + threads + "/" + vectorSize + "/"
                    + minChunkRows + "/" + maxChunks + "/" + denseGroupLimit);
        }
    }

    /** The defaults for a thread count. */
    static ExecOptions defaults(int threads) {
        return new ExecOptions(threads, 1024, 1 << 16, 16, 1 << 18, true);
    }

    /** The number of chunks of an input of {@code rows} rows. */
    int chunks(int rows) {
        long wanted = (rows + (long) minChunkRows - 1) / minChunkRows;
        return (int) Math.max(1, Math.min(maxChunks, wanted));
    }

    /** The first row of chunk {@code chunk} of {@code count}. */
    static int chunkStart(int rows, int count, int chunk) {
        return (int) ((long) rows * chunk / count);
    }
}
