package io.datajax.runtime.mpj.exec;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.runtime.column.Batch;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rank side of kept results ({@link MpjKeptTable}): this rank's part of every result the driver asked the ranks
 * to keep, by id, until the driver releases it or the rank process ends. Heap batches only (no Arrow memory).
 */
final class KeptShards {
    private static final ConcurrentHashMap<Long, Batch> PARTS = new ConcurrentHashMap<>();

    private KeptShards() {
    }

    static void keep(long id, Batch part) {
        PARTS.put(id, part);
    }

    /** This rank's part of kept result {@code id}. */
    static Batch get(long id, int rank) {
        Batch part = PARTS.get(id);
        if (part == null) {
            throw new ExecutionException(ErrorCode.INVALID_ARGUMENT, "Kept result " + id + " is not on rank " + rank
                    + ": it was closed, or the rank was restarted since it was kept. Keep results open while later"
                    + " calls read them, and recompute them after a rank failure.");
        }
        return part;
    }

    static void release(long[] ids) {
        for (long id : ids) {
            PARTS.remove(id);
        }
    }

    /** How many kept parts this rank holds. */
    static int count() {
        return PARTS.size();
    }
}
