package io.datajax.runtime.mpj.exec;

import io.datajax.ir.Schema;
import io.datajax.runtime.arrow.ArrowIpc;
import io.datajax.runtime.column.Batch;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Shards on the wire: a batch as Arrow IPC stream bytes ({@link ArrowIpc}), and a batch of no rows as no
 * bytes at all (its schema is known from the plan at both ends).
 */
final class ShardCodec {
    private static final byte[] NONE = new byte[0];

    private ShardCodec() {
    }

    /** The IPC bytes of {@code batch}, written through {@code allocator}. */
    static byte[] encode(Batch batch, BufferAllocator allocator) {
        if (batch.rowCount() == 0) {
            return NONE;
        }
        return ArrowIpc.write(batch, allocator);
    }

    /** The batch of {@code bytes}, read through {@code allocator}, under the planned {@code schema}. */
    static Batch decode(byte[] bytes, Schema schema, BufferAllocator allocator) {
        if (bytes.length == 0) {
            return Batches.empty(schema);
        }
        return Batches.as(schema, ArrowIpc.read(bytes, allocator));
    }
}
