package io.datajax.io.csv;

import io.datajax.io.ReadRequest;
import io.datajax.io.ReadStats;
import io.datajax.io.SourcePart;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.Text;

/** Reads a CSV source into plain Java rows for assertions. */
final class CsvReads {
    private CsvReads() {
    }

    /** Rows and stats of a read. */
    record Result(List<List<Object>> rows, ReadStats stats, int batches) {
    }

    /** Every column, every part, default batch size. */
    static Result readAll(CsvSource source, BufferAllocator allocator) {
        return read(source, ReadRequest.of(source.schema().names()), allocator);
    }

    /** Every part of {@code request}, in order. */
    static Result read(CsvSource source, ReadRequest request, BufferAllocator allocator) {
        List<List<Object>> rows = new ArrayList<>();
        ReadStats stats = ReadStats.NONE;
        int[] batches = {0};
        for (SourcePart part : source.parts(request).parts()) {
            stats = stats.plus(source.read(part, request, allocator, batch -> {
                batches[0]++;
                rows.addAll(rowsOf(batch));
            }));
        }
        return new Result(rows, stats, batches[0]);
    }

    /** The values of a batch: Long, Integer, Double, Boolean, String, Integer days, LocalDateTime, or null. */
    static List<List<Object>> rowsOf(VectorSchemaRoot batch) {
        List<List<Object>> rows = new ArrayList<>(batch.getRowCount());
        for (int row = 0; row < batch.getRowCount(); row++) {
            List<Object> values = new ArrayList<>();
            for (FieldVector vector : batch.getFieldVectors()) {
                Object value = vector.getObject(row);
                values.add(value instanceof Text text ? text.toString() : value);
            }
            rows.add(values);
        }
        return rows;
    }
}
