package io.datajax.io;

import io.datajax.ir.source.DataSource;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A {@link DataSource} that can be read part by part. Parts are independent: any process can read any part,
 * and reading every part in order gives the source's rows in order.
 */
public interface FileSource extends DataSource {

    /**
     * The parts to read for {@code request}, in row order. A format with statistics leaves out the parts
     * they prove cannot match {@code request.filter()}; the stats of the parts left out are in
     * {@link Parts#skipped()}.
     */
    Parts parts(ReadRequest request);

    /**
     * Reads {@code part} (one of {@link #parts}' answer) into Arrow batches of at most
     * {@code request.batchRows()} rows holding the columns {@code request.columns()}, in that order, with the
     * types of {@link #schema()}, and hands each to {@code consumer}. The reader owns the batches: they are
     * valid only during the call, and the reader closes them; every buffer is allocated from
     * {@code allocator} and released before this method returns, also when it throws.
     *
     * @return rows, bytes read from storage, and the rows rejected as malformed (when the source rejects
     *     instead of failing)
     * @throws io.datajax.ir.error.ExecutionException (MALFORMED_INPUT) naming the file, line or row, column
     *     and value, when the data does not match the schema
     * @throws io.datajax.ir.error.ResourceException (IO_FAILED) when the file cannot be read
     */
    ReadStats read(SourcePart part, ReadRequest request, BufferAllocator allocator, BatchConsumer consumer);

    /**
     * The parts to read and what was skipped.
     *
     * @param parts the parts to read, in row order
     * @param skipped how many parts statistics ruled out
     * @param skippedBytes the stored bytes of the parts ruled out
     */
    record Parts(List<SourcePart> parts, int skipped, long skippedBytes) {
        public Parts {
            parts = List.copyOf(parts);
        }
    }
}
