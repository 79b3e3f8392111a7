package io.datajax.runtime.kernel;

/** Collects estimated bytes of kernel working state (hash tables, group arrays) for stage metrics. Not thread-safe. */
public final class MemoryMeter {
    private long bytes;

    /** Records {@code amount} more bytes. */
    public void add(long amount) {
        bytes += amount;
    }

    /** The bytes recorded so far. */
    public long bytes() {
        return bytes;
    }
}
