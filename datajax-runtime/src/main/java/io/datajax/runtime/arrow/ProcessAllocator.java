package io.datajax.runtime.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The one Arrow {@link RootAllocator} of this process (a rank JVM, or the driver), created on first use
 * and held for the life of the process. It is the only place an executor creates a root allocator:
 * everything else takes a named child of it (one per stage on a rank, one per call on the driver, one per source read locally) and
 * closes that child, checking it is empty.
 */
public final class ProcessAllocator {
    private ProcessAllocator() {
    }

    private static final class Holder {
        static final RootAllocator ROOT = new RootAllocator(Long.MAX_VALUE);
    }

    /** The process's root allocator; never close it. */
    public static BufferAllocator root() {
        return Holder.ROOT;
    }

    /** A new child of the root named {@code name}; the caller closes it. */
    public static BufferAllocator child(String name) {
        return Holder.ROOT.newChildAllocator(name, 0, Long.MAX_VALUE);
    }
}
