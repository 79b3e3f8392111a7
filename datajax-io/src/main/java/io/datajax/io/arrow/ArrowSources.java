package io.datajax.io.arrow;

import io.datajax.ir.source.DataSource;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * In-memory Arrow data as program inputs: {@code fn.apply(Input.of(ArrowSources.of(root)))}. The caller keeps
 * ownership and closes the data after the call; nothing is modified. Columns must have the types of
 * {@link io.datajax.io.ArrowSchemas} (no dictionary encoding).
 */
public final class ArrowSources {
    private ArrowSources() {
    }

    /** The rows of {@code root}, read when the function runs (keep it open until the call returns). */
    public static DataSource of(VectorSchemaRoot root) {
        return ArrowMemorySource.of(root);
    }

    /**
     * The batches of {@code reader}, read once when the function runs (e.g. a stream imported through the C
     * Data Interface, {@link ArrowCData#importStream}). Reading its schema happens now.
     */
    public static DataSource of(ArrowReader reader) {
        return ArrowMemorySource.of(reader);
    }
}
